import type { InvokeArgs } from "@tauri-apps/api/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, vi } from "vitest";
import type {
  AccountCoordinates,
  DeploymentDraft,
  DeploymentRow,
  PlanFacts,
  Review,
} from "../../../bindings";
import { samplePlanFacts, samplePriceQuote } from "../../../test/fixtures";
import { mockCommands, type CommandReplies } from "../../../test/mockCommands";
import { renderWithQueries } from "../../../test/render";
import { DeploymentWizard } from "./DeploymentWizard";

export type User = ReturnType<typeof userEvent.setup>;

export const account: AccountCoordinates = {
  subscriptionId: "sub-prod-0001",
  resourceGroup: "rg-ai",
  name: "contoso-eastus",
};

/** One named argument of an IPC call. */
export function argOf(args: InvokeArgs | undefined, name: string): unknown {
  return args !== undefined && !Array.isArray(args) && !(args instanceof ArrayBuffer)
    ? (args as Record<string, unknown>)[name]
    : undefined;
}

export function draftOf(args: InvokeArgs | undefined): DeploymentDraft {
  return argOf(args, "draft") as DeploymentDraft;
}

/** What Rust answers for a draft that passes every check: a plan, the request and the az command. */
export function passingReview(draft: DeploymentDraft, overrides: Partial<Review> = {}): Review {
  const url = `https://management.azure.com/subscriptions/sub-prod-0001/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-eastus/deployments/${draft.name}?api-version=2024-10-01`;
  return {
    plan: {
      version: draft.modelVersion ?? "2024-11-20",
      versionWasDefault: false,
      sku: {
        name: draft.skuName,
        explanation: "",
        provisioned: false,
        minCapacity: 1,
        maxCapacity: 1000,
        step: 1,
        defaultCapacity: 10,
        usageName: null,
        rpmPerUnit: 6,
        retiresOn: null,
      },
      capacity: { tokensPerMinute: draft.skuCapacity * 1000, requestsPerMinute: draft.skuCapacity * 6 },
      quota: null,
    },
    problems: [],
    request: {
      method: "PUT",
      url,
      body: JSON.stringify(
        {
          sku: { name: draft.skuName, capacity: draft.skuCapacity },
          properties: { model: { format: draft.modelFormat, name: draft.modelName, version: draft.modelVersion } },
        },
        null,
        2,
      ),
    },
    azCommand: `az cognitiveservices account deployment create \\\n  --name contoso-eastus \\\n  --deployment-name ${draft.name} \\\n  --sku-capacity ${draft.skuCapacity}`,
    ...overrides,
  };
}

/**
 * Renders the wizard for contoso-eastus; facts, a passing review and pay-as-you-go prices unless
 * the test says otherwise.
 */
export function renderWizard(replies: CommandReplies = {}, facts: PlanFacts = samplePlanFacts()) {
  const user = userEvent.setup();
  const calls = mockCommands({
    deployment_plan_facts: () => facts,
    review_deployment: (args) => passingReview(draftOf(args)),
    deployment_price: () => samplePriceQuote(),
    ...replies,
  });
  const onCreated = vi.fn<(row: DeploymentRow) => void>();
  const onCancel = vi.fn<() => void>();
  const view = renderWithQueries(
    <DeploymentWizard profileId="acct-1" account={account} onCreated={onCreated} onCancel={onCancel} />,
  );
  return { user, calls, onCreated, onCancel, ...view };
}

export function callsTo(calls: ReturnType<typeof mockCommands>, cmd: string) {
  return calls.filter((call) => call.cmd === cmd);
}

export function modelOption(name: string, version: string): HTMLElement {
  const option = screen
    .getAllByTestId("model-option")
    .find((element) => element.dataset.model === name && element.dataset.version === version);
  if (!option) {
    throw new Error(`no model option ${name} ${version}`);
  }
  return option;
}

export function skuOption(name: string): HTMLElement {
  const option = screen.getAllByTestId("sku-option").find((element) => element.dataset.sku === name);
  if (!option) {
    throw new Error(`no deployment type option ${name}`);
  }
  return option;
}

export function next() {
  return screen.getByTestId("wizard-next");
}

/** Waits for the facts, then for step `n`. */
export async function atStep(n: number): Promise<HTMLElement> {
  return screen.findByTestId(`wizard-step-${n}`);
}

/** Chooses a model and a deployment type and stops at the capacity step. */
export async function toCapacity(
  user: User,
  model: [string, string] = ["gpt-4o", "2024-11-20"],
  sku = "GlobalStandard",
) {
  await atStep(1);
  await user.click(modelOption(...model));
  await user.click(next());
  await atStep(2);
  await user.click(skuOption(sku));
  await user.click(next());
  return atStep(3);
}

/** Goes through steps 1 to 4 with the defaults (gpt-4o, GlobalStandard, 10, name "gpt-4o"). */
export async function toOptions(user: User) {
  await toCapacity(user);
  await user.click(next());
  return atStep(4);
}

export async function toReview(user: User) {
  await toOptions(user);
  await user.click(next());
  const step = await atStep(5);
  await waitFor(() => expect(screen.queryByTestId("review-checking")).not.toBeInTheDocument());
  return step;
}

/** A promise to settle from the test, to hold a command in flight. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
