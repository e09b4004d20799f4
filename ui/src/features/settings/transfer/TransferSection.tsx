import { useId, useRef, useState, type DragEvent } from "react";
import type { ImportPlan } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { isCommandError } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import "../../../styles/settings.css";
import { fieldLabel, valueWords } from "../fieldWords";
import { useApplyImport, useExportSettings, usePreviewImport } from "../settingsQueries";
import { plural } from "../../../lib/plural";

/** A file picked (or dropped) to import: its name and its text, read here. */
type ImportFile = { name: string; text: string };


/** "2 presets added, 1 replaced" / "No presets in the file". */
function presetsWords(plan: ImportPlan): string {
  if (plan.presetsAdded === 0 && plan.presetsReplaced === 0) return "No presets in the file";
  const parts: string[] = [];
  if (plan.presetsAdded > 0) parts.push(`${plural(plan.presetsAdded, "preset", "presets")} added`);
  if (plan.presetsReplaced > 0) {
    parts.push(
      plan.presetsAdded > 0
        ? `${plan.presetsReplaced} replaced`
        : `${plural(plan.presetsReplaced, "preset", "presets")} replaced (same id)`,
    );
  }
  return parts.join(", ");
}

/** What an applied import did, in one sentence. */
function importedWords(file: ImportFile, plan: ImportPlan): string {
  const settings =
    plan.changes.length === 0
      ? "no setting changed"
      : `${plural(plan.changes.length, "setting", "settings")} changed`;
  return `Imported ${file.name}: ${settings}; ${presetsWords(plan).toLowerCase()}.`;
}

/**
 * Settings' "Import & export": settings and presets to one JSON file in Downloads, and such a file
 * read back: what it would change is shown first, and applied (all of it) only on Apply.
 */
export function TransferSection() {
  const id = useId();
  const exporter = useExportSettings();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [result, setResult] = useState("");
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const plan = file !== null && preview.isSuccess ? preview.data : null;
  const busy = preview.isPending || apply.isPending;

  function clear() {
    setFile(null);
    setReadError(null);
    preview.reset();
    apply.reset();
    // The same file picked again is read again.
    if (fileInput.current !== null) fileInput.current.value = "";
  }

  async function read(picked: File | undefined) {
    clear();
    setResult("");
    if (picked === undefined) return;
    let text: string;
    try {
      text = await picked.text();
    } catch (error) {
      setReadError(error);
      return;
    }
    setFile({ name: picked.name, text });
    preview.mutate(text);
  }

  async function confirm() {
    if (file === null || plan === null) return;
    try {
      await apply.mutateAsync(file.text);
      const words = importedWords(file, plan);
      clear();
      setResult(words);
    } catch {
      // Shown under the preview from the mutation's state; nothing was applied.
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    void read(event.dataTransfer.files[0]);
  }

  const importError = preview.error ?? apply.error ?? readError;

  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section-head">
        <h2 id={`${id}-title`} className="panel-title">
          Import &amp; export
        </h2>
        <p className="setting-hint">
          Move your settings and deployment presets to another machine, or keep them as a backup.
        </p>
      </div>

      <div className="settings-transfer-part">
        <h3 className="settings-subtitle">Export</h3>
        <p className="field-hint">
          Writes one JSON file to your Downloads folder with every setting and preset.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="settings-export"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate()}
          >
            {exporter.isPending ? "Exporting…" : "Export settings…"}
          </button>
        </div>
        <div role="status" data-testid="settings-export-result" className="settings-status">
          {exporter.isSuccess && (
            <>
              <p>
                Saved to <span className="path">{exporter.data}</span>
              </p>
              <p className="field-hint">
                The file holds no keys, tokens or sign-ins: those stay in your keychain.
              </p>
            </>
          )}
        </div>
        {exporter.isError && <ErrorNotice title="Couldn’t export." error={exporter.error} />}
      </div>

      <div className="settings-transfer-part">
        <h3 className="settings-subtitle">Import</h3>
        <div
          className={`settings-drop${dragging ? " settings-drop-active" : ""}`}
          data-testid="settings-import-area"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label htmlFor={`${id}-file`} className="field-label">
            Import settings from a file…
          </label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            className="settings-file"
            data-testid="settings-import-file"
            aria-describedby={`${id}-file-hint`}
            disabled={busy}
            onChange={(event) => void read(event.target.files?.[0])}
          />
          <p id={`${id}-file-hint`} className="field-hint">
            Choose a file exported by Foundry Desk, or drop it here. You see what it would change
            before anything is applied.
          </p>
        </div>

        {preview.isPending && (
          <p className="settings-loading" data-testid="settings-import-reading">
            <span className="spinner" aria-hidden="true" />
            Reading {file?.name ?? "the file"}…
          </p>
        )}

        {file !== null && plan !== null && (
          <div
            className="settings-import-preview"
            role="group"
            aria-label={`Import ${file.name}`}
            data-testid="settings-import-preview"
          >
            <p className="settings-import-title">
              Importing <span className="path">{file.name}</span> would change:
            </p>
            {plan.changes.length === 0 ? (
              <p className="muted" data-testid="settings-import-no-changes">
                No setting changes
              </p>
            ) : (
              <ul className="settings-import-changes" aria-label="Setting changes">
                {plan.changes.map((change) => (
                  <li
                    key={change.field}
                    className="settings-import-change"
                    data-testid="settings-import-change"
                    data-field={change.field}
                  >
                    <span className="settings-import-field">{fieldLabel(change.field)}</span>
                    <span className="settings-import-values">
                      {valueWords(change.field, change.before)} →{" "}
                      {valueWords(change.field, change.after)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p data-testid="settings-import-presets">Presets: {presetsWords(plan)}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                data-testid="settings-import-apply"
                disabled={apply.isPending}
                onClick={() => void confirm()}
              >
                {apply.isPending ? "Applying…" : "Apply"}
              </button>
              <button
                type="button"
                className="button"
                data-testid="settings-import-cancel"
                disabled={apply.isPending}
                onClick={clear}
              >
                Cancel
              </button>
            </div>
          </div>
        )}

        {importError !== null && (
          <ImportProblem
            name={file?.name ?? null}
            error={importError}
            applying={apply.isError}
          />
        )}

        <p role="status" className="settings-status" data-testid="settings-import-result">
          {result}
        </p>
      </div>
    </section>
  );
}

type ImportProblemProps = {
  name: string | null;
  error: unknown;
  applying: boolean;
};

/** Why a file cannot be imported, each value refused by its field; nothing was applied. */
function ImportProblem({ name, error, applying }: ImportProblemProps) {
  const fields = isCommandError(error) ? (error.fields ?? []) : [];
  const title = `${applying ? "Couldn’t apply" : "Couldn’t import"} ${name ?? "the file"}. Nothing was applied.`;
  return (
    <div className="settings-import-error" data-testid="settings-import-error">
      {fields.length === 0 ? (
        <ErrorNotice title={title} error={error} />
      ) : (
        <div className="error-notice" role="alert">
          <p className="error-notice-title">{title}</p>
          <p className="error-notice-message">
            {fields.length === 1 ? "A value is not allowed:" : "These values are not allowed:"}
          </p>
          <ul className="settings-problem-list">
            {fields.map((problem) => (
              <li key={`${problem.field}: ${problem.message}`} data-field={problem.field}>
                <span className="settings-problem-field">{fieldLabel(problem.field)}</span>
                {fieldLabel(problem.field) !== problem.field && (
                  <span className="muted"> ({problem.field})</span>
                )}
                : {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
