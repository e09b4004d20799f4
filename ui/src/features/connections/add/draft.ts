import type {
  ApiStyleChoice,
  CloudChoice,
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
