import { useSyncExternalStore } from "react";
import { initialRoute, routes, type RouteId } from "./routes";

// The route lives in the URL hash (`#/about`): links then work with no router
// library, and a reload during `tauri dev` stays on the same screen.

/** The link target for a screen. */
export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

/** The screen named by a hash; anything unknown opens the initial screen. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, "");
  return routes.find((route) => route.id === id)?.id ?? initialRoute;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current screen, re-rendering when it changes. */
export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}
