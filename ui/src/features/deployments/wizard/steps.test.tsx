import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  atStep,
  modelOption,
  next,
  renderWizard,
  skuOption,
  toCapacity,
  toOptions,
  type User,
} from "./testSupport";

function capacityInput() {
  return screen.getByTestId("capacity-input");
}

async function typeCapacity(user: User, value: string) {
  await user.clear(capacityInput());
  await user.type(capacityInput(), value);
}

describe("DeploymentWizard: step 3, capacity", () => {
  it("starts at the type's default and shows what it gives beside the free quota", async () => {
    const { user } = renderWizard();
    await toCapacity(user);

    const slider = screen.getByTestId("capacity-slider");
    expect(capacityInput()).toHaveValue(10);
    expect(slider).toHaveValue("10");
    expect(slider).toHaveAttribute("min", "1");
    expect(slider).toHaveAttribute("max", "1000");
    expect(slider).toHaveAttribute("step", "1");
    expect(screen.getByTestId("capacity-derived")).toHaveTextContent("10,000 TPM · 60 RPM");
    expect(screen.getByTestId("capacity-quota")).toHaveTextContent(
      "120 of 500 free for OpenAI.GlobalStandard.gpt-4o",
    );
    expect(screen.queryByTestId("capacity-problem")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();

    await typeCapacity(user, "25");
    expect(screen.getByTestId("capacity-derived")).toHaveTextContent("25,000 TPM · 150 RPM");
    expect(slider).toHaveValue("25");

    fireEvent.change(slider, { target: { value: "40" } });
    expect(capacityInput()).toHaveValue(40);
    expect(screen.getByTestId("capacity-derived")).toHaveTextContent("40,000 TPM · 240 RPM");
  });

  it("blocks Next below the minimum and off the step, saying the numbers", async () => {
    const { user } = renderWizard();
    await toCapacity(user, ["o3-mini", "2025-01-31"], "ProvisionedManaged");

    expect(capacityInput()).toHaveValue(15);
    expect(screen.getByTestId("capacity-derived")).toHaveTextContent("15 PTU");
    expect(screen.getByTestId("capacity-derived")).not.toHaveTextContent("TPM");

    await typeCapacity(user, "10");
    expect(screen.getByTestId("capacity-problem")).toHaveTextContent(
      "ProvisionedManaged takes at least 15.",
    );
    expect(capacityInput()).toHaveAttribute("aria-invalid", "true");
    expect(next()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent(
      "Choose a capacity the deployment type and quota allow.",
    );

    await typeCapacity(user, "27");
    expect(screen.getByTestId("capacity-problem")).toHaveTextContent(
      "ProvisionedManaged takes capacity in steps of 5 (e.g. 25 or 30).",
    );
    expect(next()).toBeDisabled();

    await typeCapacity(user, "600");
    expect(screen.getByTestId("capacity-problem")).toHaveTextContent(
      "ProvisionedManaged takes at most 500.",
    );

    await user.clear(capacityInput());
    expect(screen.getByTestId("capacity-problem")).toHaveTextContent(
      "Enter the capacity as a whole number.",
    );
    expect(next()).toBeDisabled();

    await typeCapacity(user, "30");
    expect(screen.queryByTestId("capacity-problem")).not.toBeInTheDocument();
    expect(screen.getByTestId("capacity-derived")).toHaveTextContent("30 PTU");
    expect(next()).toBeEnabled();
  });

  it("blocks Next over the free quota and links to a quota request", async () => {
    const { user } = renderWizard();
    await toCapacity(user);

    await typeCapacity(user, "121");

    const problem = screen.getByTestId("capacity-problem");
    expect(problem).toHaveTextContent(
      "121 is more than the 120 free in this region (380 of 500 used for OpenAI.GlobalStandard.gpt-4o); lower it, free some up, or request more quota.",
    );
    expect(within(problem).getByRole("link", { name: "Request more quota" })).toHaveAttribute(
      "href",
      "https://aka.ms/oai/quotaincrease",
    );
    expect(next()).toBeDisabled();

    await typeCapacity(user, "120");
    expect(screen.queryByTestId("capacity-problem")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();
  });

  it("has no quota check when the quota is unknown", async () => {
    const { user } = renderWizard();
    await toCapacity(user, ["text-embedding-3-small", "1"], "Standard");
    expect(capacityInput()).toHaveValue(120);
    expect(screen.getByTestId("capacity-quota")).toHaveTextContent("quota unknown");
    await typeCapacity(user, "350");
    expect(screen.queryByTestId("capacity-problem")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();
  });
});

describe("DeploymentWizard: step 4, options", () => {
  it("names the deployment after the model, with Azure's defaults chosen", async () => {
    const { user } = renderWizard();
    await toOptions(user);

    expect(screen.getByTestId("deployment-name")).toHaveValue("gpt-4o");
    expect(screen.getByTestId("upgrade-policy")).toHaveDisplayValue("Azure's default");
    expect(screen.getByTestId("content-filter")).toHaveDisplayValue("Azure's default");
    expect(
      within(screen.getByTestId("content-filter"))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Azure's default", "Microsoft.DefaultV2", "strict-filter"]);
    expect(screen.getByTestId("deployment-tags")).toHaveValue("");
    expect(screen.queryByTestId("field-error-name")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();
  });

  it("refuses a name the account already has, in any case", async () => {
    const { user } = renderWizard();
    await toOptions(user);
    const name = screen.getByTestId("deployment-name");

    await user.clear(name);
    await user.type(name, "Chat-Prod");

    expect(screen.getByTestId("field-error-name")).toHaveTextContent(
      "A deployment named 'Chat-Prod' already exists here",
    );
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(/already exists here/);
    expect(next()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent(
      "Fix the deployment name to continue.",
    );

    await user.type(name, "-2");
    expect(screen.queryByTestId("field-error-name")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();
  });

  it.each([
    ["", "Give the deployment a name"],
    ["-gpt", "'-gpt' is not a valid deployment name"],
    ["gpt 4o", "'gpt 4o' is not a valid deployment name"],
    ["x", "'x' is not a valid deployment name: use 2 to 64 letters, digits"],
  ])("refuses the name %j", async (typed, message) => {
    const { user } = renderWizard();
    await toOptions(user);
    const name = screen.getByTestId("deployment-name");
    await user.clear(name);
    if (typed !== "") {
      await user.type(name, typed);
    }
    expect(screen.getByTestId("field-error-name")).toHaveTextContent(message);
    expect(next()).toBeDisabled();
  });

  it("checks tags line by line", async () => {
    const { user } = renderWizard();
    await toOptions(user);
    const tags = screen.getByTestId("deployment-tags");

    await user.type(tags, "team=search{Enter}owner{Enter}team=other");

    const errors = screen.getByTestId("field-error-tags");
    expect(errors).toHaveTextContent("Line 2: write the tag as key=value");
    expect(errors).toHaveTextContent("Line 3: the key 'team' is given twice");
    expect(tags).toHaveAttribute("aria-invalid", "true");
    expect(next()).toBeDisabled();
    expect(screen.getByTestId("wizard-reason")).toHaveTextContent("Fix the tags to continue.");

    await user.clear(tags);
    await user.type(tags, "team=search{Enter}{Enter}owner=ada");
    expect(screen.queryByTestId("field-error-tags")).not.toBeInTheDocument();
    expect(next()).toBeEnabled();
  });
});

describe("DeploymentWizard: going back and forth", () => {
  it("keeps every field, and a typed name survives another model choice", async () => {
    const { user } = renderWizard();
    await toCapacity(user);
    await user.clear(capacityInput());
    await user.type(capacityInput(), "42");
    await user.click(next());
    await atStep(4);
    await user.clear(screen.getByTestId("deployment-name"));
    await user.type(screen.getByTestId("deployment-name"), "chat-eu");
    await user.selectOptions(screen.getByTestId("upgrade-policy"), "NoAutoUpgrade");
    await user.selectOptions(screen.getByTestId("content-filter"), "strict-filter");
    await user.type(screen.getByTestId("deployment-tags"), "team=search");

    // Back to the model step through the step indicator, and forward with Next.
    await user.click(within(screen.getByTestId("wizard-steps")).getByRole("button", { name: /Model/ }));
    await atStep(1);
    expect(modelOption("gpt-4o", "2024-11-20")).toHaveAttribute("aria-checked", "true");
    await user.click(next());
    await atStep(2);
    expect(skuOption("GlobalStandard")).toHaveAttribute("aria-checked", "true");
    await user.click(next());
    await atStep(3);
    expect(capacityInput()).toHaveValue(42);
    await user.click(next());
    await atStep(4);
    expect(screen.getByTestId("deployment-name")).toHaveValue("chat-eu");
    expect(screen.getByTestId("upgrade-policy")).toHaveValue("NoAutoUpgrade");
    expect(screen.getByTestId("content-filter")).toHaveValue("strict-filter");
    expect(screen.getByTestId("deployment-tags")).toHaveValue("team=search");

    // Another model with the same type keeps type, capacity and the typed name.
    await user.click(within(screen.getByTestId("wizard-steps")).getByRole("button", { name: /Model/ }));
    await user.click(modelOption("o3-mini", "2025-01-31"));
    await user.click(next());
    expect(skuOption("GlobalStandard")).toHaveAttribute("aria-checked", "true");
    await user.click(next());
    expect(capacityInput()).toHaveValue(42);
    await user.click(next());
    expect(screen.getByTestId("deployment-name")).toHaveValue("chat-eu");
  });

  it("renames an untouched name after the model, and drops a type the new model lacks", async () => {
    const { user } = renderWizard();
    await toCapacity(user, ["gpt-4o", "2024-11-20"], "Standard");
    await user.click(screen.getByTestId("wizard-back"));
    await user.click(screen.getByTestId("wizard-back"));
    await atStep(1);
    await user.click(modelOption("o3-mini", "2025-01-31"));
    await user.click(next());
    await atStep(2);

    for (const option of screen.getAllByTestId("sku-option")) {
      expect(option).toHaveAttribute("aria-checked", "false");
    }
    expect(next()).toBeDisabled();
    // Later steps cannot be jumped to before this one is done.
    expect(
      within(screen.getByTestId("wizard-steps")).queryByRole("button", { name: /Options/ }),
    ).not.toBeInTheDocument();

    await user.click(skuOption("GlobalStandard"));
    await user.click(next());
    await user.click(next());
    await atStep(4);
    expect(screen.getByTestId("deployment-name")).toHaveValue("o3-mini");
  });
});
