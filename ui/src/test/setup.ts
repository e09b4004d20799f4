import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach } from "vitest";
import { mockColorScheme } from "./colorScheme";

// Waits are for a condition, never a fixed time; CI runs the whole suite on a shared, loaded machine where the
// first import of a lazily loaded screen (the Playground) can take more than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no matchMedia; every test starts on a light OS unless it says otherwise.
beforeEach(() => {
  mockColorScheme("light");
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  clearMocks();
  window.location.hash = "";
  delete document.documentElement.dataset.theme;
});
