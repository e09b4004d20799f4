import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { AccountView, DeploymentRow } from "../../bindings";
import { coordinatesOf } from "./coordinates";
import { DeleteDeployment } from "./DeleteDeployment";
import { updateRows, useDeploymentRows } from "./deploymentQueries";
import { DeploymentsError } from "./DeploymentsError";
import { DeploymentsTable } from "./DeploymentsTable";
import { DeploymentsToolbar } from "./DeploymentsToolbar";
import { ResourceFacts } from "./ResourceFacts";
import { defaultSort, filterRows, nextSort, sortRows, type Sort, type SortColumn } from "./rows";
import { DeploymentWizard } from "./wizard/DeploymentWizard";

type DeploymentsPanelProps = { profileId: string; account: AccountView };

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
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // Sorting 300 rows is not free: only when the rows or the order change, not on every keystroke.
  const sorted = useMemo(() => sortRows(rows.data ?? [], sort), [rows.data, sort]);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);

  const askDelete = useCallback((name: string) => {
    setConfirming(name);
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
    setStatus(`Created ${row.name}.`);
    void updateRows(queryClient, profileId, coordinates, (old) =>
      old.some((item) => item.name === row.name)
        ? old.map((item) => (item.name === row.name ? row : item))
        : [...old, row],
    );
  }

  function deleted(name: string) {
    setConfirming(null);
    if (highlighted === name) setHighlighted(null);
    setStatus(`Deleted ${name}.`);
  }

  const total = rows.data?.length ?? 0;

  return (
    <div className="deployments-panel">
      <ResourceFacts account={account} />
      {status !== null && (
        <p className="deployments-status" role="status" data-testid="deployments-status">
          {status}
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
              setStatus(null);
            }}
            count={rows.isSuccess && total > 0 ? countText(visible.length, total) : null}
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
              onAskDelete={askDelete}
              confirmation={
                confirming !== null && (
                  <DeleteDeployment
                    key={confirming}
                    profileId={profileId}
                    account={coordinates}
                    name={confirming}
                    onDeleted={deleted}
                    onCancel={() => setConfirming(null)}
                  />
                )
              }
            />
          )}
        </>
      )}
    </div>
  );
}
