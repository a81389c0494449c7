/**
 * Lead reads in flight per Page token: one full batch (Meta's limit of operations in a batch call:
 * https://developers.facebook.com/docs/graph-api/batch-requests). The lead fetcher keeps at most this many
 * unanswered, and the lead queue starts a burst with this many jobs, so the first batch leaves full and early.
 */
export const LEAD_READS_PER_BATCH = 50;
