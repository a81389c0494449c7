import {
  decideGraphSync,
  type GraphSyncContext,
  type GraphSyncDecision,
  type GraphSyncFailure,
  type GraphSyncHints,
} from '../../../infra/meta-sync';
import type { MetaGraphError } from '../../../infra/meta-graph';
import { PAUSE_HINT, pauseMessage, type GraphPause } from '../../meta-auth';

/** What the lead timeline records about a failed attempt (`meta_lead_syncs`' error columns). */
export type SyncFailure = GraphSyncFailure;
export type SyncDecision = GraphSyncDecision;

export interface DecisionContext extends Omit<GraphSyncContext, 'explainPermission'> {
  /** What the connected user may do on the Page (ADVERTISE, MANAGE, ...), to explain permission errors. */
  pageTasks?: readonly string[];
}

/** Page tasks that allow reading leads (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */
const LEAD_TASKS = ['ADVERTISE', 'MANAGE'];

/** The lead pipeline's words: parked leads come back by themselves after a reconnect, failed ones by a replay. */
export const LEAD_SYNC_HINTS: GraphSyncHints = {
  reconnect: 'Meta no longer accepts the token: reconnect the Meta account; parked leads are replayed automatically',
  retriesExhausted: 'Retries ran out; replay the lead once the cause is fixed',
  undecryptableToken: 'The stored Page token cannot be decrypted',
  afterPermissionGranted: 'then replay',
  permissionUnnamed:
    'Check that the app has the leads_retrieval permission and the connected user a task on the Page that allows lead access (ADVERTISE or MANAGE); then replay',
};

/** The sync kit's policy (infra/meta-sync) with the lead pipeline's words and its Page-task explanation. */
export function decideSyncFailure(error: unknown, ctx: DecisionContext): SyncDecision {
  const { pageTasks, ...rest } = ctx;
  return decideGraphSync(error, { ...rest, explainPermission: (e) => leadPermissionHint(e, pageTasks) }, LEAD_SYNC_HINTS);
}

/**
 * What the timeline says about a lead that waits because its connection's Graph calls are paused: the pause, once for
 * all of them, instead of each lead's own copy of Meta's error. The lead was not read; no attempt was spent.
 */
export function pausedFailure(pause: GraphPause): SyncFailure {
  return { kind: 'paused', code: null, message: pauseMessage(pause), hint: PAUSE_HINT };
}

function leadPermissionHint(_error: MetaGraphError, pageTasks: readonly string[] | undefined): string {
  if (pageTasks && !pageTasks.some((task) => LEAD_TASKS.includes(task))) {
    return 'The connected user needs the ADVERTISE or MANAGE task on this Page (Page settings → Page roles) and the leads_retrieval permission; then replay';
  }
  return LEAD_SYNC_HINTS.permissionUnnamed;
}
