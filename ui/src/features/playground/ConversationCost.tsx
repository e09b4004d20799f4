import type { ConversationMessage, ConversationTarget, PriceQuote } from "../../bindings";
import { errorDetails } from "../../lib/errorDetails";
import { formatMoney, formatRate } from "../../lib/money";
import { plural } from "../../lib/plural";
import { priceSource, tokenRates } from "../../lib/prices";
import { conversationCost } from "./cost";
import { useAnswerPrice } from "./useAnswerPrice";

type ConversationCostProps = {
  target: ConversationTarget | null;
  messages: readonly ConversationMessage[];
};

/** The prices behind an estimate and their date, for the tooltip and screen readers. */
function priceDetails(quote: PriceQuote): string {
  const rates =
    quote.billing === "hourly" && quote.perUnitHour !== null
      ? [formatRate(quote.perUnitHour, quote.currency, "PTU-hour")]
      : tokenRates(quote);
  const source = priceSource(quote);
  return [rates.length === 0 ? null : `${rates.join(", ")}.`, source]
    .filter((part) => part !== null)
    .join(" ");
}

/**
 * What the conversation has cost so far at the deployment's retail prices, once it has answers:
 * a total, or why there is none (billed per hour, or no price to be had).
 */
export function ConversationCost({ target, messages }: ConversationCostProps) {
  const price = useAnswerPrice(target);
  const answered = messages.some((message) => message.role === "assistant");
  if (target === null || !answered || price.isPending) return null;

  // A failed refresh keeps the last prices known: the error only shows when there are none.
  const quote = price.data;
  if (quote === undefined) {
    return (
      <p className="muted conversation-cost" data-testid="conversation-cost">
        Cost unknown: {price.isError ? errorDetails(price.error).message : "no price yet."}
      </p>
    );
  }
  const details = priceDetails(quote);
  if (quote.billing === "unknown") {
    return (
      <p className="muted conversation-cost" data-testid="conversation-cost">
        Cost unknown: {quote.unavailable ?? "no price is listed for this deployment."}
      </p>
    );
  }
  if (quote.billing === "hourly") {
    // The same whatever the answers: the hours are billed, used or not.
    return (
      <p className="conversation-cost" data-testid="conversation-cost" title={details}>
        Provisioned: billed per hour, not per answer
        <span className="visually-hidden"> ({details})</span>
      </p>
    );
  }

  const { total, counted, uncounted } = conversationCost(messages, quote);
  if (counted === 0) return null;
  return (
    <p className="conversation-cost" data-testid="conversation-cost" title={details}>
      ≈ {formatMoney(total, quote.currency)} for this conversation
      {uncounted > 0 && (
        <span className="muted">
          {" "}
          (not counting {plural(uncounted, "answer", "answers")} without token counts)
        </span>
      )}
      {quote.offline !== null && (
        <span className="badge badge-warning conversation-cost-offline">offline prices</span>
      )}
      <span className="visually-hidden"> ({details})</span>
    </p>
  );
}
