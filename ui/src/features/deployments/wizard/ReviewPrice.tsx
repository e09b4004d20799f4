import { useId } from "react";
import type { AccountCoordinates, DeploymentDraft, PriceQuote } from "../../../bindings";
import { errorDetails } from "../../../lib/errorDetails";
import { formatMoney, formatRate } from "../../../lib/money";
import { priceSource, tokenRates } from "../../../lib/prices";
import { formatCount } from "./numbers";
import { useDeploymentPrice } from "./wizardQueries";

type ReviewPriceProps = {
  profileId: string;
  account: AccountCoordinates;
  draft: DeploymentDraft;
};

/**
 * What the deployment will cost, before it is created: per token, or per hour for provisioned
 * throughput (billed from the moment it exists, so it stands out). Prices are a side note: the
 * review and Create never wait for them, and a failure is one muted line.
 */
export function ReviewPrice({ profileId, account, draft }: ReviewPriceProps) {
  const id = useId();
  const price = useDeploymentPrice(profileId, account, draft);
  return (
    <section
      className="wizard-price"
      data-testid="review-price"
      data-billing={price.data?.billing}
      aria-labelledby={`${id}-title`}
      aria-busy={price.isPending || undefined}
    >
      <h4 id={`${id}-title`} className="wizard-price-title">
        Cost
      </h4>
      {price.data !== undefined ? (
        // Kept when a refresh (a new currency) fails: the last prices known still say something.
        <QuoteView quote={price.data} capacity={draft.skuCapacity} />
      ) : price.isError ? (
        <p className="muted">Prices could not be looked up: {errorDetails(price.error).message}</p>
      ) : (
        <p className="muted">Looking up prices…</p>
      )}
    </section>
  );
}

function QuoteView({ quote, capacity }: { quote: PriceQuote; capacity: number }) {
  const source = priceSource(quote);
  return (
    <>
      <QuoteLine quote={quote} capacity={capacity} />
      {source !== null && <p className="muted wizard-price-source">{source}</p>}
    </>
  );
}

function QuoteLine({ quote, capacity }: { quote: PriceQuote; capacity: number }) {
  const unavailable = (
    <p className="muted">{quote.unavailable ?? "No price is listed for this deployment."}</p>
  );
  if (quote.billing === "hourly") {
    const hourly =
      quote.hourly ?? (quote.perUnitHour === null ? null : quote.perUnitHour * capacity);
    if (hourly === null) return unavailable;
    return (
      <p className="wizard-price-hourly" data-testid="review-price-hourly">
        <strong>{formatMoney(hourly, quote.currency)} per hour</strong> at {formatCount(capacity)}{" "}
        PTU
        {quote.perUnitHour !== null &&
          ` (${formatRate(quote.perUnitHour, quote.currency, "PTU-hour")})`}
        , billed whether used or not
      </p>
    );
  }
  const rates = quote.billing === "tokens" ? tokenRates(quote) : [];
  if (rates.length === 0) return unavailable;
  return <p>Nothing until it is used; then {rates.join(", ")}</p>;
}
