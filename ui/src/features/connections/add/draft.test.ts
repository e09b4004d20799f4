import { describe, expect, it } from "vitest";
import { settingsWith } from "../../../test/fixtures";
import {
  builtInDefaults,
  chooseDeployment,
  defaultApiVersion,
  draftDefaults,
  emptyDraft,
  splitDeployments,
  toRequest,
  withDefaults,
  type DraftDefaults,
  type ProfileDraft,
} from "./draft";

function draft(overrides: Partial<ProfileDraft>): ProfileDraft {
  return { ...emptyDraft, ...overrides };
}

describe("splitDeployments", () => {
  it("takes names one per line or comma separated, trimmed, without blanks or repeats", () => {
    expect(splitDeployments(" gpt-4o\n\ngpt-4o-mini , o3,\r\ngpt-4o \n")).toEqual([
      "gpt-4o",
      "gpt-4o-mini",
      "o3",
    ]);
  });

  it("gives no names for an empty field", () => {
    expect(splitDeployments("  \n , ")).toEqual([]);
  });
});

describe("toRequest", () => {
  it("builds an account profile with a trimmed name and no client id when empty", () => {
    expect(toRequest(draft({ name: "  Work  ", cloud: "usGovernment" }))).toEqual({
      kind: "account",
      profile: {
        name: "Work",
        cloud: { kind: "usGovernment" },
        clientId: null,
        useAzureCli: false,
      },
    });
  });

  it("builds a custom cloud with a null audience when none is typed", () => {
    const request = toRequest(
      draft({
        name: "Stack",
        cloud: "custom",
        customArmUrl: " https://management.local.azurestack.external ",
        customAuthorityUrl: "https://adfs.local.azurestack.external/adfs",
        customAudience: "  ",
      }),
    );
    expect(request.kind === "account" && request.profile.cloud).toEqual({
      kind: "custom",
      resourceManager: "https://management.local.azurestack.external",
      authorityHost: "https://adfs.local.azurestack.external/adfs",
      audience: null,
    });
  });

  it("builds an endpoint profile; the key is trimmed and null when empty", () => {
    const typed = draft({
      kind: "endpoint",
      name: "Key",
      endpointUrl: " https://acct.openai.azure.com/openai/v1 ",
      deployments: "a, b",
      apiKey: " k3y\n",
      // Left over from an account tried first: must not leak into the request.
      clientId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
    });
    expect(toRequest(typed)).toEqual({
      kind: "endpoint",
      profile: {
        name: "Key",
        endpoint: "https://acct.openai.azure.com/openai/v1",
        api: { style: "v1" },
        deployments: ["a", "b"],
        key: "k3y",
      },
    });
    const noKey = toRequest({
      ...typed,
      apiKey: "",
      apiStyle: "classic",
      apiVersion: " 2024-10-21 ",
    });
    expect(noKey.kind === "endpoint" && noKey.profile.key).toBeNull();
    expect(noKey.kind === "endpoint" && noKey.profile.api).toEqual({
      style: "classic",
      apiVersion: "2024-10-21",
    });
  });
});

describe("chooseDeployment", () => {
  it("adds a name after the typed ones, one per line", () => {
    expect(chooseDeployment("mine, gpt-4o\n", "o3", true)).toBe("mine\ngpt-4o\no3");
    expect(chooseDeployment("", "o3", true)).toBe("o3");
  });

  it("removes only that name and keeps the others in order", () => {
    expect(chooseDeployment("mine, o3\ngpt-4o", "o3", false)).toBe("mine\ngpt-4o");
  });

  it("leaves the text as typed when nothing changes", () => {
    expect(chooseDeployment("o3 , mine", "o3", true)).toBe("o3 , mine");
    expect(chooseDeployment("mine,", "o3", false)).toBe("mine,");
  });
});

describe("withDefaults", () => {
  const classic: DraftDefaults = {
    cloud: "china",
    api: { style: "classic", apiVersion: "2025-04-01-preview" },
    clientId: null,
  };

  it("takes the settings' cloud, style and api-version for the fields not set", () => {
    expect(withDefaults(emptyDraft, new Set(), classic)).toMatchObject({
      cloud: "china",
      apiStyle: "classic",
      apiVersion: "2025-04-01-preview",
    });
    expect(withDefaults(emptyDraft, new Set(), builtInDefaults)).toEqual(emptyDraft);
  });

  it("keeps each field the person set, whatever the settings say", () => {
    const typed = draft({ cloud: "custom", apiStyle: "v1", apiVersion: "2024-06-01" });
    expect(withDefaults(typed, new Set(["cloud", "apiStyle"] as const), classic)).toMatchObject({
      cloud: "custom",
      apiStyle: "v1",
      apiVersion: "2025-04-01-preview",
    });
    expect(withDefaults(typed, new Set(["apiVersion"] as const), builtInDefaults)).toMatchObject({
      cloud: "public",
      apiVersion: "2024-06-01",
    });
  });

  it("reads the defaults from the Azure settings, built-in ones while there are none", () => {
    expect(draftDefaults(undefined)).toEqual(builtInDefaults);
    const azure = settingsWith({
      azure: { defaultCloud: "usGovernment", signInClientId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" },
    }).azure;
    expect(draftDefaults(azure)).toEqual({
      cloud: "usGovernment",
      api: { style: "v1" },
      clientId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    });
    expect(withDefaults(emptyDraft, new Set(), draftDefaults(azure)).apiVersion).toBe(
      defaultApiVersion,
    );
  });
});
