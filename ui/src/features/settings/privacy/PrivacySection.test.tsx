import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ConversationSummary } from "../../../bindings";
import { createQueryClient } from "../../../lib/queryClient";
import { sampleAppInfo } from "../../../test/fixtures";
import { commandError, mockCommands, type CommandReplies } from "../../../test/mockCommands";
import { sampleSummaries } from "../../playground/testFixtures";
import { PrivacySection } from "./PrivacySection";

function renderPrivacy(replies: CommandReplies = {}) {
  let history: ConversationSummary[] = sampleSummaries();
  const calls = mockCommands({
    app_info: () => sampleAppInfo({ dataDir: "/home/ada/.local/share/dev.foundrydesk.app", logDir: "/home/ada/.local/share/dev.foundrydesk.app/logs" }),
    list_conversations: () => history,
    clear_history: () => {
      const count = history.length;
      history = [];
      return count;
    },
    ...replies,
  });
  const queryClient = createQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <PrivacySection />
    </QueryClientProvider>,
  );
  return { calls, queryClient, user: userEvent.setup() };
}

describe("Privacy and data", () => {
  it("shows where the app keeps its files and opens a folder on request", async () => {
    const { calls, user } = renderPrivacy({ open_app_folder: () => "/home/ada/.local/share/dev.foundrydesk.app" });
    const data = screen.getByTestId("privacy-data");
    expect(await within(data).findByText("/home/ada/.local/share/dev.foundrydesk.app")).toBeVisible();
    expect(within(screen.getByTestId("privacy-logs")).getByText(/\/logs$/)).toBeVisible();

    await user.click(screen.getByTestId("privacy-open-data"));

    expect(await screen.findByTestId("privacy-status")).toHaveTextContent(
      "Opened /home/ada/.local/share/dev.foundrydesk.app.",
    );
    expect(calls.filter((c) => c.cmd === "open_app_folder").map((c) => c.args)).toEqual([{ folder: "data" }]);
  });

  it("clears the history only after confirming, then says how many went", async () => {
    const { calls, user } = renderPrivacy();
    const count = sampleSummaries().length;
    const history = screen.getByTestId("privacy-history");
    await within(history).findByText(`${count} saved conversations.`);

    await user.click(screen.getByTestId("privacy-clear-history"));
    const confirmation = screen.getByTestId("privacy-clear-history-confirmation");
    expect(confirmation).toHaveTextContent(`Delete all ${count} saved conversations? They cannot be brought back.`);
    expect(calls.some((c) => c.cmd === "clear_history")).toBe(false);
    // Escape steps back without deleting anything.
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("privacy-clear-history-confirmation")).not.toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "clear_history")).toBe(false);

    await user.click(screen.getByTestId("privacy-clear-history"));
    // The confirm button has the focus: Enter confirms.
    expect(screen.getByTestId("privacy-clear-history-confirmation-confirm")).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("privacy-status")).toHaveTextContent(`Deleted ${count} conversations.`);
    expect(await within(history).findByText("No saved conversations.")).toBeVisible();
    expect(screen.getByTestId("privacy-clear-history")).toBeDisabled();
  });

  it("removes every secret after confirming, and says what it removed", async () => {
    const { calls, user } = renderPrivacy({ remove_all_secrets: () => ({ signIns: 1, keys: 3 }) });
    await user.click(screen.getByTestId("privacy-remove-secrets"));
    expect(screen.getByTestId("privacy-remove-secrets-confirmation")).toHaveTextContent(
      "Sign every profile out and delete every saved API key from the keychain? This cannot be undone.",
    );

    await user.click(screen.getByTestId("privacy-remove-secrets-confirmation-confirm"));

    expect(await screen.findByTestId("privacy-status")).toHaveTextContent(
      "Signed out 1 profile and deleted 3 keys from the keychain.",
    );
    expect(calls.filter((c) => c.cmd === "remove_all_secrets")).toHaveLength(1);
    expect(screen.queryByTestId("privacy-remove-secrets-confirmation")).not.toBeInTheDocument();
  });

  it("keeps the confirmation open with Rust's reason when the keychain refuses", async () => {
    const { user } = renderPrivacy({
      remove_all_secrets: () => {
        throw commandError({ kind: "keychain", message: "The keychain is locked: unlock it and try again." });
      },
    });
    await user.click(screen.getByTestId("privacy-remove-secrets"));
    await user.click(screen.getByTestId("privacy-remove-secrets-confirmation-confirm"));

    const confirmation = screen.getByTestId("privacy-remove-secrets-confirmation");
    expect(await within(confirmation).findByRole("alert")).toHaveTextContent(
      "The keychain is locked: unlock it and try again.",
    );
    expect(screen.getByTestId("privacy-remove-secrets-confirmation-confirm")).toBeEnabled();
  });

  it("drops the cached model catalogs, so they are read from Azure again", async () => {
    const { queryClient, user } = renderPrivacy();
    queryClient.setQueryData(["planFacts", "sandbox", "sub", "rg", "acct"], { models: [] });
    queryClient.setQueryData(["regionQuotas", "sandbox", "sub", "eastus"], []);
    queryClient.setQueryData(["profiles"], []);

    await user.click(screen.getByTestId("privacy-clear-catalogs"));

    await waitFor(() => expect(queryClient.getQueryData(["planFacts", "sandbox", "sub", "rg", "acct"])).toBeUndefined());
    expect(queryClient.getQueryData(["regionQuotas", "sandbox", "sub", "eastus"])).toBeUndefined();
    expect(queryClient.getQueryData(["profiles"])).toEqual([]);
    expect(screen.getByTestId("privacy-status")).toHaveTextContent("Models, versions and quotas will be read from Azure again");
  });
});
