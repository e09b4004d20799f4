import { describe, expect, it } from "vitest";
import { emptyDraft, type ProfileDraft } from "./draft";
import {
  errorsAfterEdit,
  firstInvalidField,
  isLoopbackHost,
  messages,
  validateApiVersion,
  validateClientId,
  validateDraft,
  validateName,
  validateUrl,
} from "./validation";

function draft(overrides: Partial<ProfileDraft>): ProfileDraft {
  return { ...emptyDraft, ...overrides };
}

describe("validateName", () => {
  it("asks for a name when empty or only spaces", () => {
    expect(validateName("")).toBe("Give the profile a name");
    expect(validateName("   ")).toBe("Give the profile a name");
  });

  it("accepts any other name", () => {
    expect(validateName(" Contoso dev ")).toBeNull();
  });
});

describe("validateUrl", () => {
  it.each([
    "https://acct.openai.azure.com",
    "https://acct.cognitiveservices.azure.com/",
    "https://acct.services.ai.azure.com/openai/v1",
    "  https://acct.openai.azure.com  ",
    "HTTPS://ACCT.OPENAI.AZURE.COM",
    "https://management.local.azurestack.external:443",
  ])("accepts %s", (url) => {
    expect(validateUrl(url)).toBeNull();
  });

  it.each([
    "http://localhost:8080",
    "http://LOCALHOST",
    "http://127.0.0.1:5000/openai/v1",
    "http://[::1]:8443",
  ])("accepts plain http to this computer: %s", (url) => {
    expect(validateUrl(url)).toBeNull();
  });

  it.each([
    "",
    "   ",
    "acct.openai.azure.com",
    "https:acct.openai.azure.com",
    "ftp://acct.openai.azure.com",
    "https://",
    "https://acct openai.azure.com",
    "//acct.openai.azure.com",
  ])("asks for an https URL instead of %j", (url) => {
    expect(validateUrl(url)).toBe("Enter a URL starting with https://");
  });

  it.each([
    "http://acct.openai.azure.com",
    "http://192.168.1.10:8080",
    "http://localhost.example.com",
    "http://10.0.0.1",
  ])("refuses plain http to another computer: %s", (url) => {
    expect(validateUrl(url)).toBe("http:// is only allowed for this computer (localhost)");
  });
});

describe("isLoopbackHost", () => {
  it("knows the three ways to name this computer and nothing else", () => {
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("127.0.0.1.nip.io")).toBe(false);
    expect(isLoopbackHost("example.com")).toBe(false);
  });
});

describe("validateApiVersion", () => {
  it.each(["2024-10-21", "2025-04-01-preview", " 2024-10-21 "])("accepts %j", (version) => {
    expect(validateApiVersion(version)).toBeNull();
  });

  it.each([
    "",
    "2024-10",
    "21-10-2024",
    "2024-13-01",
    "2024-00-10",
    "2024-10-32",
    "2024-10-21-beta",
    "v1",
  ])("refuses %j", (version) => {
    expect(validateApiVersion(version)).toBe("Use a date like 2024-10-21 or 2025-04-01-preview");
  });
});

describe("validateClientId", () => {
  it("accepts an empty field (the client id is optional) and a GUID in either case", () => {
    expect(validateClientId("")).toBeNull();
    expect(validateClientId("  ")).toBeNull();
    expect(validateClientId("04b07795-8ddb-461a-bbee-02f9e1bf7b46")).toBeNull();
    expect(validateClientId(" 04B07795-8DDB-461A-BBEE-02F9E1BF7B46 ")).toBeNull();
  });

  it.each([
    "my-app",
    "04b07795-8ddb-461a-bbee-02f9e1bf7b4",
    "04b07795-8ddb-461a-bbee-02f9e1bf7b46-0",
    "{04b07795-8ddb-461a-bbee-02f9e1bf7b46}",
    "04b077958ddb461abbee02f9e1bf7b46",
    "g4b07795-8ddb-461a-bbee-02f9e1bf7b46",
  ])("refuses %j", (clientId) => {
    expect(validateClientId(clientId)).toBe(
      "A client id is a GUID like 04b07795-8ddb-461a-bbee-02f9e1bf7b46",
    );
  });
});

describe("validateDraft", () => {
  it("finds nothing wrong with a named account profile on the public cloud", () => {
    expect(validateDraft(draft({ name: "Work" }))).toEqual({});
  });

  it("checks only the fields shown for an account profile", () => {
    const errors = validateDraft(
      draft({ kind: "account", cloud: "custom", clientId: "nope", endpointUrl: "nope" }),
    );
    expect(errors).toEqual({
      name: messages.name,
      customArmUrl: messages.url,
      customAuthorityUrl: messages.url,
      clientId: messages.clientId,
    });
  });

  it("ignores the custom cloud URLs unless the cloud is custom", () => {
    const china = draft({ name: "Work", cloud: "china", customArmUrl: "nope" });
    expect(validateDraft(china)).toEqual({});
  });

  it("checks the endpoint, and the api-version only for the classic style", () => {
    const endpoint = draft({
      kind: "endpoint",
      name: "Key",
      endpointUrl: "http://acct.openai.azure.com",
      apiVersion: "latest",
    });
    expect(validateDraft(endpoint)).toEqual({ endpointUrl: messages.httpNotLocal });
    expect(validateDraft({ ...endpoint, apiStyle: "classic" })).toEqual({
      endpointUrl: messages.httpNotLocal,
      apiVersion: messages.apiVersion,
    });
  });

  it("names the first invalid field in form order", () => {
    const endpoint = draft({ kind: "endpoint", apiStyle: "classic", apiVersion: "x" });
    expect(firstInvalidField(endpoint, validateDraft(endpoint))).toBe("name");
    const named = { ...endpoint, name: "Key" };
    expect(firstInvalidField(named, validateDraft(named))).toBe("endpointUrl");
    expect(firstInvalidField(draft({ name: "ok" }), {})).toBeUndefined();
  });
});

describe("errorsAfterEdit", () => {
  it("drops the edited field's error and keeps the others", () => {
    const next = draft({ kind: "endpoint", name: "K" });
    expect(
      errorsAfterEdit({ name: messages.name, endpointUrl: messages.url }, "name", next),
    ).toEqual({ endpointUrl: messages.url });
  });

  it("drops the errors of fields an edit hid", () => {
    const errors = { name: messages.name, customArmUrl: messages.url, clientId: messages.clientId };
    expect(errorsAfterEdit(errors, "kind", draft({ kind: "endpoint" }))).toEqual({
      name: messages.name,
    });
    expect(errorsAfterEdit(errors, "cloud", draft({ cloud: "public" }))).toEqual({
      name: messages.name,
      clientId: messages.clientId,
    });
  });
});
