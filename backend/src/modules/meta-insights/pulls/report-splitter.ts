import type { DateRange } from '@legeai/contracts';
import { halves } from './insight-days';

/**
 * A report run Meta could not finish: `Job Failed` or `Job Skipped`, or still not completed when we stopped waiting.
 * Meta's advice for such a run is to ask for less data
 * (https://developers.facebook.com/docs/marketing-api/insights/best-practices/), which the splitter does.
 */
export class ReportRunFailedError extends Error {
  constructor(
    readonly range: DateRange,
    readonly reason: string,
  ) {
    super(`The report run for ${range.since}…${range.until} did not complete: ${reason}`);
    this.name = 'ReportRunFailedError';
  }
}

/** A single day whose report still fails: the pull fails with this, naming the day and Meta's reason. */
export class InsightsDayFailedError extends Error {
  constructor(
    readonly date: string,
    readonly reason: string,
  ) {
    super(`Meta could not produce the insights report of ${date}, even for that day alone: ${reason}`);
    this.name = 'InsightsDayFailedError';
  }
}

/** Halving 1110 days reaches a single day in 11 steps; deeper than this is a bug, not a big account. */
export const MAX_SPLIT_DEPTH = 12;

export interface SplitOptions {
  maxDepth?: number;
  /** Called once per split (a failed range replaced by its two halves), to count them. */
  onSplit?: (failed: DateRange, reason: string) => void;
}

/**
 * Runs `run` over the range; a run that fails (ReportRunFailedError) is run again as the two halves of its range,
 * recursively, first half first, until each piece succeeds. A single day (or the depth bound) that still fails ends
 * it with InsightsDayFailedError. Any other error (throttling, a dead token...) goes up at once: splitting would only
 * multiply calls Meta refuses. Pieces run one after the other: one report run at a time per account.
 */
export async function runWithSplits(range: DateRange, run: (range: DateRange) => Promise<void>, options: SplitOptions = {}): Promise<void> {
  const maxDepth = options.maxDepth ?? MAX_SPLIT_DEPTH;
  const attempt = async (piece: DateRange, depth: number): Promise<void> => {
    try {
      await run(piece);
    } catch (error) {
      if (!(error instanceof ReportRunFailedError)) throw error;
      const parts = depth < maxDepth ? halves(piece) : null;
      if (!parts) throw new InsightsDayFailedError(piece.since, error.reason);
      options.onSplit?.(piece, error.reason);
      for (const part of parts) await attempt(part, depth + 1);
    }
  };
  await attempt(range, 0);
}
