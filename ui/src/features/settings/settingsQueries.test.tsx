import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { Settings } from "../../bindings";
import { createQueryClient } from "../../lib/queryClient";
import { sampleSettings } from "../../test/fixtures";
import { mockCommands } from "../../test/mockCommands";
import {
  pricesPrefix,
  usagePrefix,
  useSaveSettings,
  useSettings,
  withSection,
} from "./settingsQueries";

/**
 * The saved settings, a price query and a usage query on screen (each counting its fetches), and
 * a save: what the wizard, the playground and the usage view see when Settings saves.
 */
function renderWithPrices() {
  let saved = sampleSettings("system");
  mockCommands({
    get_settings: () => saved,
    save_settings: (args) => {
      saved = (args as { settings: Settings }).settings;
      return saved;
    },
  });
  const fetched = { prices: 0, usage: 0 };
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(
    () => ({
      settings: useSettings(),
      prices: useQuery({
        queryKey: [...pricesPrefix, "answer", "gpt-4o"],
        queryFn: () => ++fetched.prices,
        staleTime: Infinity,
      }),
      usage: useQuery({
        queryKey: [...usagePrefix, "contoso-eastus"],
        queryFn: () => ++fetched.usage,
        staleTime: Infinity,
      }),
      save: useSaveSettings(),
    }),
    { wrapper },
  );
  return { result, fetched };
}

describe("saving settings", () => {
  it("fetches prices and usage costs again when the currency changes", async () => {
    const { result, fetched } = renderWithPrices();
    await waitFor(() => expect(result.current.settings.data).toBeDefined());
    await waitFor(() => expect(fetched).toEqual({ prices: 1, usage: 1 }));

    await act(() =>
      result.current.save.mutateAsync((latest) =>
        withSection(latest, "azure", { ...latest.azure, currency: "EUR" }),
      ),
    );

    await waitFor(() => expect(fetched).toEqual({ prices: 2, usage: 2 }));
    expect(result.current.prices.data).toBe(2);
  });

  it("keeps them when something else changes", async () => {
    const { result, fetched } = renderWithPrices();
    await waitFor(() => expect(result.current.settings.data).toBeDefined());
    await waitFor(() => expect(fetched).toEqual({ prices: 1, usage: 1 }));

    await act(() =>
      result.current.save.mutateAsync((latest) =>
        withSection(latest, "azure", { ...latest.azure, defaultRegion: "eastus" }),
      ),
    );

    await waitFor(() =>
      expect(result.current.settings.data?.azure.defaultRegion).toBe("eastus"),
    );
    expect(fetched).toEqual({ prices: 1, usage: 1 });
  });
});
