import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { AccountCoordinates, AssignmentView, PrincipalView, RoleView } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { isCommandError } from "../../lib/errorDetails";
import { useDebounced } from "../../lib/useDebounced";
import { RadioList } from "../deployments/wizard/RadioList";
import { useFindPrincipals, useGrantRole } from "./accessQueries";
import { AccessError } from "./AccessError";
import {
  checkGrant,
  draftPrincipal,
  grantLabel,
  idProblem,
  MIN_SEARCH,
  type GrantProblem,
} from "./grant";
import { kindWord, principalLabel } from "./words";

/** How long typing must pause before the directory is searched. */
export const SEARCH_DELAY_MS = 250;

type GrantFormProps = {
  profileId: string;
  account: AccountCoordinates;
  roles: readonly RoleView[];
  /** The assignments already there (and those just made): a role held directly is refused. */
  assignments: readonly AssignmentView[];
  onGranted: (assignment: AssignmentView) => void;
  onClose: () => void;
  /** Azure said the role is there already: the list is behind, ask again. */
  onStale: () => void;
};

/**
 * Who gets which role: search the directory (or paste an object id), pick a role, confirm.
 * Escape closes it; a failure keeps everything as typed.
 */
export function GrantForm(props: GrantFormProps) {
  const { profileId, account, roles, assignments, onGranted, onClose, onStale } = props;
  const id = useId();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<PrincipalView | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(true);
  const [active, setActive] = useState(0);
  const [tried, setTried] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const settled = useDebounced(text, SEARCH_DELAY_MS);
  const search = useFindPrincipals(profileId, picked === null ? settled : "");
  const grant = useGrantRole(profileId, account);

  useEffect(() => searchBox.current?.focus(), []);

  const searching = picked === null && text.trim().length >= MIN_SEARCH;
  const results = searching ? (search.data?.principals ?? []) : [];
  const showList = listOpen && results.length > 0;
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const draft = { picked, text, roleId };
  const principal = draftPrincipal(draft, results);
  const role = roles.find((item) => item.id === roleId) ?? null;
  const check = checkGrant(draft, results, roles, assignments);
  const problems: GrantProblem[] = check.ok ? [] : check.problems;
  const problemOf = (field: GrantProblem["field"]) =>
    tried ? (problems.find((problem) => problem.field === field)?.message ?? null) : null;
  // A malformed id is said as it is typed; the rest once Grant was tried.
  const principalProblem = problemOf("principal") ?? (picked === null ? idProblem(text) : null);
  const roleProblem = problemOf("role");
  const grantProblem = problemOf("grant");

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

  function searchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
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
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!check.ok || grant.isPending) return;
    try {
      const made = await grant.mutateAsync({ principal: check.principal, roleId: check.role.id });
      onGranted(made);
    } catch (error) {
      // Shown below from the mutation's state, every input as it was.
      if (isCommandError(error) && error.code === "RoleAssignmentExists") onStale();
    }
  }

  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-result-${index}`;

  return (
    <form
      className="grant-form panel"
      data-testid="grant-form"
      aria-label={`Grant a role on ${account.name}`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !grant.isPending) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 className="panel-title">Grant a role on {account.name}</h3>

      <div className="form-field grant-search-field">
        <label className="field-label" htmlFor={`${id}-search`}>
          Who
        </label>
        <span className="field-hint" id={`${id}-search-hint`}>
          A name or e-mail (at least {MIN_SEARCH} characters), or an object id.
        </span>
        <input
          ref={searchBox}
          id={`${id}-search`}
          className="input"
          data-testid="grant-search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-search-hint${principalProblem === null ? "" : ` ${id}-search-error`}`}
          aria-invalid={principalProblem !== null || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Grace Hopper, grace@contoso.com or 0a1b2c3d-…"
          value={text}
          disabled={grant.isPending}
          onChange={(event) => typeText(event.target.value)}
          onKeyDown={searchKeyDown}
        />
        {principalProblem !== null && (
          <span className="field-error" id={`${id}-search-error`} data-testid="grant-search-error">
            {principalProblem}
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
        {principal !== null && (
          <p className="grant-chosen" data-testid="grant-chosen">
            To{" "}
            <strong className={principal.displayName === null ? "deployments-mono" : undefined}>
              {principalLabel(principal)}
            </strong>
            {principal.detail !== null && ` (${principal.detail})`} ·{" "}
            {principal.kind === "unknown" && principal.displayName === null
              ? "object id"
              : kindWord(principal.kind)}
          </p>
        )}
      </div>

      <div className="form-field" data-testid="grant-role">
        <span className="field-label" aria-hidden="true">
          Role
        </span>
        <RadioList
          items={roles}
          itemKey={(item) => item.id}
          selectedKey={roleId}
          onSelect={(item) => setRoleId(item.id)}
          isDisabled={() => grant.isPending}
          optionTestId={(item) => `grant-role-${item.name}`}
          optionData={(item) => ({ "role-name": item.name })}
          label="Role"
          describedBy={roleProblem === null ? undefined : `${id}-role-error`}
        >
          {(item) => (
            <span className="wizard-option-text">
              <span className="wizard-option-name">{item.name}</span>
              <span className="wizard-option-explanation">{item.summary}</span>
            </span>
          )}
        </RadioList>
        {roleProblem !== null && (
          <span className="field-error" id={`${id}-role-error`} data-testid="grant-role-error">
            {roleProblem}
          </span>
        )}
      </div>

      {grantProblem !== null && (
        <p className="form-error" role="alert" data-testid="grant-problem">
          {grantProblem}
        </p>
      )}

      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="grant-confirm"
          disabled={grant.isPending}
        >
          {grant.isPending ? "Granting…" : grantLabel(principal, role)}
        </button>
        <button
          type="button"
          className="button"
          data-testid="grant-cancel"
          disabled={grant.isPending}
          onClick={onClose}
        >
          Cancel
        </button>
        {grant.isPending && (
          <span role="status" className="access-waiting">
            <span className="spinner" aria-hidden="true" />
            Asking Azure…
          </span>
        )}
      </div>
      {grant.isError && <AccessError action="grant" error={grant.error} />}
    </form>
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
