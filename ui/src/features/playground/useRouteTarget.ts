import { useEffect, useRef, useState } from "react";
import type { ConversationTarget, PlaygroundTarget, ProfileTargets } from "../../bindings";
import { useRouteParams } from "../../routes/useRoute";
import type { useTargets } from "./playgroundQueries";

/** What to say of the deployment a link named: still looking for it, or not listed. */
export type RouteNote = { kind: "waiting" | "missing"; deployment: string };

/** The deployment "Open in Playground" named: profile and name, and the endpoint when given. */
export function routeTarget(
  profiles: readonly ProfileTargets[],
  params: URLSearchParams,
): PlaygroundTarget | null {
  const deployment = params.get("deployment");
  if (deployment === null || deployment === "") return null;
  const profile = params.get("profile");
  const endpoint = params.get("endpoint");
  for (const listed of profiles) {
    if (profile !== null && profile !== "" && listed.profileId !== profile) continue;
    const found = listed.targets.find(
      (item) =>
        item.target.deployment === deployment &&
        (endpoint === null || endpoint === "" || item.target.endpoint === endpoint),
    );
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Chooses the deployment an "Open in Playground" link names, once the list is in, once per link.
 * A deployment created a moment ago may be missing from a list read before it: the list is read
 * again once for that link before the link is said to name an unlisted deployment.
 * Returns what to say meanwhile (null once chosen, or when the link names none).
 */
export function useRouteTarget(
  targets: ReturnType<typeof useTargets>,
  chosen: ConversationTarget | null,
  setTarget: (target: ConversationTarget) => void,
): RouteNote | null {
  const params = useRouteParams();
  const profiles = targets.data;
  const refetch = targets.refetch;
  const deployment = params.get("deployment") ?? "";
  const routeKey = params.toString();
  const fromRoute = profiles === undefined ? null : routeTarget(profiles, params);
  const applied = useRef<string | null>(null);
  // The link whose deployment was looked for in a list read again, and whether that is done.
  const [recheck, setRecheck] = useState<{ key: string; done: boolean } | null>(null);
  const recheckDone = recheck?.key === routeKey && recheck.done;

  useEffect(() => {
    if (profiles === undefined || applied.current === routeKey) return;
    if (deployment !== "" && fromRoute === null && !recheckDone) {
      if (recheck?.key === routeKey) return;
      setRecheck({ key: routeKey, done: false });
      void refetch().finally(() =>
        setRecheck((now) => (now?.key === routeKey ? { key: routeKey, done: true } : now)),
      );
      return;
    }
    applied.current = routeKey;
    if (fromRoute !== null) setTarget(fromRoute.target);
  }, [profiles, routeKey, deployment, fromRoute, recheck, recheckDone, refetch, setTarget]);

  if (chosen !== null || deployment === "") return null;
  if (fromRoute !== null) return null;
  return profiles === undefined || !recheckDone
    ? { kind: "waiting", deployment }
    : { kind: "missing", deployment };
}
