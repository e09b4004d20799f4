import type { DeploymentRow, DeploymentStatus, ProfileView } from "../../bindings";

/** Profiles that can call Resource Manager: the Sandbox, and Azure accounts signed in now. */
export function canReachResourceManager(view: ProfileView): boolean {
  const { connection } = view.profile;
  if (connection.kind === "sandbox") {
    return true;
  }
  return (
    connection.kind === "azureAccount" &&
    (view.signIn === "signedIn" || view.signIn === "azureCli")
  );
}

const numbers = new Intl.NumberFormat();

/** 150000 → "150,000" in the person's locale. */
export function formatCount(value: number): string {
  return numbers.format(value);
}

/** ["150,000 TPM", "900 RPM"]: the rates Azure gave, which the table joins with " · ". */
export function rateParts(
  row: Pick<DeploymentRow, "tokensPerMinute" | "requestsPerMinute">,
): string[] {
  const parts: string[] = [];
  if (row.tokensPerMinute !== null) {
    parts.push(`${formatCount(row.tokensPerMinute)} TPM`);
  }
  if (row.requestsPerMinute !== null) {
    parts.push(`${formatCount(row.requestsPerMinute)} RPM`);
  }
  return parts;
}

export type StatusTone = "ok" | "busy" | "bad" | "neutral";

/** The state badge's word and colour (under the name in the table). */
export function statusText(status: DeploymentStatus): { label: string; tone: StatusTone } {
  switch (status.kind) {
    case "creating":
      return { label: "Creating", tone: "busy" };
    case "succeeded":
      return { label: "Succeeded", tone: "ok" };
    case "failed":
      return { label: "Failed", tone: "bad" };
    case "paused":
      return { label: "Paused", tone: "neutral" };
    case "deleting":
      return { label: "Deleting", tone: "busy" };
    case "other":
      return { label: status.state, tone: "neutral" };
  }
}

/** Azure's upgrade policies in a word or two (the table shows Azure's name as a tooltip). */
export function upgradePolicyText(policy: string | null): string {
  switch (policy) {
    case "OnceNewDefaultVersionAvailable":
      return "To new default";
    case "OnceCurrentVersionExpired":
      return "When retired";
    case "NoAutoUpgrade":
      return "Never";
    default:
      return policy ?? noValue;
  }
}

/** Shown in a cell Azure left empty. */
export const noValue = "—";
