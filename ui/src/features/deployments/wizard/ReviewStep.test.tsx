import type { Channel } from "@tauri-apps/api/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { OperationProgress, DeploymentRow } from "../../../bindings";
import { sampleCreatedRow } from "../../../test/fixtures";
import { commandError } from "../../../test/mockCommands";
import {
  account,
  argOf,
  atStep,
  callsTo,
  deferred,
  draftOf,
  next,
  passingReview,
  renderWizard,
  toOptions,
  toReview,
} from "./testSupport";

const expectedDraft = {
  name: "gpt-4o",
  modelFormat: "OpenAI",
  modelName: "gpt-4o",
  modelVersion: "2024-11-20",
  skuName: "GlobalStandard",
  skuCapacity: 10,
  raiPolicy: null,
  versionUpgrade: null,
  tags: {},
};

function create() {
  return screen.getByTestId("wizard-create");
}

describe("DeploymentWizard: step 5, review", () => {
  it("has Rust check the draft on entering, and shows the summary, request and az command", async () => {
    const { user, calls } = renderWizard();
    await toOptions(user);
    await user.selectOptions(screen.getByTestId("upgrade-policy"), "OnceCurrentVersionExpired");
    await user.selectOptions(screen.getByTestId("content-filter"), "strict-filter");
    await user.type(screen.getByTestId("deployment-tags"), "team=search");
    expect(callsTo(calls, "review_deployment")).toEqual([]);

    await user.click(next());
    await atStep(5);

    await waitFor(() => expect(create()).toBeEnabled());
    expect(callsTo(calls, "review_deployment")).toEqual([
      {
        cmd: "review_deployment",
        args: {
          profileId: "acct-1",
          account,
          draft: {
            ...expectedDraft,
            raiPolicy: "strict-filter",
            versionUpgrade: "OnceCurrentVersionExpired",
            tags: { team: "search" },
          },
        },
      },
    ]);
    const summary = screen.getByTestId("review-summary");
    expect(summary).toHaveTextContent("Modelgpt-4o (OpenAI)");
    expect(summary).toHaveTextContent("Version2024-11-20");
    expect(summary).toHaveTextContent("Deployment typeGlobalStandard");
    expect(summary).toHaveTextContent("Capacity10 · 10,000 TPM · 60 RPM");
    expect(summary).toHaveTextContent("Namegpt-4o");
    expect(summary).toHaveTextContent("Version upgradesWhen the current version expires");
    expect(summary).toHaveTextContent("Content filterstrict-filter");
    expect(summary).toHaveTextContent("Regioneastus");
    expect(summary).toHaveTextContent("Tagsteam=search");

    const request = screen.getByTestId("review-request");
    expect(request.textContent).toMatch(
      /^PUT https:\/\/management\.azure\.com\/subscriptions\/sub-prod-0001\/.*\/deployments\/gpt-4o\?api-version=2024-10-01\n\n\{\n {2}"sku": \{/,
    );
    expect(request).toHaveTextContent('"capacity": 10');
    expect(screen.getByTestId("review-az")).toHaveTextContent(
      "az cognitiveservices account deployment create",
    );
    expect(screen.queryAllByTestId("review-problem")).toEqual([]);
  });

  it("copies the request and the az command", async () => {
    const { user } = renderWizard();
    await toReview(user);
    // Each in the shared code block, titled, with its one copy button.
    for (const [title, testId, copyTestId] of [
      ["The request Foundry Desk sends", "review-request", "copy-request"],
      ["The same with the Azure CLI", "review-az", "copy-az"],
    ] as const) {
      const block = screen.getByRole("region", { name: title });
      expect(block).toHaveClass("code-block");
      expect(within(block).getByTestId(testId)).toHaveClass("code-pre");
      expect(within(block).getAllByRole("button")).toEqual([within(block).getByTestId(copyTestId)]);
    }

    await user.click(screen.getByTestId("copy-request"));
    expect(screen.getByTestId("copy-request")).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe(screen.getByTestId("review-request").textContent);
    expect(await navigator.clipboard.readText()).toMatch(/^PUT https:.*\n\n\{/);

    await user.click(screen.getByTestId("copy-az"));
    expect(screen.getByTestId("copy-az")).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe(
      "az cognitiveservices account deployment create \\\n  --name contoso-eastus \\\n  --deployment-name gpt-4o \\\n  --sku-capacity 10",
    );
  });

  it("shows Rust's problems by field, blocks Create, and jumps to the step to fix them", async () => {
    const { user, calls } = renderWizard({
      review_deployment: (args) => {
        const draft = draftOf(args);
        return draft.name === "gpt-4o"
          ? passingReview(draft, {
              plan: null,
              problems: [
                { field: "name", message: "a deployment named 'gpt-4o' already exists here" },
                { field: "capacity", message: "10 is more than the 5 free in this region" },
              ],
            })
          : passingReview(draft);
      },
    });
    await toOptions(user);
    await user.click(next());
    await atStep(5);

    const problems = await screen.findAllByTestId("review-problem");
    expect(problems).toHaveLength(2);
    expect(problems[0]).toHaveTextContent("Name: a deployment named 'gpt-4o' already exists here");
    expect(problems[1]).toHaveTextContent("Capacity: 10 is more than the 5 free in this region");
    expect(within(problems[1]!).getByRole("button")).toHaveTextContent("Change in step 3 (Capacity)");
    expect(create()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent(
      "Fix the problems above to create the deployment.",
    );

    await user.click(within(problems[0]!).getByRole("button", { name: "Change in step 4 (Options)" }));
    await atStep(4);
    const name = screen.getByTestId("deployment-name");
    expect(name).toHaveValue("gpt-4o");
    await user.clear(name);
    await user.type(name, "gpt-4o-eu");
    await user.click(next());
    await atStep(5);

    await waitFor(() => expect(create()).toBeEnabled());
    expect(screen.queryAllByTestId("review-problem")).toEqual([]);
    const reviews = callsTo(calls, "review_deployment");
    expect(reviews.map((call) => draftOf(call.args).name)).toEqual(["gpt-4o", "gpt-4o-eu"]);
  });

  it("asks Rust again each time the step is entered", async () => {
    const { user, calls } = renderWizard();
    await toReview(user);
    await user.click(screen.getByTestId("wizard-back"));
    await atStep(4);
    await user.click(next());
    await atStep(5);
    await waitFor(() => expect(callsTo(calls, "review_deployment")).toHaveLength(2));
  });

  it("shows a failed check with Try again, and keeps Create disabled", async () => {
    let attempts = 0;
    const { user } = renderWizard({
      review_deployment: (args) => {
        attempts += 1;
        if (attempts === 1) {
          throw commandError({ kind: "network", message: "Azure could not be reached." });
        }
        return passingReview(draftOf(args));
      },
    });
    await toOptions(user);
    await user.click(next());

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The draft could not be checked");
    expect(alert).toHaveTextContent("Azure could not be reached.");
    expect(create()).toBeDisabled();

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(create()).toBeEnabled());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("DeploymentWizard: creating", () => {
  it("shows Azure's progress, then hands the new row to the parent", async () => {
    const reply = deferred<DeploymentRow>();
    let progress: Channel<OperationProgress> | undefined;
    const { user, calls, onCreated } = renderWizard({
      create_deployment: (args) => {
        progress = argOf(args, "progress") as Channel<OperationProgress>;
        return reply.promise;
      },
    });
    await toReview(user);
    await waitFor(() => expect(create()).toBeEnabled());

    await user.click(create());

    expect(screen.getByTestId("create-progress")).toHaveTextContent("Creating…");
    expect(create()).toBeDisabled();
    expect(create()).toHaveTextContent("Creating…");
    expect(screen.getByTestId("wizard-back")).toBeDisabled();
    // Closing now would hide how the create ends.
    expect(screen.getByTestId("wizard-cancel")).toBeDisabled();
    const [call] = callsTo(calls, "create_deployment");
    expect(argOf(call?.args, "profileId")).toBe("acct-1");
    expect(argOf(call?.args, "account")).toEqual(account);
    expect(argOf(call?.args, "draft")).toEqual(expectedDraft);

    act(() => progress?.onmessage({ status: "Accepted", polls: 1 }));
    expect(screen.getByTestId("create-progress")).toHaveTextContent(
      "Creating… Azure says Accepted (checked 1 time)",
    );
    act(() => progress?.onmessage({ status: "Creating", polls: 3 }));
    expect(screen.getByTestId("create-progress")).toHaveTextContent(
      "Creating… Azure says Creating (checked 3 times)",
    );
    expect(onCreated).not.toHaveBeenCalled();

    const row = sampleCreatedRow();
    await act(async () => reply.resolve(row));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(row));
    expect(onCreated).toHaveBeenCalledOnce();
    expect(screen.getByTestId("create-progress")).toHaveTextContent("Succeeded");
  });

  it("shows a failure with Azure's code and request id, keeps every field, and can try again", async () => {
    let attempts = 0;
    const { user, calls, onCreated } = renderWizard({
      create_deployment: () => {
        attempts += 1;
        if (attempts === 1) {
          throw commandError({
            kind: "azure",
            message: "The quota of OpenAI.GlobalStandard.gpt-4o is used up.",
            code: "InsufficientQuota",
            requestId: "req-create-7",
          });
        }
        return sampleCreatedRow({ name: "gpt-4o" });
      },
    });
    await toOptions(user);
    await user.type(screen.getByTestId("deployment-tags"), "team=search");
    await user.click(next());
    await atStep(5);
    await waitFor(() => expect(create()).toBeEnabled());

    await user.click(create());

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The deployment was not created");
    expect(alert).toHaveTextContent("The quota of OpenAI.GlobalStandard.gpt-4o is used up.");
    expect(alert).toHaveTextContent("InsufficientQuota");
    expect(alert).toHaveTextContent("req-create-7");
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.queryByTestId("create-progress")).not.toBeInTheDocument();
    expect(screen.getByTestId("review-summary")).toHaveTextContent("Tagsteam=search");
    expect(create()).toBeEnabled();

    // Nothing was lost: the earlier steps still hold what was chosen.
    await user.click(screen.getByTestId("wizard-back"));
    await atStep(4);
    expect(screen.getByTestId("deployment-name")).toHaveValue("gpt-4o");
    expect(screen.getByTestId("deployment-tags")).toHaveValue("team=search");
    await user.click(screen.getByTestId("wizard-back"));
    expect(screen.getByTestId("capacity-input")).toHaveValue(10);
    await user.click(next());
    await user.click(next());
    await atStep(5);
    await waitFor(() => expect(create()).toBeEnabled());

    await user.click(create());

    await waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    const creates = callsTo(calls, "create_deployment");
    expect(creates).toHaveLength(2);
    expect(argOf(creates[1]?.args, "draft")).toEqual({ ...expectedDraft, tags: { team: "search" } });
  });
});
