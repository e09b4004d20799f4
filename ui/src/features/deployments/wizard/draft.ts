import type {
  DeploymentDraft,
  DraftField,
  ModelChoice,
  PlanFacts,
  SkuChoice,
} from "../../../bindings";
import { checkCapacity, findSku, parseCapacity, quotaFor } from "./capacity";
import { steps, type Step, type WizardFields } from "./fields";
import { nameFromModel, parseTags, validateDeploymentName } from "./options";
import { findModel, modelKey } from "./search";

// Choices that change other fields

/** Chooses a model: keeps the deployment type (and capacity) when the model offers it too. */
export function chooseModel(fields: WizardFields, model: ModelChoice): WizardFields {
  const keepsSku = fields.skuName !== null && model.skus.some((sku) => sku.name === fields.skuName);
  return {
    ...fields,
    modelKey: modelKey(model),
    skuName: keepsSku ? fields.skuName : null,
    capacity: keepsSku ? fields.capacity : "",
    name: fields.nameEdited ? fields.name : nameFromModel(model.name),
  };
}

/** Chooses a deployment type; another type starts at its default capacity. */
export function chooseSku(fields: WizardFields, sku: SkuChoice): WizardFields {
  if (fields.skuName === sku.name && fields.capacity !== "") {
    return fields;
  }
  return { ...fields, skuName: sku.name, capacity: String(sku.defaultCapacity) };
}

// Steps, their checks and the draft

/** Why the step cannot be left forward yet; null when it is done. */
export function stepProblem(step: Step, fields: WizardFields, facts: PlanFacts): string | null {
  const model = findModel(facts, fields.modelKey);
  switch (step) {
    case 1:
      if (model === undefined) {
        return "Choose a model to continue.";
      }
      return model.blocked === null ? null : `${model.name} ${model.version} cannot be deployed.`;
    case 2:
      return findSku(model, fields.skuName) === undefined
        ? "Choose a deployment type to continue."
        : null;
    case 3: {
      const sku = findSku(model, fields.skuName);
      if (sku === undefined) {
        return "Choose a deployment type first.";
      }
      const problem = checkCapacity(
        sku,
        parseCapacity(fields.capacity),
        quotaFor(facts.quotas, sku.usageName),
      );
      return problem === null ? null : "Choose a capacity the deployment type and quota allow.";
    }
    case 4:
      if (validateDeploymentName(fields.name, facts.existing) !== null) {
        return "Fix the deployment name to continue.";
      }
      return parseTags(fields.tags).errors.length > 0 ? "Fix the tags to continue." : null;
    case 5:
      return null;
  }
}

/** The first step that is not done (5 when all are). */
export function firstOpenStep(fields: WizardFields, facts: PlanFacts): Step {
  return steps.find((step) => stepProblem(step, fields, facts) !== null) ?? 5;
}

/** The draft Rust checks and creates; null until steps 1 to 4 are done. */
export function buildDraft(fields: WizardFields, facts: PlanFacts): DeploymentDraft | null {
  if (firstOpenStep(fields, facts) !== 5) {
    return null;
  }
  const model = findModel(facts, fields.modelKey);
  const sku = findSku(model, fields.skuName);
  const capacity = parseCapacity(fields.capacity);
  if (model === undefined || sku === undefined || capacity === null) {
    return null;
  }
  return {
    name: fields.name.trim(),
    modelFormat: model.format,
    modelName: model.name,
    modelVersion: model.version,
    skuName: sku.name,
    skuCapacity: capacity,
    raiPolicy: fields.contentFilter === "" ? null : fields.contentFilter,
    versionUpgrade: fields.upgradePolicy === "" ? null : fields.upgradePolicy,
    tags: parseTags(fields.tags).tags,
  };
}

/** Where each field Rust can complain about is set, and how a person calls it. */
export const fieldStep: Record<DraftField, Step> = {
  model: 1,
  sku: 2,
  capacity: 3,
  name: 4,
  contentFilter: 4,
};

export const fieldLabel: Record<DraftField, string> = {
  model: "Model",
  sku: "Deployment type",
  capacity: "Capacity",
  name: "Name",
  contentFilter: "Content filter",
};
