import { useEffect, useId, useRef, useState } from "react";
import type { Preset } from "../../../bindings";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { errorDetails } from "../../../lib/errorDetails";
import "../../../styles/forms.css";
import "../../../styles/settings.css";
import { useTargets } from "../../playground/playgroundQueries";
import { PresetEditor, type TargetsState } from "./PresetEditor";
import {
  endpointHost,
  groupPresets,
  presetSummary,
  updatedText,
  type PresetGroup,
} from "./presetGroups";
import { useAllPresets, useDeletePresetById, useDuplicatePreset } from "./presetsQueries";

type RowProps = {
  preset: Preset;
  group: PresetGroup;
  targets: TargetsState;
  editing: boolean;
  /** Another row's editor is open: one at a time, so nothing typed there is dropped. */
  editingElsewhere: boolean;
  onEditing: (editing: boolean) => void;
  onStatus: (status: string) => void;
  onDeleted: () => void;
};

/** One preset: what it sets, Edit / Duplicate / Delete, and the editor or confirmation under it. */
function PresetRow(props: RowProps) {
  const { preset, group, targets, editing, editingElsewhere } = props;
  const { onEditing, onStatus, onDeleted } = props;
  const duplicate = useDuplicatePreset();
  const remove = useDeletePresetById();
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Where focus goes back to once a panel under the row closes.
  const [refocus, setRefocus] = useState<"edit" | "delete" | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    const button = (refocus === "edit" ? editButton : deleteButton).current;
    if (button !== null && !button.disabled) {
      button.focus();
      setRefocus(null);
    }
  });

  const lengthParameter = group.listed?.rules.lengthParameter;
  const summary = presetSummary(preset.parameters, lengthParameter);
  const busy = duplicate.isPending || remove.isPending;
  const quoted = `'${preset.name}'`;

  function edit() {
    duplicate.reset();
    setConfirming(false);
    onEditing(true);
  }

  function doneEditing(saved: Preset | null) {
    onEditing(false);
    setRefocus("edit");
    if (saved !== null) {
      onStatus(
        saved.name === preset.name
          ? `Saved preset '${saved.name}'`
          : `Saved preset ${quoted} as '${saved.name}'`,
      );
    }
  }

  async function copy() {
    remove.reset();
    try {
      const copied = await duplicate.mutateAsync(preset.id);
      onStatus(`Duplicated preset ${quoted} as '${copied.name}'`);
    } catch {
      // Shown under the row from the mutation's state.
    }
  }

  async function confirmDelete() {
    try {
      await remove.mutateAsync(preset.id);
      onStatus(`Deleted preset ${quoted}`);
      onDeleted();
    } catch {
      // Shown under the confirmation from the mutation's state.
    }
  }

  return (
    <li className="settings-preset" data-testid="preset-row" data-id={preset.id}>
      <div className="settings-preset-row">
        <div className="settings-preset-text">
          <span className="settings-preset-title" data-testid="preset-row-name">
            {preset.name}
          </span>
          <span className="settings-preset-summary" data-testid="preset-row-summary">
            {summary}
          </span>
          {preset.updatedAtMs !== null && (
            <span className="settings-preset-updated">
              Updated {updatedText(preset.updatedAtMs)}
            </span>
          )}
        </div>
        <div className="button-row settings-preset-actions">
          <button
            ref={editButton}
            type="button"
            className="button button-small"
            data-testid="preset-edit"
            aria-label={`Edit preset ${quoted}`}
            aria-expanded={editing}
            disabled={editing || editingElsewhere || busy}
            onClick={edit}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="preset-duplicate"
            aria-label={`Duplicate preset ${quoted}`}
            disabled={editing || busy}
            onClick={() => void copy()}
          >
            {duplicate.isPending ? "Duplicating…" : "Duplicate"}
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button button-small button-danger"
            data-testid="preset-delete-row"
            aria-label={`Delete preset ${quoted}`}
            aria-expanded={confirming}
            disabled={editing || busy}
            onClick={() => {
              duplicate.reset();
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete
          </button>
        </div>
      </div>

      {editing && (
        <PresetEditor
          preset={preset}
          group={group}
          targets={targets}
          onDone={doneEditing}
        />
      )}

      {confirming && (
        <div
          className="settings-preset-confirm"
          role="group"
          aria-label={`Delete preset ${quoted}`}
          data-testid="preset-delete-row-confirmation"
        >
          <p>
            Delete the preset {quoted} of {group.deployment}? Parameters the Playground has set
            stay as they are.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="preset-delete-row-confirm"
              autoFocus
              disabled={remove.isPending}
              onClick={() => void confirmDelete()}
            >
              {remove.isPending ? "Deleting…" : "Delete"}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="preset-delete-row-cancel"
              disabled={remove.isPending}
              onClick={() => {
                setConfirming(false);
                setRefocus("delete");
              }}
            >
              Cancel
            </button>
          </div>
          {remove.isError && (
            <ErrorNotice title="Couldn’t delete the preset." error={remove.error} />
          )}
        </div>
      )}

      {duplicate.isError && (
        <ErrorNotice title="Couldn’t duplicate the preset." error={duplicate.error} />
      )}
    </li>
  );
}

type GroupProps = Omit<RowProps, "preset" | "editing" | "editingElsewhere" | "onEditing"> & {
  editingId: string | null;
  onEditingId: (id: string | null) => void;
};

/** One deployment's presets under "gpt-4o · Sandbox". */
function PresetGroupView({ group, targets, editingId, onEditingId, ...rest }: GroupProps) {
  const id = useId();
  const facts = [endpointHost(group.endpoint)];
  if (group.listed === null && targets === "known") facts.push("not listed now");
  return (
    <section
      className="settings-presets-group"
      data-testid="presets-group"
      aria-labelledby={`${id}-title`}
    >
      <h3
        id={`${id}-title`}
        className="settings-presets-group-title"
        data-testid="presets-group-title"
      >
        {group.deployment} · {group.profileLabel}
      </h3>
      <p className="settings-presets-group-facts">{facts.join(" · ")}</p>
      <ul className="settings-presets-list">
        {group.presets.map((preset) => (
          <PresetRow
            key={preset.id}
            preset={preset}
            group={group}
            targets={targets}
            editing={editingId === preset.id}
            editingElsewhere={editingId !== null && editingId !== preset.id}
            onEditing={(editing) => onEditingId(editing ? preset.id : null)}
            {...rest}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * Settings' "Deployment presets": every deployment's presets, grouped by deployment, each one
 * edited (with that deployment's parameter rules), duplicated or deleted in place.
 */
export function PresetsSection() {
  const id = useId();
  const presets = useAllPresets();
  const targets = useTargets();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const title = useRef<HTMLHeadingElement>(null);

  const targetsState: TargetsState = targets.isSuccess
    ? "known"
    : targets.isError
      ? "failed"
      : "pending";
  const groups = presets.data === undefined ? [] : groupPresets(presets.data, targets.data);
  // An editor whose preset left the list (deleted elsewhere) is closed.
  const open = editingId !== null && presets.data?.some((p) => p.id === editingId) === true;

  return (
    <section
      className="panel settings-presets"
      data-testid="presets-section"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} ref={title} className="panel-title" tabIndex={-1}>
        Deployment presets
      </h2>
      <p className="setting-hint">
        Saved from the Playground’s parameters panel; applied there from its Presets menu.
      </p>

      {presets.isError && (
        <ErrorNotice
          title="Couldn’t read the presets."
          error={presets.error}
          onRetry={() => void presets.refetch()}
        />
      )}

      {presets.isPending && (
        <p className="settings-presets-loading" data-testid="presets-loading">
          <span className="spinner" aria-hidden="true" />
          Loading presets…
        </p>
      )}

      {presets.isSuccess && groups.length === 0 && (
        <p className="settings-presets-empty" data-testid="presets-empty">
          No presets yet. Save one from the Playground’s parameters panel.
        </p>
      )}

      {targets.isError && groups.length > 0 && (
        <p className="settings-presets-note" data-testid="presets-targets-problem">
          Couldn’t list the deployments ({errorDetails(targets.error).message}), so each
          preset’s editor offers every parameter.{" "}
          <button
            type="button"
            className="button button-small"
            onClick={() => void targets.refetch()}
          >
            Try again
          </button>
        </p>
      )}

      {groups.length > 0 && (
        <div className="settings-presets-groups">
          {groups.map((group) => (
            <PresetGroupView
              key={group.key}
              group={group}
              targets={targetsState}
              editingId={open ? editingId : null}
              onEditingId={setEditingId}
              onStatus={setStatus}
              onDeleted={() => title.current?.focus()}
            />
          ))}
        </div>
      )}

      <p className="settings-presets-status" role="status" data-testid="presets-status">
        {status}
      </p>
    </section>
  );
}
