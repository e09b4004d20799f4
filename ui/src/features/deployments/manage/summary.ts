import type { DeploymentChange, DeploymentRow } from "../../../bindings";
import { formatCount, upgradePolicyText } from "../format";

/** The status line once Azure made a change: "Changed chat-prod: capacity 20", "Paused …". */
export function changeSummary(
  before: Pick<DeploymentRow, "name" | "sku" | "capacity" | "modelVersion" | "upgradePolicy">,
  change: DeploymentChange,
): string {
  const { name } = before;
  const parts: string[] = [];
  switch (change.kind) {
    case "pause":
      return `Paused ${name}.`;
    case "resume":
      return `Resumed ${name}.`;
    case "scale":
      if (change.skuName !== before.sku) {
        parts.push(`type ${change.skuName}`);
      }
      if (change.capacity !== before.capacity || parts.length === 0) {
        parts.push(`capacity ${formatCount(change.capacity)}`);
      }
      break;
    case "model":
      if (change.version !== before.modelVersion) {
        parts.push(`version ${change.version}`);
      }
      if (change.versionUpgrade !== before.upgradePolicy || parts.length === 0) {
        const policy = change.versionUpgrade;
        parts.push(
          `upgrade policy ${policy === null ? "Azure's default" : upgradePolicyText(policy)}`,
        );
      }
      break;
  }
  return `Changed ${name}: ${parts.join(", ")}`;
}
