import { useId, useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ActionError } from "./ActionError";
import { useChooseTenant, useTenants } from "./connectionQueries";
import { noTenantYet, tenantLabel } from "./format";

type TenantPickerProps = { profileId: string; currentTenant: string };

/** Which directory the profile works in: its subscriptions and accounts come from there. */
export function TenantPicker({ profileId, currentTenant }: TenantPickerProps) {
  const id = useId();
  const tenants = useTenants(profileId);
  const choose = useChooseTenant(profileId);
  const [picked, setPicked] = useState<string | null>(null);

  const list = tenants.data ?? [];
  const current = list.find((tenant) => tenant.tenantId === currentTenant);
  const selected = list.find((tenant) => tenant.tenantId === picked) ?? current ?? list[0];

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="tenant-picker">
      <h3 id={`${id}-title`} className="panel-title">
        Tenant
      </h3>
      <p data-testid="current-tenant">
        {currentTenant === noTenantYet
          ? "No tenant chosen yet: pick the directory whose subscriptions you want to use."
          : `Current tenant: ${current ? tenantLabel(current) : currentTenant}`}
      </p>
      {tenants.isPending && (
        <p role="status" className="muted">
          Loading your tenants…
        </p>
      )}
      {tenants.isError && (
        <ErrorNotice
          title="Couldn’t list your tenants."
          error={tenants.error}
          onRetry={() => void tenants.refetch()}
        />
      )}
      {tenants.isSuccess && list.length === 0 && (
        <p className="muted">This account doesn’t belong to any tenant you can use.</p>
      )}
      {tenants.isSuccess && selected && (
        <div className="inline-form">
          <label htmlFor={id} className="visually-hidden">
            Tenant
          </label>
          <select
            id={id}
            className="select"
            data-testid="tenant-select"
            value={selected.tenantId}
            onChange={(event) => setPicked(event.target.value)}
          >
            {list.map((tenant) => (
              <option key={tenant.tenantId} value={tenant.tenantId}>
                {tenantLabel(tenant)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="tenant-confirm"
            disabled={choose.isPending}
            onClick={() => choose.mutate(selected.tenantId)}
          >
            {choose.isPending ? "Switching…" : "Use this tenant"}
          </button>
        </div>
      )}
      {choose.isError && <ActionError title="Couldn’t switch tenant." error={choose.error} />}
    </section>
  );
}
