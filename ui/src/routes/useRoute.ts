import { useMemo, useSyncExternalStore } from "react";
import { initialRoute, routes, type RouteId } from "./routes";

// The route lives in the URL hash (`#/about`): links then work with no router
// library, and a reload during `tauri dev` stays on the same screen. A hash may carry a
// query after the screen (`#/playground?deployment=gpt-4o`): what the screen should open on.

/** What a link hands the screen it opens; empty values are left out. */
export type RouteParams = Readonly<Record<string, string | null | undefined>>;

/** The link target for a screen, with what it should open on. */
export function hrefFor(id: RouteId, params?: RouteParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== null && value !== undefined && value !== "") {
      query.append(name, value);
    }
  }
  const text = query.toString();
  return text === "" ? `#/${id}` : `#/${id}?${text}`;
}

/** The hash without its leading `#/`, split at the first `?`. */
function splitHash(hash: string): { path: string; query: string } {
  const rest = hash.replace(/^#\/?/, "");
  const mark = rest.indexOf("?");
  return mark === -1
    ? { path: rest, query: "" }
    : { path: rest.slice(0, mark), query: rest.slice(mark + 1) };
}

/** The screen named by a hash (its query aside); anything unknown opens the initial screen. */
export function routeFromHash(hash: string): RouteId {
  const { path } = splitHash(hash);
  return routes.find((route) => route.id === path)?.id ?? initialRoute;
}

/** The query a hash carries, as URLSearchParams (empty when there is none). */
export function paramsFromHash(hash: string): URLSearchParams {
  return new URLSearchParams(splitHash(hash).query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current screen, re-rendering when it changes. */
export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}

/** What the current hash hands its screen, re-rendering when it changes. */
export function useRouteParams(): URLSearchParams {
  // The snapshot is the query text: a string compares by value, a URLSearchParams would not.
  const query = useSyncExternalStore(subscribe, () => splitHash(window.location.hash).query);
  return useMemo(() => new URLSearchParams(query), [query]);
}
