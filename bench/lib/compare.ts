import { LoadResult, median, runLoad } from './load';
import { Comparison } from './report';
import { BenchSettings } from './settings';

export interface Target {
  label: string;
  url: string;
  next: () => { body: string; headers: Record<string, string> };
  /**
   * Work the server still does after a run because of it (the product queues lead jobs after its answers). Called
   * after every run of this target and awaited before the next run of either server, so that work never overlaps
   * the other server's measurement; returns how long it took, reported in the notes.
   */
  settle?: () => Promise<number>;
}

export interface LoadComparison {
  comparisons: Comparison[];
  baselineRuns: LoadResult[];
  productRuns: LoadResult[];
  notes: string[];
}

/**
 * Warms both servers up, then runs the load `rounds` times on each, alternating which goes first, and compares the
 * medians: req/s as product / baseline, p99 as baseline / product (both: higher is better, 100 % = as fast).
 */
export async function compareUnderLoad(
  baseline: Target,
  product: Target,
  path: string,
  expectStatus: number,
  settings: BenchSettings,
): Promise<LoadComparison> {
  const settleMs = new Map<string, number[]>();
  const run = async (target: Target, durationSeconds: number) => {
    const result = await runLoad({
      url: target.url,
      path,
      connections: settings.connections,
      durationSeconds,
      next: target.next,
      expectStatus,
    });
    if (target.settle) settleMs.set(target.label, [...(settleMs.get(target.label) ?? []), await target.settle()]);
    return result;
  };

  await run(baseline, settings.warmupSeconds);
  await run(product, settings.warmupSeconds);
  const baselineRuns: LoadResult[] = [];
  const productRuns: LoadResult[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const order: [Target, LoadResult[]][] =
      round % 2 === 0
        ? [
            [baseline, baselineRuns],
            [product, productRuns],
          ]
        : [
            [product, productRuns],
            [baseline, baselineRuns],
          ];
    for (const [target, runs] of order) runs.push(await run(target, settings.durationSeconds));
  }

  const rpsB = median(baselineRuns.map((r) => r.requestsPerSecond));
  const rpsP = median(productRuns.map((r) => r.requestsPerSecond));
  const p99B = median(baselineRuns.map((r) => r.p99Ms));
  const p99P = median(productRuns.map((r) => r.p99Ms));
  const notes = [
    `runs (req/s, p99 ms): baseline ${baselineRuns.map((r) => `${r.requestsPerSecond.toFixed(0)}/${r.p99Ms}`).join(', ')}; ` +
      `product ${productRuns.map((r) => `${r.requestsPerSecond.toFixed(0)}/${r.p99Ms}`).join(', ')}`,
  ];
  for (const [label, times] of settleMs) {
    notes.push(
      `${label}: work left after each run (warm-up first) took ${times.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} to finish`,
    );
  }
  for (const [label, runs] of [
    [baseline.label, baselineRuns],
    [product.label, productRuns],
  ] as const) {
    const unexpected = runs.reduce((n, r) => n + r.unexpected, 0);
    if (unexpected > 0)
      notes.push(`${label}: ${unexpected} answers were not ${expectStatus} or failed (${JSON.stringify(runs.map((r) => r.statusCounts))})`);
  }
  return {
    comparisons: [
      { label: 'throughput', unit: 'req/s', baseline: rpsB, product: rpsP, ratio: rpsP / rpsB },
      { label: 'p99 latency', unit: 'ms', baseline: p99B, product: p99P, ratio: p99P > 0 ? p99B / p99P : 1 },
    ],
    baselineRuns,
    productRuns,
    notes,
  };
}

/** Both ratios must reach the target, and every answer must have been the expected one. */
export function meets(result: LoadComparison, minRatio: number): boolean {
  const clean = [...result.baselineRuns, ...result.productRuns].every((r) => r.unexpected === 0);
  return clean && result.comparisons.every((c) => c.ratio >= minRatio);
}
