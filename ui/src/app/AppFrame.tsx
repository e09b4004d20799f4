import { lazy, Suspense, useState, type ComponentType } from "react";
import { AboutScreen } from "../features/about/AboutScreen";
import { ConnectionsScreen } from "../features/connections/ConnectionsScreen";
import { DeploymentsScreen } from "../features/deployments/DeploymentsScreen";
import { SettingsRecoveryNotice } from "../features/settings/SettingsRecoveryNotice";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { SettingsDraftsProvider } from "../features/settings/useSettingsDrafts";
import { useAppliedTheme } from "../features/settings/useAppliedTheme";
import type { RouteId } from "../routes/routes";
import { useRoute } from "../routes/useRoute";
import { Sidebar } from "./Sidebar";

// Loaded when first opened: its Markdown and code highlighting are most of the app's script, and
// a window that opens on Connections need not parse them first.
const PlaygroundScreen = lazy(() =>
  import("../features/playground/PlaygroundScreen").then((m) => ({ default: m.PlaygroundScreen })),
);

const screens: Record<RouteId, ComponentType> = {
  connections: ConnectionsScreen,
  deployments: DeploymentsScreen,
  playground: PlaygroundScreen,
  settings: SettingsScreen,
  about: AboutScreen,
};

/** The window's layout: sidebar and the current screen. Needs a QueryClientProvider above it. */
export function AppFrame() {
  useAppliedTheme();
  const route = useRoute();
  const CurrentScreen = screens[route];
  // The Playground stays mounted (hidden) once opened: an answer keeps streaming, and the
  // conversation, its parameters and a half-typed question are all there on coming back.
  const [keepPlayground, setKeepPlayground] = useState(route === "playground");
  if (route === "playground" && !keepPlayground) setKeepPlayground(true);
  return (
    <SettingsDraftsProvider>
      <div className="app-frame" data-testid="app-frame">
        <Sidebar current={route} />
        <main className="content">
          <SettingsRecoveryNotice />
          {route !== "playground" && <CurrentScreen />}
          {keepPlayground && (
            <div className="screen-kept" hidden={route !== "playground"}>
              <Suspense
                fallback={
                  <p className="muted screen-loading" role="status">
                    Opening the Playground…
                  </p>
                }
              >
                <PlaygroundScreen />
              </Suspense>
            </div>
          )}
        </main>
      </div>
    </SettingsDraftsProvider>
  );
}

