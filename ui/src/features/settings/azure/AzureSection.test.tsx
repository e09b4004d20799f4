import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { settingsWith } from "../../../test/fixtures";
import { commandError } from "../../../test/mockCommands";
import {
  callsTo,
  openSettings,
  saveAndWait,
  savedSettings,
  sectionView,
  settingsOnFile,
  unsavedSections,
} from "../settingsTestKit";

const field = (testId: string) => screen.getByTestId(testId);

describe("Settings › Azure", () => {
  it("shows the saved values, the built-in api-version as the placeholder", async () => {
    const saved = settingsWith({
      azure: {
        defaultCloud: "usGovernment",
        inferenceStyle: { style: "classic", apiVersion: "2024-06-01" },
        defaultRegion: "swedencentral",
        currency: "EUR",
      },
    });
    await openSettings(settingsOnFile(saved).replies, "azure");

    expect(field("setting-default-cloud")).toHaveDisplayValue("Azure US Government");
    expect(field("setting-arm-api-version")).toHaveValue("");
    expect(field("setting-arm-api-version")).toHaveAttribute("placeholder", "2026-09-01");
    expect(screen.getByText(/Empty uses the built-in 2026-09-01/)).toBeVisible();
    expect(field("setting-inference-style")).toHaveValue("classic");
    expect(field("setting-inference-api-version")).toHaveValue("2024-06-01");
    expect(field("setting-default-region")).toHaveValue("swedencentral");
    expect(field("setting-currency")).toHaveValue("EUR");
    expect(field("setting-currency")).toHaveDisplayValue("EUR — Euro");
    expect(field("setting-sign-in-client-id")).toHaveAttribute("placeholder", "Built-in app");
    expect(field("setting-sign-in-tenant")).toHaveAttribute("placeholder", "organizations");
  });

  it("saves the saved settings with only the Azure section changed", async () => {
    // Other sections away from their defaults: a save must send them as they are.
    const initial = settingsWith({
      appearance: { theme: "dark", fontSize: 16 },
      network: { proxy: { mode: "manual", url: "http://proxy.corp:8080", noProxy: ["localhost"] } },
    });
    const { user, calls } = await openSettings(settingsOnFile(initial).replies, "azure");

    await user.selectOptions(field("setting-default-cloud"), "Azure China 21Vianet");
    await user.type(field("setting-arm-api-version"), " 2025-04-01-preview ");
    expect(screen.queryByTestId("setting-inference-api-version")).not.toBeInTheDocument();
    await user.selectOptions(field("setting-inference-style"), "classic");
    // The classic routes' current GA version, to start from.
    expect(field("setting-inference-api-version")).toHaveValue("2024-10-21");
    await user.clear(field("setting-inference-api-version"));
    await user.type(field("setting-inference-api-version"), "2024-06-01");
    await user.type(field("setting-default-region"), "westeurope");
    await user.type(field("setting-sign-in-tenant"), "contoso.onmicrosoft.com");
    await user.selectOptions(field("setting-currency"), "GBP");
    expect(unsavedSections()).toEqual(["azure"]);

    await saveAndWait(user, "azure");

    expect(savedSettings(calls)).toEqual([
      {
        ...initial,
        azure: {
          defaultCloud: "china",
          armApiVersion: "2025-04-01-preview",
          inferenceStyle: { style: "classic", apiVersion: "2024-06-01" },
          defaultRegion: "westeurope",
          signInClientId: null,
          signInTenant: "contoso.onmicrosoft.com",
          currency: "GBP",
        },
      },
    ]);
    expect(unsavedSections()).toEqual([]);
  });

  it("saves on Enter in a text field", async () => {
    const { user, calls } = await openSettings(settingsOnFile().replies, "azure");

    await user.type(field("setting-default-region"), "eastus{Enter}");

    await waitFor(() =>
      expect(screen.getByTestId("settings-status-azure")).toHaveTextContent("Saved."),
    );
    expect(savedSettings(calls).map((settings) => settings.azure.defaultRegion)).toEqual([
      "eastus",
    ]);
  });

  it("shows each refused value by its field, keeps what was typed and focuses the first", async () => {
    const { user, calls } = await openSettings(
      {
        ...settingsOnFile().replies,
        save_settings: () => {
          throw commandError({
            kind: "settings",
            message:
              'azure.armApiVersion: "last-tuesday" is not an api-version: a date like 2024-10-21 or 2025-04-01-preview (and 2 more)',
            fields: [
              {
                field: "azure.armApiVersion",
                message:
                  '"last-tuesday" is not an api-version: a date like 2024-10-21 or 2025-04-01-preview',
              },
              {
                field: "azure.signInTenant",
                message:
                  '"contoso" is not a tenant: use its id, a domain like contoso.onmicrosoft.com, or organizations',
              },
              { field: "azure.catalogMirror", message: "this build has no catalog mirror" },
            ],
          });
        },
      },
      "azure",
    );
    await user.type(field("setting-arm-api-version"), "last-tuesday");
    await user.type(field("setting-sign-in-tenant"), "contoso");
    await user.click(screen.getByTestId("settings-save-azure"));

    expect(await screen.findByTestId("field-error-azure.armApiVersion")).toHaveTextContent(
      '"last-tuesday" is not an api-version',
    );
    expect(screen.getByTestId("field-error-azure.signInTenant")).toHaveTextContent(
      '"contoso" is not a tenant',
    );
    expect(field("setting-arm-api-version")).toHaveFocus();
    expect(field("setting-arm-api-version")).toHaveValue("last-tuesday");
    expect(field("setting-sign-in-tenant")).toHaveValue("contoso");
    // A problem with no field on the form is listed with the section's notice.
    const notice = screen.getByTestId("settings-problems-azure");
    expect(notice).toHaveTextContent("Nothing was saved");
    expect(within(notice).getByRole("listitem")).toHaveTextContent(
      "azure.catalogMirror: this build has no catalog mirror",
    );
    expect(screen.getByTestId("settings-status-azure")).toHaveTextContent("");
    expect(callsTo(calls, "save_settings")).toHaveLength(1);

    // Editing a field takes its refusal away; the others stay until saved again.
    await user.clear(field("setting-arm-api-version"));
    expect(screen.queryByTestId("field-error-azure.armApiVersion")).not.toBeInTheDocument();
    expect(screen.getByTestId("field-error-azure.signInTenant")).toBeVisible();
  });

  it("offers the price currencies by code and name, starting at US dollars", async () => {
    await openSettings(settingsOnFile().replies, "azure");

    const select = screen.getByRole<HTMLSelectElement>("combobox", { name: "Currency for prices" });
    expect(select).toBe(field("setting-currency"));
    expect(select).toHaveValue("USD");
    expect([...select.options].map((option) => option.value)).toEqual([
      "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK",
      "NOK", "DKK", "INR", "BRL", "KRW", "NZD", "TWD", "CNY",
    ]);
    expect(select.options[0]).toHaveTextContent("USD — US Dollar");
    expect(select.options[3]).toHaveTextContent("JPY — Japanese Yen");
  });

  it("keeps a currency from the file that the list does not have", async () => {
    await openSettings(settingsOnFile(settingsWith({ azure: { currency: "MXN" } })).replies, "azure");

    expect(field("setting-currency")).toHaveValue("MXN");
    expect(field("setting-currency")).toHaveDisplayValue("MXN — Mexican Peso");
  });

  it("shows a refused currency next to the field", async () => {
    const { user } = await openSettings(
      {
        ...settingsOnFile().replies,
        save_settings: () => {
          throw commandError({
            kind: "settings",
            message: 'azure.currency: "TWD" has no retail prices in this cloud',
            fields: [{ field: "azure.currency", message: '"TWD" has no retail prices in this cloud' }],
          });
        },
      },
      "azure",
    );
    await user.selectOptions(field("setting-currency"), "TWD");
    await user.click(screen.getByTestId("settings-save-azure"));

    expect(await screen.findByTestId("field-error-azure.currency")).toHaveTextContent(
      '"TWD" has no retail prices in this cloud',
    );
    expect(field("setting-currency")).toHaveAttribute("aria-invalid", "true");
    expect(field("setting-currency")).toHaveValue("TWD");
    // It has its field: the section's notice does not list it apart.
    const notice = screen.getByTestId("settings-problems-azure");
    expect(notice).toHaveTextContent("Fix the fields marked above.");
    expect(within(notice).queryAllByRole("listitem")).toEqual([]);
  });

  it("puts Azure back to its defaults once confirmed, dropping the edits", async () => {
    const file = settingsOnFile(settingsWith({ azure: { defaultRegion: "eastus" } }));
    const { user, calls } = await openSettings(file.replies, "azure");
    await user.type(field("setting-sign-in-client-id"), "abc");

    await user.click(screen.getByTestId("settings-reset-azure"));
    await user.click(screen.getByTestId("settings-reset-confirm-azure"));

    await waitFor(() =>
      expect(screen.getByTestId("settings-status-azure")).toHaveTextContent("Reset to defaults."),
    );
    expect(callsTo(calls, "reset_settings_section")).toEqual([
      { cmd: "reset_settings_section", args: { section: "azure" } },
    ]);
    expect(field("setting-default-region")).toHaveValue("");
    expect(field("setting-sign-in-client-id")).toHaveValue("");
    expect(unsavedSections()).toEqual([]);
    expect(sectionView("azure")).toBeVisible();
  });
});
