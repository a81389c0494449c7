import type { CapiMetaAnswer } from '@legeai/contracts';
import { MetaGraphError } from '../../../infra/meta-graph';
import { graphSyncPolicy, type GraphSyncDecision } from '../../../infra/meta-sync';

/**
 * What a failed send does, by the shared Graph-sync policy (`infra/meta-sync`): `retry` (the queue's backoff sends
 * the same events again), `delay` (Meta's regain time, no attempt spent), `park` (the token is dead: the events wait
 * for the reconnect), `fail` (refused: the events fail with Meta's words, replayable).
 */
export const decideCapiSendFailure = graphSyncPolicy({
  reconnect: 'Meta no longer accepts the token: reconnect the Meta account; the events wait and go out after it',
  retriesExhausted: 'Meta kept failing the request; replay the events once it answers again',
  permissionUnnamed: "Check that the connection's token may send events to the dataset (ads_management) and reconnect",
});

/** Meta refused the request for what it carries (one bad event refuses them all): worth splitting the batch. */
export const refusedForContent = (decision: GraphSyncDecision): boolean =>
  decision.action === 'fail' && decision.failure.kind === 'validation';

/** The answer kept on each event of a refused request. */
export function errorAnswer(error: unknown, decision: GraphSyncDecision): CapiMetaAnswer {
  const graph = error instanceof MetaGraphError ? error : undefined;
  return {
    eventsReceived: null,
    messages: [],
    fbtraceId: graph?.fbtraceId ?? null,
    error: { code: decision.failure.code, kind: decision.failure.kind, message: failureText(error, decision) },
  };
}

/** Meta's own words for a person: its user message when it gave one, else the error's message, with the hint. */
export function failureText(error: unknown, decision: GraphSyncDecision): string {
  const graph = error instanceof MetaGraphError ? error : undefined;
  const said = graph?.userMessage ? `${graph.userTitle ? `${graph.userTitle}: ` : ''}${graph.userMessage}` : decision.failure.message;
  return decision.failure.hint && decision.failure.hint !== said ? `${said} (${decision.failure.hint})` : said;
}
