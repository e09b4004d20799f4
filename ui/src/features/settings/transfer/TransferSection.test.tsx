import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sampleImportPlan } from "../../../test/fixtures";
import { commandError, never } from "../../../test/mockCommands";
import { callsTo, chooseSection, openSettings, painted, settingsOnFile } from "../settingsTestKit";

const exportPath = "/home/ada/Downloads/foundry-desk-settings-2026-11-29.json";
const fileText = '{"format":"foundry-desk-settings","settings":{"appearance":{"theme":"dark"}}}';

function exportFile(text = fileText, name = "foundry-desk-settings-2026-11-29.json") {
  return new File([text], name, { type: "application/json" });
}

/** Rust's import: the plan for the file, and applying it saves the plan's settings. */
function importer(plan = sampleImportPlan()) {
  const file = settingsOnFile();
  return {
    ...file,
    replies: {
      ...file.replies,
      preview_settings_import: () => plan,
      apply_settings_import: () => plan.settings,
      list_all_presets: () => [],
      playground_targets: () => [],
    },
  };
}

const changeRows = () =>
  screen.getAllByTestId("settings-import-change").map((row) => row.textContent);

describe("Settings › Import & export", () => {
  it("exports to Downloads and says where, and that no secret is in the file", async () => {
    const { user, calls } = await openSettings(
      { ...settingsOnFile().replies, export_settings: () => exportPath },
      "transfer",
    );

    await user.click(screen.getByRole("button", { name: "Export settings…" }));

    const result = await screen.findByText(exportPath);
    expect(screen.getByTestId("settings-export-result")).toContainElement(result);
    expect(screen.getByTestId("settings-export-result")).toHaveTextContent(
      `Saved to ${exportPath}The file holds no keys, tokens or sign-ins`,
    );
    expect(callsTo(calls, "export_settings")).toHaveLength(1);
  });

  it("says why an export failed", async () => {
    const { user } = await openSettings(
      {
        ...settingsOnFile().replies,
        export_settings: () => {
          throw commandError({
            kind: "settings",
            message: "the settings file /home/ada/Downloads could not be written to: Permission denied",
          });
        },
      },
      "transfer",
    );
    await user.click(screen.getByTestId("settings-export"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Permission denied");
    expect(screen.getByTestId("settings-export-result")).toHaveTextContent("");
  });

  it("shows what a file would change, and applies it only on Apply", async () => {
    const rust = importer();
    const { user, calls } = await openSettings(rust.replies, "transfer");

    await user.upload(screen.getByLabelText("Import settings from a file…"), exportFile());

    const preview = await screen.findByTestId("settings-import-preview");
    expect(callsTo(calls, "preview_settings_import")).toEqual([
      { cmd: "preview_settings_import", args: { text: fileText } },
    ]);
    expect(changeRows()).toEqual([
      "ThemeSystem → Dark",
      "Request timeout60 s → 90 s",
    ]);
    expect(within(preview).getByTestId("settings-import-presets")).toHaveTextContent(
      "Presets: 2 presets added, 1 replaced",
    );
    expect(callsTo(calls, "apply_settings_import")).toEqual([]);
    expect(painted().theme).toBe("light");

    await user.click(within(preview).getByRole("button", { name: "Apply" }));

    await waitFor(() =>
      expect(screen.getByTestId("settings-import-result")).toHaveTextContent(
        "Imported foundry-desk-settings-2026-11-29.json: 2 settings changed; 2 presets added, 1 replaced.",
      ),
    );
    expect(callsTo(calls, "apply_settings_import")).toEqual([
      { cmd: "apply_settings_import", args: { text: fileText } },
    ]);
    expect(screen.queryByTestId("settings-import-preview")).not.toBeInTheDocument();
    // The saved settings are what Rust applied: the window and the forms show them.
    expect(painted().theme).toBe("dark");
    await chooseSection(user, "appearance");
    expect(screen.getByTestId("theme-select")).toHaveDisplayValue("Dark");
  });

  it("applies nothing when the preview is cancelled", async () => {
    const { user, calls } = await openSettings(
      importer(sampleImportPlan({ changes: [], presetsAdded: 0, presetsReplaced: 0 })).replies,
      "transfer",
    );

    await user.upload(screen.getByTestId("settings-import-file"), exportFile());
    const preview = await screen.findByTestId("settings-import-preview");
    expect(preview).toHaveTextContent("No setting changes");
    expect(preview).toHaveTextContent("Presets: No presets in the file");

    await user.click(screen.getByTestId("settings-import-cancel"));

    expect(screen.queryByTestId("settings-import-preview")).not.toBeInTheDocument();
    expect(callsTo(calls, "apply_settings_import")).toEqual([]);
    expect(screen.getByTestId("settings-import-result")).toHaveTextContent("");
  });

  it("lists each value a file gets wrong, and applies nothing", async () => {
    const { user, calls } = await openSettings(
      {
        ...importer().replies,
        preview_settings_import: () => {
          throw commandError({
            kind: "settings",
            message: "network.requestTimeoutSecs: 2 s is outside 5 to 600 seconds (and 1 more)",
            fields: [
              { field: "network.requestTimeoutSecs", message: "2 s is outside 5 to 600 seconds" },
              { field: "presets.0.name", message: "a preset needs a name" },
            ],
          });
        },
      },
      "transfer",
    );

    await user.upload(screen.getByTestId("settings-import-file"), exportFile("{}", "old.json"));

    const problem = await screen.findByTestId("settings-import-error");
    expect(problem).toHaveTextContent("Couldn’t import old.json. Nothing was applied.");
    expect(within(problem).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Request timeout (network.requestTimeoutSecs): 2 s is outside 5 to 600 seconds",
      "presets.0.name: a preset needs a name",
    ]);
    expect(screen.queryByTestId("settings-import-preview")).not.toBeInTheDocument();
    expect(screen.queryByTestId("settings-import-apply")).not.toBeInTheDocument();
    expect(callsTo(calls, "apply_settings_import")).toEqual([]);
  });

  it("says why a file is not an export at all", async () => {
    const { user, calls } = await openSettings(
      {
        ...importer().replies,
        preview_settings_import: () => {
          throw commandError({
            kind: "settings",
            message:
              "this file cannot be imported: it is not JSON (expected value at line 1 column 1)",
          });
        },
      },
      "transfer",
    );

    await user.upload(screen.getByTestId("settings-import-file"), exportFile("hello", "notes.json"));

    expect(await screen.findByRole("alert")).toHaveTextContent("it is not JSON");
    expect(callsTo(calls, "apply_settings_import")).toEqual([]);
  });

  it("keeps the preview and applies nothing when applying fails", async () => {
    const { user } = await openSettings(
      {
        ...importer().replies,
        apply_settings_import: () => {
          throw commandError({
            kind: "settings",
            message: "network.caCertificate: /etc/ssl/corp.pem cannot be read",
            fields: [{ field: "network.caCertificate", message: "/etc/ssl/corp.pem cannot be read" }],
          });
        },
      },
      "transfer",
    );
    await user.upload(screen.getByTestId("settings-import-file"), exportFile());
    await user.click(await screen.findByTestId("settings-import-apply"));

    const problem = await screen.findByTestId("settings-import-error");
    expect(problem).toHaveTextContent("Couldn’t apply");
    expect(problem).toHaveTextContent("Extra CA certificate (network.caCertificate)");
    expect(screen.getByTestId("settings-import-preview")).toBeVisible();
    expect(screen.getByTestId("settings-import-result")).toHaveTextContent("");
    expect(painted().theme).toBe("light");
  });

  it("takes a file dropped on the import area", async () => {
    const { calls } = await openSettings(
      { ...importer().replies, apply_settings_import: never },
      "transfer",
    );

    fireEvent.drop(screen.getByTestId("settings-import-area"), {
      dataTransfer: { files: [exportFile()] },
    });

    expect(await screen.findByTestId("settings-import-preview")).toBeVisible();
    expect(callsTo(calls, "preview_settings_import")).toHaveLength(1);
  });
});
