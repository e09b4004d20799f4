import { shownFields, type FieldName, type ProfileDraft } from "./draft";

export type FieldErrors = Partial<Record<FieldName, string>>;

export const messages = {
  name: "Give the profile a name",
  url: "Enter a URL starting with https://",
  httpNotLocal: "http:// is only allowed for this computer (localhost)",
  apiVersion: "Use a date like 2024-10-21 or 2025-04-01-preview",
  clientId: "A client id is a GUID like 04b07795-8ddb-461a-bbee-02f9e1bf7b46",
} as const;

// The URL parser writes IPv6 hosts with their brackets and normalises 127.1 and the
// long IPv6 forms, so these three cover every way of typing "this computer".
const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for hosts that never leave this computer, where plain http leaks nothing. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

export function validateName(name: string): string | null {
  return name.trim() === "" ? messages.name : null;
}

/** An https URL, or http to this computer only (the Sandbox simulator, local proxies). */
export function validateUrl(text: string): string | null {
  const trimmed = text.trim();
  // The parser alone would take "https:host" or "acct.openai.azure.com" relative to
  // nothing; insisting on the scheme and slashes keeps what is sent what was meant.
  const scheme = /^(https?):\/\//i.exec(trimmed);
  if (!scheme) {
    return messages.url;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return messages.url;
  }
  if (url.hostname === "") {
    return messages.url;
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return messages.httpNotLocal;
  }
  return null;
}

/** Azure's api-version: a date, optionally "-preview". */
export function validateApiVersion(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(-preview)?$/.exec(text.trim());
  if (!match) {
    return messages.apiVersion;
  }
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return messages.apiVersion;
  }
  return null;
}

/** Optional; when given, an Entra application (client) id. */
export function validateClientId(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") {
    return null;
  }
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)
    ? null
    : messages.clientId;
}

const validators: Record<FieldName, (draft: ProfileDraft) => string | null> = {
  name: (draft) => validateName(draft.name),
  endpointUrl: (draft) => validateUrl(draft.endpointUrl),
  apiVersion: (draft) => validateApiVersion(draft.apiVersion),
  clientId: (draft) => validateClientId(draft.clientId),
  customArmUrl: (draft) => validateUrl(draft.customArmUrl),
  customAuthorityUrl: (draft) => validateUrl(draft.customAuthorityUrl),
};

/** Checks only the fields the form shows for this draft; empty when it can be sent. */
export function validateDraft(draft: ProfileDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of shownFields(draft)) {
    const error = validators[field](draft);
    if (error !== null) {
      errors[field] = error;
    }
  }
  return errors;
}

/** The first field, in form order, that has an error. */
export function firstInvalidField(draft: ProfileDraft, errors: FieldErrors): FieldName | undefined {
  return shownFields(draft).find((field) => errors[field] !== undefined);
}

/**
 * The errors still worth showing after one edit: the edited field's goes (the person is
 * fixing it), and so do those of fields the edit hid (another kind, cloud or API style).
 */
export function errorsAfterEdit(
  errors: FieldErrors,
  edited: keyof ProfileDraft,
  next: ProfileDraft,
): FieldErrors {
  const kept: FieldErrors = {};
  for (const field of shownFields(next)) {
    const error = errors[field];
    if (field !== edited && error !== undefined) {
      kept[field] = error;
    }
  }
  return kept;
}
