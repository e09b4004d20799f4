import type { AppInfo, Settings, ThemePreference } from "../bindings";

/** What `app_info` returns on a Linux desktop with an unlocked keyring. */
export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: "Foundry Desk",
    version: "0.1.0",
    dataDir: "/home/ada/.local/share/dev.foundrydesk.app",
    logDir: "/home/ada/.local/share/dev.foundrydesk.app/logs",
    keychain: { backend: "Secret Service", state: "unlocked", detail: null },
    ...overrides,
  };
}

export function sampleSettings(theme: ThemePreference): Settings {
  return { version: 1, theme };
}
