import type { World } from '../../world/world';
import type { InsightsQuery, InsightsScope } from './insights-query';
import { createRng } from '../../core/rng';

/**
 * An async insights job (https://developers.facebook.com/docs/marketing-api/insights/best-practices/). It keeps its query, not its rows: pages are computed when read, as of the
 * moment the job was queued, so a job over years of ad-level days costs no memory while it waits.
 */
export interface ReportRunRecord {
  id: string;
  scope: InsightsScope;
  query: InsightsQuery;
  createdAt: number;
  /** Sandbox ms from queueing to completion. */
  durationMs: number;
  /** How the job ends when it is not completed: failed (with error details) or skipped. */
  outcome: 'completed' | 'failed' | 'skipped';
}

interface ReportRunState {
  runs: Map<string, ReportRunRecord>;
  /** How many of the next jobs fail, and skip (set from the control surface). */
  failNext: number;
  skipNext: number;
  /** Every new job takes this long when set (slow jobs). */
  durationMs?: number;
  nextId: bigint;
}

export const reportRuns = (world: World): ReportRunState =>
  world.ext<ReportRunState>('marketing.report-runs', () => ({ runs: new Map(), failNext: 0, skipNext: 0, nextId: 0n }));

/** A queued job waits a second, then runs a few seconds more per 50,000 cells of work (at most a minute). */
export function queueReportRun(world: World, now: number, scope: InsightsScope, query: InsightsQuery, cells: number): ReportRunRecord {
  const state = reportRuns(world);
  state.nextId += 1n;
  const id = String(6_023_920_000_000n + state.nextId * 7919n);
  const jitter = createRng(`${world.seed}/report-run/${id}`).next();
  let outcome: ReportRunRecord['outcome'] = 'completed';
  if (state.failNext > 0) {
    state.failNext -= 1;
    outcome = 'failed';
  } else if (state.skipNext > 0) {
    state.skipNext -= 1;
    outcome = 'skipped';
  }
  const run: ReportRunRecord = {
    id,
    scope,
    query,
    createdAt: now,
    durationMs: state.durationMs ?? Math.min(60_000, 4_000 + Math.round(jitter * 3_000) + Math.ceil(cells / 50_000) * 2_000),
    outcome,
  };
  state.runs.set(id, run);
  world.register(id, 'AdReportRun');
  return run;
}

export type AsyncStatus = 'Job Not Started' | 'Job Started' | 'Job Running' | 'Job Completed' | 'Job Failed' | 'Job Skipped';

const QUEUED_MS = 1_000;
const STARTING_MS = 1_500;

/** Where a job stands at a given sandbox time: Not Started → Started → Running (percent) → Completed / Failed / Skipped. */
export function progressOf(run: ReportRunRecord, now: number): { status: AsyncStatus; percent: number; completedAt?: number } {
  const elapsed = now - run.createdAt;
  if (elapsed < QUEUED_MS) return { status: 'Job Not Started', percent: 0 };
  if (run.outcome === 'skipped') return { status: 'Job Skipped', percent: 0, completedAt: run.createdAt + QUEUED_MS };
  if (elapsed < STARTING_MS) return { status: 'Job Started', percent: 0 };
  if (run.outcome === 'failed' && elapsed >= run.durationMs / 2)
    return { status: 'Job Failed', percent: 50, completedAt: run.createdAt + run.durationMs / 2 };
  if (elapsed < run.durationMs)
    return { status: 'Job Running', percent: Math.floor(((elapsed - STARTING_MS) / (run.durationMs - STARTING_MS)) * 100) };
  return { status: 'Job Completed', percent: 100, completedAt: run.createdAt + run.durationMs };
}
