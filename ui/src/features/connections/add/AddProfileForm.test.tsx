import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { commands, type ProfileView, type Settings } from "../../../bindings";
import { createQueryClient } from "../../../lib/queryClient";
import { unwrap } from "../../../lib/unwrap";
import { defaultSettings, settingsWith } from "../../../test/fixtures";
import {
  commandError,
  mockCommands,
  never,
  type CommandReplies,
  type IpcCall,
} from "../../../test/mockCommands";
import { renderWithQueries } from "../../../test/render";
import { settingsKey } from "../../settings/settingsQueries";
import { AddProfileForm } from "./AddProfileForm";

const apiKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const endpointUrl = "https://acct.openai.azure.com/openai/v1";

function endpointView(name: string): ProfileView {
  return {
    profile: {
      id: "p-endpoint",
      name,
      connection: {
        kind: "endpointKey",
        endpoint: "https://acct.openai.azure.com",
        api: { style: "classic", apiVersion: "2025-04-01-preview" },
        deployments: ["gpt-4o", "gpt-4o-mini", "o3"],
        signInWith: null,
      },
    },
    signIn: "notNeeded",
    key: {
      endpoint: "https://acct.openai.azure.com",
      masked: "••••b1a0",
      savedAtMs: 1_750_000_000_000,
      origin: { kind: "pasted" },
    },
    simulated: false,
  };
}

function accountView(name: string): ProfileView {
  return {
    profile: {
      id: "p-account",
      name,
      connection: {
        kind: "azureAccount",
        cloud: { kind: "public" },
        tenant: "organizations",
        clientId: null,
        user: null,
        useAzureCli: true,
      },
    },
    signIn: "azureCli",
    key: null,
    simulated: false,
  };
}

/** Renders the form over the default settings unless the test gives its own reply. */
function setup(replies: CommandReplies = {}) {
  const user = userEvent.setup();
  const calls = mockCommands({ get_settings: () => defaultSettings(), ...replies });
  const onAdded = vi.fn<(profile: ProfileView) => void>();
  const onCancel = vi.fn<() => void>();
  const rendered = renderWithQueries(<AddProfileForm onAdded={onAdded} onCancel={onCancel} />);
  return { user, calls, onAdded, onCancel, ...rendered };
}

/** The calls that send something: all but the form's read of the settings. */
function sent(calls: IpcCall[]): IpcCall[] {
  return calls.filter((call) => call.cmd !== "get_settings");
}

function form() {
  return screen.getByRole("form", { name: "Add a connection profile" });
}

function submitButton() {
  return screen.getByRole("button", { name: /^(Add profile|Adding…)$/ });
}

type User = ReturnType<typeof userEvent.setup>;

/** Pastes into a field, as people do with URLs and keys (and much faster than typing). */
async function paste(user: User, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

/** Fills a complete, valid endpoint + key profile. */
async function fillEndpointProfile(user: User) {
  await user.click(screen.getByLabelText("Endpoint + key"));
  await user.type(screen.getByLabelText("Name"), "  Contoso dev ");
  await paste(user, "Endpoint URL", endpointUrl);
  await user.selectOptions(screen.getByLabelText("API style"), "Classic (with api-version)");
  const version = screen.getByLabelText("API version");
  await user.clear(version);
  await user.type(version, "2025-04-01-preview");
  await user.type(screen.getByLabelText("Deployments (optional)"), "gpt-4o\ngpt-4o-mini, o3");
  await paste(user, "API key (optional)", apiKey);
}

describe("AddProfileForm", () => {
  it("starts as an Azure account profile and switches to endpoint + key fields", async () => {
    const { user } = setup();

    expect(screen.getByTestId("profile-kind-account")).toBeChecked();
    expect(screen.getByRole("combobox", { name: "Cloud" })).toHaveDisplayValue("Azure");
    expect(screen.queryByLabelText("Endpoint URL")).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Endpoint + key" }));

    expect(screen.getByTestId("profile-kind-endpoint")).toBeChecked();
    expect(screen.getByRole("radio", { name: "Endpoint + key" })).toHaveAccessibleDescription(
      "For people without Resource Manager rights: an endpoint URL and its API key.",
    );
    expect(screen.getByLabelText("Endpoint URL")).toBeVisible();
    expect(screen.getByRole("combobox", { name: "API style" })).toHaveDisplayValue(
      "v1 (no api-version)",
    );
    expect(screen.queryByLabelText("API version")).not.toBeInTheDocument();
    expect(screen.getByLabelText("API key (optional)")).toHaveAttribute("type", "password");
    expect(screen.queryByRole("combobox", { name: "Cloud" })).not.toBeInTheDocument();
  });

  it("asks for a name on an empty submit, focuses it and sends nothing", async () => {
    const { user, calls, onAdded } = setup();

    await user.click(submitButton());

    const name = screen.getByRole("textbox", { name: "Name" });
    expect(screen.getByTestId("field-error-name")).toHaveTextContent("Give the profile a name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Give the profile a name");
    expect(name).toHaveFocus();
    expect(sent(calls)).toEqual([]);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it("clears a field's error as soon as it is edited", async () => {
    const { user } = setup();
    await user.click(submitButton());
    expect(screen.getByText("Give the profile a name")).toBeVisible();

    await user.type(screen.getByRole("textbox", { name: "Name" }), "W");

    expect(screen.queryByText("Give the profile a name")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Name" })).not.toHaveAttribute("aria-invalid");
  });

  it("asks for https:// when the endpoint has no scheme, and sends nothing", async () => {
    const { user, calls } = setup();
    await user.click(screen.getByLabelText("Endpoint + key"));
    await user.type(screen.getByLabelText("Name"), "Contoso");
    await user.type(screen.getByLabelText("Endpoint URL"), "acct.openai.azure.com");

    await user.click(submitButton());

    expect(screen.getByTestId("field-error-endpointUrl")).toHaveTextContent(
      "Enter a URL starting with https://",
    );
    expect(screen.getByLabelText("Endpoint URL")).toHaveFocus();
    expect(screen.getByLabelText("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    expect(sent(calls)).toEqual([]);
  });

  it("refuses plain http:// to another computer, and sends nothing", async () => {
    const { user, calls } = setup();
    await user.click(screen.getByLabelText("Endpoint + key"));
    await user.type(screen.getByLabelText("Name"), "Contoso");
    await user.type(screen.getByLabelText("Endpoint URL"), "http://acct.openai.azure.com");

    await user.keyboard("{Enter}");

    expect(screen.getByTestId("field-error-endpointUrl")).toHaveTextContent(
      "http:// is only allowed for this computer (localhost)",
    );
    expect(sent(calls)).toEqual([]);
  });

  it("refuses an api-version that is not a date", async () => {
    const { user, calls } = setup();
    await user.click(screen.getByLabelText("Endpoint + key"));
    await user.type(screen.getByLabelText("Name"), "Contoso");
    await user.type(screen.getByLabelText("Endpoint URL"), "https://acct.openai.azure.com");
    await user.selectOptions(screen.getByLabelText("API style"), "classic");
    expect(screen.getByLabelText("API version")).toHaveValue("2024-10-21");
    await user.clear(screen.getByLabelText("API version"));
    await user.type(screen.getByLabelText("API version"), "latest");

    await user.click(submitButton());

    expect(screen.getByTestId("field-error-apiVersion")).toHaveTextContent(
      "Use a date like 2024-10-21 or 2025-04-01-preview",
    );
    expect(screen.getByLabelText("API version")).toHaveFocus();
    expect(sent(calls)).toEqual([]);
  });

  it("sends the endpoint profile as typed, then empties the key field", async () => {
    const added = endpointView("Contoso dev");
    const { user, calls, onAdded, container } = setup({ add_endpoint_profile: () => added });
    await fillEndpointProfile(user);
    // The key is in the field, but nowhere in the page's HTML (no value attribute).
    expect(screen.getByLabelText("API key (optional)")).toHaveValue(apiKey);
    expect(container.innerHTML).not.toContain(apiKey);

    await user.click(submitButton());

    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(added));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_endpoint_profile",
        args: {
          profile: {
            name: "Contoso dev",
            endpoint: endpointUrl,
            api: { style: "classic", apiVersion: "2025-04-01-preview" },
            deployments: ["gpt-4o", "gpt-4o-mini", "o3"],
            key: apiKey,
          },
        },
      },
    ]);
    expect(screen.getByLabelText("API key (optional)")).toHaveValue("");
    expect(container.innerHTML).not.toContain(apiKey);
    expect(submitButton()).toHaveTextContent("Add profile");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("sends no key and no deployments when those are left empty", async () => {
    const { user, calls, onAdded } = setup({ add_endpoint_profile: () => endpointView("Bare") });
    await user.click(screen.getByLabelText("Endpoint + key"));
    await user.type(screen.getByLabelText("Name"), "Bare");
    await user.type(screen.getByLabelText("Endpoint URL"), "http://localhost:8080{Enter}");

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_endpoint_profile",
        args: {
          profile: {
            name: "Bare",
            endpoint: "http://localhost:8080",
            api: { style: "v1" },
            deployments: [],
            key: null,
          },
        },
      },
    ]);
  });

  it("refreshes the profile list after adding", async () => {
    const calls = mockCommands({
      get_settings: () => defaultSettings(),
      list_profiles: () => [],
      add_account_profile: () => accountView("Work"),
    });
    const user = userEvent.setup();
    function ProfileCount() {
      const profiles = useQuery({
        queryKey: ["profiles"],
        queryFn: () => unwrap(commands.listProfiles()),
      });
      return <p>{profiles.isSuccess ? "list loaded" : "loading"}</p>;
    }
    renderWithQueries(
      <>
        <ProfileCount />
        <AddProfileForm onAdded={() => undefined} onCancel={() => undefined} />
      </>,
    );
    expect(await screen.findByText("list loaded")).toBeVisible();

    await user.type(screen.getByLabelText("Name"), "Work{Enter}");

    await waitFor(() =>
      expect(calls.filter((call) => call.cmd === "list_profiles")).toHaveLength(2),
    );
  });

  it("shows Adding… and cannot be sent twice while the profile is being added", async () => {
    const { user, calls } = setup({ add_account_profile: () => never() });
    await user.type(screen.getByLabelText("Name"), "Work");

    await user.click(submitButton());

    expect(await screen.findByRole("button", { name: "Adding…" })).toBeDisabled();
    await user.type(screen.getByLabelText("Name"), "{Enter}");
    expect(sent(calls)).toHaveLength(1);
  });

  it("shows a refused input next to the form and keeps everything typed", async () => {
    const { user, onAdded } = setup({
      add_endpoint_profile: () => {
        throw commandError({
          kind: "input",
          message: "A profile named “Contoso dev” already exists. Choose another name.",
        });
      },
    });
    await fillEndpointProfile(user);

    await user.click(submitButton());

    const error = await screen.findByRole("alert");
    expect(error).toHaveAttribute("data-testid", "add-profile-error");
    expect(error).toHaveTextContent(
      "A profile named “Contoso dev” already exists. Choose another name.",
    );
    expect(screen.queryByText("The profile could not be added")).not.toBeInTheDocument();
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Name")).toHaveValue("  Contoso dev ");
    expect(screen.getByLabelText("Endpoint URL")).toHaveValue(endpointUrl);
    expect(screen.getByLabelText("API version")).toHaveValue("2025-04-01-preview");
    expect(screen.getByLabelText("Deployments (optional)")).toHaveValue("gpt-4o\ngpt-4o-mini, o3");
    expect(screen.getByLabelText("API key (optional)")).toHaveValue(apiKey);
    expect(submitButton()).toBeEnabled();
  });

  it("says when the keychain could not keep the key", async () => {
    const keychainLocked =
      "The keychain is locked. Unlock it and try again, or keep secrets for this session only.";
    const { user, onAdded } = setup({
      add_endpoint_profile: () => {
        throw commandError({
          kind: "keychain",
          message: keychainLocked,
        });
      },
    });
    await fillEndpointProfile(user);

    await user.click(submitButton());

    const notice = await screen.findByRole("alert");
    expect(within(notice).getByText("The profile could not be added")).toBeVisible();
    expect(notice).toHaveTextContent(keychainLocked);
    expect(screen.queryByTestId("add-profile-error")).not.toBeInTheDocument();
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByLabelText("API key (optional)")).toHaveValue(apiKey);
  });

  it("shows a failed call with its notice and keeps everything typed", async () => {
    const { user, onAdded } = setup({
      add_endpoint_profile: () => {
        throw new Error("IPC failed");
      },
    });
    await fillEndpointProfile(user);

    await user.click(submitButton());

    const notice = await screen.findByRole("alert");
    expect(within(notice).getByText("The profile could not be added")).toBeVisible();
    expect(within(notice).getByText("IPC failed")).toBeVisible();
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Name")).toHaveValue("  Contoso dev ");
    expect(screen.getByLabelText("Endpoint URL")).toHaveValue(endpointUrl);
    expect(screen.getByLabelText("API key (optional)")).toHaveValue(apiKey);
  });

  it("sends a custom cloud, after asking for both of its URLs", async () => {
    const { user, calls, onAdded } = setup({ add_account_profile: () => accountView("Sim") });
    await user.type(screen.getByLabelText("Name"), "Sim");
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Cloud" }),
      "Custom (Azure Stack, sovereign or test clouds)",
    );
    expect(screen.getByLabelText("Token audience (optional)")).toHaveAttribute(
      "placeholder",
      "same as the Resource Manager URL",
    );

    await user.click(submitButton());

    expect(screen.getByTestId("field-error-customArmUrl")).toHaveTextContent(
      "Enter a URL starting with https://",
    );
    expect(screen.getByTestId("field-error-customAuthorityUrl")).toHaveTextContent(
      "Enter a URL starting with https://",
    );
    expect(screen.getByLabelText("Resource Manager URL")).toHaveFocus();
    expect(sent(calls)).toEqual([]);

    await paste(user, "Resource Manager URL", "http://127.0.0.1:8443");
    await paste(user, "Sign-in authority URL", "https://login.microsoftonline.com");
    await user.click(submitButton());

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_account_profile",
        args: {
          profile: {
            name: "Sim",
            cloud: {
              kind: "custom",
              resourceManager: "http://127.0.0.1:8443",
              authorityHost: "https://login.microsoftonline.com",
              audience: null,
            },
            clientId: null,
            useAzureCli: false,
          },
        },
      },
    ]);
  });

  it("sends the custom token audience when one is typed", async () => {
    const { user, calls } = setup({ add_account_profile: () => accountView("Stack") });
    await user.type(screen.getByLabelText("Name"), "Stack");
    await user.selectOptions(screen.getByLabelText("Cloud"), "custom");
    await paste(user, "Resource Manager URL", "https://management.local.azurestack.external");
    await paste(user, "Sign-in authority URL", "https://adfs.local.azurestack.external/adfs");
    await paste(user, "Token audience (optional)", "https://management.adfs.azurestack.local/abc");

    await user.click(submitButton());

    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]?.args).toMatchObject({
      profile: {
        cloud: {
          kind: "custom",
          resourceManager: "https://management.local.azurestack.external",
          authorityHost: "https://adfs.local.azurestack.external/adfs",
          audience: "https://management.adfs.azurestack.local/abc",
        },
      },
    });
  });

  it("sends useAzureCli and the own client id, submitted with Enter", async () => {
    const added = accountView("Work");
    const { user, calls, onAdded } = setup({ add_account_profile: () => added });
    await user.selectOptions(screen.getByLabelText("Cloud"), "Azure US Government");
    await user.type(
      screen.getByLabelText("Own app registration (client id), optional"),
      "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
    );
    await user.click(
      screen.getByRole("checkbox", {
        name: "Use my Azure CLI login (az login) instead of signing in here",
      }),
    );
    await user.type(screen.getByLabelText("Name"), "Work{Enter}");

    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(added));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_account_profile",
        args: {
          profile: {
            name: "Work",
            cloud: { kind: "usGovernment" },
            clientId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
            useAzureCli: true,
          },
        },
      },
    ]);
  });

  it("refuses a client id that is not a GUID", async () => {
    const { user, calls } = setup();
    await user.type(screen.getByLabelText("Name"), "Work");
    await user.type(screen.getByLabelText("Own app registration (client id), optional"), "my-app");

    await user.click(submitButton());

    expect(screen.getByTestId("field-error-clientId")).toHaveTextContent(
      "A client id is a GUID like 04b07795-8ddb-461a-bbee-02f9e1bf7b46",
    );
    expect(screen.getByLabelText("Own app registration (client id), optional")).toHaveFocus();
    expect(sent(calls)).toEqual([]);
  });

  it("calls onCancel from the Cancel button and from Escape, sending nothing", async () => {
    const { user, calls, onCancel } = setup();
    await user.type(screen.getByLabelText("Name"), "Half typed");

    await user.click(within(form()).getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);

    await user.click(screen.getByLabelText("Name"));
    await user.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(sent(calls)).toEqual([]);
  });
});

const ownClientId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

/** A reply that waits until the test hands it a value, for settings that are still loading. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * Renders the form over a query client the test keeps, so it can change the saved settings
 * the way a save in Settings does (the cache becomes what Rust saved).
 */
function setupWithSettings(settings: Settings, replies: CommandReplies = {}) {
  const user = userEvent.setup();
  const calls = mockCommands({ get_settings: () => settings, ...replies });
  const client = createQueryClient();
  const onAdded = vi.fn<(profile: ProfileView) => void>();
  render(
    <QueryClientProvider client={client}>
      <AddProfileForm onAdded={onAdded} onCancel={() => undefined} />
    </QueryClientProvider>,
  );
  function saveSettings(next: Settings) {
    act(() => {
      client.setQueryData(settingsKey, next);
    });
  }
  /** Waits until the form's read of the settings has answered, or failed. */
  async function settingsRead() {
    await waitFor(() => expect(client.getQueryState(settingsKey)?.status).not.toBe("pending"));
  }
  return { user, calls, onAdded, saveSettings, settingsRead };
}

function clientIdField() {
  return screen.getByLabelText("Own app registration (client id), optional");
}

describe("AddProfileForm defaults from Settings › Azure", () => {
  it("starts in the default cloud from Settings and sends it", async () => {
    const { user, calls, onAdded } = setupWithSettings(
      settingsWith({ azure: { defaultCloud: "usGovernment" } }),
      { add_account_profile: () => accountView("Gov") },
    );

    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Cloud" })).toHaveDisplayValue(
        "Azure US Government",
      ),
    );
    await user.type(screen.getByLabelText("Name"), "Gov{Enter}");

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_account_profile",
        args: {
          profile: {
            name: "Gov",
            cloud: { kind: "usGovernment" },
            clientId: null,
            useAzureCli: false,
          },
        },
      },
    ]);
  });

  it("starts an endpoint + key profile with the classic api-version from Settings and sends it", async () => {
    const { user, calls, onAdded } = setupWithSettings(
      settingsWith({
        azure: { inferenceStyle: { style: "classic", apiVersion: "2025-04-01-preview" } },
      }),
      { add_endpoint_profile: () => endpointView("Classic") },
    );
    await user.click(screen.getByLabelText("Endpoint + key"));

    expect(await screen.findByLabelText("API version")).toHaveValue("2025-04-01-preview");
    expect(screen.getByRole("combobox", { name: "API style" })).toHaveDisplayValue(
      "Classic (with api-version)",
    );
    await user.type(screen.getByLabelText("Name"), "Classic");
    await paste(user, "Endpoint URL", "https://acct.openai.azure.com");
    await user.click(submitButton());

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)).toEqual([
      {
        cmd: "add_endpoint_profile",
        args: {
          profile: {
            name: "Classic",
            endpoint: "https://acct.openai.azure.com",
            api: { style: "classic", apiVersion: "2025-04-01-preview" },
            deployments: [],
            key: null,
          },
        },
      },
    ]);
  });

  it("follows a settings change while the cloud is untouched, but keeps a cloud picked in the form", async () => {
    const { user, calls, saveSettings, settingsRead } = setupWithSettings(defaultSettings(), {
      add_account_profile: () => accountView("China"),
    });
    const cloud = screen.getByRole("combobox", { name: "Cloud" });
    await settingsRead();
    expect(cloud).toHaveDisplayValue("Azure");

    // Saved in Settings while the form is open: no restart needed.
    saveSettings(settingsWith({ azure: { defaultCloud: "usGovernment" } }));
    await waitFor(() => expect(cloud).toHaveDisplayValue("Azure US Government"));

    await user.selectOptions(cloud, "Azure China 21Vianet");
    saveSettings(settingsWith({ azure: { defaultCloud: "public", signInClientId: ownClientId } }));
    // The hint shows the form has the new settings; the cloud picked in it stays.
    await waitFor(() =>
      expect(clientIdField()).toHaveAccessibleDescription(`Empty uses ${ownClientId} from Settings.`),
    );
    expect(cloud).toHaveDisplayValue("Azure China 21Vianet");

    await user.type(screen.getByLabelText("Name"), "China{Enter}");

    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]).toEqual({
      cmd: "add_account_profile",
      args: {
        profile: { name: "China", cloud: { kind: "china" }, clientId: null, useAzureCli: false },
      },
    });
  });

  it("keeps a cloud picked before the settings were read", async () => {
    const settings = deferred<Settings>();
    const { user, calls } = setupWithSettings(defaultSettings(), {
      get_settings: () => settings.promise,
      add_account_profile: () => accountView("Gov"),
    });
    const cloud = screen.getByRole("combobox", { name: "Cloud" });
    // While the settings load the form starts in Azure public, as it did before there were any.
    expect(cloud).toHaveDisplayValue("Azure");

    await user.selectOptions(cloud, "Azure US Government");
    settings.resolve(
      settingsWith({ azure: { defaultCloud: "china", signInClientId: ownClientId } }),
    );
    // The hint names the settings' client id once they are read.
    await waitFor(() =>
      expect(clientIdField()).toHaveAccessibleDescription(`Empty uses ${ownClientId} from Settings.`),
    );
    expect(cloud).toHaveDisplayValue("Azure US Government");

    await user.type(screen.getByLabelText("Name"), "Gov{Enter}");

    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]?.args).toMatchObject({ profile: { cloud: { kind: "usGovernment" } } });
  });

  it("keeps the api style picked in the form when Settings change theirs", async () => {
    const { user, calls, onAdded, saveSettings } = setupWithSettings(
      settingsWith({ azure: { inferenceStyle: { style: "classic", apiVersion: "2025-04-01-preview" } } }),
      { add_endpoint_profile: () => endpointView("V1") },
    );
    await user.click(screen.getByLabelText("Endpoint + key"));
    const style = screen.getByRole("combobox", { name: "API style" });
    await waitFor(() => expect(style).toHaveDisplayValue("Classic (with api-version)"));

    await user.selectOptions(style, "v1 (no api-version)");
    saveSettings(
      settingsWith({
        azure: {
          inferenceStyle: { style: "classic", apiVersion: "2024-06-01" },
          signInClientId: ownClientId,
        },
      }),
    );
    // A look at the account fields shows when the form has the new settings.
    await user.click(screen.getByLabelText("Azure account (sign in with Microsoft Entra ID)"));
    await waitFor(() =>
      expect(clientIdField()).toHaveAccessibleDescription(`Empty uses ${ownClientId} from Settings.`),
    );
    await user.click(screen.getByLabelText("Endpoint + key"));
    expect(screen.getByRole("combobox", { name: "API style" })).toHaveDisplayValue(
      "v1 (no api-version)",
    );
    expect(screen.queryByLabelText("API version")).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("Name"), "V1");
    await paste(user, "Endpoint URL", "https://acct.openai.azure.com");
    await user.click(submitButton());

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)[0]?.args).toMatchObject({ profile: { api: { style: "v1" } } });
  });

  it("shows the client id from Settings as the field's hint, and leaves the field empty", async () => {
    const { user, calls, onAdded } = setupWithSettings(
      settingsWith({ azure: { signInClientId: ownClientId } }),
      { add_account_profile: () => accountView("Work") },
    );

    await waitFor(() =>
      expect(clientIdField()).toHaveAccessibleDescription(`Empty uses ${ownClientId} from Settings.`),
    );
    expect(clientIdField()).toHaveAttribute("placeholder", ownClientId);
    expect(clientIdField()).toHaveValue("");
    await user.type(screen.getByLabelText("Name"), "Work{Enter}");

    // Rust applies the setting when the field is empty: the form sends none of its own.
    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)[0]?.args).toMatchObject({ profile: { clientId: null } });
  });

  it("says the built-in app signs in when Settings name no client id", async () => {
    const { settingsRead } = setupWithSettings(defaultSettings());

    await settingsRead();
    expect(clientIdField()).toHaveAccessibleDescription("Empty uses the built-in app.");
    expect(clientIdField()).toHaveAttribute("placeholder", "the built-in app");
  });

  it("starts in Azure public with v1 when the settings cannot be read", async () => {
    const { user, calls, onAdded, settingsRead } = setupWithSettings(defaultSettings(), {
      get_settings: () => {
        throw commandError({ kind: "internal", message: "settings unreadable" });
      },
      add_endpoint_profile: () => endpointView("Fallback"),
    });
    await settingsRead();

    expect(screen.getByRole("combobox", { name: "Cloud" })).toHaveDisplayValue("Azure");
    await user.click(screen.getByLabelText("Endpoint + key"));
    expect(screen.getByRole("combobox", { name: "API style" })).toHaveDisplayValue(
      "v1 (no api-version)",
    );
    await user.type(screen.getByLabelText("Name"), "Fallback");
    await paste(user, "Endpoint URL", "https://acct.openai.azure.com");
    await user.click(submitButton());

    await waitFor(() => expect(onAdded).toHaveBeenCalledTimes(1));
    expect(sent(calls)[0]?.args).toMatchObject({ profile: { api: { style: "v1" } } });
  });
});
