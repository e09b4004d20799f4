import { hrefFor } from "../../routes/useRoute";

/** Nothing here can reach Resource Manager: say where to fix that. */
export function NoArmProfile() {
  return (
    <div className="empty-state" data-testid="no-arm-profile">
      <svg className="empty-state-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="8.5" r="3.5" />
        <path d="M5 19.5c1.2-3.3 3.8-5 7-5s5.8 1.7 7 5" />
      </svg>
      <p className="empty-state-title">Sign in to see deployments</p>
      <p className="empty-state-text">
        Deployments are managed through Azure Resource Manager. Sign in with an Azure account on
        the Connections screen, or use the Sandbox; endpoint + key profiles cannot list them.
      </p>
      <a
        className="button deployments-link-button"
        href={hrefFor("connections")}
        data-testid="go-to-connections"
      >
        Go to Connections
      </a>
    </div>
  );
}
