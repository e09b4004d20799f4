import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { FieldProblem, Settings, SettingsSection } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { InlineConfirm } from "../../../components/InlineConfirm";
import { isCommandError } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import "../../../styles/settings.css";
import { fieldLabel } from "../fieldWords";
import { useResetSection, useSaveSettings, withSection } from "../settingsQueries";
import {
  isDirty,
  isUnder,
  placeProblems,
  untouched,
  type DraftState,
  type FormDefinition,
  type SaveFailure,
} from "./sectionForm";

/** What a section's fields are given to show and edit the draft. */
export type SectionFormApi<F> = {
  form: F;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  /** The problems to show by a field (its dotted name), or undefined. */
  problemsOf: (field: string) => string[] | undefined;
  /** An id for a control, unique on the page. */
  idOf: (name: string) => string;
};

type SettingsFormProps<S extends SettingsSection, F> = {
  definition: FormDefinition<S, F>;
  title: string;
  intro: string;
  /** The section's name in "Put every … setting back to its default?" */
  resetWhat: string;
  saved: Settings;
  state: DraftState<F>;
  onState: (update: (state: DraftState<F>) => DraftState<F>) => void;
  children: (api: SectionFormApi<F>) => ReactNode;
  /** Shown under the form, told the form as it stands (it is not part of what Save sends). */
  below?: (form: F) => ReactNode;
};

/**
 * One settings section as a form of its own: fields over a draft of the section, Save (the saved
 * settings with only this section replaced), Revert, and Reset to defaults behind a confirmation.
 * What Rust refuses is shown by its field, nothing typed is lost, and focus goes to the first
 * field to fix.
 */
export function SettingsForm<S extends SettingsSection, F>(props: SettingsFormProps<S, F>) {
  const { definition, title, intro, resetWhat, saved, state, onState, children, below } = props;
  const section = definition.section;
  const id = useId();
  const save = useSaveSettings();
  const reset = useResetSection();
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  // Bumped by each failed save: focus then goes to the first field to fix.
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? noticeRef.current)?.focus();
  }, [failures]);

  // The same object while nothing changes, for what is told the form (Network's Test).
  const shownSaved = useMemo(() => definition.toForm(saved[section]), [definition, saved, section]);
  const form = state.draft ?? shownSaved;
  const dirty = isDirty(definition, saved, state.draft);
  const busy = save.isPending || reset.isPending;
  const failure = state.failure;
  const placed = placeProblems(failure?.problems ?? [], definition.shownFields(form));

  function set<K extends keyof F>(key: K, value: F[K]) {
    const field = definition.fieldOf[key];
    setStatus("");
    onState((previous) => {
      const draft = { ...(previous.draft ?? shownSaved), [key]: value };
      const before = previous.failure;
      if (before === null) return { draft, failure: null };
      const problems = before.problems.filter((problem) => !isUnder(problem.field, field));
      // Every value refused has been edited since: the refusal no longer applies.
      const settled = before.problems.length > 0 && problems.length === 0;
      return { draft, failure: settled ? null : { ...before, problems } };
    });
  }

  function fail(failure: SaveFailure) {
    onState((previous) => ({ ...previous, failure }));
    setFailures((count) => count + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = state.draft;
    if (!dirty || busy || sent === null) return;
    setConfirming(false);
    setStatus("");
    const next = definition.toSettings(sent);
    if (!next.ok) {
      fail({ error: null, problems: next.problems });
      return;
    }
    try {
      await save.mutateAsync((latest) => withSection(latest, section, next.value));
      // Anything typed while it saved stays as a draft.
      onState((previous) => (previous.draft === sent ? untouched : { ...previous, failure: null }));
      setStatus("Saved.");
    } catch (error) {
      const problems: FieldProblem[] = isCommandError(error) ? (error.fields ?? []) : [];
      fail({ error, problems });
    }
  }

  function revert() {
    onState(() => untouched);
    save.reset();
    setConfirming(false);
    setStatus("");
  }

  function closeConfirmation() {
    setConfirming(false);
    reset.reset();
    resetButton.current?.focus();
  }

  async function confirmReset() {
    try {
      await reset.mutateAsync(section);
      onState(() => untouched);
      setStatus("Reset to defaults.");
      closeConfirmation();
    } catch {
      // Shown in the confirmation from the mutation's state.
    }
  }

  const api: SectionFormApi<F> = {
    form,
    set,
    problemsOf: (field) => placed.byField.get(field),
    idOf: (name) => `${id}-${name}`,
  };

  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section-head">
        <h2 id={`${id}-title`} className="panel-title">
          {title}
        </h2>
        <p className="setting-hint">{intro}</p>
      </div>

      <form
        ref={formRef}
        className="form settings-form"
        aria-labelledby={`${id}-title`}
        // Rust checks every value and says what is wrong by its field; the browser's bubbles
        // would say less, and in another voice.
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        {children(api)}

        <div className="settings-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid={`settings-save-${section}`}
            disabled={!dirty || busy}
          >
            {save.isPending ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            className="button"
            data-testid={`settings-revert-${section}`}
            disabled={(!dirty && failure === null) || busy}
            onClick={revert}
          >
            Revert
          </button>
          <span className="settings-unsaved" data-testid={`settings-unsaved-${section}`}>
            {dirty ? "Unsaved changes" : ""}
          </span>
          <span className="settings-status" role="status" data-testid={`settings-status-${section}`}>
            {status}
          </span>
          <button
            ref={resetButton}
            type="button"
            className="button settings-reset"
            data-testid={`settings-reset-${section}`}
            aria-expanded={confirming}
            disabled={busy}
            onClick={() => {
              reset.reset();
              setConfirming(true);
            }}
          >
            Reset section to defaults
          </button>
        </div>

        {confirming && (
          <InlineConfirm
            label={`Reset ${resetWhat} to defaults`}
            question={`Put every ${resetWhat} setting back to its default? Edits not saved here are dropped; other sections stay as they are.`}
            confirmLabel="Reset to defaults"
            busyLabel="Resetting…"
            busy={reset.isPending}
            error={reset.isError ? reset.error : undefined}
            errorTitle="Couldn’t reset this section."
            onConfirm={() => void confirmReset()}
            onCancel={closeConfirmation}
            testId={`settings-reset-confirmation-${section}`}
            confirmTestId={`settings-reset-confirm-${section}`}
            cancelTestId={`settings-reset-cancel-${section}`}
          />
        )}

        {failure !== null && failure.problems.length > 0 && (
          <div
            ref={noticeRef}
            tabIndex={-1}
            className="error-notice settings-problems"
            role="alert"
            data-testid={`settings-problems-${section}`}
          >
            <p className="error-notice-title">Nothing was saved: some values are not allowed.</p>
            {placed.byField.size > 0 && <p>Fix the fields marked above.</p>}
            {placed.elsewhere.length > 0 && (
              <ul className="settings-problem-list">
                {placed.elsewhere.map((problem) => (
                  <li key={`${problem.field}: ${problem.message}`}>
                    <span className="settings-problem-field">{fieldLabel(problem.field)}</span>:{" "}
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {failure !== null && failure.problems.length === 0 && failure.error !== null && (
          <div ref={noticeRef} tabIndex={-1} className="settings-failure">
            <ErrorNotice title="Couldn’t save. Nothing was saved." error={failure.error} />
          </div>
        )}
      </form>

      {below?.(form)}
    </section>
  );
}
