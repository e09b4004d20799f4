import type { Connection, SavedKeyView, SignInState, TenantView } from "../../bindings";

export function kindLabel(connection: Connection): string {
  switch (connection.kind) {
    case "azureAccount":
      return "Azure account";
    case "endpointKey":
      return "Endpoint + key";
    case "sandbox":
      return "Sandbox";
  }
}

export function signInLabel(state: SignInState): string {
  switch (state) {
    case "signedIn":
      return "Signed in";
    case "signedOut":
      return "Not signed in";
    case "expired":
      return "Sign-in expired";
    case "azureCli":
      return "Using your Azure CLI login";
    case "notNeeded":
      return "No sign-in needed";
  }
}

/** A Rust timestamp for people; 0 or null means Rust does not know when. */
export function savedAtText(savedAtMs: number | null): string | null {
  if (savedAtMs === null || savedAtMs === 0) {
    return null;
  }
  return new Date(savedAtMs).toLocaleString();
}

/** "•••• 3f9a, saved 20/11/2025, 09:30:00", or "No key saved". */
export function savedKeyText(key: SavedKeyView | null): string {
  if (key === null) {
    return "No key saved";
  }
  const when = savedAtText(key.savedAtMs);
  return when === null ? key.masked : `${key.masked}, saved ${when}`;
}

export function tenantLabel(tenant: TenantView): string {
  const name = tenant.displayName ?? tenant.tenantId;
  return tenant.defaultDomain === null ? name : `${name} (${tenant.defaultDomain})`;
}

/** Rust's placeholder tenant until one is chosen after sign-in. */
export const noTenantYet = "organizations";
