import { skipToken, useQuery } from "@tanstack/react-query";
import { commands, type ConversationTarget } from "../../bindings";
import { unwrap } from "../../lib/unwrap";
import { pricesPrefix } from "../settings/settingsQueries";

/** Under the shared prices prefix, so saving another currency refetches it. */
export function answerPriceKey(target: ConversationTarget | null) {
  return [...pricesPrefix, "answer", target] as const;
}

/** Retail prices change monthly at most; an hour keeps switching deployments from asking again. */
const PRICE_STALE_MS = 60 * 60 * 1000;

/** The prices of the deployment a conversation talks to; nothing is asked without one. */
export function useAnswerPrice(target: ConversationTarget | null) {
  return useQuery({
    queryKey: answerPriceKey(target),
    queryFn: target === null ? skipToken : () => unwrap(commands.answerPrice(target)),
    staleTime: PRICE_STALE_MS,
    // A price that cannot be had says why once; asking again at once would not change that.
    retry: false,
  });
}
