import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { commandError, mockCommands } from "../test/mockCommands";
import { ExternalLink } from "./ExternalLink";

const url = "https://aka.ms/oai/quotaincrease";

describe("ExternalLink", () => {
  it("asks the shell to open the page instead of navigating the window", async () => {
    const calls = mockCommands({ open_link: () => null });
    render(<ExternalLink href={url}>request more quota</ExternalLink>);
    await userEvent.click(screen.getByRole("link", { name: "request more quota" }));
    expect(calls.filter((call) => call.cmd === "open_link").map((call) => call.args)).toEqual([
      { url },
    ]);
    expect(window.location.href).not.toContain("aka.ms");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("opens the page through the shell on a middle click, never in the window", async () => {
    const calls = mockCommands({ open_link: () => null });
    render(<ExternalLink href={url}>request more quota</ExternalLink>);
    const link = screen.getByRole("link", { name: "request more quota" });

    await userEvent.pointer({ keys: "[MouseMiddle]", target: link });
    expect(calls.filter((call) => call.cmd === "open_link").map((call) => call.args)).toEqual([
      { url },
    ]);

    // The web view's own handling (following the href) is cancelled.
    const middle = new MouseEvent("auxclick", { bubbles: true, cancelable: true, button: 1 });
    expect(fireEvent(link, middle)).toBe(false);
    expect(calls.filter((call) => call.cmd === "open_link")).toHaveLength(2);
    expect(window.location.href).not.toContain("aka.ms");
  });

  it("opens nothing on the right button's auxclick", () => {
    const calls = mockCommands({ open_link: () => null });
    render(<ExternalLink href={url}>request more quota</ExternalLink>);
    const right = new MouseEvent("auxclick", { bubbles: true, cancelable: true, button: 2 });
    fireEvent(screen.getByRole("link", { name: "request more quota" }), right);
    expect(calls.filter((call) => call.cmd === "open_link")).toEqual([]);
  });

  it("opens the page from the keyboard, with Enter", async () => {
    const user = userEvent.setup();
    const calls = mockCommands({ open_link: () => null });
    render(<ExternalLink href={url}>request more quota</ExternalLink>);
    await user.tab();
    expect(screen.getByRole("link", { name: "request more quota" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(calls.filter((call) => call.cmd === "open_link").map((call) => call.args)).toEqual([
      { url },
    ]);
    expect(window.location.href).not.toContain("aka.ms");
  });

  it("shows the address to copy when the browser cannot be opened", async () => {
    mockCommands({
      open_link: () => {
        throw commandError({
          kind: "input",
          message: "could not open the system browser: no xdg-open",
        });
      },
    });
    render(<ExternalLink href={url}>request more quota</ExternalLink>);
    await userEvent.click(screen.getByRole("link", { name: "request more quota" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "could not open the system browser: no xdg-open — open https://aka.ms/oai/quotaincrease yourself.",
    );
  });
});
