import type {
  AccountView,
  AppInfo,
  KeychainStatus,
  ProfileView,
  SavedKeyView,
  Settings,
  SubscriptionView,
  TenantView,
  ThemePreference,
} from "../bindings";

/** What `app_info` returns on a Linux desktop with an unlocked keyring. */
export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: "Foundry Desk",
    version: "0.1.0",
    dataDir: "/home/ada/.local/share/dev.foundrydesk.app",
    logDir: "/home/ada/.local/share/dev.foundrydesk.app/logs",
    keychain: { backend: "Secret Service", state: "unlocked", detail: null },
    ...overrides,
  };
}

export function sampleSettings(theme: ThemePreference): Settings {
  return { version: 1, theme };
}

/** A saved key as Rust masks it. */
export function sampleSavedKey(overrides: Partial<SavedKeyView> = {}): SavedKeyView {
  return {
    endpoint: "https://contoso-eastus.openai.azure.com/",
    masked: "•••• 3f9a",
    savedAtMs: Date.UTC(2025, 10, 20, 9, 30),
    origin: { kind: "pasted" },
    ...overrides,
  };
}

/** The built-in Sandbox, which Rust always lists. */
export function sandboxProfile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    profile: { id: "sandbox", name: "Sandbox", connection: { kind: "sandbox" } },
    signIn: "notNeeded",
    key: null,
    simulated: true,
    ...overrides,
  };
}

/** An Azure account profile, signed in to Contoso's tenant unless told otherwise. */
export function accountProfile(
  overrides: Partial<ProfileView> & {
    id?: string;
    name?: string;
    user?: string | null;
    tenant?: string;
    useAzureCli?: boolean;
  } = {},
): ProfileView {
  const { id = "acct-1", name = "Contoso", user = "ada@contoso.com", tenant, useAzureCli = false, ...view } =
    overrides;
  return {
    profile: {
      id,
      name,
      connection: {
        kind: "azureAccount",
        cloud: { kind: "public" },
        tenant: tenant ?? "11111111-1111-1111-1111-111111111111",
        clientId: null,
        user,
        useAzureCli,
      },
    },
    signIn: "signedIn",
    key: null,
    simulated: false,
    ...view,
  };
}

/** An endpoint + key profile, with no key saved unless told otherwise. */
export function endpointProfile(
  overrides: Partial<ProfileView> & { id?: string; name?: string; endpoint?: string } = {},
): ProfileView {
  const {
    id = "ep-1",
    name = "Team endpoint",
    endpoint = "https://contoso-eastus.openai.azure.com/",
    ...view
  } = overrides;
  return {
    profile: {
      id,
      name,
      connection: {
        kind: "endpointKey",
        endpoint,
        api: { style: "v1" },
        deployments: ["gpt-4o-mini", "text-embedding-3-small"],
      },
    },
    signIn: "notNeeded",
    key: null,
    simulated: false,
    ...view,
  };
}

export const unlockedKeychain: KeychainStatus = {
  backend: "Secret Service",
  state: "unlocked",
  detail: null,
};

export function sampleTenants(): TenantView[] {
  return [
    {
      tenantId: "11111111-1111-1111-1111-111111111111",
      displayName: "Contoso",
      defaultDomain: "contoso.onmicrosoft.com",
    },
    {
      tenantId: "22222222-2222-2222-2222-222222222222",
      displayName: "Fabrikam",
      defaultDomain: "fabrikam.onmicrosoft.com",
    },
  ];
}

export function sampleSubscriptions(): SubscriptionView[] {
  return [
    { subscriptionId: "sub-prod-0001", displayName: "Production", state: "Enabled" },
    { subscriptionId: "sub-dev-0002", displayName: "Development", state: "Enabled" },
  ];
}

/** An OpenAI account in the Production subscription, with no key saved unless told otherwise. */
export function sampleAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    subscriptionId: "sub-prod-0001",
    resourceGroup: "rg-ai",
    name: "contoso-eastus",
    kind: "OpenAI",
    location: "eastus",
    endpoint: "https://contoso-eastus.openai.azure.com/",
    keyAuthDisabled: false,
    key: null,
    ...overrides,
  };
}
