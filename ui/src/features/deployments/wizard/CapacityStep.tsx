import { useId } from "react";
import type { Quota, SkuChoice } from "../../../bindings";
import { ExternalLink } from "../../../components/ExternalLink";
import {
  capacityProblemMessage,
  checkCapacity,
  describeCapacity,
  describeFreeQuota,
  parseCapacity,
  quotaRequestUrl,
} from "./capacity";
import { formatCount } from "./numbers";

type CapacityStepProps = {
  sku: SkuChoice;
  quota: Quota | null;
  /** The capacity as typed. */
  capacity: string;
  onChange: (capacity: string) => void;
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Step 3: how much capacity, checked against the type's range and step and the free quota. */
export function CapacityStep({ sku, quota, capacity, onChange }: CapacityStepProps) {
  const id = useId();
  const value = parseCapacity(capacity);
  const problem = checkCapacity(sku, value, quota);
  const unit = sku.provisioned ? "PTU" : "× 1,000 tokens per minute";
  const sliderValue = clamp(value ?? sku.defaultCapacity, sku.minCapacity, sku.maxCapacity);

  return (
    <div className="wizard-step-body">
      <p className="muted">
        {sku.name} takes {formatCount(sku.minCapacity)} to {formatCount(sku.maxCapacity)}
        {sku.step > 1 ? ` in steps of ${formatCount(sku.step)}` : ""} ({unit}).
      </p>

      <div className="form-field">
        <label htmlFor={`${id}-input`} className="field-label">
          Capacity
        </label>
        <div className="wizard-capacity">
          <input
            type="range"
            className="wizard-slider"
            data-testid="capacity-slider"
            aria-label="Capacity slider"
            aria-valuetext={value === null ? undefined : describeCapacity(sku, value)}
            min={sku.minCapacity}
            max={sku.maxCapacity}
            step={Math.max(sku.step, 1)}
            value={sliderValue}
            onChange={(event) => onChange(event.target.value)}
          />
          <input
            id={`${id}-input`}
            type="number"
            inputMode="numeric"
            className="input wizard-capacity-input"
            data-testid="capacity-input"
            min={sku.minCapacity}
            max={sku.maxCapacity}
            step={Math.max(sku.step, 1)}
            aria-invalid={problem !== null ? true : undefined}
            aria-describedby={`${id}-facts${problem !== null ? ` ${id}-problem` : ""}`}
            value={capacity}
            onChange={(event) => onChange(event.target.value)}
          />
        </div>
        <p id={`${id}-facts`} className="wizard-capacity-facts">
          <span data-testid="capacity-derived">
            {value === null ? "—" : describeCapacity(sku, value)}
          </span>
          <span className="muted" data-testid="capacity-quota">
            {sku.usageName === null
              ? "quota unknown"
              : `${describeFreeQuota(quota)} for ${sku.usageName}`}
          </span>
        </p>
      </div>

      {problem !== null && (
        <div id={`${id}-problem`} className="wizard-problem" data-testid="capacity-problem">
          <p>{capacityProblemMessage(problem)}.</p>
          {problem.kind === "overQuota" && (
            <ExternalLink href={quotaRequestUrl}>Request more quota</ExternalLink>
          )}
        </div>
      )}
    </div>
  );
}
