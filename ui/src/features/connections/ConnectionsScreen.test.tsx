import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ProfileView } from "../../bindings";
import { accountProfile, endpointProfile, sandboxProfile } from "../../test/fixtures";
import { commandError, never } from "../../test/mockCommands";
import { argOf, callsTo, detailOf, renderConnections, rowOf } from "./testSupport";

// The add form is another feature with its own tests; here only its wiring into the screen
// matters: what the screen does with onAdded and onCancel.
vi.mock("./add/AddProfileForm", () => ({
  AddProfileForm: (props: { onAdded: (view: ProfileView) => void; onCancel: () => void }) => (
    <div data-testid="add-form-stub">
      <button
        type="button"
        onClick={() => props.onAdded(endpointProfile({ id: "ep-new", name: "Brand new" }))}
      >
        Stub add
      </button>
      <button type="button" onClick={props.onCancel}>
        Stub cancel
      </button>
    </div>
  ),
}));

const sandboxOnly = () => [sandboxProfile()];

describe("Connections screen", () => {
  it("says it is loading the profiles", () => {
    renderConnections({ list_profiles: never });

    expect(screen.getByRole("status")).toHaveTextContent("Loading profiles");
    expect(screen.queryByTestId("profile-detail")).not.toBeInTheDocument();
  });

  it("shows why the profiles could not load, and tries again", async () => {
    let failing = true;
    const { user } = renderConnections({
      list_profiles: () => {
        if (failing) {
          throw commandError({
            kind: "internal",
            message: "profiles.json is not valid JSON.",
            code: "E_PROFILES",
            requestId: null,
          });
        }
        return sandboxOnly();
      },
      list_subscriptions: never,
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn’t load your profiles.");
    expect(alert).toHaveTextContent("profiles.json is not valid JSON.");
    expect(alert).toHaveTextContent("E_PROFILES");

    failing = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await detailOf("Sandbox")).toBeVisible();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says so when there is no profile at all", async () => {
    renderConnections({ list_profiles: () => [] });

    expect(await screen.findByTestId("no-profiles")).toHaveTextContent("No profiles yet");
    expect(screen.getByTestId("add-profile")).toBeEnabled();
  });

  it("lists each profile with its kind and selects the first", async () => {
    renderConnections({
      list_profiles: () => [
        sandboxProfile(),
        accountProfile({ name: "Contoso", signIn: "expired" }),
        endpointProfile({ name: "Team endpoint" }),
      ],
      list_subscriptions: never,
    });

    const detail = await detailOf("Sandbox");
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent(
      "No sign-in needed",
    );

    const rows = screen.getAllByTestId("profile-row");
    expect(rows.map((row) => row.dataset.profileName)).toEqual([
      "Sandbox",
      "Contoso",
      "Team endpoint",
    ]);
    expect(rowOf("Sandbox")).toHaveTextContent("Sandbox");
    expect(within(rowOf("Sandbox")).getByTestId("simulated-badge")).toHaveTextContent("Simulated");
    expect(rowOf("Sandbox")).toHaveAttribute("aria-current", "true");
    expect(rowOf("Contoso")).toHaveTextContent("Azure account");
    expect(rowOf("Contoso")).toHaveTextContent("Sign in again");
    expect(within(rowOf("Contoso")).queryByTestId("simulated-badge")).not.toBeInTheDocument();
    expect(rowOf("Team endpoint")).toHaveTextContent("Endpoint + key");
    expect(rowOf("Team endpoint")).not.toHaveTextContent("Sign in again");
  });

  it("opens a profile on click and moves through the list with the arrow keys", async () => {
    const { user } = renderConnections({
      list_profiles: () => [
        sandboxProfile(),
        accountProfile({ name: "Contoso", signIn: "signedOut", user: null }),
        endpointProfile({ name: "Team endpoint" }),
      ],
      list_subscriptions: never,
    });
    await detailOf("Sandbox");

    await user.click(rowOf("Team endpoint"));
    expect(await detailOf("Team endpoint")).toHaveTextContent("Endpoint + key");

    await user.keyboard("{ArrowUp}");
    const detail = await detailOf("Contoso");
    expect(rowOf("Contoso")).toHaveFocus();
    expect(within(detail).getByTestId("profile-signin-state")).toHaveTextContent("Not signed in");
    expect(within(detail).getByTestId("profile-user")).toHaveTextContent("No one yet");
  });

  it("shows the add form and selects the profile it added", async () => {
    const { user } = renderConnections({ list_profiles: sandboxOnly, list_subscriptions: never });
    await detailOf("Sandbox");

    await user.click(screen.getByTestId("add-profile"));
    expect(screen.getByTestId("add-form-stub")).toBeVisible();
    expect(screen.queryByTestId("profile-detail")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Stub add" }));

    expect(await detailOf("Brand new")).toHaveTextContent("Endpoint + key");
    expect(rowOf("Brand new")).toHaveAttribute("aria-current", "true");
    expect(screen.queryByTestId("add-form-stub")).not.toBeInTheDocument();
  });

  it("closes the add form on cancel and goes back to the profile", async () => {
    const { user } = renderConnections({ list_profiles: sandboxOnly, list_subscriptions: never });
    await detailOf("Sandbox");

    await user.click(screen.getByTestId("add-profile"));
    await user.click(screen.getByRole("button", { name: "Stub cancel" }));

    expect(screen.queryByTestId("add-form-stub")).not.toBeInTheDocument();
    expect(await detailOf("Sandbox")).toBeVisible();
  });
});

describe("renaming a profile", () => {
  it("saves the new name with Enter", async () => {
    let name = "Team endpoint";
    const { user, calls } = renderConnections({
      list_profiles: () => [endpointProfile({ name })],
      rename_profile: (args) => {
        name = String(argOf(args, "name"));
        return endpointProfile({ name });
      },
    });
    const detail = await detailOf("Team endpoint");

    await user.click(within(detail).getByTestId("rename-profile"));
    const input = within(detail).getByTestId("rename-input");
    expect(input).toHaveValue("Team endpoint");
    await user.clear(input);
    await user.type(input, "Prod endpoint{Enter}");

    expect(await detailOf("Prod endpoint")).toBeVisible();
    expect(rowOf("Prod endpoint")).toBeVisible();
    expect(screen.queryByTestId("rename-input")).not.toBeInTheDocument();
    expect(callsTo(calls, "rename_profile")).toEqual([
      { cmd: "rename_profile", args: { profileId: "ep-1", name: "Prod endpoint" } },
    ]);
  });

  it("leaves the name alone on Escape", async () => {
    const { user, calls } = renderConnections({
      list_profiles: () => [endpointProfile({ name: "Team endpoint" })],
    });
    const detail = await detailOf("Team endpoint");

    await user.click(within(detail).getByTestId("rename-profile"));
    await user.type(within(detail).getByTestId("rename-input"), " 2{Escape}");

    expect(screen.queryByTestId("rename-input")).not.toBeInTheDocument();
    expect(within(detail).getByRole("heading", { name: "Team endpoint" })).toBeVisible();
    expect(callsTo(calls, "rename_profile")).toEqual([]);
  });

  it("shows why a name was refused next to the field", async () => {
    const { user } = renderConnections({
      list_profiles: () => [sandboxProfile(), endpointProfile({ name: "Team endpoint" })],
      list_subscriptions: never,
      rename_profile: () => {
        throw commandError({ kind: "input", message: "A profile named Sandbox already exists." });
      },
    });
    await detailOf("Sandbox");
    await user.click(rowOf("Team endpoint"));
    const detail = await detailOf("Team endpoint");

    await user.click(within(detail).getByTestId("rename-profile"));
    await user.clear(within(detail).getByTestId("rename-input"));
    await user.type(within(detail).getByTestId("rename-input"), "Sandbox");
    await user.click(within(detail).getByTestId("rename-save"));

    expect(await within(detail).findByRole("alert")).toHaveTextContent(
      "A profile named Sandbox already exists.",
    );
    expect(within(detail).getByTestId("rename-input")).toHaveValue("Sandbox");
    expect(within(detail).getByTestId("rename-input")).toHaveAttribute("aria-invalid", "true");
  });
});

describe("removing a profile", () => {
  it("asks first, removes, says how many keychain entries went, and selects another", async () => {
    let profiles = [
      sandboxProfile(),
      accountProfile({ name: "Contoso" }),
      endpointProfile({ name: "Team endpoint" }),
    ];
    const { user, calls } = renderConnections({
      list_profiles: () => profiles,
      list_subscriptions: never,
      list_tenants: never,
      remove_profile: (args) => {
        profiles = profiles.filter((view) => view.profile.id !== argOf(args, "profileId"));
        return { name: "Contoso", secretsRemoved: 3 };
      },
    });
    await detailOf("Sandbox");
    await user.click(rowOf("Contoso"));
    const detail = await detailOf("Contoso");

    await user.click(within(detail).getByTestId("remove-profile"));
    expect(detail).toHaveTextContent(/keychain entries .* are removed too/);
    expect(callsTo(calls, "remove_profile")).toEqual([]);
    await user.click(within(detail).getByTestId("remove-confirm"));

    expect(await screen.findByTestId("remove-status")).toHaveTextContent(
      "Removed Contoso and 3 keychain entries",
    );
    // The one below the removed profile.
    expect(await detailOf("Team endpoint")).toBeVisible();
    expect(screen.getAllByTestId("profile-row").map((row) => row.dataset.profileName)).toEqual([
      "Sandbox",
      "Team endpoint",
    ]);
    expect(callsTo(calls, "remove_profile")).toEqual([
      { cmd: "remove_profile", args: { profileId: "acct-1" } },
    ]);
  });

  it("keeps the profile when the removal fails", async () => {
    const { user } = renderConnections({
      list_profiles: () => [endpointProfile({ name: "Team endpoint" })],
      remove_profile: () => {
        throw commandError({ kind: "keychain", message: "The keyring is locked." });
      },
    });
    const detail = await detailOf("Team endpoint");

    await user.click(within(detail).getByTestId("remove-profile"));
    await user.click(within(detail).getByTestId("remove-confirm"));

    expect(await within(detail).findByRole("alert")).toHaveTextContent("The keyring is locked.");
    expect(screen.queryByTestId("remove-status")).not.toBeInTheDocument();
    await waitFor(() => expect(rowOf("Team endpoint")).toBeVisible());
  });
});
