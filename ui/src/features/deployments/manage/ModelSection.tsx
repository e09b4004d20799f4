import { useId, useState } from "react";
import type { DeploymentRow, PlanFacts } from "../../../bindings";
import { FormField } from "../../../components/FormField";
import { versionsOf } from "./catalog";
import { ChangeReviewArea, type ApplyState } from "./ChangeReviewArea";
import { useReviewChange } from "./manageQueries";
import type { ManageTarget } from "./target";
import { modelChange, upgradeChoices, versionChoices } from "./version";

type ModelSectionProps = {
  target: ManageTarget;
  row: DeploymentRow;
  facts: PlanFacts;
  apply: ApplyState;
};

/** Another version of the same model, and when Azure may move the deployment to a newer one. */
export function ModelSection({ target, row, facts, apply }: ModelSectionProps) {
  const id = useId();
  const review = useReviewChange(target.profileId, target.account, row.name);
  const versions = versionChoices(versionsOf(facts.models, row), row.modelVersion);
  const upgrades = upgradeChoices(row.upgradePolicy);
  const [version, setVersion] = useState(
    () => row.modelVersion ?? versions.find((choice) => !choice.disabled)?.value ?? "",
  );
  const [upgrade, setUpgrade] = useState(row.upgradePolicy ?? "");
  const change = modelChange(row, versions, version, upgrade);
  const titleId = `${id}-title`;

  function edit(change: () => void) {
    change();
    review.reset();
  }

  return (
    <section className="manage-section" aria-labelledby={titleId} data-testid="manage-model">
      <h4 id={titleId} className="manage-section-title">
        Version and upgrade policy
      </h4>
      {versions.length === 0 ? (
        <p className="muted" data-testid="manage-no-versions">
          This region’s catalog lists no versions of {row.model}, so its version can’t be
          changed here.
        </p>
      ) : (
        <>
          <div className="manage-fields">
            <FormField
              id={`${id}-version`}
              label="Model version"
              hint={`Versions of ${row.model} offered here; greyed-out ones take no deployments.`}
            >
              {(control) => (
                <select
                  {...control}
                  className="select"
                  data-testid="manage-version"
                  value={version}
                  disabled={apply.applying}
                  onChange={(event) => edit(() => setVersion(event.target.value))}
                >
                  {versions.map((choice) => (
                    <option key={choice.value} value={choice.value} disabled={choice.disabled}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id={`${id}-upgrade`}
              label="Upgrade policy"
              hint="When Azure moves the deployment to a newer version by itself."
            >
              {(control) => (
                <select
                  {...control}
                  className="select"
                  data-testid="manage-upgrade"
                  value={upgrade}
                  disabled={apply.applying}
                  onChange={(event) => edit(() => setUpgrade(event.target.value))}
                >
                  {upgrades.map((choice) => (
                    <option
                      key={choice.value}
                      value={choice.value}
                      title={choice.value === "" ? undefined : choice.value}
                    >
                      {choice.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <ChangeReviewArea
            row={row}
            change={change}
            review={review}
            reviewTestId="manage-review-model"
            apply={apply}
          />
        </>
      )}
    </section>
  );
}
