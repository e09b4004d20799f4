import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { commandError, mockCommands, never, type CommandReplies } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { argsOf, sampleConversation, sampleParameters, sampleSnippets } from "./testFixtures";
import { ViewCodeDialog } from "./ViewCodeDialog";

const target = sampleConversation.target;
const parameters = sampleParameters({ systemMessage: "Be brief.", temperature: 0.2 });
const messages = sampleConversation.messages ?? [];

function renderDialog(replies: CommandReplies = { view_code: () => sampleSnippets() }) {
  const user = userEvent.setup();
  const calls = mockCommands(replies);
  const onClose = vi.fn<() => void>();
  renderWithQueries(
    <ViewCodeDialog
      target={target}
      parameters={parameters}
      messages={messages}
      onClose={onClose}
    />,
  );
  return { user, calls, onClose };
}

/** A page with a "View code" button that opens the dialog, as the playground has. */
function renderOpener() {
  const user = userEvent.setup();
  mockCommands({ view_code: () => sampleSnippets() });
  function Page() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          View code
        </button>
        {open && (
          <ViewCodeDialog
            target={target}
            parameters={parameters}
            messages={messages}
            onClose={() => setOpen(false)}
          />
        )}
      </>
    );
  }
  renderWithQueries(<Page />);
  return { user, opener: screen.getByRole("button", { name: "View code" }) };
}

const snippet = () => screen.getByTestId("code-snippet");

describe("ViewCodeDialog", () => {
  it("shows the conversation as curl first, with the setup line and the key's note", async () => {
    const { calls } = renderDialog();

    const dialog = screen.getByRole("dialog", { name: "View code" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toBe(screen.getByTestId("code-dialog"));
    expect(within(dialog).getByTestId("code-key-note")).toHaveTextContent(
      "The key is read from an environment variable; it is never written into the code.",
    );
    expect(await within(dialog).findByTestId("code-snippet")).toBeVisible();
    expect(argsOf(calls, "view_code")).toEqual([{ target, parameters, messages }]);

    const tabs = within(screen.getByRole("tablist")).getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      "curl",
      "Python (openai)",
      "JavaScript (openai)",
      "Rust (reqwest)",
    ]);
    expect(screen.getByTestId("code-tab-curl")).toHaveAttribute("aria-selected", "true");
    expect(snippet().textContent).toBe(sampleSnippets()[0]?.code);
    expect(screen.getByTestId("code-setup").querySelector("code")?.textContent).toBe(
      sampleSnippets()[0]?.setup,
    );
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("curl");
    expect(screen.getByTestId("code-copy")).toHaveTextContent("Copy code");
  });

  it("switches language by tab, with the mouse or the arrow keys", async () => {
    const { user } = renderDialog();
    await screen.findByTestId("code-snippet");

    await user.click(screen.getByTestId("code-tab-python"));
    expect(screen.getByTestId("code-tab-python")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("code-tab-curl")).toHaveAttribute("aria-selected", "false");
    expect(snippet()).toHaveTextContent('api_key=os.environ["AZURE_OPENAI_API_KEY"]');
    expect(screen.getByTestId("code-setup")).toHaveTextContent("pip install openai;");

    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("code-tab-javascript")).toHaveFocus();
    expect(snippet()).toHaveTextContent("process.env.AZURE_OPENAI_API_KEY");
    await user.keyboard("{End}");
    expect(screen.getByTestId("code-tab-rust")).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("code-tab-curl")).toHaveFocus();
    expect(screen.getByTestId("code-tab-curl")).toHaveAttribute("aria-selected", "true");
  });

  it("copies the snippet shown", async () => {
    const { user } = renderDialog();
    await screen.findByTestId("code-snippet");
    await user.click(screen.getByTestId("code-tab-rust"));
    await user.click(screen.getByTestId("code-copy"));
    expect(await navigator.clipboard.readText()).toBe(sampleSnippets()[3]?.code);
    expect(screen.getByTestId("code-copy")).toHaveTextContent("Copied");
  });

  it("closes with Escape or Close, giving focus back to what opened it", async () => {
    const { user, opener } = renderOpener();

    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "View code" });
    expect(dialog).toHaveFocus();
    await within(dialog).findByTestId("code-snippet");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.click(opener);
    await user.click(await screen.findByTestId("code-close"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it("keeps Tab inside the dialog", async () => {
    const { user } = renderDialog();
    await screen.findByTestId("code-snippet");
    screen.getByTestId("code-close").focus();

    // From the first control back to the last (the code itself, which scrolls)…
    await user.tab({ shift: true });
    expect(snippet()).toHaveFocus();
    // …and on from the last to the first.
    await user.tab();
    expect(screen.getByTestId("code-close")).toHaveFocus();
  });

  it("calls onClose from Escape and Close alike", async () => {
    const { user, onClose } = renderDialog();
    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("code-close"));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("says while it writes the code", () => {
    renderDialog({ view_code: () => never() });
    expect(screen.getByRole("status")).toHaveTextContent("Writing the code…");
  });

  it("offers to try again when Rust could not write the code", async () => {
    let fail = true;
    const { user } = renderDialog({
      view_code: () => {
        if (fail) throw commandError({ kind: "notFound", message: "The profile 'Work' is gone." });
        return sampleSnippets();
      },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("The profile 'Work' is gone.");
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(snippet()).toBeVisible());
  });
});
