/**
 * Which leads a sweep of one form reads, and where the form's watermark goes afterwards. Pure, so the rules are
 * unit-tested without Meta or a database.
 *
 * The watermark (`meta_lead_forms.last_synced_at`) is the newest `created_time` of a lead read from Meta for the
 * form. A sweep reads `time_created > watermark - overlap`: the overlap re-reads recent leads on purpose, because a
 * lead submitted shortly before the previous sweep may only become listable after it (Meta indexes leads with a
 * delay, and our clock and Meta's are not the same clock). Re-read leads cost nothing: storing is idempotent.
 */

import { laterWatermark, syncSince } from '../../../infra/meta-sync';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface SweepWindowInput {
  /** The form's watermark; null when the form was never swept. */
  watermark: Date | null;
  overlapMinutes: number;
  /** How far back a form that was never swept is read; Meta keeps leads downloadable for 90 days. */
  lookbackDays: number;
  now: Date;
  /** Start of an on-demand sync (inclusive); the watermark minus the overlap when absent. */
  from?: Date;
  /** End of an on-demand sync (exclusive); up to now when absent. */
  to?: Date;
}

export interface SweepWindow {
  /** Leads created at or after this second are read. */
  from: Date;
  /** Leads created before this instant are read; null means up to now. */
  to: Date | null;
  /**
   * Whether the sweep may move the watermark: only when it reads everything from the previous watermark (minus the
   * overlap) up to now. A sync of an older slice, or one with an end, says nothing about the leads after it.
   */
  advancesWatermark: boolean;
}

/** The oldest instant Meta may still hold leads for. */
export function earliestRetained(now: Date, lookbackDays: number): Date {
  return new Date(now.getTime() - lookbackDays * DAY_MS);
}

export function sweepWindow(input: SweepWindowInput): SweepWindow {
  const earliest = earliestRetained(input.now, input.lookbackDays);
  // Nothing older than the retention can come back from Meta, so reading further back is pointless.
  const resume = syncSince(input.watermark, input.overlapMinutes * MINUTE_MS, earliest);
  const from = maxDate(input.from ?? resume, earliest);
  const to = input.to && input.to.getTime() < input.now.getTime() ? input.to : null;
  const continuous = from.getTime() <= resume.getTime();
  return { from, to, advancesWatermark: to === null && continuous };
}

/**
 * Meta's `filtering` for the window. `time_created` compares unix seconds and only GREATER_THAN / LESS_THAN are
 * documented, so an inclusive start is "greater than the second before".
 */
export function leadFiltering(window: SweepWindow): { field: 'time_created'; operator: 'GREATER_THAN' | 'LESS_THAN'; value: number }[] {
  const filters: { field: 'time_created'; operator: 'GREATER_THAN' | 'LESS_THAN'; value: number }[] = [
    { field: 'time_created', operator: 'GREATER_THAN', value: Math.floor(window.from.getTime() / 1000) - 1 },
  ];
  if (window.to) filters.push({ field: 'time_created', operator: 'LESS_THAN', value: Math.ceil(window.to.getTime() / 1000) });
  return filters;
}

/**
 * The watermark after a completed sweep: the newest `created_time` seen, never the wall clock at the end of the
 * sweep. A lead created while a slow sweep was paging (after Meta listed that page) has a `created_time` before
 * "now" but was not read; a watermark of "now" would skip it for good, as would any skew between our clock and
 * Meta's. The newest lead actually read is a point we know everything before was listed. It never moves back.
 */
export const nextWatermark: (current: Date | null, newestSeen: Date | null) => Date | null = laterWatermark;

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
