import type { ApiStyleChoice, NamedCloud } from "../../../bindings";
import { defaultApiVersion } from "../../connections/add/draft";
import type { FormDefinition } from "../form/sectionForm";

/** Resource Manager's api-version this build was tested with: used while none is set. */
export const BUILT_IN_ARM_API_VERSION = "2026-09-01";

/** The Azure section as typed: empty text means none (the built-in value). */
export type AzureForm = {
  defaultCloud: NamedCloud;
  armApiVersion: string;
  inferenceStyle: ApiStyleChoice["style"];
  /** Kept while v1 is chosen, so switching back to classic loses nothing. */
  inferenceApiVersion: string;
  defaultRegion: string;
  signInClientId: string;
  signInTenant: string;
  /** A Retail Prices API currency code ("EUR"). */
  currency: string;
};

/** Typed text as saved: trimmed, and none when empty. */
export function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

export const azureForm: FormDefinition<"azure", AzureForm> = {
  section: "azure",
  toForm: (saved) => ({
    defaultCloud: saved.defaultCloud,
    armApiVersion: saved.armApiVersion ?? "",
    inferenceStyle: saved.inferenceStyle.style,
    inferenceApiVersion:
      saved.inferenceStyle.style === "classic" ? saved.inferenceStyle.apiVersion : defaultApiVersion,
    defaultRegion: saved.defaultRegion ?? "",
    signInClientId: saved.signInClientId ?? "",
    signInTenant: saved.signInTenant ?? "",
    currency: saved.currency,
  }),
  toSettings: (form) => ({
    ok: true,
    value: {
      defaultCloud: form.defaultCloud,
      armApiVersion: optional(form.armApiVersion),
      inferenceStyle:
        form.inferenceStyle === "classic"
          ? { style: "classic", apiVersion: form.inferenceApiVersion.trim() }
          : { style: "v1" },
      defaultRegion: optional(form.defaultRegion),
      signInClientId: optional(form.signInClientId),
      signInTenant: optional(form.signInTenant),
      currency: form.currency,
    },
  }),
  shownFields: (form) => [
    "azure.defaultCloud",
    "azure.armApiVersion",
    "azure.inferenceStyle",
    ...(form.inferenceStyle === "classic" ? ["azure.inferenceStyle.apiVersion"] : []),
    "azure.defaultRegion",
    "azure.currency",
    "azure.signInClientId",
    "azure.signInTenant",
  ],
  fieldOf: {
    defaultCloud: "azure.defaultCloud",
    armApiVersion: "azure.armApiVersion",
    inferenceStyle: "azure.inferenceStyle",
    inferenceApiVersion: "azure.inferenceStyle.apiVersion",
    defaultRegion: "azure.defaultRegion",
    signInClientId: "azure.signInClientId",
    signInTenant: "azure.signInTenant",
    currency: "azure.currency",
  },
};
