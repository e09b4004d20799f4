import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sampleModelChoice, samplePlanFacts } from "../../../test/fixtures";
import { commandError, never } from "../../../test/mockCommands";
import {
  account,
  argOf,
  atStep,
  callsTo,
  modelOption,
  next,
  renderWizard,
  skuOption,
} from "./testSupport";

describe("DeploymentWizard: reading the facts", () => {
  it("says it is reading while the facts load, and can be cancelled", async () => {
    const { user, calls, onCancel } = renderWizard({ deployment_plan_facts: () => never() });

    const wizard = screen.getByTestId("deployment-wizard");
    expect(await within(wizard).findByRole("status")).toHaveTextContent(
      "Reading the models, quota and content filters of contoso-eastus…",
    );
    expect(screen.queryByTestId("wizard-step-1")).not.toBeInTheDocument();
    expect(callsTo(calls, "deployment_plan_facts")).toEqual([
      { cmd: "deployment_plan_facts", args: { profileId: "acct-1", account } },
    ]);

    await user.click(screen.getByTestId("wizard-cancel"));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it("shows a failure with Azure's code and request id, and tries again", async () => {
    let attempts = 0;
    const { user } = renderWizard({
      deployment_plan_facts: () => {
        attempts += 1;
        if (attempts === 1) {
          throw commandError({
            kind: "forbidden",
            message: "Your role cannot list the models of this resource.",
            code: "AuthorizationFailed",
            requestId: "req-facts-1",
          });
        }
        return samplePlanFacts();
      },
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The models and quota of this resource could not be read");
    expect(alert).toHaveTextContent("Your role cannot list the models of this resource.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("req-facts-1");

    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await atStep(1)).toBeVisible();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});

describe("DeploymentWizard: step 1, model", () => {
  it("lists each model version with what it can do, and waits for a choice", async () => {
    renderWizard();
    await atStep(1);

    expect(screen.getAllByTestId("model-option")).toHaveLength(4);
    const gpt4o = modelOption("gpt-4o", "2024-11-20");
    expect(gpt4o).toHaveTextContent("gpt-4o");
    expect(gpt4o).toHaveTextContent("2024-11-20");
    expect(gpt4o).toHaveTextContent("default");
    expect(gpt4o).toHaveTextContent("Generally available");
    expect(gpt4o).toHaveTextContent("Chat");
    expect(gpt4o).toHaveTextContent("128K context");
    expect(gpt4o).toHaveTextContent("Retires 2027-02-13");
    expect(gpt4o).not.toHaveTextContent("Reasoning");
    expect(gpt4o).toHaveAccessibleName(
      "gpt-4o 2024-11-20 default Generally available OpenAI Chat 128K context Retires 2027-02-13",
    );
    expect(modelOption("o3-mini", "2025-01-31")).toHaveTextContent("Reasoning");
    expect(modelOption("o3-mini", "2025-01-31")).toHaveTextContent("200K context");
    const older = modelOption("gpt-4o", "2024-05-13");
    expect(older).not.toHaveTextContent("default");
    expect(older).toHaveTextContent("Deprecating");
    expect(modelOption("text-embedding-3-small", "1")).toHaveTextContent("Embeddings");

    // Nothing is chosen for the person.
    for (const option of screen.getAllByTestId("model-option")) {
      expect(option).toHaveAttribute("aria-checked", "false");
    }
    expect(next()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent("Choose a model to continue.");
    expect(screen.getByTestId("wizard-back")).toBeDisabled();
    const current = within(screen.getByTestId("wizard-steps")).getByText("Model").closest("li");
    expect(current).toHaveAttribute("aria-current", "step");
  });

  it("filters by every typed word over name, format and version, in any case", async () => {
    const { user } = renderWizard();
    await atStep(1);
    const search = screen.getByTestId("model-search");

    await user.type(search, "GPT 2024-11");
    expect(screen.getAllByTestId("model-option").map((o) => o.dataset.version)).toEqual([
      "2024-11-20",
    ]);
    expect(screen.getByTestId("model-count")).toHaveTextContent("1 of 4 model versions match");

    await user.clear(search);
    await user.type(search, "openai  4O");
    expect(screen.getAllByTestId("model-option").map((o) => o.dataset.model)).toEqual([
      "gpt-4o",
      "gpt-4o",
    ]);

    await user.type(search, " mini");
    expect(screen.queryAllByTestId("model-option")).toEqual([]);
    expect(screen.getByTestId("model-none")).toHaveTextContent("No model matches “openai 4O mini”");
  });

  it("disables a blocked version and says why, so it cannot be chosen", async () => {
    const { user } = renderWizard();
    await atStep(1);

    const blocked = modelOption("gpt-4o", "2024-05-13");
    expect(blocked).toBeDisabled();
    expect(within(blocked).getByTestId("model-blocked-reason")).toHaveTextContent(
      "gpt-4o 2024-05-13 is retiring on 2026-03-01 and takes no new deployments",
    );
    expect(within(modelOption("gpt-4o", "2024-11-20")).queryByTestId("model-blocked-reason")).toBeNull();

    await user.click(blocked);
    expect(blocked).toHaveAttribute("aria-checked", "false");
    expect(next()).toBeDisabled();
  });

  it("is chosen with the keyboard: arrows skip blocked versions, Enter moves on", async () => {
    const { user } = renderWizard();
    await atStep(1);

    await user.click(screen.getByTestId("model-search"));
    await user.tab();
    expect(modelOption("gpt-4o", "2024-11-20")).toHaveFocus();
    await user.keyboard("{ArrowDown}");

    const o3 = modelOption("o3-mini", "2025-01-31");
    expect(o3).toHaveFocus();
    expect(o3).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("model-selected")).toHaveTextContent("Chosen: o3-mini 2025-01-31");
    expect(next()).toBeEnabled();

    await user.click(screen.getByTestId("model-search"));
    await user.keyboard("{Enter}");
    const step2 = await atStep(2);
    expect(step2).toHaveTextContent("How o3-mini 2025-01-31 can be deployed");
    expect(screen.getByRole("heading", { name: "Step 2 of 5: Deployment type" })).toHaveFocus();
  });

  it("stays usable with 700 models", async () => {
    const models = Array.from({ length: 700 }, (_, i) =>
      sampleModelChoice({ name: `model-${i}`, version: `${2020 + (i % 6)}-01-01` }),
    );
    const { user } = renderWizard({}, samplePlanFacts({ models }));
    await atStep(1);
    // The first hundred are painted; the count says how many match, and all can be shown.
    expect(screen.getAllByTestId("model-option")).toHaveLength(100);
    expect(screen.getByTestId("model-count")).toHaveTextContent("700 model versions");
    expect(screen.getByTestId("model-more")).toHaveTextContent("Showing 100 of 700");

    await user.type(screen.getByTestId("model-search"), "model-69 2023");
    await waitFor(() =>
      expect(screen.getAllByTestId("model-option").map((o) => o.dataset.model)).toEqual([
        "model-69",
        "model-693",
        "model-699",
      ]),
    );
    expect(screen.queryByTestId("model-more")).not.toBeInTheDocument();

    await user.clear(screen.getByTestId("model-search"));
    await user.click(await screen.findByTestId("model-show-all"));
    expect(screen.getAllByTestId("model-option")).toHaveLength(700);
  });
});

describe("DeploymentWizard: step 2, deployment type", () => {
  it("offers only the chosen model's types, each with its free quota", async () => {
    const { user } = renderWizard();
    await atStep(1);
    await user.click(modelOption("gpt-4o", "2024-11-20"));
    await user.click(next());
    await atStep(2);

    expect(screen.getAllByTestId("sku-option").map((o) => o.dataset.sku)).toEqual([
      "GlobalStandard",
      "Standard",
    ]);
    expect(skuOption("GlobalStandard")).toHaveTextContent("120 of 500 free");
    expect(skuOption("GlobalStandard")).toHaveTextContent(
      "Global: served from any Azure region, the most quota; pay per token.",
    );
    expect(skuOption("Standard")).toHaveTextContent("300 of 300 free");
    expect(next()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent(
      "Choose a deployment type to continue.",
    );

    await user.click(skuOption("Standard"));
    expect(skuOption("Standard")).toHaveAttribute("aria-checked", "true");
    expect(next()).toBeEnabled();
  });

  it("shows another model's own types, and 'quota unknown' without a quota", async () => {
    const { user } = renderWizard();
    await atStep(1);
    await user.click(modelOption("o3-mini", "2025-01-31"));
    await user.click(next());
    await atStep(2);
    expect(screen.getAllByTestId("sku-option").map((o) => o.dataset.sku)).toEqual([
      "GlobalStandard",
      "ProvisionedManaged",
    ]);
    // o3-mini's GlobalStandard quota is not among the region's usages.
    expect(skuOption("GlobalStandard")).toHaveTextContent("quota unknown");
    expect(skuOption("ProvisionedManaged")).toHaveTextContent("100 of 100 free");

    await user.click(screen.getByTestId("wizard-back"));
    await user.click(modelOption("text-embedding-3-small", "1"));
    await user.click(next());
    await atStep(2);
    expect(screen.getAllByTestId("sku-option").map((o) => o.dataset.sku)).toEqual(["Standard"]);
    expect(skuOption("Standard")).toHaveTextContent("quota unknown");
  });
});

describe("DeploymentWizard: cancelling", () => {
  it("cancels with the button or Escape, without creating anything", async () => {
    const { user, calls, onCancel } = renderWizard();
    await atStep(1);
    await user.click(screen.getByTestId("wizard-cancel"));
    expect(onCancel).toHaveBeenCalledOnce();

    // Escape clears a search first, then cancels.
    await user.type(screen.getByTestId("model-search"), "gpt");
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("model-search")).toHaveValue("");
    expect(onCancel).toHaveBeenCalledOnce();
    await user.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(calls.map((call) => call.cmd)).toEqual(["deployment_plan_facts"]);
    expect(argOf(calls[0]?.args, "profileId")).toBe("acct-1");
  });
});
