import type { MyAccess } from "../../bindings";
import "../../styles/access.css";
import { capabilityText } from "./words";

/**
 * What the signed-in person can do on an account, one line per capability, each ✓ or ✗; a
 * missing one says which role to ask an Owner for.
 */
export function MyAccessView({ access }: { access: MyAccess }) {
  return (
    <div className="my-access-body">
      <p className="muted" data-testid="my-access-who">
        {access.who === null ? "For the signed-in account" : `For ${access.who}`}
      </p>
      <ul className="my-access-list" aria-label="What you can do">
        {access.checks.map((check) => (
          <li
            key={check.capability}
            className="my-access-item"
            data-testid={`my-access-${check.capability}`}
            data-allowed={check.allowed}
          >
            <span className="my-access-mark" aria-hidden="true">
              {check.allowed ? "✓" : "✗"}
            </span>
            <span className="my-access-text">
              <span>
                {capabilityText(check.capability)}
                <span className="visually-hidden">{check.allowed ? ": yes" : ": no"}</span>
              </span>
              {!check.allowed && check.roleToAdd !== null && (
                <span className="my-access-role" data-testid="my-access-role-to-add">
                  Ask an Owner for: <strong>{check.roleToAdd}</strong>
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {access.keysAccepted === true && (
        <p className="my-access-note" data-testid="my-access-keys-note">
          With a key, chat works whatever your roles.
        </p>
      )}
      {/* Null: no role at all, so Azure would not say whether keys are accepted. */}
      {access.keysAccepted === null && (
        <p className="my-access-note" data-testid="my-access-keys-unknown">
          This resource could not be read with your sign-in, so whether a key would work is
          unknown.
        </p>
      )}
    </div>
  );
}
