import type { ChatProblem, ConversationTarget, ProfileTargets, ProfileView } from "../../bindings";
import { hrefFor } from "../../routes/useRoute";
import "../../styles/access.css";
import { ActionError } from "../connections/ActionError";
import { useProfiles } from "../connections/connectionQueries";
import { canReachResourceManager } from "../deployments/format";
import { useTargets } from "../playground/playgroundQueries";
import { useEntraSignInFor } from "./accessQueries";
import { sameEndpoint } from "../../lib/endpoint";

/** Which access problem refused a chat: the resource refuses keys, or a role is missing. */
export function chatAccessProblem(problem: ChatProblem): "keysOff" | "role" | null {
  if (problem.code === "AuthenticationTypeDisabled") return "keysOff";
  // Azure answers a signed-in person without the data action with 401 PermissionDenied.
  if (problem.kind === "forbidden" || problem.code === "PermissionDenied") return "role";
  return null;
}

function isLoopback(endpoint: string | null | undefined): boolean {
  return /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(endpoint ?? "");
}

/**
 * The profile whose Entra sign-in an endpoint + key profile can use instead of its key: one that
 * lists deployments at this endpoint (the Sandbox first, then Azure accounts signed in), else the
 * Sandbox for an endpoint it serves on this machine. Null when none can.
 */
export function signInProfileFor(
  endpoint: string | null | undefined,
  profiles: readonly ProfileView[],
  targets: readonly ProfileTargets[],
): ProfileView | null {
  const able = profiles.filter(canReachResourceManager);
  const sandbox = (view: ProfileView) => view.profile.connection.kind === "sandbox";
  const listing = able.filter((view) =>
    targets.some(
      (item) =>
        item.profileId === view.profile.id &&
        item.targets.some((target) => sameEndpoint(target.target.endpoint, endpoint)),
    ),
  );
  return (
    listing.find(sandbox) ?? listing[0] ?? (isLoopback(endpoint) ? able.find(sandbox) : undefined) ?? null
  );
}

/**
 * Under a chat refused for access (Rust's title and action already say why): where to see what
 * the person can do, or — when the resource stopped taking keys — a way to switch the endpoint +
 * key profile to Entra sign-in.
 */
export function ChatAccessHelp({ problem, target }: { problem: ChatProblem; target: ConversationTarget }) {
  const which = chatAccessProblem(problem);
  if (which === "role") {
    return (
      <p className="problem-access" data-testid="problem-access-note">
        <a className="problem-link" href={hrefFor("deployments")} data-testid="problem-access-link">
          What can I do here? (Deployments → the resource’s Access tab)
        </a>
      </p>
    );
  }
  if (which === "keysOff") {
    return <KeysOffHelp target={target} />;
  }
  return null;
}

/** The endpoint + key profile asked switches to the sign-in of a profile that reaches the endpoint. */
function KeysOffHelp({ target }: { target: ConversationTarget }) {
  const profiles = useProfiles();
  const targets = useTargets();
  const switchProfile = useEntraSignInFor();
  const list = profiles.data ?? [];
  const own = list.find((view) => view.profile.id === target.profileId) ?? null;
  if (own === null || own.profile.connection.kind !== "endpointKey") {
    // A signed-in profile has no key to stop using: Rust's action says what to do.
    return null;
  }
  const through = signInProfileFor(target.endpoint, list, targets.data ?? []);
  const switchedTo = switchProfile.isSuccess
    ? (list.find((view) => view.profile.id === switchProfile.variables.signInProfileId) ?? null)
    : null;

  return (
    <div className="problem-access" data-testid="problem-keys-off">
      {switchProfile.isSuccess ? (
        <p role="status" data-testid="problem-use-entra-done">
          {own.profile.name} now signs in through {switchedTo?.profile.name ?? "the profile chosen"}:
          send again.
        </p>
      ) : through !== null ? (
        <button
          type="button"
          className="button button-small"
          data-testid="problem-use-entra"
          disabled={switchProfile.isPending}
          onClick={() =>
            switchProfile.mutate({ profileId: own.profile.id, signInProfileId: through.profile.id })
          }
        >
          {switchProfile.isPending
            ? "Switching…"
            : `Use ${through.profile.name}’s sign-in instead of the key`}
        </button>
      ) : (
        targets.isSuccess && (
          <p className="muted" data-testid="problem-no-sign-in">
            No signed-in profile lists this endpoint: add an Azure account profile that can see the
            resource on the{" "}
            <a className="problem-link" href={hrefFor("connections")}>
              Connections
            </a>{" "}
            screen, sign in, and try again.
          </p>
        )
      )}
      {switchProfile.isError && (
        <ActionError title="Couldn’t switch the profile to Entra sign-in." error={switchProfile.error} />
      )}
    </div>
  );
}
