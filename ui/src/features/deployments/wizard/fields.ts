import type { UpgradePolicy } from "./options";

// The wizard's steps, and the fields it keeps as typed.

export type Step = 1 | 2 | 3 | 4 | 5;
export const steps: readonly Step[] = [1, 2, 3, 4, 5];
export const stepTitles: Record<Step, string> = {
  1: "Model",
  2: "Deployment type",
  3: "Capacity",
  4: "Options",
  5: "Review",
};

/** Everything chosen or typed in the wizard, as typed: parsed only when a draft is built. */
export type WizardFields = {
  search: string;
  /** The chosen model version (see `modelKey`), or null. */
  modelKey: string | null;
  skuName: string | null;
  /** The capacity as typed in the number box (the slider writes here too). */
  capacity: string;
  name: string;
  /** True once the person typed a name: choosing another model no longer renames it. */
  nameEdited: boolean;
  upgradePolicy: UpgradePolicy;
  /** A content filter policy; "" for Azure's default (sent as null). */
  contentFilter: string;
  /** `key=value`, one a line. */
  tags: string;
};

export const emptyFields: WizardFields = {
  search: "",
  modelKey: null,
  skuName: null,
  capacity: "",
  name: "",
  nameEdited: false,
  upgradePolicy: "",
  contentFilter: "",
  tags: "",
};
