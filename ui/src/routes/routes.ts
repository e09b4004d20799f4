/** Every screen of the app, in sidebar order. `footer` entries sit at the bottom of the sidebar. */
export const routes = [
  { id: "connections", label: "Connections", place: "main" },
  { id: "deployments", label: "Deployments", place: "main" },
  { id: "playground", label: "Playground", place: "main" },
  { id: "settings", label: "Settings", place: "main" },
  { id: "about", label: "About", place: "footer" },
] as const;

export type Route = (typeof routes)[number];
export type RouteId = Route["id"];

/** The screen the app opens on. */
export const initialRoute: RouteId = "connections";
