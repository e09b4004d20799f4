import type { DeploymentRow, ModelChoice } from "../../../bindings";

// Where a deployment sits in the account's catalog (the plan facts' models, one per version).

/** The catalog's entry for the deployment's own model and version, when this region lists it. */
export function currentModelOf(
  models: readonly ModelChoice[],
  row: Pick<DeploymentRow, "model" | "modelVersion">,
): ModelChoice | undefined {
  return models.find((model) => model.name === row.model && model.version === row.modelVersion);
}

/** Every version of the deployment's model that the catalog lists, in the catalog's order. */
export function versionsOf(
  models: readonly ModelChoice[],
  row: Pick<DeploymentRow, "model" | "modelVersion">,
): ModelChoice[] {
  // The row has no model format: the current version's tells apart two models of one name.
  const format = currentModelOf(models, row)?.format;
  return models.filter(
    (model) => model.name === row.model && (format === undefined || model.format === format),
  );
}
