import { Fragment } from "react";
import type { AnswerFacts, PriceQuote } from "../../bindings";
import { CopyButton } from "../../components/CopyButton";
import { formatMoney } from "../../lib/money";
import { priceSource } from "../../lib/prices";
import { answerCost } from "./cost";
import { factParts, shortRequestId } from "./facts";
import { useLive, type LiveAnswer, type LiveSnapshot } from "./liveAnswer";

function openedOf(now: LiveSnapshot) {
  return now.opened;
}

function filterNotesOf(now: LiveSnapshot) {
  return now.filterNotes;
}

type AnswerFactsViewProps = {
  facts: AnswerFacts;
  /** The deployment's prices, for the answer's estimated cost; none while unknown. */
  quote?: PriceQuote | null;
};

/**
 * The numbers behind one answer on one compact line (timing, tokens, why it ended, the headroom
 * left), the request id to copy for support, then what was changed to fit the model and what
 * the content filter said.
 */
export function AnswerFactsView({ facts, quote = null }: AnswerFactsViewProps) {
  const parts = factParts(facts);
  const cost = quote === null ? null : answerCost(facts, quote);
  const requestId = facts.requestId ?? null;
  const servedModel = facts.servedModel ?? null;
  const adjustments = facts.adjustments ?? [];
  const filterNotes = facts.filterNotes ?? [];
  if (
    parts.length === 0 &&
    requestId === null &&
    servedModel === null &&
    adjustments.length === 0 &&
    filterNotes.length === 0
  ) {
    return null;
  }
  return (
    <div className="answer-facts" data-testid="answer-facts">
      <p className="answer-facts-line">
        {parts.join(" · ")}
        {cost !== null && quote !== null && (
          <>
            {" · "}
            <span
              className="answer-cost"
              data-testid="answer-cost"
              title={`Estimated from the token counts. ${priceSource(quote) ?? "Retail prices"}`}
            >
              ≈ {formatMoney(cost, quote.currency)}
            </span>
          </>
        )}
        {requestId !== null && (
          <>
            {parts.length > 0 && " · "}
            <span className="answer-facts-request" title={requestId}>
              request id <span className="answer-facts-id">{shortRequestId(requestId)}</span>
            </span>{" "}
            <CopyButton text={requestId} label="Copy id" testId="copy-request-id" />
          </>
        )}
        {servedModel !== null && (
          <span className="answer-facts-model" data-testid="served-model">
            {" "}
            {servedModel}
          </span>
        )}
      </p>
      {adjustments.length > 0 && (
        <ul className="answer-facts-notes" aria-label="Changed to fit the model">
          {adjustments.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <FilterNotes notes={filterNotes} />
    </div>
  );
}

/** What the content filter said of an answer, a chip per verdict; nothing when it said nothing. */
export function FilterNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <p className="answer-facts-filter" data-testid="filter-notes">
      <span className="answer-facts-filter-label">Content filter —</span>
      {notes.map((note) => (
        <Fragment key={note}>
          {" "}
          <span className="answer-facts-chip">{note}</span>
        </Fragment>
      ))}
    </p>
  );
}

/**
 * What is known of an answer while it streams: its request id (to copy for support), what was
 * changed to fit the model, and the content filter's verdicts as they come.
 */
export function StreamingFactsView({ live }: { live: LiveAnswer }) {
  const opened = useLive(live, openedOf);
  const filterNotes = useLive(live, filterNotesOf);
  const requestId = opened?.requestId ?? null;
  const adjustments = opened?.adjustments ?? [];
  if (requestId === null && adjustments.length === 0 && filterNotes.length === 0) return null;
  return (
    <div className="answer-facts answer-facts-live" data-testid="streaming-facts">
      {requestId !== null && (
        <p className="answer-facts-line">
          <span className="answer-facts-request" title={requestId}>
            request id <span className="answer-facts-id">{shortRequestId(requestId)}</span>
          </span>{" "}
          <CopyButton text={requestId} label="Copy id" testId="copy-request-id" />
        </p>
      )}
      {adjustments.length > 0 && (
        <ul className="answer-facts-notes" aria-label="Changed to fit the model">
          {adjustments.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <FilterNotes notes={filterNotes} />
    </div>
  );
}
