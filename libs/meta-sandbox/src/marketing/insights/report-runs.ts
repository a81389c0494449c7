import type { World } from '../../world/world';
import type { InsightsQuery, InsightsScope } from './insights-query';
import type { InsightsRow } from './insights-report';
import { createRng } from '../../core/rng';

/** An async insights job (notes §6.2). Its rows are computed when it is queued; the clock decides when they show. */
export interface ReportRunRecord {
  id: string;
  scope: InsightsScope;
  query: InsightsQuery;
  rows: InsightsRow[];
  createdAt: number;
  /** Sandbox ms from queueing to completion. */
  durationMs: number;
  fails: boolean;
}

interface ReportRunState {
  runs: Map<string, ReportRunRecord>;
  /** How many of the next jobs fail (set from the control surface). */
  failNext: number;
  nextId: bigint;
}

export const reportRuns = (world: World): ReportRunState =>
  world.ext<ReportRunState>('marketing.report-runs', () => ({ runs: new Map(), failNext: 0, nextId: 0n }));

/** A queued job waits a second, then runs for a few seconds more per thousand rows (at most a minute). */
export function queueReportRun(world: World, now: number, scope: InsightsScope, query: InsightsQuery, rows: InsightsRow[]): ReportRunRecord {
  const state = reportRuns(world);
  state.nextId += 1n;
  const id = String(6_023_920_000_000n + state.nextId * 7919n);
  const jitter = createRng(`${world.seed}/report-run/${id}`).next();
  const fails = state.failNext > 0;
  if (fails) state.failNext -= 1;
  const run: ReportRunRecord = {
    id,
    scope,
    query,
    rows,
    createdAt: now,
    durationMs: Math.min(60_000, 4_000 + Math.round(jitter * 3_000) + Math.ceil(rows.length / 1000) * 2_000),
    fails,
  };
  state.runs.set(id, run);
  world.register(id, 'AdReportRun');
  return run;
}

export type AsyncStatus = 'Job Not Started' | 'Job Started' | 'Job Running' | 'Job Completed' | 'Job Failed';

const QUEUED_MS = 1_000;
const STARTING_MS = 1_500;

/** Where a job stands at a given sandbox time: Not Started → Started → Running (percent) → Completed / Failed. */
export function progressOf(run: ReportRunRecord, now: number): { status: AsyncStatus; percent: number; completedAt?: number } {
  const elapsed = now - run.createdAt;
  if (elapsed < QUEUED_MS) return { status: 'Job Not Started', percent: 0 };
  if (elapsed < STARTING_MS) return { status: 'Job Started', percent: 0 };
  if (run.fails && elapsed >= run.durationMs / 2) return { status: 'Job Failed', percent: 50, completedAt: run.createdAt + run.durationMs / 2 };
  if (elapsed < run.durationMs) return { status: 'Job Running', percent: Math.floor(((elapsed - STARTING_MS) / (run.durationMs - STARTING_MS)) * 100) };
  return { status: 'Job Completed', percent: 100, completedAt: run.createdAt + run.durationMs };
}
