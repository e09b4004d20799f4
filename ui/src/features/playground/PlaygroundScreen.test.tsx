import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sampleSettings } from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import { renderApp } from "../../test/render";

describe("playground", () => {
  it("names the deployment a link asked it to try", async () => {
    window.location.hash = "#/playground?profile=sandbox&deployment=gpt-4o-mini";
    mockCommands({ get_settings: () => sampleSettings("system") });
    renderApp();

    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    expect(screen.getByTestId("playground-target")).toHaveTextContent("Ready to try gpt-4o-mini");
  });

  it("names none when opened from the sidebar", async () => {
    window.location.hash = "#/playground";
    mockCommands({ get_settings: () => sampleSettings("system") });
    renderApp();

    expect(await screen.findByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    expect(screen.queryByTestId("playground-target")).not.toBeInTheDocument();
  });
});
