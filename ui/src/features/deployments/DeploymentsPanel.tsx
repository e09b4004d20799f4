import { useIsMutating, useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { AccountView, DeploymentRow } from "../../bindings";
import { hrefFor } from "../../routes/useRoute";
import { coordinatesOf } from "./coordinates";
import { DeleteDeployment } from "./DeleteDeployment";
import {
  deploymentChangeKey,
  deploymentDeleteKey,
  deploymentsResponseMark,
  updateRows,
  useDeploymentRows,
} from "./deploymentQueries";
import { DeploymentsError } from "./DeploymentsError";
import { DeploymentsTable } from "./DeploymentsTable";
import { DeploymentsToolbar } from "./DeploymentsToolbar";
import { ManageDeployment } from "./manage/ManageDeployment";
import { ResourceFacts } from "./ResourceFacts";
import { defaultSort, filterRows, nextSort, sortRows, type Sort, type SortColumn } from "./rows";
import { DeploymentWizard } from "./wizard/DeploymentWizard";

type DeploymentsPanelProps = { profileId: string; account: AccountView };

/** The panel's one-line status, and where to try a deployment just created. */
type Status = { text: string; playground: string | null };

/**
 * The benchmark's "deployments_table_render" measure: from the rows arriving from Rust
 * (deploymentQueries marks it) to the first frame painted with them. A no-op without the mark,
 * and wherever the Performance API or requestAnimationFrame is missing.
 */
function measureTableRender(): () => void {
  if (typeof requestAnimationFrame !== "function" || typeof performance === "undefined") {
    return () => undefined;
  }
  const frame = requestAnimationFrame(() => {
    if (
      typeof performance.getEntriesByName === "function" &&
      performance.getEntriesByName(deploymentsResponseMark).length
    ) {
      performance.measure("deployments_table_render", deploymentsResponseMark);
      performance.clearMarks(deploymentsResponseMark);
    }
  });
  return () => cancelAnimationFrame(frame);
}

function countText(shown: number, total: number): string {
  const noun = total === 1 ? "deployment" : "deployments";
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

/** The selected resource: its facts, and its deployments table (or the wizard adding one). */
export function DeploymentsPanel({ profileId, account }: DeploymentsPanelProps) {
  const queryClient = useQueryClient();
  const coordinates = useMemo(() => coordinatesOf(account), [account]);
  const rows = useDeploymentRows(profileId, coordinates);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  // A change (Manage) or a delete in flight is shown, and its failure told, by the panel under
  // its row, with every input as typed. Until Azure answers, nothing here may unmount that panel:
  // another row's Manage or Delete, its own Manage toggle, New deployment, a filter hiding its
  // row. They wait, saying why (the panel's own Close and Escape wait too). Simpler and surer
  // than lifting the mutations up here: a lifted outcome would survive, but not the inputs,
  // the reviewed request and the retry the panel keeps.
  const changing = useIsMutating({ mutationKey: deploymentChangeKey(profileId, coordinates) }) > 0;
  const deleting = useIsMutating({ mutationKey: deploymentDeleteKey(profileId, coordinates) }) > 0;
  const busy = changing
    ? `Wait until the change to ${managing ?? "the deployment"} is applied.`
    : deleting
      ? `Wait until ${confirming ?? "the deployment"} is deleted.`
      : null;

  // The bench reads "deployments_table_render" (see measureTableRender): once a new rows array
  // has been committed, measure at the next frame, when it is on screen. dataUpdatedAt too, as a
  // refetch that changed nothing keeps the same array but must not leave its mark behind.
  useEffect(() => measureTableRender(), [rows.data, rows.dataUpdatedAt]);

  // Sorting 300 rows is not free: only when the rows or the order change, not on every keystroke.
  const sorted = useMemo(() => sortRows(rows.data ?? [], sort), [rows.data, sort]);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);

  const askDelete = useCallback((name: string) => {
    setConfirming(name);
    setManaging(null);
    setStatus(null);
  }, []);
  const toggleManage = useCallback((name: string) => {
    setManaging((current) => (current === name ? null : name));
    setConfirming(null);
    setStatus(null);
  }, []);
  const sortBy = useCallback(
    (column: SortColumn) => setSort((current) => nextSort(current, column)),
    [],
  );

  function created(row: DeploymentRow) {
    setCreating(false);
    setFilter("");
    setHighlighted(row.name);
    setStatus({
      text: `Created ${row.name}.`,
      playground: hrefFor("playground", {
        profile: profileId,
        deployment: row.name,
        endpoint: account.endpoint,
      }),
    });
    void updateRows(queryClient, profileId, coordinates, (old) =>
      old.some((item) => item.name === row.name)
        ? old.map((item) => (item.name === row.name ? row : item))
        : [...old, row],
    );
  }

  function deleted(name: string) {
    setConfirming(null);
    if (highlighted === name) setHighlighted(null);
    setStatus({ text: `Deleted ${name}.`, playground: null });
  }

  function changed(row: DeploymentRow, summary: string) {
    // The cache already holds the new row (useChangeDeployment): close the panel, point at it.
    setManaging(null);
    setHighlighted(row.name);
    setStatus({ text: summary, playground: null });
  }

  const managedRow =
    managing === null ? undefined : rows.data?.find((row) => row.name === managing);

  const total = rows.data?.length ?? 0;

  return (
    <div className="deployments-panel">
      <ResourceFacts account={account} />
      {status !== null && (
        <p className="deployments-status" role="status" data-testid="deployments-status">
          {status.text}
          {status.playground !== null && (
            <>
              {" "}
              <a
                className="button button-small deployments-status-link"
                data-testid="open-in-playground"
                href={status.playground}
              >
                Open in Playground
              </a>
            </>
          )}
        </p>
      )}
      {creating ? (
        <DeploymentWizard
          profileId={profileId}
          account={coordinates}
          onCreated={created}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <>
          <DeploymentsToolbar
            filter={filter}
            onFilter={setFilter}
            refreshing={rows.isFetching && !rows.isPending}
            onRefresh={() => void rows.refetch()}
            onNew={() => {
              setCreating(true);
              setConfirming(null);
              setManaging(null);
              setStatus(null);
            }}
            count={rows.isSuccess && total > 0 ? countText(visible.length, total) : null}
            busy={busy}
          />
          {rows.isPending && (
            <p role="status" className="muted">
              Loading deployments…
            </p>
          )}
          {rows.isError && (
            <DeploymentsError
              title="Couldn’t list the deployments."
              error={rows.error}
              onRetry={() => void rows.refetch()}
            />
          )}
          {rows.isSuccess && total === 0 && (
            <p className="deployments-empty" data-testid="no-deployments">
              No deployments yet — create one with New deployment.
            </p>
          )}
          {total > 0 && visible.length === 0 && (
            <p className="deployments-empty" data-testid="no-matches">
              No deployments match “{deferredFilter.trim()}”.
            </p>
          )}
          {visible.length > 0 && (
            <DeploymentsTable
              rows={visible}
              sort={sort}
              onSort={sortBy}
              highlighted={highlighted}
              confirming={confirming}
              managing={managedRow === undefined ? null : managing}
              onAskDelete={askDelete}
              onToggleManage={toggleManage}
              busy={busy}
              detail={
                confirming !== null ? (
                  <DeleteDeployment
                    key={confirming}
                    profileId={profileId}
                    account={coordinates}
                    name={confirming}
                    onDeleted={deleted}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  managedRow !== undefined && (
                    <ManageDeployment
                      key={managedRow.name}
                      profileId={profileId}
                      account={coordinates}
                      row={managedRow}
                      onChanged={changed}
                      onClose={() => setManaging(null)}
                    />
                  )
                )
              }
            />
          )}
        </>
      )}
    </div>
  );
}
