import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConversationSummary } from "../../bindings";
import { commandError, mockCommands, type CommandReplies } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { relativeDate } from "./HistoryItem";
import { HistoryPanel } from "./HistoryPanel";
import { argsOf, sampleSummaries } from "./testFixtures";

/** The saved conversations as Rust keeps them: searched, renamed and deleted for real. */
function historyOnFile(initial: ConversationSummary[]) {
  let items = initial;
  return {
    list: (args: Record<string, unknown>) => {
      const query = String(args.query).trim().toLowerCase();
      return items.filter((item) => query === "" || item.title.toLowerCase().includes(query));
    },
    rename: (args: Record<string, unknown>): ConversationSummary => {
      const renamed = items.find((item) => item.id === args.id);
      if (renamed === undefined) throw new Error(`no conversation ${String(args.id)}`);
      const after = { ...renamed, title: String(args.title) };
      items = items.map((item) => (item.id === after.id ? after : item));
      return after;
    },
    remove: (args: Record<string, unknown>) => {
      items = items.filter((item) => item.id !== args.id);
      return null;
    },
  };
}

type HistoryOptions = {
  activeId?: string | null;
  items?: ConversationSummary[];
  replies?: CommandReplies;
};

function renderHistory(options: HistoryOptions = {}) {
  const user = userEvent.setup();
  const file = historyOnFile(options.items ?? sampleSummaries());
  const calls = mockCommands({
    list_conversations: (args) => file.list(args as Record<string, unknown>),
    rename_conversation: (args) => file.rename(args as Record<string, unknown>),
    delete_conversation: (args) => file.remove(args as Record<string, unknown>),
    export_conversation: (args) => {
      const { format } = args as { format: string };
      const ext = format === "markdown" ? "md" : "json";
      return `/home/ada/Downloads/What is the capital of France.${ext}`;
    },
    ...options.replies,
  });
  const onOpen = vi.fn<(id: string) => void>();
  const onNew = vi.fn<() => void>();
  const onDeleted = vi.fn<(id: string) => void>();
  const onRenamed = vi.fn<(id: string, title: string) => void>();
  renderWithQueries(
    <HistoryPanel
      activeId={options.activeId ?? null}
      onOpen={onOpen}
      onNew={onNew}
      onDeleted={onDeleted}
      onRenamed={onRenamed}
    />,
  );
  return { user, calls, onOpen, onNew, onDeleted, onRenamed };
}

function itemOf(id: string): HTMLElement {
  const item = screen.getAllByTestId("history-item").find((element) => element.dataset.id === id);
  if (item === undefined) throw new Error(`no history item ${id}`);
  return item;
}

/** The titles listed, top to bottom (each item's open button starts with its title). */
const titles = () =>
  screen
    .getAllByTestId("history-open")
    .map((open) => open.firstElementChild?.textContent);

describe("HistoryPanel", () => {
  it("lists the saved conversations, newest first, the open one marked", async () => {
    const { user, onOpen } = renderHistory({ activeId: "conv-capital" });

    expect(await screen.findAllByTestId("history-item")).toHaveLength(2);
    expect(titles()).toEqual(["Write a haiku about rain", "What is the capital of France?"]);
    const capital = itemOf("conv-capital");
    expect(capital).toHaveAttribute("aria-current", "true");
    expect(itemOf("conv-haiku")).not.toHaveAttribute("aria-current");
    expect(capital).toHaveTextContent(/gpt-4o · .+ · 2 messages/);
    expect(itemOf("conv-haiku")).toHaveTextContent(/o4-mini · .+ · 4 messages/);

    await user.click(within(itemOf("conv-haiku")).getByText("Write a haiku about rain"));
    expect(onOpen).toHaveBeenLastCalledWith("conv-haiku");

    within(capital).getByTestId("history-open").focus();
    await user.keyboard("{Enter}");
    expect(onOpen).toHaveBeenLastCalledWith("conv-capital");
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it("searches once typing pauses", async () => {
    const { user, calls } = renderHistory();
    await screen.findAllByTestId("history-item");

    await user.type(screen.getByTestId("history-search"), "rain");

    await waitFor(() => expect(titles()).toEqual(["Write a haiku about rain"]));
    // One search for the whole word, not one per letter.
    expect(argsOf(calls, "list_conversations")).toEqual([{ query: "" }, { query: "rain" }]);
  });

  it("says when no conversation matches the search", async () => {
    const { user } = renderHistory();
    await screen.findAllByTestId("history-item");
    await user.type(screen.getByTestId("history-search"), "quantum");
    expect(await screen.findByTestId("history-empty")).toHaveTextContent(
      "No conversation mentions 'quantum'.",
    );
    expect(screen.queryByTestId("history-item")).not.toBeInTheDocument();
  });

  it("says conversations are saved automatically when there are none yet", async () => {
    renderHistory({ items: [] });
    expect(await screen.findByTestId("history-empty")).toHaveTextContent(
      "No conversations yet — they are saved here automatically.",
    );
  });

  it("says when the list cannot be read, and tries again", async () => {
    let fail = true;
    const file = historyOnFile(sampleSummaries());
    const { user } = renderHistory({
      replies: {
        list_conversations: (args) => {
          if (fail) {
            throw commandError({
              kind: "internal",
              message: "The conversations folder is unreadable.",
            });
          }
          return file.list(args as Record<string, unknown>);
        },
      },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The conversations folder is unreadable.",
    );
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findAllByTestId("history-item")).toHaveLength(2);
  });

  it("renames a conversation in place: Enter saves, Escape cancels", async () => {
    const { user, calls, onOpen, onRenamed } = renderHistory();
    await screen.findAllByTestId("history-item");

    await user.click(within(itemOf("conv-capital")).getByTestId("history-rename"));
    const input = within(itemOf("conv-capital")).getByTestId("history-rename-input");
    expect(input).toHaveFocus();
    expect(input).toHaveValue("What is the capital of France?");
    await user.keyboard("{Escape}");
    expect(within(itemOf("conv-capital")).queryByTestId("history-rename-input")).toBeNull();
    expect(within(itemOf("conv-capital")).getByTestId("history-open")).toHaveFocus();

    await user.click(within(itemOf("conv-capital")).getByTestId("history-rename"));
    await user.clear(within(itemOf("conv-capital")).getByTestId("history-rename-input"));
    await user.keyboard("Paris trip{Enter}");

    await waitFor(() => expect(itemOf("conv-capital")).toHaveTextContent("Paris trip"));
    expect(argsOf(calls, "rename_conversation")).toEqual([
      { id: "conv-capital", title: "Paris trip" },
    ]);
    // The screen is told, so the open conversation's next save keeps the title.
    expect(onRenamed).toHaveBeenCalledExactlyOnceWith("conv-capital", "Paris trip");
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("tells nothing when a rename fails, and keeps the title as typed", async () => {
    const { user, onRenamed } = renderHistory({
      replies: {
        rename_conversation: () => {
          throw commandError({ kind: "internal", message: "The file is read-only." });
        },
      },
    });
    await screen.findAllByTestId("history-item");
    await user.click(within(itemOf("conv-capital")).getByTestId("history-rename"));
    await user.clear(within(itemOf("conv-capital")).getByTestId("history-rename-input"));
    await user.keyboard("Paris trip{Enter}");

    expect(await within(itemOf("conv-capital")).findByRole("alert")).toHaveTextContent(
      "The file is read-only.",
    );
    expect(within(itemOf("conv-capital")).getByTestId("history-rename-input")).toHaveValue(
      "Paris trip",
    );
    expect(onRenamed).not.toHaveBeenCalled();
  });

  it("deletes after a confirmation, starting a new chat when it was the open one", async () => {
    const { user, calls, onNew, onOpen, onDeleted } = renderHistory({
      activeId: "conv-capital",
    });
    await screen.findAllByTestId("history-item");

    await user.click(within(itemOf("conv-haiku")).getByTestId("history-delete"));
    await user.click(screen.getByTestId("history-delete-cancel"));
    expect(argsOf(calls, "delete_conversation")).toEqual([]);

    await user.click(within(itemOf("conv-haiku")).getByTestId("history-delete"));
    expect(screen.getByTestId("history-delete-confirmation")).toHaveTextContent(
      "Delete this conversation?",
    );
    await user.click(screen.getByTestId("history-delete-confirm"));
    await waitFor(() => expect(titles()).toEqual(["What is the capital of France?"]));
    expect(onDeleted).toHaveBeenCalledExactlyOnceWith("conv-haiku");
    expect(onNew).not.toHaveBeenCalled();
    expect(screen.getByTestId("history-search")).toHaveFocus();

    await user.click(within(itemOf("conv-capital")).getByTestId("history-delete"));
    await user.click(screen.getByTestId("history-delete-confirm"));

    await waitFor(() => expect(onNew).toHaveBeenCalledOnce());
    // Told before the new chat starts, so whatever was on its way for it is not saved.
    expect(onDeleted).toHaveBeenLastCalledWith("conv-capital");
    const deletedOrder = onDeleted.mock.invocationCallOrder;
    expect(deletedOrder[deletedOrder.length - 1]).toBeLessThan(
      onNew.mock.invocationCallOrder[0] ?? 0,
    );
    expect(argsOf(calls, "delete_conversation")).toEqual([
      { id: "conv-haiku" },
      { id: "conv-capital" },
    ]);
    expect(await screen.findByTestId("history-empty")).toBeVisible();
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("tells nothing when a delete fails", async () => {
    const { user, onDeleted, onNew } = renderHistory({
      activeId: "conv-capital",
      replies: {
        delete_conversation: () => {
          throw commandError({ kind: "internal", message: "The file is locked." });
        },
      },
    });
    await screen.findAllByTestId("history-item");
    await user.click(within(itemOf("conv-capital")).getByTestId("history-delete"));
    await user.click(screen.getByTestId("history-delete-confirm"));

    expect(
      await within(screen.getByTestId("history-delete-confirmation")).findByRole("alert"),
    ).toHaveTextContent("The file is locked.");
    expect(onDeleted).not.toHaveBeenCalled();
    expect(onNew).not.toHaveBeenCalled();
  });

  it("exports as Markdown or JSON and says where the file went", async () => {
    const { user, calls } = renderHistory();
    await screen.findAllByTestId("history-item");

    await user.click(within(itemOf("conv-capital")).getByTestId("history-export-md"));
    expect(await screen.findByTestId("export-result")).toHaveTextContent(
      "Saved to /home/ada/Downloads/What is the capital of France.md",
    );
    await user.click(within(itemOf("conv-capital")).getByTestId("history-export-json"));
    await waitFor(() =>
      expect(screen.getByTestId("export-result")).toHaveTextContent(
        "Saved to /home/ada/Downloads/What is the capital of France.json",
      ),
    );
    expect(argsOf(calls, "export_conversation")).toEqual([
      { id: "conv-capital", format: "markdown" },
      { id: "conv-capital", format: "json" },
    ]);
  });

  it("says why an export failed", async () => {
    const { user } = renderHistory({
      replies: {
        export_conversation: () => {
          throw commandError({ kind: "internal", message: "The Downloads folder is read-only." });
        },
      },
    });
    await screen.findAllByTestId("history-item");
    await user.click(within(itemOf("conv-haiku")).getByTestId("history-export-json"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn’t export 'Write a haiku about rain'.The Downloads folder is read-only.",
    );
  });

  it("starts a new chat", async () => {
    const { user, onNew } = renderHistory();
    await user.click(screen.getByTestId("history-new"));
    expect(onNew).toHaveBeenCalledOnce();
  });
});

describe("relativeDate", () => {
  const now = new Date(2025, 10, 20, 16, 30);

  it("names today and yesterday with the time, other days by date", () => {
    expect(relativeDate(new Date(2025, 10, 20, 14, 5).getTime(), now, "en-GB")).toBe("today 14:05");
    expect(relativeDate(new Date(2025, 10, 19, 9, 12).getTime(), now, "en-GB")).toBe(
      "yesterday 09:12",
    );
    expect(relativeDate(new Date(2025, 10, 12, 9, 0).getTime(), now, "en-GB")).toBe("12 Nov");
    expect(relativeDate(new Date(2024, 10, 12, 9, 0).getTime(), now, "en-GB")).toBe("12 Nov 2024");
  });
});
