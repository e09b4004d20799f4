import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { KeychainStatus } from "../../bindings";
import { sandboxProfile } from "../../test/fixtures";
import { never } from "../../test/mockCommands";
import { callsTo, renderConnections } from "./testSupport";

function renderWithKeychain(status: KeychainStatus, afterKeep?: KeychainStatus) {
  return renderConnections({
    keychain_status: () => status,
    keep_secrets_for_session: () => afterKeep ?? status,
    list_profiles: () => [sandboxProfile()],
    list_subscriptions: never,
  });
}

describe("keychain banner", () => {
  it("says a locked keyring must be unlocked", async () => {
    renderWithKeychain({
      backend: "Secret Service",
      state: "locked",
      detail: "The default collection is locked.",
    });

    const banner = await screen.findByTestId("keychain-banner");
    expect(banner).toHaveAttribute("role", "alert");
    expect(banner).toHaveTextContent("Secret Service is locked");
    expect(banner).toHaveTextContent("The default collection is locked.");
    expect(banner).toHaveTextContent("Unlock your keyring");
    expect(banner).not.toHaveTextContent("Install or start");
    expect(within(banner).getByTestId("keep-for-session")).toHaveTextContent(
      "Keep secrets for this session only",
    );
  });

  it("says a missing keyring must be installed or started", async () => {
    renderWithKeychain({
      backend: "Secret Service",
      state: "unavailable",
      detail: "No Secret Service on the session bus",
    });

    const banner = await screen.findByTestId("keychain-banner");
    expect(banner).toHaveTextContent("Secret Service is unavailable");
    expect(banner).toHaveTextContent("No Secret Service on the session bus");
    expect(banner).toHaveTextContent("Install or start GNOME Keyring or KWallet");
    expect(banner).not.toHaveTextContent("Unlock your keyring");
  });

  it("switches to session memory and then only notes it quietly", async () => {
    const { user, calls } = renderWithKeychain(
      { backend: "Secret Service", state: "unavailable", detail: null },
      { backend: "Session memory", state: "unlocked", detail: null },
    );

    await user.click(await screen.findByTestId("keep-for-session"));

    expect(await screen.findByTestId("session-only-note")).toHaveTextContent(
      "Secrets are kept in memory until the app closes.",
    );
    expect(screen.queryByTestId("keychain-banner")).not.toBeInTheDocument();
    expect(callsTo(calls, "keep_secrets_for_session")).toHaveLength(1);
  });

  it("stays out of the way while the keyring works", async () => {
    renderWithKeychain({ backend: "Secret Service", state: "unlocked", detail: null });

    await screen.findByTestId("profile-detail");
    expect(screen.queryByTestId("keychain-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("session-only-note")).not.toBeInTheDocument();
  });
});
