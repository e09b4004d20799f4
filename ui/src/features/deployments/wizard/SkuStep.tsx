import type { ModelChoice, NamedQuota, SkuChoice } from "../../../bindings";
import { describeFreeQuota, quotaFor } from "./capacity";
import { RadioList } from "./RadioList";

type SkuStepProps = {
  model: ModelChoice;
  quotas: NamedQuota[];
  selectedName: string | null;
  onSelect: (sku: SkuChoice) => void;
};

/** Step 2: the deployment types the chosen model offers here, each with its free quota. */
export function SkuStep({ model, quotas, selectedName, onSelect }: SkuStepProps) {
  return (
    <div className="wizard-step-body">
      <p className="muted">
        How {model.name} {model.version} can be deployed on this resource.
      </p>
      {model.skus.length === 0 ? (
        <p className="wizard-empty">This model offers no deployment type here.</p>
      ) : (
        <RadioList
          items={model.skus}
          itemKey={(sku) => sku.name}
          selectedKey={selectedName}
          onSelect={onSelect}
          optionTestId="sku-option"
          optionData={(sku) => ({ sku: sku.name })}
          label="Deployment types"
        >
          {(sku) => (
            <span className="wizard-option-text">
              <span className="wizard-option-title">
                <span className="wizard-option-name">{sku.name}</span>{" "}
                <span className="wizard-badge wizard-badge-muted" data-testid="sku-quota">
                  {describeFreeQuota(quotaFor(quotas, sku.usageName))}
                </span>
              </span>{" "}
              <span className="wizard-option-explanation">{sku.explanation}</span>{" "}
              <span className="wizard-option-meta">
                <span>
                  {sku.provisioned ? "Bought in PTUs" : "Capacity in thousands of tokens per minute"}
                </span>
                {sku.usageName !== null && <> <span>Quota: {sku.usageName}</span></>}
                {sku.retiresOn !== null && <> <span>Offered until {sku.retiresOn}</span></>}
              </span>
            </span>
          )}
        </RadioList>
      )}
    </div>
  );
}
