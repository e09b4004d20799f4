import type {
  ApiStyleChoice,
  AzureSettings,
  CloudChoice,
  NamedCloud,
  NewAccountProfile,
  NewEndpointProfile,
} from "../../../bindings";

export type ProfileKind = "account" | "endpoint";
export type CloudKind = CloudChoice["kind"];
export type ApiStyle = ApiStyleChoice["style"];

/** Everything typed in the form, as typed: nothing is trimmed or parsed until it is sent. */
export type ProfileDraft = {
  kind: ProfileKind;
  name: string;
  cloud: CloudKind;
  customArmUrl: string;
  customAuthorityUrl: string;
  customAudience: string;
  clientId: string;
  useAzureCli: boolean;
  endpointUrl: string;
  apiStyle: ApiStyle;
  apiVersion: string;
  deployments: string;
  apiKey: string;
};

/** The api-version Azure documents as the current GA one for the classic routes. */
export const defaultApiVersion = "2024-10-21";

export const emptyDraft: ProfileDraft = {
  kind: "account",
  name: "",
  cloud: "public",
  customArmUrl: "",
  customAuthorityUrl: "",
  customAudience: "",
  clientId: "",
  useAzureCli: false,
  endpointUrl: "",
  apiStyle: "v1",
  apiVersion: defaultApiVersion,
  deployments: "",
  apiKey: "",
};

/** What a new profile starts with from Settings › Azure, for the fields the person has not set. */
export type DraftDefaults = {
  cloud: NamedCloud;
  api: ApiStyleChoice;
  /** The client id Rust signs in with when the field is left empty; none is the built-in app. */
  clientId: string | null;
};

/** The defaults while the settings load or when they cannot be read: as before there were any. */
export const builtInDefaults: DraftDefaults = {
  cloud: "public",
  api: { style: "v1" },
  clientId: null,
};

/** The defaults a new profile takes from the saved Azure settings. */
export function draftDefaults(azure: AzureSettings | undefined): DraftDefaults {
  if (azure === undefined) {
    return builtInDefaults;
  }
  return { cloud: azure.defaultCloud, api: azure.inferenceStyle, clientId: azure.signInClientId };
}

/**
 * The draft as the form shows it: each field that has a default in Settings, and that the
 * person has not set (`chosen`), follows the settings, so a settings change shows in an open
 * form without ever overwriting a choice made in it.
 */
export function withDefaults(
  draft: ProfileDraft,
  chosen: ReadonlySet<keyof ProfileDraft>,
  defaults: DraftDefaults,
): ProfileDraft {
  return {
    ...draft,
    cloud: chosen.has("cloud") ? draft.cloud : defaults.cloud,
    apiStyle: chosen.has("apiStyle") ? draft.apiStyle : defaults.api.style,
    apiVersion: chosen.has("apiVersion")
      ? draft.apiVersion
      : defaults.api.style === "classic"
        ? defaults.api.apiVersion
        : defaultApiVersion,
  };
}

/** The fields that can be wrong, each named as in its `field-error-<field>` test id. */
export type FieldName =
  | "name"
  | "endpointUrl"
  | "apiVersion"
  | "clientId"
  | "customArmUrl"
  | "customAuthorityUrl";

/**
 * The checkable fields the form shows for this draft, in the order they appear, so the
 * first one with an error is the one to focus.
 */
export function shownFields(draft: ProfileDraft): FieldName[] {
  if (draft.kind === "endpoint") {
    return draft.apiStyle === "classic"
      ? ["name", "endpointUrl", "apiVersion"]
      : ["name", "endpointUrl"];
  }
  return draft.cloud === "custom"
    ? ["name", "customArmUrl", "customAuthorityUrl", "clientId"]
    : ["name", "clientId"];
}

/** Deployment names typed one per line or separated by commas; blanks and repeats dropped. */
export function splitDeployments(text: string): string[] {
  const names = text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return [...new Set(names)];
}

/**
 * The deployments text with `name` chosen or not: the other names stay, in their order,
 * one per line. Left as typed when it already says what was asked.
 */
export function chooseDeployment(text: string, name: string, chosen: boolean): string {
  const names = splitDeployments(text);
  if (names.includes(name) === chosen) {
    return text;
  }
  const next = chosen ? [...names, name] : names.filter((other) => other !== name);
  return next.join("\n");
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

function cloudChoice(draft: ProfileDraft): CloudChoice {
  if (draft.cloud === "custom") {
    return {
      kind: "custom",
      resourceManager: draft.customArmUrl.trim(),
      authorityHost: draft.customAuthorityUrl.trim(),
      audience: optional(draft.customAudience),
    };
  }
  return { kind: draft.cloud };
}

/** What to send to Rust, and which command takes it. */
export type NewProfileRequest =
  | { kind: "account"; profile: NewAccountProfile }
  | { kind: "endpoint"; profile: NewEndpointProfile };

/** Builds the request from a draft that `validateDraft` passed. */
export function toRequest(draft: ProfileDraft): NewProfileRequest {
  const name = draft.name.trim();
  if (draft.kind === "account") {
    return {
      kind: "account",
      profile: {
        name,
        cloud: cloudChoice(draft),
        clientId: optional(draft.clientId),
        useAzureCli: draft.useAzureCli,
      },
    };
  }
  return {
    kind: "endpoint",
    profile: {
      name,
      endpoint: draft.endpointUrl.trim(),
      api:
        draft.apiStyle === "classic"
          ? { style: "classic", apiVersion: draft.apiVersion.trim() }
          : { style: "v1" },
      deployments: splitDeployments(draft.deployments),
      // A pasted key often drags a space or newline along; none belongs to the key.
      key: optional(draft.apiKey),
    },
  };
}
