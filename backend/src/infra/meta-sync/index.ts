/**
 * The kit every Graph sync uses: one policy from a failed read to what the job does, the per-object watermark with
 * its overlap, and the console's answer when Meta refused a call made in a request.
 */
export {
  DEFAULT_GRAPH_SYNC_HINTS,
  ONE_OFF_CALL,
  decideGraphSync,
  graphSyncPolicy,
  worthRetrying,
  type GraphSyncAction,
  type GraphSyncContext,
  type GraphSyncDecision,
  type GraphSyncFailure,
  type GraphSyncFailureKind,
  type GraphSyncHints,
} from './graph-sync-policy';
export { WatermarkTracker, commitWatermark, laterWatermark, syncSince, type SyncWatermarkStore } from './sync-watermark';
export { graphApiError } from './graph-api-error';
