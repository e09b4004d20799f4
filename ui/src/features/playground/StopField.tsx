import { useId, useState, type KeyboardEvent } from "react";
import { FormField } from "../../components/FormField";
import "../../styles/forms.css";
import "../../styles/playground-panels.css";
import { addStop, MAX_STOP_SEQUENCES, stopText, unescapeStop } from "./parameters";

type StopFieldProps = {
  stop: string[];
  problem: string | undefined;
  disabled: boolean;
  onStop: (stop: string[]) => void;
};

const stopHint =
  `Up to ${MAX_STOP_SEQUENCES}: the answer ends before any of them. ` +
  "Type \\n for a line break.";

/** Up to four stop sequences, each a chip with its own Remove. */
export function StopField({ stop, problem, disabled, onStop }: StopFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const full = stop.length >= MAX_STOP_SEQUENCES;
  const sequence = unescapeStop(draft);
  const duplicate = draft !== "" && stop.includes(sequence);

  function add() {
    if (draft === "" || full || duplicate) return;
    onStop(addStop(stop, sequence));
    setDraft("");
  }

  const note = full
    ? `All ${MAX_STOP_SEQUENCES} stop sequences are set; remove one to add another.`
    : duplicate
      ? `${stopText(sequence)} is already a stop sequence.`
      : undefined;

  return (
    <FormField
      id={id}
      label="Stop sequences"
      hint={stopHint}
      field="stop"
      error={problem}
    >
      {(control) => (
        <div className="params-stop">
          <div className="params-stop-entry">
            <input
              {...control}
              className="input input-mono"
              data-testid="param-stop"
              value={draft}
              placeholder={full ? "4 of 4 set" : "e.g. END"}
              disabled={disabled || full}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <button
              type="button"
              className="button button-small"
              data-testid="param-stop-add"
              disabled={disabled || full || draft === "" || duplicate}
              onClick={add}
            >
              Add
            </button>
          </div>
          {note !== undefined && (
            <p className="field-hint" data-testid="param-stop-note">
              {note}
            </p>
          )}
          {stop.length > 0 && (
            <ul className="params-chips" aria-label="Stop sequences set">
              {stop.map((item, index) => (
                <li key={`${index}-${item}`} className="params-chip" data-testid="param-stop-chip">
                  <code>{stopText(item)}</code>
                  <button
                    type="button"
                    className="params-chip-remove"
                    data-testid="param-stop-remove"
                    aria-label={`Remove stop sequence ${stopText(item)}`}
                    disabled={disabled}
                    onClick={() => onStop(stop.filter((_, at) => at !== index))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FormField>
  );
}
