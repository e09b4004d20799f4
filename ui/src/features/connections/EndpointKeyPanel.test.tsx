import { waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SavedKeyView } from "../../bindings";
import { endpointProfile, sampleSavedKey, sandboxProfile } from "../../test/fixtures";
import { commandError } from "../../test/mockCommands";
import { callsTo, detailOf, renderConnections } from "./testSupport";

const endpoint = "https://contoso-eastus.openai.azure.com/";
const secret = "8f1d0c5e7a2b4c6d9e0f1a2b3c4d3f9a";

describe("endpoint + key profile", () => {
  it("shows where it points and that no key is saved", async () => {
    renderConnections({ list_profiles: () => [endpointProfile()] });
    const detail = await detailOf("Team endpoint");

    expect(within(detail).getByTestId("endpoint-url")).toHaveTextContent(endpoint);
    expect(detail).toHaveTextContent("gpt-4o-mini, text-embedding-3-small");
    expect(within(detail).getByTestId("endpoint-key")).toHaveTextContent("No key saved");
    expect(within(detail).queryByTestId("delete-key")).not.toBeInTheDocument();
    expect(within(detail).getByTestId("save-key")).toBeDisabled();
  });

  it("says when it signs in through another profile, and goes back to its key", async () => {
    let signInWith: string | null = "sandbox";
    const { user, calls } = renderConnections({
      list_profiles: () => [endpointProfile({ signInWith }), sandboxProfile()],
      use_entra_sign_in: () => {
        signInWith = null;
        return endpointProfile({ signInWith });
      },
    });
    const detail = await detailOf("Team endpoint");

    expect(await within(detail).findByTestId("endpoint-sign-in-with")).toHaveTextContent(
      "Through Sandbox’s Entra sign-in, instead of the key",
    );
    await user.click(within(detail).getByTestId("use-key-again"));

    await waitFor(() => expect(within(detail).queryByTestId("endpoint-sign-in-with")).not.toBeInTheDocument());
    expect(callsTo(calls, "use_entra_sign_in")).toEqual([
      { cmd: "use_entra_sign_in", args: { profileId: "ep-1", signInProfileId: null } },
    ]);
  });

  it("saves a pasted key, then forgets it and shows only the masked key", async () => {
    let key: SavedKeyView | null = null;
    const { user, calls } = renderConnections({
      list_profiles: () => [endpointProfile({ key })],
      save_key: () => {
        key = sampleSavedKey();
        return key;
      },
    });
    const detail = await detailOf("Team endpoint");
    const input = within(detail).getByTestId("paste-key");
    expect(input).toHaveAttribute("type", "password");

    await user.type(input, secret);
    // While typed, the key is only in the field's live value, never in the page's markup.
    expect(document.documentElement.outerHTML).not.toContain(secret);
    await user.click(within(detail).getByTestId("save-key"));

    await waitFor(() => expect(within(detail).getByTestId("endpoint-key")).toHaveTextContent("•••• 3f9a"));
    expect(input).toHaveValue("");
    expect(document.body).not.toHaveTextContent(secret);
    expect(callsTo(calls, "save_key")).toEqual([
      { cmd: "save_key", args: { endpoint, key: secret } },
    ]);
  });

  it("clears the pasted key even when saving fails, and says why", async () => {
    const { user } = renderConnections({
      list_profiles: () => [endpointProfile()],
      save_key: () => {
        throw commandError({ kind: "keychain", message: "The keyring is locked: unlock it." });
      },
    });
    const detail = await detailOf("Team endpoint");

    await user.type(within(detail).getByTestId("paste-key"), `${secret}{Enter}`);

    expect(await within(detail).findByRole("alert")).toHaveTextContent(
      "The keyring is locked: unlock it.",
    );
    expect(within(detail).getByTestId("paste-key")).toHaveValue("");
    expect(within(detail).getByTestId("endpoint-key")).toHaveTextContent("No key saved");
  });

  it("deletes the saved key", async () => {
    let key: SavedKeyView | null = sampleSavedKey();
    const { user, calls } = renderConnections({
      list_profiles: () => [endpointProfile({ key })],
      delete_key: () => {
        key = null;
        return true;
      },
    });
    const detail = await detailOf("Team endpoint");
    expect(within(detail).getByTestId("endpoint-key")).toHaveTextContent(
      `•••• 3f9a, saved ${new Date(sampleSavedKey().savedAtMs ?? 0).toLocaleString()}`,
    );

    await user.click(within(detail).getByTestId("delete-key"));

    await waitFor(() =>
      expect(within(detail).getByTestId("endpoint-key")).toHaveTextContent("No key saved"),
    );
    expect(callsTo(calls, "delete_key")).toEqual([{ cmd: "delete_key", args: { endpoint } }]);
  });
});
