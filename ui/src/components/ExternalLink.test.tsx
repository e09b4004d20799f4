import { render, screen } from "@testing-library/react";
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
