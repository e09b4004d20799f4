import { useId, useState } from "react";
import type { DeploymentRow, PlanFacts, SkuChoice } from "../../../bindings";
import { ExternalLink } from "../../../components/ExternalLink";
import { FormField } from "../../../components/FormField";
import {
  capacityProblemMessage,
  describeCapacity,
  describeFreeQuota,
  findSku,
  quotaRequestUrl,
} from "../wizard/capacity";
import { formatCount } from "../wizard/numbers";
import { currentModelOf } from "./catalog";
import { ChangeReviewArea, type ApplyState } from "./ChangeReviewArea";
import { useReviewChange } from "./manageQueries";
import { checkScale, currentSkuOf, quotaForScale } from "./scale";
import type { ManageTarget } from "./target";

type ScaleSectionProps = {
  target: ManageTarget;
  row: DeploymentRow;
  facts: PlanFacts;
  apply: ApplyState;
};

/** "GlobalStandard takes 1 to 1,000 (× 1,000 tokens per minute)." */
function rangeText(sku: SkuChoice): string {
  const steps = sku.step > 1 ? ` in steps of ${formatCount(sku.step)}` : "";
  const unit = sku.provisioned ? "PTU" : "× 1,000 tokens per minute";
  return `${sku.name} takes ${formatCount(sku.minCapacity)} to ${formatCount(sku.maxCapacity)}${steps} (${unit}).`;
}

/** Another deployment type and/or capacity, checked against range, step and free quota as typed. */
export function ScaleSection({ target, row, facts, apply }: ScaleSectionProps) {
  const id = useId();
  const review = useReviewChange(target.profileId, target.account, row.name);
  const currentModel = currentModelOf(facts.models, row);
  const skus = currentModel?.skus ?? [];
  const currentSku = currentSkuOf(currentModel, row.sku);
  const [skuName, setSkuName] = useState(row.sku ?? skus[0]?.name ?? "");
  const [capacityText, setCapacityText] = useState(() => {
    const initialSku = findSku(currentModel, row.sku ?? skus[0]?.name ?? null);
    const capacity = row.capacity ?? initialSku?.defaultCapacity;
    return capacity === undefined ? "" : String(capacity);
  });

  const titleId = `${id}-title`;
  const sku = findSku(currentModel, skuName);
  const { quota, ownCounted } =
    sku === undefined
      ? { quota: null, ownCounted: null }
      : quotaForScale(facts.quotas, sku, currentSku, row.capacity);
  const check = checkScale(row, sku, capacityText, quota);
  const problem = check.problem;
  // The type it has now stays listed even when this region no longer offers it.
  const listsCurrent = row.sku !== null && !skus.some((offered) => offered.name === row.sku);

  function edit(change: () => void) {
    change();
    review.reset();
  }

  return (
    <section className="manage-section" aria-labelledby={titleId} data-testid="manage-scale">
      <h4 id={titleId} className="manage-section-title">
        Type and capacity
      </h4>
      {skus.length === 0 ? (
        <p className="muted" data-testid="manage-no-skus">
          This region’s catalog lists no deployment types for {row.model}
          {row.modelVersion === null ? "" : ` ${row.modelVersion}`}, so its type and capacity
          can’t be changed here.
        </p>
      ) : (
        <>
          <div className="manage-fields">
            <FormField id={`${id}-sku`} label="Deployment type">
              {(control) => (
                <select
                  {...control}
                  className="select"
                  data-testid="manage-sku"
                  value={skuName}
                  disabled={apply.applying}
                  onChange={(event) => edit(() => setSkuName(event.target.value))}
                >
                  {listsCurrent && row.sku !== null && (
                    <option value={row.sku} disabled>
                      {row.sku} (current; not offered here any more)
                    </option>
                  )}
                  {skus.map((offered) => (
                    <option key={offered.name} value={offered.name}>
                      {offered.name}
                      {offered.name === row.sku ? " (current)" : ""}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id={`${id}-capacity`}
              label="Capacity"
              hint={sku === undefined ? undefined : rangeText(sku)}
            >
              {(control) => (
                <div className="manage-capacity">
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    className="input manage-capacity-input"
                    data-testid="manage-capacity"
                    min={sku?.minCapacity}
                    max={sku?.maxCapacity}
                    step={sku === undefined ? undefined : Math.max(sku.step, 1)}
                    aria-invalid={problem !== null ? true : undefined}
                    aria-describedby={[
                      control["aria-describedby"],
                      `${id}-facts`,
                      problem !== null ? `${id}-problem` : null,
                    ]
                      .filter((part) => part !== undefined && part !== null)
                      .join(" ")}
                    value={capacityText}
                    disabled={apply.applying}
                    onChange={(event) => edit(() => setCapacityText(event.target.value))}
                  />
                  <span id={`${id}-facts`} className="manage-capacity-facts">
                    <span className="manage-derived" data-testid="manage-capacity-derived">
                      {sku === undefined || check.value === null
                        ? "—"
                        : describeCapacity(sku, check.value)}
                    </span>
                    <span className="muted" data-testid="manage-capacity-quota">
                      {sku === undefined || sku.usageName === null
                        ? "quota unknown"
                        : `${describeFreeQuota(quota)} for ${sku.usageName}`}
                      {ownCounted !== null &&
                        quota !== null &&
                        quota.free !== null &&
                        ` (counting this deployment’s ${formatCount(ownCounted)})`}
                    </span>
                  </span>
                </div>
              )}
            </FormField>
          </div>

          {problem !== null && (
            <div
              id={`${id}-problem`}
              className="wizard-problem"
              data-testid="manage-capacity-problem"
            >
              <p className="manage-problem-text">{capacityProblemMessage(problem)}.</p>
              {problem.kind === "overQuota" && (
                <ExternalLink href={quotaRequestUrl}>Request more quota</ExternalLink>
              )}
            </div>
          )}

          <ChangeReviewArea
            row={row}
            change={check.change}
            review={review}
            reviewTestId="manage-review"
            apply={apply}
          />
        </>
      )}
    </section>
  );
}
