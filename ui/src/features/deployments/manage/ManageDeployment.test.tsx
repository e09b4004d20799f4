import type { Channel } from "@tauri-apps/api/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type {
  ChangeReview,
  DeploymentChange,
  DeploymentRow,
  OperationProgress,
} from "../../../bindings";
import { sampleDeploymentRow, sampleDeploymentRows, samplePlanFacts } from "../../../test/fixtures";
import { commandError, never, type CommandReplies } from "../../../test/mockCommands";
import { argOf, callsTo, cellOf, renderDeployments, rowOf } from "../testSupport";

vi.mock("../wizard/DeploymentWizard", () => import("../testWizard"));

// Any digit-group separator, so the tests read the same whatever the machine's locale.
const sep = "[,.\\s\u00a0\u202f']";

const account = { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" };
const deploymentUrl = (name: string) =>
  `https://management.azure.com/subscriptions/sub-prod-0001/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-eastus/deployments/${name}?api-version=2024-10-01`;

/** What Rust answers for a change that passes: the exact PATCH it would send. */
function passing(name: string, body: string): ChangeReview {
  return { problems: [], request: { method: "PATCH", url: deploymentUrl(name), body } };
}

/** The rows as Rust lists them, changing when Rust applies a change. */
function deploymentsOnFile(initial: DeploymentRow[]) {
  let rows = initial;
  return {
    list: () => rows,
    apply: (name: string, change: DeploymentChange): DeploymentRow => {
      const before = rows.find((row) => row.name === name);
      if (before === undefined) throw new Error(`no row ${name}`);
      let after: DeploymentRow = before;
      if (change.kind === "scale") {
        after = {
          ...before,
          sku: change.skuName,
          capacity: change.capacity,
          tokensPerMinute: change.capacity * 1000,
          requestsPerMinute: change.capacity * 6,
        };
      } else if (change.kind === "model") {
        after = { ...before, modelVersion: change.version, upgradePolicy: change.versionUpgrade };
      } else {
        after = { ...before, status: { kind: change.kind === "pause" ? "paused" : "succeeded" } };
      }
      rows = rows.map((row) => (row.name === name ? after : row));
      return after;
    },
  };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function renderManage(replies: CommandReplies = {}) {
  return renderDeployments({
    list_deployment_rows: () => sampleDeploymentRows(),
    deployment_plan_facts: () => samplePlanFacts(),
    ...replies,
  });
}

type User = ReturnType<typeof renderDeployments>["user"];

/** Opens the Manage panel of `name` once its plan facts are read. */
async function openManage(user: User, name: string): Promise<HTMLElement> {
  await screen.findByTestId("deployments-table");
  await user.click(within(rowOf(name)).getByTestId("manage-deployment"));
  const panel = screen.getByTestId("manage-panel");
  await waitFor(() => expect(within(panel).queryByText(/^Reading the types/)).toBeNull());
  return panel;
}

function capacity(): HTMLInputElement {
  return screen.getByTestId<HTMLInputElement>("manage-capacity");
}

async function typeCapacity(user: User, text: string) {
  await user.clear(capacity());
  if (text !== "") await user.type(capacity(), text);
}

describe("manage a deployment: the panel", () => {
  it("opens under the row with focus inside, one panel at a time, and closes with Escape", async () => {
    const { user } = renderManage();
    await screen.findByTestId("deployments-table");
    const manage = within(rowOf("chat-prod")).getByTestId("manage-deployment");
    expect(manage).toHaveAccessibleName("Manage chat-prod");
    expect(manage).toHaveAttribute("aria-expanded", "false");

    await user.click(manage);

    const panel = screen.getByTestId("manage-panel");
    expect(manage).toHaveAttribute("aria-expanded", "true");
    const heading = within(panel).getByRole("heading", { name: "Manage chat-prod" });
    expect(heading).toHaveFocus();
    // In the row right under chat-prod's.
    expect(rowOf("chat-prod").nextElementSibling).toContainElement(panel);
    await within(panel).findByTestId("manage-sku");

    // Delete closes Manage, and Manage closes Delete.
    await user.click(within(rowOf("embeddings")).getByTestId("delete-deployment"));
    expect(screen.queryByTestId("manage-panel")).not.toBeInTheDocument();
    expect(screen.getByTestId("delete-confirmation")).toBeInTheDocument();
    expect(screen.getByTestId("delete-confirm-name")).toHaveFocus();
    await user.click(within(rowOf("embeddings")).getByTestId("manage-deployment"));
    expect(screen.queryByTestId("delete-confirmation")).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Manage embeddings" })).toHaveFocus();

    await user.keyboard("{Escape}");

    expect(screen.queryByTestId("manage-panel")).not.toBeInTheDocument();
    expect(within(rowOf("embeddings")).getByTestId("manage-deployment")).toHaveFocus();
    expect(within(rowOf("embeddings")).getByTestId("manage-deployment")).toHaveAttribute(
      "aria-expanded",
      "false",
    );
  });

  it("can be worked from the keyboard alone", async () => {
    const { user } = renderManage();
    await screen.findByTestId("deployments-table");
    within(rowOf("chat-prod")).getByTestId("manage-deployment").focus();

    await user.keyboard("{Enter}");
    await screen.findByTestId("manage-sku");
    await user.tab();
    expect(screen.getByTestId("manage-usage")).toHaveFocus();
    await user.tab();
    expect(screen.getByTestId("manage-close")).toHaveFocus();
    await user.tab();
    expect(screen.getByTestId("manage-sku")).toHaveFocus();
    await user.tab();
    expect(capacity()).toHaveFocus();
    await user.keyboard("{Backspace}{Backspace}{Backspace}20");
    await user.tab();
    expect(screen.getByTestId("manage-review")).toHaveFocus();
    expect(screen.getByTestId("manage-review")).toBeEnabled();

    await user.click(screen.getByTestId("manage-close"));
    expect(screen.queryByTestId("manage-panel")).not.toBeInTheDocument();
    expect(within(rowOf("chat-prod")).getByTestId("manage-deployment")).toHaveFocus();
  });

  it("says when the region's facts cannot be read", async () => {
    const { user } = renderManage({
      deployment_plan_facts: () => {
        throw commandError({ kind: "network", message: "Azure could not be reached." });
      },
    });
    await screen.findByTestId("deployments-table");
    await user.click(within(rowOf("chat-prod")).getByTestId("manage-deployment"));

    const alert = await within(screen.getByTestId("manage-panel")).findByRole("alert");
    expect(alert).toHaveTextContent("Azure could not be reached.");
    // Pausing needs no catalog.
    expect(screen.getByTestId("manage-pause")).toHaveTextContent("Pause");
  });
});

describe("manage a deployment: type and capacity", () => {
  it("checks the capacity as typed, counting the deployment's own capacity as free", async () => {
    const { user, calls } = renderManage();
    await openManage(user, "chat-prod");

    const sku = screen.getByTestId("manage-sku");
    expect(sku).toHaveValue("GlobalStandard");
    expect(within(sku).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "GlobalStandard (current)",
      "Standard",
    ]);
    expect(capacity()).toHaveValue(150);
    expect(capacity()).toHaveAttribute("min", "1");
    expect(capacity()).toHaveAttribute("max", "1000");
    expect(capacity()).toHaveAttribute("step", "1");
    // 120 free in the region, plus the 150 this deployment already holds.
    expect(screen.getByTestId("manage-capacity-quota").textContent).toMatch(
      /^270 of 500 free for OpenAI\.GlobalStandard\.gpt-4o \(counting this deployment’s 150\)$/,
    );
    expect(screen.getByTestId("manage-capacity-derived").textContent).toMatch(
      new RegExp(`^150${sep}000 TPM · 900 RPM$`),
    );
    // Nothing differs yet.
    expect(screen.getByTestId("manage-review")).toBeDisabled();

    await typeCapacity(user, "270");
    expect(screen.queryByTestId("manage-capacity-problem")).not.toBeInTheDocument();
    expect(screen.getByTestId("manage-capacity-derived").textContent).toMatch(
      new RegExp(`^270${sep}000 TPM · 1${sep}620 RPM$`),
    );
    expect(screen.getByTestId("manage-review")).toBeEnabled();

    await typeCapacity(user, "271");
    const problem = screen.getByTestId("manage-capacity-problem");
    expect(problem).toHaveTextContent(
      "271 is more than the 270 free in this region (230 of 500 used for OpenAI.GlobalStandard.gpt-4o); lower it, free some up, or request more quota.",
    );
    expect(within(problem).getByRole("link", { name: "Request more quota" })).toHaveAttribute(
      "href",
      "https://aka.ms/oai/quotaincrease",
    );
    expect(capacity()).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("manage-review")).toBeDisabled();

    await typeCapacity(user, "0");
    expect(screen.getByTestId("manage-capacity-problem")).toHaveTextContent(
      "GlobalStandard takes at least 1.",
    );
    expect(within(screen.getByTestId("manage-capacity-problem")).queryByRole("link")).toBeNull();
    expect(screen.getByTestId("manage-review")).toBeDisabled();

    await typeCapacity(user, "");
    expect(screen.getByTestId("manage-capacity-problem")).toHaveTextContent(
      "Enter the capacity as a whole number.",
    );
    expect(screen.getByTestId("manage-capacity-derived")).toHaveTextContent("—");

    // Another type draws from another quota: none of the deployment's own counts there.
    await user.selectOptions(sku, "Standard");
    await typeCapacity(user, "301");
    expect(screen.getByTestId("manage-capacity-quota")).toHaveTextContent(
      /^300 of 300 free for OpenAI\.Standard\.gpt-4o$/,
    );
    expect(screen.getByTestId("manage-capacity-problem")).toHaveTextContent(
      "Standard takes at most 300.",
    );
    await typeCapacity(user, "150");
    expect(screen.queryByTestId("manage-capacity-problem")).not.toBeInTheDocument();
    expect(screen.getByTestId("manage-review")).toBeEnabled();

    // Back to what it is: nothing to review.
    await user.selectOptions(sku, "GlobalStandard");
    expect(screen.getByTestId("manage-review")).toBeDisabled();
    expect(callsTo(calls, "review_deployment_change")).toHaveLength(0);
  });

  it("keeps to a provisioned type's steps, and says such a type cannot be paused", async () => {
    const reasoning = sampleDeploymentRow({
      name: "reasoning",
      model: "o3-mini",
      modelVersion: "2025-01-31",
      sku: "ProvisionedManaged",
      capacity: 15,
      tokensPerMinute: null,
      requestsPerMinute: null,
      upgradePolicy: null,
      pausable: false,
    });
    const { user } = renderManage({ list_deployment_rows: () => [reasoning] });
    await openManage(user, "reasoning");

    expect(capacity()).toHaveAttribute("step", "5");
    expect(screen.getByTestId("manage-capacity-derived")).toHaveTextContent("15 PTU");
    await typeCapacity(user, "17");
    expect(screen.getByTestId("manage-capacity-problem")).toHaveTextContent(
      "ProvisionedManaged takes capacity in steps of 5 (e.g. 15 or 20).",
    );
    expect(screen.getByTestId("manage-review")).toBeDisabled();
    await typeCapacity(user, "20");
    expect(screen.getByTestId("manage-review")).toBeEnabled();

    expect(screen.queryByTestId("manage-pause")).not.toBeInTheDocument();
    expect(screen.getByTestId("manage-pause-unavailable")).toHaveTextContent(
      "ProvisionedManaged deployments cannot be paused",
    );
    // No policy set: Azure's default is listed as what it is now.
    expect(screen.getByTestId("manage-upgrade")).toHaveValue("");
  });

  it("says when the catalog has nothing for a deployment's model", async () => {
    const { user } = renderManage();
    await openManage(user, "legacy-35");

    expect(screen.getByTestId("manage-no-skus")).toHaveTextContent(
      "lists no deployment types for gpt-35-turbo 0125",
    );
    expect(screen.queryByTestId("manage-review")).not.toBeInTheDocument();
    // Its own version stays listed, so its upgrade policy can still be changed.
    const version = screen.getByTestId("manage-version");
    expect(within(version).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "0125 (current)",
    ]);
    expect(screen.getByTestId("manage-review-model")).toBeDisabled();
    await user.selectOptions(screen.getByTestId("manage-upgrade"), "NoAutoUpgrade");
    expect(screen.getByTestId("manage-review-model")).toBeEnabled();
    expect(screen.getByTestId("manage-pause")).toHaveTextContent("Pause");
  });
});

describe("manage a deployment: as strict as Rust, no more", () => {
  it("counts its own capacity as free even beyond the limit, as Rust's check does", async () => {
    // Azure reports less used than the deployment holds (usage lags): Rust allows free + own.
    const facts = samplePlanFacts();
    const quotas = facts.quotas.map((named) =>
      named.usageName === "OpenAI.GlobalStandard.gpt-4o"
        ? { ...named, quota: { limit: 200, used: 100, free: 100 } }
        : named,
    );
    const { user } = renderManage({ deployment_plan_facts: () => ({ ...facts, quotas }) });
    await openManage(user, "chat-prod");

    await typeCapacity(user, "250");
    expect(screen.queryByTestId("manage-capacity-problem")).not.toBeInTheDocument();
    expect(screen.getByTestId("manage-review")).toBeEnabled();

    await typeCapacity(user, "251");
    expect(screen.getByTestId("manage-capacity-problem")).toHaveTextContent(
      "251 is more than the 250 free in this region",
    );
    expect(screen.getByTestId("manage-review")).toBeDisabled();
  });

  it("offers pausing as the row says (Rust's rule), whatever the type is called", async () => {
    const rows = [
      sampleDeploymentRow({ name: "no-pause", pausable: false }),
      sampleDeploymentRow({ name: "new-type", sku: "GlobalStandardNext", pausable: true }),
    ];
    const { user } = renderManage({ list_deployment_rows: () => rows });
    await openManage(user, "no-pause");
    expect(screen.queryByTestId("manage-pause")).not.toBeInTheDocument();
    expect(screen.getByTestId("manage-pause-unavailable")).toHaveTextContent(
      "GlobalStandard deployments cannot be paused",
    );

    await user.click(screen.getByTestId("manage-close"));
    await openManage(user, "new-type");
    expect(screen.getByTestId("manage-pause")).toHaveTextContent("Pause");
    expect(screen.queryByTestId("manage-pause-unavailable")).not.toBeInTheDocument();
  });
});

describe("manage a deployment: version and upgrade policy", () => {
  it("lists the model's versions, blocked ones disabled with their reason", async () => {
    const { user, calls } = renderManage({
      review_deployment_change: () => passing("chat-prod", '{\n  "properties": {}\n}'),
    });
    await openManage(user, "chat-prod");

    const version = screen.getByTestId("manage-version");
    expect(version).toHaveValue("2024-11-20");
    const options = within(version).getAllByRole<HTMLOptionElement>("option");
    expect(options.map((option) => [option.textContent, option.disabled])).toEqual([
      ["2024-11-20 (default, current)", false],
      [
        "2024-05-13 — gpt-4o 2024-05-13 is retiring on 2026-03-01 and takes no new deployments",
        true,
      ],
    ]);

    const upgrade = screen.getByTestId("manage-upgrade");
    expect(upgrade).toHaveValue("OnceNewDefaultVersionAvailable");
    expect(
      within(upgrade)
        .getAllByRole<HTMLOptionElement>("option")
        .map((option) => [option.value, option.textContent]),
    ).toEqual([
      ["OnceNewDefaultVersionAvailable", "To new default"],
      ["OnceCurrentVersionExpired", "When retired"],
      ["NoAutoUpgrade", "Never"],
    ]);
    const review = screen.getByTestId("manage-review-model");
    expect(review).toBeDisabled();

    await user.selectOptions(upgrade, "NoAutoUpgrade");
    expect(review).toBeEnabled();
    await user.click(review);

    await screen.findByTestId("manage-request");
    expect(callsTo(calls, "review_deployment_change").map((call) => call.args)).toEqual([
      {
        profileId: "sandbox",
        account,
        name: "chat-prod",
        change: { kind: "model", version: "2024-11-20", versionUpgrade: "NoAutoUpgrade" },
      },
    ]);
    // Scale has its own review, untouched.
    expect(
      within(screen.getByTestId("manage-scale")).queryByTestId("manage-request"),
    ).not.toBeInTheDocument();
  });
});

describe("manage a deployment: review", () => {
  it("shows the exact request, copies it, and forgets it when an input changes", async () => {
    const body = '{\n  "sku": {\n    "name": "GlobalStandard",\n    "capacity": 200\n  }\n}';
    const { user, calls } = renderManage({
      review_deployment_change: () => passing("chat-prod", body),
    });
    await openManage(user, "chat-prod");
    await typeCapacity(user, "200");

    await user.click(screen.getByTestId("manage-review"));

    const request = await screen.findByTestId("manage-request");
    expect(request.textContent).toBe(`PATCH ${deploymentUrl("chat-prod")}\n\n${body}`);
    // The wizard's code block: titled, with its one copy button.
    const block = screen.getByRole("region", { name: "The request Foundry Desk sends" });
    expect(block).toHaveClass("code-block");
    expect(block).toContainElement(request);
    expect(within(block).getAllByRole("button")).toEqual([
      within(block).getByTestId("manage-copy-request"),
    ]);
    expect(callsTo(calls, "review_deployment_change").map((call) => call.args)).toEqual([
      {
        profileId: "sandbox",
        account,
        name: "chat-prod",
        change: { kind: "scale", skuName: "GlobalStandard", capacity: 200 },
      },
    ]);
    expect(screen.getByTestId("manage-apply")).toBeEnabled();

    await user.click(screen.getByTestId("manage-copy-request"));
    expect(screen.getByTestId("manage-copy-request")).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe(request.textContent);

    await typeCapacity(user, "210");
    expect(screen.queryByTestId("manage-request")).not.toBeInTheDocument();
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();
    expect(callsTo(calls, "change_deployment")).toHaveLength(0);
  });

  it("drops the review when the deployment changes; applies only what was reviewed", async () => {
    let rows = sampleDeploymentRows();
    const { user, calls } = renderManage({
      list_deployment_rows: () => rows,
      review_deployment_change: (args) => {
        const change = argOf(args, "change") as Extract<DeploymentChange, { kind: "scale" }>;
        return passing("chat-prod", `{"capacity": ${change.capacity}}`);
      },
      change_deployment: never,
    });
    await openManage(user, "chat-prod");
    await typeCapacity(user, "200");
    await user.click(screen.getByTestId("manage-review"));
    expect(await screen.findByTestId("manage-request")).toHaveTextContent('{"capacity": 200}');

    // Someone else resized it meanwhile: Rust's verdict was about the deployment as it was.
    rows = rows.map((row) => (row.name === "chat-prod" ? { ...row, capacity: 180 } : row));
    await user.click(screen.getByTestId("deployments-refresh"));
    await waitFor(() => expect(screen.getByTestId("manage-current")).toHaveTextContent(/180$/));
    expect(screen.queryByTestId("manage-request")).not.toBeInTheDocument();
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();

    // A refetch that changes nothing keeps the review.
    await user.click(screen.getByTestId("manage-review"));
    expect(await screen.findByTestId("manage-request")).toHaveTextContent('{"capacity": 200}');
    await user.click(screen.getByTestId("deployments-refresh"));
    await waitFor(() => expect(callsTo(calls, "list_deployment_rows")).toHaveLength(3));
    expect(screen.getByTestId("manage-request")).toBeInTheDocument();

    await user.click(screen.getByTestId("manage-apply"));
    expect(callsTo(calls, "change_deployment").map((call) => argOf(call.args, "change"))).toEqual([
      { kind: "scale", skuName: "GlobalStandard", capacity: 200 },
    ]);
  });

  it("shows Rust's problems instead of a request, with nothing to apply", async () => {
    const { user } = renderManage({
      review_deployment_change: () => ({
        problems: [
          {
            field: "capacity",
            message: "200 is more than the 120 free in this region",
          },
        ],
        request: null,
      }),
    });
    await openManage(user, "chat-prod");
    await typeCapacity(user, "200");

    await user.click(screen.getByTestId("manage-review"));

    const problems = await screen.findByTestId("manage-problems");
    expect(problems).toHaveAttribute("role", "alert");
    expect(problems).toHaveTextContent("One thing stops this change:");
    expect(problems).toHaveTextContent("Capacity: 200 is more than the 120 free in this region");
    expect(screen.queryByTestId("manage-request")).not.toBeInTheDocument();
    expect(screen.queryByTestId("manage-apply")).not.toBeInTheDocument();
  });
});

describe("manage a deployment: apply", () => {
  it("shows Azure's progress, then updates the row, closes, and says what changed", async () => {
    const deployments = deploymentsOnFile(sampleDeploymentRows());
    const reply = deferred<DeploymentRow>();
    let progress: Channel<OperationProgress> | undefined;
    const { user, calls } = renderManage({
      list_deployment_rows: deployments.list,
      review_deployment_change: () => passing("chat-prod", "{}"),
      change_deployment: (args) => {
        progress = argOf(args, "progress") as Channel<OperationProgress>;
        return reply.promise;
      },
    });
    await openManage(user, "chat-prod");
    await typeCapacity(user, "20");
    await user.click(screen.getByTestId("manage-review"));
    await user.click(await screen.findByTestId("manage-apply"));

    expect(screen.getByTestId("manage-progress")).toHaveTextContent("Updating…");
    expect(screen.getByTestId("manage-apply")).toBeDisabled();
    expect(screen.getByTestId("manage-apply")).toHaveTextContent("Applying…");
    expect(capacity()).toBeDisabled();
    expect(screen.getByTestId("manage-sku")).toBeDisabled();
    expect(screen.getByTestId("manage-version")).toBeDisabled();
    expect(screen.getByTestId("manage-upgrade")).toBeDisabled();
    expect(screen.getByTestId("manage-pause")).toBeDisabled();
    expect(screen.getByTestId("manage-close")).toBeDisabled();
    const [call] = callsTo(calls, "change_deployment");
    expect(argOf(call?.args, "profileId")).toBe("sandbox");
    expect(argOf(call?.args, "account")).toEqual(account);
    expect(argOf(call?.args, "name")).toBe("chat-prod");
    expect(argOf(call?.args, "change")).toEqual({
      kind: "scale",
      skuName: "GlobalStandard",
      capacity: 20,
    });

    act(() => progress?.onmessage({ status: "Accepted", polls: 1 }));
    expect(screen.getByTestId("manage-progress")).toHaveTextContent("Updating… (Azure: Accepted)");
    // Escape waits for Azure too.
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("manage-panel")).toBeInTheDocument();

    await act(async () =>
      reply.resolve(
        deployments.apply("chat-prod", { kind: "scale", skuName: "GlobalStandard", capacity: 20 }),
      ),
    );

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent(
      "Changed chat-prod: capacity 20",
    );
    expect(screen.queryByTestId("manage-panel")).not.toBeInTheDocument();
    expect(cellOf(rowOf("chat-prod"), "Capacity").textContent).toMatch(
      new RegExp(`^2020${sep}000 TPM · 120 RPM$`),
    );
    expect(rowOf("chat-prod")).toHaveAttribute("data-highlighted", "true");
    expect(within(rowOf("chat-prod")).getByTestId("manage-deployment")).toHaveFocus();
    // The table is asked for again, and shows what Azure has now.
    await waitFor(() => expect(callsTo(calls, "list_deployment_rows")).toHaveLength(2));
    expect(cellOf(rowOf("chat-prod"), "Capacity")).toHaveTextContent(/^20/);
  });

  it("shows Azure's refusal with code and request id, keeps every input, and can try again", async () => {
    const deployments = deploymentsOnFile(sampleDeploymentRows());
    let attempts = 0;
    const { user, calls } = renderManage({
      list_deployment_rows: deployments.list,
      review_deployment_change: () => passing("chat-prod", "{}"),
      change_deployment: (args) => {
        attempts += 1;
        if (attempts === 1) {
          throw commandError({
            kind: "azure",
            message: "The deployment type Standard has no quota left for gpt-4o in eastus.",
            code: "InsufficientQuota",
            requestId: "req-change-7",
          });
        }
        return deployments.apply("chat-prod", argOf(args, "change") as DeploymentChange);
      },
    });
    await openManage(user, "chat-prod");
    await user.selectOptions(screen.getByTestId("manage-sku"), "Standard");
    await typeCapacity(user, "40");
    await user.click(screen.getByTestId("manage-review"));
    await user.click(await screen.findByTestId("manage-apply"));

    const error = await screen.findByTestId("manage-error");
    const alert = within(error).getByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t change chat-prod.");
    expect(alert).toHaveTextContent(
      "The deployment type Standard has no quota left for gpt-4o in eastus.",
    );
    expect(alert).toHaveTextContent("InsufficientQuota");
    expect(alert).toHaveTextContent("req-change-7");
    expect(within(screen.getByTestId("manage-scale")).getByTestId("manage-error")).toBe(error);
    // Everything as typed, the panel open, the row as it was.
    expect(screen.getByTestId("manage-sku")).toHaveValue("Standard");
    expect(capacity()).toHaveValue(40);
    expect(capacity()).toBeEnabled();
    expect(screen.getByTestId("manage-request")).toBeInTheDocument();
    expect(screen.queryByTestId("deployments-status")).not.toBeInTheDocument();
    expect(within(rowOf("chat-prod")).getByTestId("deployment-type")).toHaveTextContent(
      /^GlobalStandard$/,
    );

    await user.click(screen.getByTestId("manage-apply"));

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent(
      "Changed chat-prod: type Standard, capacity 40",
    );
    expect(callsTo(calls, "change_deployment")).toHaveLength(2);
    expect(within(rowOf("chat-prod")).getByTestId("deployment-type")).toHaveTextContent(
      /^Standard$/,
    );
  });

  it("keeps its panel open until Azure answers, to show a failure with the inputs", async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const { user } = renderManage({
      review_deployment_change: () => passing("chat-prod", "{}"),
      change_deployment: () =>
        new Promise<DeploymentRow>((_resolve, reject) => {
          refuse = reject;
        }),
    });
    await openManage(user, "chat-prod");
    await user.type(screen.getByTestId("deployments-filter"), "chat");
    await typeCapacity(user, "20");
    await user.click(screen.getByTestId("manage-review"));
    await user.click(await screen.findByTestId("manage-apply"));

    const why = "Wait until the change to chat-prod is applied.";
    const waiting = [
      screen.getByTestId("new-deployment"),
      screen.getByTestId("deployments-filter"),
      ...screen.getAllByTestId("manage-deployment"),
      ...screen.getAllByTestId("delete-deployment"),
    ];
    for (const element of waiting) {
      expect(element).toBeDisabled();
      expect(element).toHaveAttribute("title", why);
    }
    // None of them closes the panel meanwhile.
    await user.click(within(rowOf("chat-prod")).getByTestId("manage-deployment"));
    await user.click(within(rowOf("chat-prod")).getByTestId("delete-deployment"));
    await user.click(screen.getByTestId("new-deployment"));
    await user.type(screen.getByTestId("deployments-filter"), "-nothing");
    expect(screen.getByTestId("deployments-filter")).toHaveValue("chat");
    expect(screen.getByTestId("manage-panel")).toBeInTheDocument();

    await act(async () =>
      refuse(commandError({ kind: "azure", message: "Quota moved.", code: "InsufficientQuota" })),
    );

    expect(await screen.findByTestId("manage-error")).toHaveTextContent("Quota moved.");
    expect(capacity()).toHaveValue(20);
    expect(screen.getByTestId("manage-request")).toBeInTheDocument();
    for (const element of waiting) {
      expect(element).toBeEnabled();
      expect(element).not.toHaveAttribute("title");
    }
  });

  it("changes the upgrade policy and says so in the table's words", async () => {
    const deployments = deploymentsOnFile(sampleDeploymentRows());
    const { user } = renderManage({
      list_deployment_rows: deployments.list,
      review_deployment_change: () => passing("chat-prod", "{}"),
      change_deployment: (args) =>
        deployments.apply("chat-prod", argOf(args, "change") as DeploymentChange),
    });
    await openManage(user, "chat-prod");
    await user.selectOptions(screen.getByTestId("manage-upgrade"), "OnceCurrentVersionExpired");
    await user.click(screen.getByTestId("manage-review-model"));
    await user.click(await screen.findByTestId("manage-apply"));

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent(
      "Changed chat-prod: upgrade policy When retired",
    );
    expect(within(rowOf("chat-prod")).getByTestId("deployment-upgrade-policy")).toHaveTextContent(
      /When retired$/,
    );
  });
});

describe("manage a deployment: pause and resume", () => {
  it("pauses after a one-line confirmation, and can be talked out of it", async () => {
    const deployments = deploymentsOnFile(sampleDeploymentRows());
    const { user, calls } = renderManage({
      list_deployment_rows: deployments.list,
      change_deployment: (args) =>
        deployments.apply("chat-prod", argOf(args, "change") as DeploymentChange),
    });
    await openManage(user, "chat-prod");
    const pause = screen.getByTestId("manage-pause");
    expect(pause).toHaveTextContent("Pause");

    await user.click(pause);
    const confirmation = screen.getByTestId("manage-pause-confirmation");
    expect(confirmation).toHaveTextContent(
      "Pause chat-prod? Requests will get 423 until you resume it.",
    );
    expect(within(confirmation).getByTestId("manage-pause-confirm")).toHaveFocus();
    await user.click(within(confirmation).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("manage-pause-confirmation")).not.toBeInTheDocument();
    expect(pause).toHaveFocus();
    expect(callsTo(calls, "change_deployment")).toHaveLength(0);
    expect(callsTo(calls, "review_deployment_change")).toHaveLength(0);

    await user.click(pause);
    await user.click(screen.getByTestId("manage-pause-confirm"));

    expect(await screen.findByTestId("deployments-status")).toHaveTextContent("Paused chat-prod.");
    expect(callsTo(calls, "change_deployment").map((call) => argOf(call.args, "change"))).toEqual([
      { kind: "pause" },
    ]);
    expect(within(rowOf("chat-prod")).getByTestId("deployment-state")).toHaveTextContent(
      /^Paused$/,
    );
  });

  it("resumes a paused deployment, showing Azure's refusal in place", async () => {
    const rows = [sampleDeploymentRow({ status: { kind: "paused" } })];
    const { user } = renderManage({
      list_deployment_rows: () => rows,
      change_deployment: () => {
        throw commandError({
          kind: "azure",
          message: "The deployment is being updated; try again later.",
          code: "DeploymentUpdateInProgress",
          requestId: "req-resume-2",
        });
      },
    });
    await openManage(user, "chat-prod");
    expect(screen.getByTestId("manage-pause")).toHaveTextContent("Resume");

    await user.click(screen.getByTestId("manage-pause"));
    expect(screen.getByTestId("manage-pause-confirmation")).toHaveTextContent("Resume chat-prod?");
    await user.click(screen.getByTestId("manage-pause-confirm"));

    const error = await within(screen.getByTestId("manage-pause-section")).findByTestId(
      "manage-error",
    );
    expect(error).toHaveTextContent("DeploymentUpdateInProgress");
    expect(error).toHaveTextContent("req-resume-2");
    expect(screen.getByTestId("manage-pause-confirm")).toBeEnabled();
    expect(within(screen.getByTestId("manage-scale")).queryByTestId("manage-error")).toBeNull();
  });

  it("shows the pause in progress, with every input waiting", async () => {
    const { user } = renderManage({ change_deployment: never });
    await openManage(user, "chat-prod");
    await user.click(screen.getByTestId("manage-pause"));
    await user.click(screen.getByTestId("manage-pause-confirm"));

    expect(screen.getByTestId("manage-pause-confirm")).toHaveTextContent("Pausing…");
    expect(screen.getByTestId("manage-pause-confirm")).toBeDisabled();
    expect(within(screen.getByTestId("manage-pause-section")).getByTestId("manage-progress"))
      .toHaveTextContent("Updating…");
    expect(capacity()).toBeDisabled();
  });
});
