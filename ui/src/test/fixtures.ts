import type {
  AccountView,
  AppInfo,
  ImportPlan,
  KeychainStatus,
  PlaygroundDefaults,
  PriceQuote,
  ProfileView,
  SavedKeyView,
  Settings,
  SubscriptionView,
  TenantView,
  ThemePreference,
} from "../bindings";
import { sampleParameters } from "../features/playground/testFixtures";

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

/**
 * Settings as Rust saves them, with `theme`; the Playground defaults are the model's defaults
 * with auto-save on, unless `playground` says otherwise.
 */
export function sampleSettings(
  theme: ThemePreference,
  playground: Partial<PlaygroundDefaults> = {},
): Settings {
  return {
    version: 2,
    appearance: { theme, fontSize: 14, compact: false },
    azure: {
      defaultCloud: "public",
      armApiVersion: null,
      inferenceStyle: { style: "v1" },
      defaultRegion: null,
      signInClientId: null,
      signInTenant: null,
      currency: "USD",
    },
    network: { proxy: { mode: "system" }, caCertificate: null, requestTimeoutSecs: 120 },
    playground: {
      chat: sampleParameters(),
      reasoning: sampleParameters(),
      autosave: true,
      historyDir: null,
      ...playground,
    },
  };
}

/**
 * Pay-as-you-go prices as `deployment_price` and `answer_price` answer them: $2.50 per 1M input
 * tokens ($1.25 cached), $10.00 per 1M output tokens, read on 2026-11-03. An hourly or unknown
 * quote is this with `billing` and the prices overridden.
 */
export function samplePriceQuote(overrides: Partial<PriceQuote> = {}): PriceQuote {
  return {
    currency: "USD",
    billing: "tokens",
    inputPerMillion: 2.5,
    cachedInputPerMillion: 1.25,
    outputPerMillion: 10,
    perUnitHour: null,
    hourly: null,
    asOf: "2026-11-03",
    offline: null,
    unavailable: null,
    ...overrides,
  };
}

/** Rust's `Settings::default()`: what "Reset section to defaults" puts back. */
export function defaultSettings(): Settings {
  return sampleSettings("system");
}

/** Saved settings with some sections (or fields of them) changed from the sample's. */
export function settingsWith(changes: {
  appearance?: Partial<Settings["appearance"]>;
  azure?: Partial<Settings["azure"]>;
  network?: Partial<Settings["network"]>;
  playground?: Partial<Settings["playground"]>;
}): Settings {
  const base = sampleSettings("system");
  return {
    ...base,
    appearance: { ...base.appearance, ...changes.appearance },
    azure: { ...base.azure, ...changes.azure },
    network: { ...base.network, ...changes.network },
    playground: { ...base.playground, ...changes.playground },
  };
}

/** What `preview_settings_import` answers for a file that switches to dark and a 90 s timeout. */
export function sampleImportPlan(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return {
    settings: settingsWith({ appearance: { theme: "dark" }, network: { requestTimeoutSecs: 90 } }),
    presets: [],
    changes: [
      { field: "appearance.theme", before: '"system"', after: '"dark"' },
      { field: "network.requestTimeoutSecs", before: "60", after: "90" },
    ],
    presetsAdded: 2,
    presetsReplaced: 1,
    ...overrides,
  };
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
  overrides: Partial<ProfileView> & {
    id?: string;
    name?: string;
    endpoint?: string;
    signInWith?: string | null;
  } = {},
): ProfileView {
  const {
    id = "ep-1",
    name = "Team endpoint",
    endpoint = "https://contoso-eastus.openai.azure.com/",
    signInWith = null,
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
        signInWith,
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
    endpoints: [
      {
        name: "OpenAI Language Model Instance API",
        url: "https://contoso-eastus.openai.azure.com/",
      },
    ],
    keyAuthDisabled: false,
    key: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Deployment wizard (types imported inline so this block stays self-contained)

type WizardSkuChoice = import("../bindings").SkuChoice;
type WizardModelChoice = import("../bindings").ModelChoice;

/** A GlobalStandard deployment type: 1–1000 (thousands of TPM), default 10, 6 RPM per unit. */
export function sampleSkuChoice(overrides: Partial<WizardSkuChoice> = {}): WizardSkuChoice {
  return {
    name: "GlobalStandard",
    explanation: "Global: served from any Azure region, the most quota; pay per token.",
    provisioned: false,
    minCapacity: 1,
    maxCapacity: 1000,
    step: 1,
    defaultCapacity: 10,
    usageName: "OpenAI.GlobalStandard.gpt-4o",
    rpmPerUnit: 6,
    retiresOn: null,
    ...overrides,
  };
}

/** gpt-4o 2024-11-20, the default version, deployable as GlobalStandard and Standard. */
export function sampleModelChoice(overrides: Partial<WizardModelChoice> = {}): WizardModelChoice {
  return {
    format: "OpenAI",
    name: "gpt-4o",
    version: "2024-11-20",
    lifecycle: "GenerallyAvailable",
    isDefaultVersion: true,
    capabilities: { chat: true, reasoning: false, embeddings: false, contextWindow: 128000 },
    retiresOn: "2027-02-13",
    blocked: null,
    skus: [
      sampleSkuChoice(),
      sampleSkuChoice({
        name: "Standard",
        explanation: "Regional: served in this resource's region only; pay per token.",
        usageName: "OpenAI.Standard.gpt-4o",
        maxCapacity: 300,
      }),
    ],
    ...overrides,
  };
}

/** What `deployment_plan_facts` returns for contoso-eastus: four model versions, quota, one deployment. */
export function samplePlanFacts(
  overrides: Partial<import("../bindings").PlanFacts> = {},
): import("../bindings").PlanFacts {
  return {
    location: "eastus",
    models: [
      sampleModelChoice(),
      sampleModelChoice({
        version: "2024-05-13",
        lifecycle: "Deprecating",
        isDefaultVersion: false,
        retiresOn: "2026-03-01",
        blocked: "gpt-4o 2024-05-13 is retiring on 2026-03-01 and takes no new deployments",
      }),
      sampleModelChoice({
        name: "o3-mini",
        version: "2025-01-31",
        lifecycle: "GenerallyAvailable",
        capabilities: { chat: true, reasoning: true, embeddings: false, contextWindow: 200000 },
        retiresOn: null,
        skus: [
          sampleSkuChoice({ usageName: "OpenAI.GlobalStandard.o3-mini", rpmPerUnit: 1 }),
          sampleSkuChoice({
            name: "ProvisionedManaged",
            explanation:
              "Regional: served in this resource's region only; provisioned throughput units (PTU), billed per hour whether used or not.",
            provisioned: true,
            minCapacity: 15,
            maxCapacity: 500,
            step: 5,
            defaultCapacity: 15,
            usageName: "OpenAI.ProvisionedManaged",
            rpmPerUnit: null,
          }),
        ],
      }),
      sampleModelChoice({
        name: "text-embedding-3-small",
        version: "1",
        lifecycle: "GenerallyAvailable",
        capabilities: { chat: false, reasoning: false, embeddings: true, contextWindow: 8191 },
        retiresOn: null,
        skus: [
          sampleSkuChoice({
            name: "Standard",
            explanation: "Regional: served in this resource's region only; pay per token.",
            usageName: null,
            maxCapacity: 350,
            defaultCapacity: 120,
          }),
        ],
      }),
    ],
    quotas: [
      { usageName: "OpenAI.GlobalStandard.gpt-4o", quota: { limit: 500, used: 380, free: 120 } },
      { usageName: "OpenAI.Standard.gpt-4o", quota: { limit: 300, used: 0, free: 300 } },
      { usageName: "OpenAI.ProvisionedManaged", quota: { limit: 100, used: 0, free: 100 } },
    ],
    existing: ["chat-prod", "GPT-4O-MINI"],
    raiPolicies: ["Microsoft.DefaultV2", "strict-filter"],
    ...overrides,
  };
}

/** The row `create_deployment` returns for a new gpt-4o deployment. */
export function sampleCreatedRow(
  overrides: Partial<import("../bindings").DeploymentRow> = {},
): import("../bindings").DeploymentRow {
  return {
    name: "gpt-4o",
    model: "gpt-4o",
    modelVersion: "2024-11-20",
    sku: "GlobalStandard",
    capacity: 10,
    tokensPerMinute: 10000,
    requestsPerMinute: 60,
    upgradePolicy: null,
    contentFilter: null,
    status: { kind: "succeeded" },
    warning: null,
    pausable: true,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Deployments table (types imported inline so this block stays self-contained)

type TableDeploymentRow = import("../bindings").DeploymentRow;

/** A row of the deployments table: chat-prod, gpt-4o on GlobalStandard at 150 (150,000 TPM). */
export function sampleDeploymentRow(overrides: Partial<TableDeploymentRow> = {}): TableDeploymentRow {
  return {
    name: "chat-prod",
    model: "gpt-4o",
    modelVersion: "2024-11-20",
    sku: "GlobalStandard",
    capacity: 150,
    tokensPerMinute: 150000,
    requestsPerMinute: 900,
    upgradePolicy: "OnceNewDefaultVersionAvailable",
    contentFilter: "Microsoft.DefaultV2",
    status: { kind: "succeeded" },
    warning: null,
    pausable: true,
    ...overrides,
  };
}

/** Three deployments of different models, types and capacities, in the order Azure lists them. */
export function sampleDeploymentRows(): TableDeploymentRow[] {
  return [
    sampleDeploymentRow(),
    sampleDeploymentRow({
      name: "embeddings",
      model: "text-embedding-3-small",
      modelVersion: "1",
      sku: "Standard",
      capacity: 1200,
      tokensPerMinute: 1200000,
      requestsPerMinute: 7200,
      upgradePolicy: null,
      contentFilter: null,
    }),
    sampleDeploymentRow({
      name: "legacy-35",
      model: "gpt-35-turbo",
      modelVersion: "0125",
      sku: "Standard",
      capacity: 30,
      tokensPerMinute: 30000,
      requestsPerMinute: 180,
      status: { kind: "other", state: "Canceled" },
      warning: "Retires on 2026-01-15 (in 48 days)",
    }),
  ];
}
