import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { copyFailedText } from "../lib/useCopy";
import { CodeBlock } from "./CodeBlock";

const text = "PATCH https://management.azure.com/x?api-version=2024-10-01\n\n{}";

function renderBlock() {
  render(
    <CodeBlock
      title="The request Foundry Desk sends"
      text={text}
      testId="some-request"
      copyTestId="some-copy"
      copyLabel="Copy request"
    />,
  );
  return screen.getByRole("region", { name: "The request Foundry Desk sends" });
}

describe("CodeBlock", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("shows the text under its title, and copies it with one button", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const block = renderBlock();

    expect(within(block).getByText("The request Foundry Desk sends")).toBeVisible();
    const pre = within(block).getByTestId("some-request");
    expect(pre.tagName).toBe("PRE");
    expect(pre).toHaveClass("code-pre");
    expect(pre.textContent).toBe(text);
    expect(within(block).getAllByRole("button")).toHaveLength(1);
    const copy = within(block).getByTestId("some-copy");
    expect(copy).toHaveTextContent("Copy request");

    await user.click(copy);
    expect(copy).toHaveTextContent("Copied");
    expect(await navigator.clipboard.readText()).toBe(text);
    act(() => vi.advanceTimersByTime(3000));
    expect(copy).toHaveTextContent("Copy request");
  });

  it("says to copy by hand when the clipboard refuses, until the next try", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const block = renderBlock();
    const writeText = vi
      .spyOn(navigator.clipboard, "writeText")
      .mockRejectedValue(new Error("denied"));

    await user.click(within(block).getByTestId("some-copy"));
    expect(writeText).toHaveBeenCalledWith(text);
    expect(await within(block).findByText(copyFailedText)).toHaveAttribute("role", "status");
    expect(within(block).getByTestId("some-copy")).toHaveTextContent("Copy request");
    // Still there while the text is selected and copied by hand.
    act(() => vi.advanceTimersByTime(10_000));
    expect(within(block).getByRole("status")).toHaveTextContent(copyFailedText);

    writeText.mockResolvedValue(undefined);
    await user.click(within(block).getByTestId("some-copy"));
    expect(within(block).getByRole("status")).toHaveTextContent(/^$/);
    expect(within(block).getByTestId("some-copy")).toHaveTextContent("Copied");
  });
});
