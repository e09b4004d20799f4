import { useState, type KeyboardEvent, type Ref } from "react";
import type { PrincipalView } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useDebounced } from "../../lib/useDebounced";
import { useFindPrincipals } from "./accessQueries";
import { MIN_SEARCH } from "./grant";
import { kindWord, principalLabel } from "./words";

/** How long typing must pause before the directory is searched. */
export const SEARCH_DELAY_MS = 250;

/**
 * What the "Who" box holds: the text typed, the principal picked from the results (null until
 * one is), and the results. Results are only ever those for the text as it is now: while a newer
 * search runs, the last one's (kept on screen by the query) are not offered, so Enter cannot
 * pick someone found for older text.
 */
export function usePrincipalSearch(profileId: string) {
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<PrincipalView | null>(null);
  const settled = useDebounced(text, SEARCH_DELAY_MS);
  const search = useFindPrincipals(profileId, picked === null ? settled : "");
  const searching = picked === null && text.trim().length >= MIN_SEARCH;
  const current = searching && !search.isPlaceholderData && settled.trim() === text.trim();
  const results = current ? (search.data?.principals ?? []) : [];
  return { text, setText, picked, setPicked, settled, search, searching, current, results };
}

export type PrincipalSearchState = ReturnType<typeof usePrincipalSearch>;

type PrincipalSearchProps = {
  /** Prefix of the ids inside (from the form's `useId`). */
  id: string;
  state: PrincipalSearchState;
  inputRef: Ref<HTMLInputElement>;
  /** What is wrong with who was chosen, said under the box. */
  problem: string | null;
  disabled: boolean;
};

/**
 * The "Who" combobox: type a name, e-mail or object id; the directory's matches list below,
 * ArrowUp/Down move through them, Enter or a click picks one, Escape, Tab or leaving closes them.
 */
export function PrincipalSearch({ id, state, inputRef, problem, disabled }: PrincipalSearchProps) {
  const { text, setText, picked, setPicked, settled, search, searching, results } = state;
  const [listOpen, setListOpen] = useState(true);
  const [active, setActive] = useState(0);
  const showList = listOpen && results.length > 0;
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-result-${index}`;

  function pick(principal: PrincipalView) {
    setPicked(principal);
    setText(principalLabel(principal));
    setListOpen(false);
  }

  function typeText(next: string) {
    setText(next);
    setPicked(null);
    setListOpen(true);
    setActive(0);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (results.length === 0) return;
        event.preventDefault();
        if (!listOpen) {
          setListOpen(true);
          return;
        }
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + results.length) % results.length);
        return;
      }
      case "Enter": {
        // Enter picks from the list; it never sends the grant from the search box.
        event.preventDefault();
        const chosen = showList ? results[activeIndex] : undefined;
        if (chosen !== undefined) pick(chosen);
        return;
      }
      case "Escape":
        if (showList) {
          event.stopPropagation();
          setListOpen(false);
        }
        return;
      case "Tab":
        setListOpen(false);
        return;
    }
  }

  return (
    <>
      <label className="field-label" htmlFor={`${id}-search`}>
        Who
      </label>
      <span className="field-hint" id={`${id}-search-hint`}>
        A name or e-mail (at least {MIN_SEARCH} characters), or an object id.
      </span>
      <input
        ref={inputRef}
        id={`${id}-search`}
        className="input"
        data-testid="grant-search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-search-hint${problem === null ? "" : ` ${id}-search-error`}`}
        aria-invalid={problem !== null || undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Grace Hopper, grace@contoso.com or 0a1b2c3d-…"
        value={text}
        disabled={disabled}
        onChange={(event) => typeText(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => setListOpen(false)}
      />
      {problem !== null && (
        <span className="field-error" id={`${id}-search-error`} data-testid="grant-search-error">
          {problem}
        </span>
      )}
      <ul
        id={listId}
        role="listbox"
        className="grant-results"
        aria-label="People, groups and apps found"
        hidden={!showList}
      >
        {results.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            className="grant-result"
            data-testid={`grant-result-${item.id}`}
            aria-selected={index === activeIndex}
            // Keeps focus in the search box, as the combobox pattern has it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(item)}
          >
            <span className={item.displayName === null ? "deployments-mono" : "grant-result-name"}>
              {principalLabel(item)}
            </span>
            {item.detail !== null && <span className="cell-secondary">{item.detail}</span>}
            <span className="deployments-badge tone-neutral">{kindWord(item.kind)}</span>
          </li>
        ))}
      </ul>
      <SearchNotes
        searching={searching && picked === null}
        settled={settled.trim() === text.trim()}
        pending={search.isFetching}
        found={results.length}
        unavailable={searching ? (search.data?.unavailable ?? null) : null}
        error={searching && search.isError ? search.error : null}
        text={text.trim()}
      />
    </>
  );
}

type SearchNotesProps = {
  searching: boolean;
  /** The search box has stopped changing: what the list shows is for what it holds. */
  settled: boolean;
  pending: boolean;
  found: number;
  unavailable: string | null;
  error: unknown;
  text: string;
};

/** Searching…, nobody found, or why the directory could not be searched. */
function SearchNotes({ searching, settled, pending, found, unavailable, error, text }: SearchNotesProps) {
  if (!searching) return null;
  if (error !== null) {
    return <ErrorNotice title="Couldn’t search the directory." error={error} />;
  }
  if (unavailable !== null) {
    return (
      <p className="field-hint" role="status" data-testid="grant-search-unavailable">
        {unavailable} Paste the person’s object id instead (Entra admin center → Users → Object ID).
      </p>
    );
  }
  if (pending || !settled) {
    return (
      <p className="field-hint" role="status">
        Searching…
      </p>
    );
  }
  if (found === 0) {
    return (
      <p className="field-hint" role="status" data-testid="grant-no-results">
        Nobody found whose name or e-mail starts with “{text}”.
      </p>
    );
  }
  return null;
}
