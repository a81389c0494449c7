import { pageConnectionJoins } from '../../meta-assets';
import type { LeadgenChange } from '../../meta-webhook';

/**
 * Where a delivery's lead stands, from the lead pipeline's timeline (`meta_lead_syncs`, one row per organisation
 * that connected the Page), the one record of whether a lead is finished:
 * - `done`: stored, duplicate or skipped for every organisation that connected its Page, or nobody connects the Page
 *   any more (its job would have nothing to do);
 * - `running`: not started for every organisation yet, or pending for one (a job should exist: waiting, active,
 *   delayed or retrying);
 * - `waiting`: failed or parked for an organisation and pending for none: its job has ended, and a replay (by hand,
 *   or automatically after a reconnect) takes it from there.
 */
export type LeadProgress = 'done' | 'running' | 'waiting';

/** Counts per lead, in the order given (`n` is 1-based). */
export const LEAD_PROGRESS_SQL = `
  SELECT x.n::int AS n,
         count(i.id)::int AS connections,
         count(s.id)::int AS started,
         (count(s.id) FILTER (WHERE s.state IN ('stored', 'duplicate', 'skipped')))::int AS finished,
         (count(s.id) FILTER (WHERE s.state = 'pending'))::int AS pending
    FROM unnest($1::varchar[], $2::varchar[]) WITH ORDINALITY AS x(page_id, leadgen_id, n)
    ${pageConnectionJoins('x.page_id', 'LEFT JOIN')}
    LEFT JOIN meta_lead_syncs s ON s.organisation_id = i.organisation_id AND s.leadgen_id = x.leadgen_id
   GROUP BY x.n`;

export interface LeadProgressCounts {
  n: number;
  connections: number;
  started: number;
  finished: number;
  pending: number;
}

export function leadProgress(counts: Omit<LeadProgressCounts, 'n'>): LeadProgress {
  if (counts.connections === 0 || counts.finished >= counts.connections) return 'done';
  if (counts.pending > 0 || counts.started < counts.connections) return 'running';
  return 'waiting';
}

/** The query's parameters for these leads. */
export const leadProgressParams = (leads: readonly LeadgenChange[]) => [
  leads.map((lead) => lead.pageId),
  leads.map((lead) => lead.leadgenId),
];
