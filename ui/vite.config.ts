import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Tauri serves the built files itself and runs `vite` on a fixed port for `tauri dev`
// (devUrl in tauri.conf.json), so the port must not drift.
export default defineConfig({
  plugins: [react()],
  clearScreen: false, // keep Rust compiler output visible in the same terminal
  envPrefix: ["VITE_", "TAURI_"],
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    // WebKitGTK / WKWebView on Linux and macOS, WebView2 on Windows.
    target: ["es2021", "safari15"],
    // The CSP (default-src 'self') refuses data: URIs, so never inline assets.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    // Above the 5 s a condition may take to appear on a loaded CI machine (src/test/setup.ts).
    testTimeout: 20000,
  },
});
