import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sampleAppInfo } from "../../test/fixtures";
import { commandError, mockCommands } from "../../test/mockCommands";
import { renderWithQueries } from "../../test/render";
import { AboutScreen } from "./AboutScreen";

describe("About", () => {
  it("shows a loading state, then the version, folders and keychain", async () => {
    let answer: (info: ReturnType<typeof sampleAppInfo>) => void = () => undefined;
    mockCommands({ app_info: () => new Promise((resolve) => (answer = resolve)) });
    renderWithQueries(<AboutScreen />);

    expect(screen.getByRole("status")).toHaveTextContent("Loading");
    answer(sampleAppInfo());

    expect(await screen.findByRole("heading", { name: "Foundry Desk" })).toBeVisible();
    expect(screen.getByTestId("about-version")).toHaveTextContent("0.1.0");
    expect(screen.getByTestId("about-data-dir")).toHaveTextContent(
      "/home/ada/.local/share/dev.foundrydesk.app",
    );
    expect(screen.getByTestId("about-log-dir")).toHaveTextContent(
      "/home/ada/.local/share/dev.foundrydesk.app/logs",
    );
    expect(screen.getByTestId("about-keychain")).toHaveTextContent(/^Secret Service \(unlocked\)$/);
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("explains a keychain that cannot be reached", async () => {
    mockCommands({
      app_info: () =>
        sampleAppInfo({
          keychain: {
            backend: "Secret Service",
            state: "unavailable",
            detail: "No Secret Service on the session bus",
          },
        }),
    });
    renderWithQueries(<AboutScreen />);

    expect(await screen.findByText("Secret Service (unavailable)")).toBeVisible();
    expect(screen.getByText("No Secret Service on the session bus")).toBeVisible();
  });

  it("shows the command's error, its code and request id, and can try again", async () => {
    const user = userEvent.setup();
    let failing = true;
    mockCommands({
      app_info: () => {
        if (failing) {
          throw commandError({
            kind: "internal",
            message: "The data directory could not be created.",
            code: "E_DATA_DIR",
            requestId: "req-7f3a",
          });
        }
        return sampleAppInfo();
      },
    });
    renderWithQueries(<AboutScreen />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The data directory could not be created.");
    expect(alert).toHaveTextContent("E_DATA_DIR");
    expect(alert).toHaveTextContent("req-7f3a");

    failing = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("about-version")).toHaveTextContent("0.1.0");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
