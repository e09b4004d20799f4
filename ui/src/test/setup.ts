import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach } from "vitest";
import { mockColorScheme } from "./colorScheme";

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
