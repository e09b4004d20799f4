import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AssignmentView } from "../../bindings";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo } from "../deployments/testSupport";
import {
  adaOwnerInherited,
  assignment,
  grace,
  graceUser,
  openAiContributor,
  openAiUser,
  sampleAccessReport,
} from "./testFixtures";
import { sampleAccount } from "../../test/fixtures";
import { accessRow, openAccessTab, renderAccess } from "./testSupport";

vi.mock("../deployments/wizard/DeploymentWizard", () => import("../deployments/testWizard"));

// The propagation note is said once per window session.
beforeEach(() => window.sessionStorage.clear());

const contoso = { subscriptionId: "sub-prod-0001", resourceGroup: "rg-ai", name: "contoso-eastus" };

describe("who has access", () => {
  it("explains each role: its summary, what it allows, and where an inherited one was made", async () => {
    const { user, calls } = renderAccess();
    await openAccessTab(user);

    const graceRow = await screen.findByTestId("access-row-Grace Hopper");
    expect(graceRow).toHaveTextContent("Person");
    expect(graceRow).toHaveTextContent("grace@contoso.com");
    const graceRole = within(graceRow).getByTestId("access-role");
    expect(graceRole).toHaveTextContent("Cognitive Services OpenAI User");
    expect(graceRole).toHaveTextContent(
      "Chat with the deployments and see them; cannot change deployments or read keys.",
    );
    const marks = within(graceRole).getByRole("list", { name: "What it allows" });
    expect(within(marks).getAllByRole("listitem").map((mark) => mark.textContent)).toEqual([
      "✓ Chat allowed",
      "— Deployments not allowed",
      "— Keys not allowed",
      "— Quota not allowed",
      "— Metrics not allowed",
    ]);
    expect(within(graceRole).getByTestId("access-scope")).toHaveTextContent("On this resource");
    expect(
      within(graceRole).getByRole("button", { name: "Remove Cognitive Services OpenAI User from Grace Hopper" }),
    ).toBeVisible();

    const adaRole = within(accessRow("Ada Lovelace")).getByTestId("access-role");
    expect(adaRole).toHaveTextContent("Owner");
    expect(adaRole).toHaveTextContent("Inherited");
    expect(within(adaRole).getByTestId("access-scope")).toHaveTextContent(
      "Inherited from resource group rg-ai",
    );
    expect(adaRole).toHaveTextContent("Remove it where it was made.");
    expect(within(adaRole).queryByRole("button")).not.toBeInTheDocument();
    expect(within(adaRole).getByRole("list", { name: "What it allows" })).toHaveTextContent(
      "— Chat not allowed✓ Deployments allowed✓ Keys allowed✓ Quota allowed✓ Metrics allowed",
    );

    expect(screen.queryByTestId("access-names-note")).not.toBeInTheDocument();
    expect(callsTo(calls, "access_report").map((call) => argOf(call.args, "account"))).toEqual([contoso]);
  });

  it("shows object ids, and says once why, when the directory refused the names", async () => {
    const anonymous = (view: AssignmentView): AssignmentView => ({
      ...view,
      principal: { ...view.principal, displayName: null, detail: null, kind: "unknown" },
    });
    const note = "Microsoft Graph refused to look up names (Authorization_RequestDenied): showing object ids.";
    const { user } = renderAccess({
      access_report: () =>
        sampleAccessReport({
          assignments: sampleAccessReport().assignments.map(anonymous),
          namesNote: note,
        }),
    });
    await openAccessTab(user);

    expect(await screen.findByTestId("access-names-note")).toHaveTextContent(note);
    expect(screen.getAllByText(note)).toHaveLength(1);
    const row = accessRow(grace.id);
    expect(within(row).getByText(grace.id)).toHaveClass("deployments-mono");
    expect(row).toHaveTextContent("Cognitive Services OpenAI User");
    expect(screen.queryByText("Grace Hopper")).not.toBeInTheDocument();
  });

  it("says so while loading", async () => {
    const { user } = renderAccess({ access_report: never });
    const view = await openAccessTab(user);
    expect(await within(view).findByText("Loading who has access…")).toBeVisible();
    expect(within(view).getByTestId("access-grant")).toBeDisabled();
  });

  it("says so when nobody has a role", async () => {
    const { user } = renderAccess({ access_report: () => sampleAccessReport({ assignments: [] }) });
    await openAccessTab(user);
    expect(await screen.findByTestId("access-empty")).toHaveTextContent("Nobody has a role here yet");
  });

  it("says which role a refused list needs, and opens “What can I do here?”", async () => {
    const { user } = renderAccess({
      access_report: () => {
        throw commandError({
          kind: "forbidden",
          message: "You may not read the role assignments of contoso-eastus.",
          code: "AuthorizationFailed",
          requestId: "req-ra-1",
          missingRole: "Reader",
        });
      },
      my_access: () => {
        throw commandError({ kind: "forbidden", message: "Not even that." });
      },
    });
    const view = await openAccessTab(user);

    const alert = await within(view).findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t list who has access to contoso-eastus.");
    expect(alert).toHaveTextContent("AuthorizationFailed");
    expect(alert).toHaveTextContent("req-ra-1");
    expect(within(view).getByTestId("missing-role")).toHaveTextContent("Needs the role: Reader");

    await user.click(within(view).getByTestId("what-can-i-do"));
    expect(await screen.findByTestId("my-access")).toBeVisible();
  });
});

describe("granting a role", () => {
  const made = assignment(grace, openAiContributor);

  function renderGrant() {
    return renderAccess({
      find_principals: (args) => ({
        principals: String(argOf(args, "query")).toLowerCase().startsWith("gr") ? [grace] : [],
        unavailable: null,
      }),
      grant_role: () => made,
    });
  }

  it("searches, picks, grants, shows the row pending until Azure lists it, and says the delay once", async () => {
    let granted = false;
    let listedAfter = Number.POSITIVE_INFINITY;
    let reports = 0;
    const { user, calls, unmount } = renderAccess({
      access_report: () => {
        reports += 1;
        const base = sampleAccessReport();
        return reports >= listedAfter
          ? { ...base, assignments: [graceUser, made, ...base.assignments.slice(1)] }
          : base;
      },
      find_principals: (args) => ({
        principals: String(argOf(args, "query")).toLowerCase().startsWith("gr") ? [grace] : [],
        unavailable: null,
      }),
      grant_role: () => {
        granted = true;
        // Azure lists it from the next time it is asked (the first refetch, 2 s on).
        listedAfter = reports + 1;
        return made;
      },
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");

    await user.click(screen.getByTestId("access-grant"));
    const form = screen.getByTestId("grant-form");
    const search = within(form).getByTestId("grant-search");
    expect(search).toHaveFocus();
    await user.type(search, "gr");
    const result = await within(form).findByTestId(`grant-result-${grace.id}`);
    expect(result).toHaveTextContent("Grace Hopper");
    expect(result).toHaveTextContent("grace@contoso.com");
    expect(result).toHaveTextContent("Person");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(search).toHaveValue("Grace Hopper");
    expect(within(form).getByTestId("grant-chosen")).toHaveTextContent("To Grace Hopper (grace@contoso.com) · Person");

    const contributor = within(form).getByTestId(`grant-role-${openAiContributor.name}`);
    expect(contributor).toHaveTextContent(openAiContributor.summary);
    await user.click(contributor);
    const confirm = within(form).getByTestId("grant-confirm");
    expect(confirm).toHaveTextContent("Grant Cognitive Services OpenAI Contributor to Grace Hopper");
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByTestId("grant-form")).not.toBeInTheDocument());
    expect(granted).toBe(true);
    expect(callsTo(calls, "grant_role").map((call) => call.args)).toEqual([
      { profileId: "sandbox", account: contoso, principal: grace, roleId: openAiContributor.id },
    ]);
    expect(callsTo(calls, "find_principals").map((call) => argOf(call.args, "query"))).toEqual(["gr"]);

    const row = accessRow("Grace Hopper");
    const pending = within(row).getByTestId("access-pending");
    expect(pending).toHaveTextContent("Pending");
    expect(pending.closest("[data-testid='access-role']")).toHaveAttribute(
      "data-role-name",
      openAiContributor.name,
    );
    expect(screen.getByTestId("access-propagation-note")).toHaveTextContent(
      "Roles take up to 5 minutes to take effect.",
    );
    expect(screen.getByTestId("access-status")).toHaveTextContent(
      "Granted Cognitive Services OpenAI Contributor to Grace Hopper.",
    );

    // The list is asked again (every 2 s) until it has the new assignment.
    await waitFor(() => expect(screen.queryByTestId("access-pending")).not.toBeInTheDocument());
    expect(within(accessRow("Grace Hopper")).getAllByTestId("access-role")).toHaveLength(2);
    expect(reports).toBeGreaterThanOrEqual(2);

    // The view again, later in the session (remounted): a grant is said, the delay is not.
    unmount();
    const again = renderAccess({
      find_principals: () => ({ principals: [], unavailable: null }),
      grant_role: () => assignment(grace, openAiUser, undefined, "ra-again"),
    });
    await openAccessTab(again.user);
    await screen.findByTestId("access-row-Grace Hopper");
    await again.user.click(screen.getByTestId("access-grant"));
    await again.user.type(screen.getByTestId("grant-search"), "0a1b2c3d-1111-4222-8333-444455556666");
    await again.user.click(screen.getByTestId(`grant-role-${openAiUser.name}`));
    await again.user.click(screen.getByTestId("grant-confirm"));
    expect(await screen.findByTestId("access-status")).toHaveTextContent("Granted Cognitive Services OpenAI User");
    expect(screen.queryByTestId("access-propagation-note")).not.toBeInTheDocument();
  });

  it("announces the grant and the 5-minute note in one live region, there before either", async () => {
    const { user } = renderGrant();
    const view = await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    const live = view.querySelector(".access-announcements");
    expect(live).toHaveAttribute("role", "status");
    expect(live).toBeEmptyDOMElement();

    await user.click(screen.getByTestId("access-grant"));
    await user.type(screen.getByTestId("grant-search"), "gr");
    await user.click(await screen.findByTestId(`grant-result-${grace.id}`));
    await user.click(screen.getByTestId(`grant-role-${openAiContributor.name}`));
    await user.click(screen.getByTestId("grant-confirm"));

    const status = await screen.findByTestId("access-status");
    expect(status.closest("[role='status']")).toBe(live);
    expect(screen.getByTestId("access-propagation-note").closest("[role='status']")).toBe(live);
    expect(live).toHaveTextContent(
      "Granted Cognitive Services OpenAI Contributor to Grace Hopper.Roles take up to 5 minutes to take effect.",
    );
  });

  it("checks the form before asking Azure, and keeps Escape for closing it", async () => {
    const { user, calls } = renderGrant();
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    await user.click(screen.getByTestId("access-grant"));
    const form = screen.getByTestId("grant-form");

    await user.click(within(form).getByTestId("grant-confirm"));
    expect(within(form).getByTestId("grant-search-error")).toHaveTextContent(
      "Choose who gets the role: search for a person, group or app, or paste an object id.",
    );
    expect(within(form).getByTestId("grant-role-error")).toHaveTextContent("Choose a role.");

    await user.type(within(form).getByTestId("grant-search"), "0a1b2c3d-1111-4222");
    expect(within(form).getByTestId("grant-search-error")).toHaveTextContent(
      "That isn’t an object id: one has 36 characters, 8-4-4-4-12 hex digits",
    );
    expect(within(form).getByTestId("grant-search")).toHaveAttribute("aria-invalid", "true");

    await user.clear(within(form).getByTestId("grant-search"));
    await user.type(within(form).getByTestId("grant-search"), "Gr");
    await user.click(await within(form).findByTestId(`grant-result-${grace.id}`));
    await user.click(within(form).getByTestId(`grant-role-${openAiUser.name}`));
    await user.click(within(form).getByTestId("grant-confirm"));
    expect(within(form).getByTestId("grant-problem")).toHaveTextContent(
      "Grace Hopper already has Cognitive Services OpenAI User on this resource.",
    );
    expect(callsTo(calls, "grant_role")).toEqual([]);

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("grant-form")).not.toBeInTheDocument();
    expect(screen.getByTestId("access-grant")).toHaveFocus();
  });

  it("says a refusal needs Owner or User Access Administrator, keeping what was chosen", async () => {
    const { user } = renderAccess({
      find_principals: () => ({ principals: [grace], unavailable: null }),
      grant_role: () => {
        throw commandError({
          kind: "forbidden",
          message: "The client does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write'.",
          code: "AuthorizationFailed",
          requestId: "req-grant-403",
          missingRole: "Owner or User Access Administrator",
        });
      },
      my_access: never,
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    await user.click(screen.getByTestId("access-grant"));
    await user.type(screen.getByTestId("grant-search"), "grace");
    await user.click(await screen.findByTestId(`grant-result-${grace.id}`));
    await user.click(screen.getByTestId(`grant-role-${openAiContributor.name}`));
    await user.click(screen.getByTestId("grant-confirm"));

    const error = await screen.findByTestId("grant-error");
    expect(error).toHaveTextContent(
      "Granting roles needs Owner or User Access Administrator on this resource.",
    );
    expect(error).toHaveTextContent("roleAssignments/write");
    expect(error).toHaveTextContent("AuthorizationFailed");
    expect(error).toHaveTextContent("req-grant-403");
    expect(error).toHaveFocus();
    expect(screen.getByTestId("grant-search")).toHaveValue("Grace Hopper");
    expect(screen.getByTestId(`grant-role-${openAiContributor.name}`)).toHaveAttribute("aria-checked", "true");
    expect(screen.queryByTestId("access-propagation-note")).not.toBeInTheDocument();

    await user.click(within(error).getByTestId("what-can-i-do"));
    expect(await screen.findByTestId("my-access")).toBeVisible();
  });

  it("says “Already has this role” when Azure has it already", async () => {
    const { user } = renderAccess({
      find_principals: () => ({ principals: [grace], unavailable: null }),
      grant_role: () => {
        throw commandError({
          kind: "azure",
          message: "The role assignment already exists.",
          code: "RoleAssignmentExists",
        });
      },
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    await user.click(screen.getByTestId("access-grant"));
    await user.type(screen.getByTestId("grant-search"), "grace");
    await user.click(await screen.findByTestId(`grant-result-${grace.id}`));
    await user.click(screen.getByTestId(`grant-role-${openAiContributor.name}`));
    await user.click(screen.getByTestId("grant-confirm"));

    expect(await screen.findByTestId("grant-error")).toHaveTextContent("Already has this role.");
  });

  it("never picks a result found for older text while a newer search runs, and closes the list on Tab", async () => {
    const { user, calls } = renderAccess({
      find_principals: (args) =>
        String(argOf(args, "query")) === "gr"
          ? { principals: [grace], unavailable: null }
          : new Promise(() => undefined),
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    await user.click(screen.getByTestId("access-grant"));
    const search = screen.getByTestId("grant-search");
    await user.type(search, "gr");
    await screen.findByTestId(`grant-result-${grace.id}`);
    expect(search).toHaveAttribute("aria-expanded", "true");

    await user.type(search, "x");
    await waitFor(() =>
      expect(callsTo(calls, "find_principals").map((call) => argOf(call.args, "query"))).toContain("grx"),
    );
    expect(search).toHaveAttribute("aria-expanded", "false");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(search).toHaveValue("grx");
    expect(screen.queryByTestId("grant-chosen")).not.toBeInTheDocument();

    await user.clear(search);
    await user.type(search, "gr");
    await screen.findByTestId(`grant-result-${grace.id}`);
    await waitFor(() => expect(search).toHaveAttribute("aria-expanded", "true"));
    await user.tab();
    expect(search).not.toHaveFocus();
    expect(search).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("listbox", { hidden: true })).not.toBeVisible();
  });

  it("offers pasting an object id when the directory cannot be searched", async () => {
    const { user } = renderAccess({
      find_principals: () => ({
        principals: [],
        unavailable: "Microsoft Graph refused to look up names (Authorization_RequestDenied).",
      }),
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");
    await user.click(screen.getByTestId("access-grant"));
    await user.type(screen.getByTestId("grant-search"), "grace");

    expect(await screen.findByTestId("grant-search-unavailable")).toHaveTextContent(
      "Paste the person’s object id instead",
    );
  });
});

describe("removing a role", () => {
  it("asks first, naming who loses what, then removes the row", async () => {
    let finish: (gone: boolean) => void = () => undefined;
    const { user, calls } = renderAccess({
      revoke_role: () =>
        new Promise<boolean>((resolve) => {
          finish = resolve;
        }),
    });
    await openAccessTab(user);
    const row = await screen.findByTestId("access-row-Grace Hopper");

    await user.click(within(row).getByTestId("access-revoke-Grace Hopper-Cognitive Services OpenAI User"));
    const confirmation = within(row).getByTestId("access-revoke-confirmation");
    expect(confirmation).toHaveTextContent(
      "Remove Cognitive Services OpenAI User from Grace Hopper on contoso-eastus? Grace Hopper can no longer chat with the deployments here",
    );
    await user.click(within(confirmation).getByTestId("access-revoke-confirm"));

    expect(await within(row).findByRole("status")).toHaveTextContent(
      "Removing Cognitive Services OpenAI User from Grace Hopper…",
    );
    expect(callsTo(calls, "revoke_role").map((call) => call.args)).toEqual([
      { profileId: "sandbox", account: contoso, assignmentId: graceUser.id },
    ]);

    finish(true);
    await waitFor(() => expect(screen.queryByTestId("access-row-Grace Hopper")).not.toBeInTheDocument());
    expect(screen.getByTestId("access-row-Ada Lovelace")).toBeVisible();
  });

  it("keeps the row and says why when Azure refuses", async () => {
    const { user } = renderAccess({
      revoke_role: () => {
        throw commandError({
          kind: "forbidden",
          message: "Not allowed to delete role assignments.",
          code: "AuthorizationFailed",
        });
      },
    });
    await openAccessTab(user);
    const row = await screen.findByTestId("access-row-Grace Hopper");
    await user.click(within(row).getByTestId("access-revoke-Grace Hopper-Cognitive Services OpenAI User"));
    await user.click(within(row).getByTestId("access-revoke-confirm"));

    expect(await within(row).findByTestId("revoke-error")).toHaveTextContent(
      "Removing roles needs Owner or User Access Administrator on this resource.",
    );
    expect(within(row).getByTestId("access-revoke-confirmation")).toBeVisible();

    await user.click(within(row).getByTestId("access-revoke-cancel"));
    expect(within(row).queryByTestId("revoke-error")).not.toBeInTheDocument();
  });

  it("gives focus back to Remove when cancelled, and to the next Remove once removed", async () => {
    const { user } = renderAccess({
      access_report: () =>
        sampleAccessReport({
          assignments: [graceUser, assignment(grace, openAiContributor), adaOwnerInherited],
        }),
      revoke_role: () => true,
    });
    await openAccessTab(user);
    const row = await screen.findByTestId("access-row-Grace Hopper");
    const removeUser = within(row).getByTestId(`access-revoke-Grace Hopper-${openAiUser.name}`);

    await user.click(removeUser);
    await user.click(within(row).getByTestId("access-revoke-cancel"));
    expect(within(row).queryByTestId("access-revoke-confirmation")).not.toBeInTheDocument();
    expect(removeUser).toHaveFocus();

    await user.click(removeUser);
    await user.keyboard("{Escape}");
    expect(removeUser).toHaveFocus();

    await user.click(removeUser);
    await user.click(within(row).getByTestId("access-revoke-confirm"));
    await waitFor(() =>
      expect(
        within(row).queryByTestId(`access-revoke-Grace Hopper-${openAiUser.name}`),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(within(row).getByTestId(`access-revoke-Grace Hopper-${openAiContributor.name}`)).toHaveFocus(),
    );
    expect(screen.getByTestId("access-status")).toHaveTextContent(
      `Removed ${openAiUser.name} from Grace Hopper.`,
    );

    await user.click(within(row).getByTestId(`access-revoke-Grace Hopper-${openAiContributor.name}`));
    await user.click(within(row).getByTestId("access-revoke-confirm"));
    await waitFor(() =>
      expect(screen.getByRole("list", { name: "Who has access to contoso-eastus" })).toHaveFocus(),
    );
  });

  it("lets a role just removed be granted again, though the list still has it", async () => {
    const { user, calls } = renderAccess({
      // Azure's list lags: it still shows the removed assignment.
      access_report: () => sampleAccessReport(),
      revoke_role: () => true,
      find_principals: () => ({ principals: [grace], unavailable: null }),
      grant_role: () => assignment(grace, openAiUser, undefined, "ra-new"),
    });
    await openAccessTab(user);
    const row = await screen.findByTestId("access-row-Grace Hopper");
    await user.click(within(row).getByTestId(`access-revoke-Grace Hopper-${openAiUser.name}`));
    await user.click(within(row).getByTestId("access-revoke-confirm"));
    await waitFor(() => expect(screen.queryByTestId("access-row-Grace Hopper")).not.toBeInTheDocument());

    await user.click(screen.getByTestId("access-grant"));
    await user.type(screen.getByTestId("grant-search"), "grace");
    await user.click(await screen.findByTestId(`grant-result-${grace.id}`));
    await user.click(screen.getByTestId(`grant-role-${openAiUser.name}`));
    await user.click(screen.getByTestId("grant-confirm"));

    expect(screen.queryByTestId("grant-problem")).not.toBeInTheDocument();
    await waitFor(() => expect(callsTo(calls, "grant_role")).toHaveLength(1));
  });
});

describe("the Access tab across resources and tabs", () => {
  it("keeps a form half filled in on a resource picked while the Access tab showed", async () => {
    const fabrikam = sampleAccount({
      name: "fabrikam-westus",
      location: "westus",
      endpoint: "https://fabrikam-westus.openai.azure.com/",
    });
    const { user } = renderAccess({
      list_accounts: () => [sampleAccount(), fabrikam],
      find_principals: () => ({ principals: [], unavailable: null }),
    });
    await openAccessTab(user);
    await screen.findByTestId("access-row-Grace Hopper");

    const fabrikamRow = screen
      .getAllByTestId("resource-row")
      .find((row) => row.dataset.accountName === "fabrikam-westus");
    if (fabrikamRow === undefined) throw new Error("no fabrikam row");
    await user.click(fabrikamRow);
    const grantButton = await screen.findByTestId("access-grant");
    await waitFor(() => expect(grantButton).toBeEnabled());
    await user.click(grantButton);
    expect(screen.getByRole("form", { name: "Grant a role on fabrikam-westus" })).toBeVisible();
    await user.type(screen.getByTestId("grant-search"), "half typed");

    await user.click(screen.getByTestId("tab-deployments"));
    await user.click(screen.getByTestId("tab-access"));
    expect(screen.getByRole("form", { name: "Grant a role on fabrikam-westus" })).toBeVisible();
    expect(screen.getByTestId("grant-search")).toHaveValue("half typed");
  });
});
