import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { AccountCoordinates, AssignmentView, RoleView } from "../../bindings";
import { isCommandError } from "../../lib/errorDetails";
import { RadioList } from "../deployments/wizard/RadioList";
import { useGrantRole } from "./accessQueries";
import { AccessError } from "./AccessError";
import { checkGrant, draftPrincipal, grantLabel, idProblem, type GrantProblem } from "./grant";
import { PrincipalSearch, usePrincipalSearch } from "./PrincipalSearch";
import { kindWord, principalLabel } from "./words";

type GrantFormProps = {
  profileId: string;
  account: AccountCoordinates;
  roles: readonly RoleView[];
  /** The assignments already there (and those just made): a role held directly is refused. */
  assignments: readonly AssignmentView[];
  onGranted: (assignment: AssignmentView) => void;
  onClose: () => void;
  /** Azure said the role is there already: the list is behind, ask again. */
  onStale: () => void;
};

/**
 * Who gets which role: search the directory (or paste an object id), pick a role, confirm.
 * Escape closes it; a failure keeps everything as typed.
 */
export function GrantForm(props: GrantFormProps) {
  const { profileId, account, roles, assignments, onGranted, onClose, onStale } = props;
  const id = useId();
  const who = usePrincipalSearch(profileId);
  const { text, picked, results } = who;
  const [roleId, setRoleId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const grant = useGrantRole(profileId, account);

  useEffect(() => searchBox.current?.focus(), []);
  // A failed grant: focus on why (the confirm button was disabled meanwhile, so focus was lost).
  useEffect(() => {
    if (grant.error !== null) errorBox.current?.focus();
  }, [grant.error]);

  const draft = { picked, text, roleId };
  const principal = draftPrincipal(draft, results);
  const role = roles.find((item) => item.id === roleId) ?? null;
  const check = checkGrant(draft, results, roles, assignments);
  const problems: GrantProblem[] = check.ok ? [] : check.problems;
  const problemOf = (field: GrantProblem["field"]) =>
    tried ? (problems.find((problem) => problem.field === field)?.message ?? null) : null;
  // A malformed id is said as it is typed; the rest once Grant was tried.
  const principalProblem = problemOf("principal") ?? (picked === null ? idProblem(text) : null);
  const roleProblem = problemOf("role");
  const grantProblem = problemOf("grant");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!check.ok || grant.isPending) return;
    try {
      const made = await grant.mutateAsync({ principal: check.principal, roleId: check.role.id });
      onGranted(made);
    } catch (error) {
      // Shown below from the mutation's state, every input as it was.
      if (isCommandError(error) && error.code === "RoleAssignmentExists") onStale();
    }
  }

  return (
    <form
      className="grant-form panel"
      data-testid="grant-form"
      aria-label={`Grant a role on ${account.name}`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !grant.isPending) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 className="panel-title">Grant a role on {account.name}</h3>

      <div className="form-field grant-search-field">
        <PrincipalSearch
          id={id}
          state={who}
          inputRef={searchBox}
          problem={principalProblem}
          disabled={grant.isPending}
        />
        {principal !== null && (
          <p className="grant-chosen" data-testid="grant-chosen">
            To{" "}
            <strong className={principal.displayName === null ? "deployments-mono" : undefined}>
              {principalLabel(principal)}
            </strong>
            {principal.detail !== null && ` (${principal.detail})`} ·{" "}
            {principal.kind === "unknown" && principal.displayName === null
              ? "object id"
              : kindWord(principal.kind)}
          </p>
        )}
      </div>

      <div className="form-field" data-testid="grant-role">
        <span className="field-label" aria-hidden="true">
          Role
        </span>
        <RadioList
          items={roles}
          itemKey={(item) => item.id}
          selectedKey={roleId}
          onSelect={(item) => setRoleId(item.id)}
          isDisabled={() => grant.isPending}
          optionTestId={(item) => `grant-role-${item.name}`}
          optionData={(item) => ({ "role-name": item.name })}
          label="Role"
          describedBy={roleProblem === null ? undefined : `${id}-role-error`}
        >
          {(item) => (
            <span className="wizard-option-text">
              <span className="wizard-option-name">{item.name}</span>
              <span className="wizard-option-explanation">{item.summary}</span>
            </span>
          )}
        </RadioList>
        {roleProblem !== null && (
          <span className="field-error" id={`${id}-role-error`} data-testid="grant-role-error">
            {roleProblem}
          </span>
        )}
      </div>

      {grantProblem !== null && (
        <p className="form-error" role="alert" data-testid="grant-problem">
          {grantProblem}
        </p>
      )}

      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="grant-confirm"
          disabled={grant.isPending}
        >
          {grant.isPending ? "Granting…" : grantLabel(principal, role)}
        </button>
        <button
          type="button"
          className="button"
          data-testid="grant-cancel"
          disabled={grant.isPending}
          onClick={onClose}
        >
          Cancel
        </button>
        {grant.isPending && (
          <span role="status" className="access-waiting">
            <span className="spinner" aria-hidden="true" />
            Asking Azure…
          </span>
        )}
      </div>
      {grant.isError && <AccessError ref={errorBox} action="grant" error={grant.error} />}
    </form>
  );
}
