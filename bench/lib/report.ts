export interface Comparison {
  label: string;
  unit: string;
  baseline: number;
  product: number;
  /** product relative to the baseline, oriented so that higher is better (1 = as good as the baseline). */
  ratio: number;
}

export interface BenchResult {
  name: string;
  target: string;
  comparisons: Comparison[];
  /** null when the benchmark could not run (pending). */
  pass: boolean | null;
  notes: string[];
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printResult(result: BenchResult): void {
  const verdict = result.pass === null ? 'PENDING' : result.pass ? 'PASS' : 'MISS';
  console.log(`\n=== ${result.name}`);
  for (const c of result.comparisons) {
    console.log(
      `  ${c.label.padEnd(22)} baseline ${`${fmt(c.baseline)} ${c.unit}`.padEnd(16)} product ${`${fmt(c.product)} ${c.unit}`.padEnd(16)} ratio ${(c.ratio * 100).toFixed(1)} %`,
    );
  }
  for (const note of result.notes) console.log(`  · ${note}`);
  console.log(`  target: ${result.target}  →  ${verdict}`);
}

export function printSummary(results: BenchResult[]): void {
  console.log('\n=== summary');
  for (const r of results) {
    const verdict = r.pass === null ? 'PENDING' : r.pass ? 'PASS' : 'MISS';
    const ratios = r.comparisons.map((c) => `${c.label} ${(c.ratio * 100).toFixed(1)} %`).join(', ');
    console.log(`  ${verdict.padEnd(8)} ${r.name}${ratios ? `: ${ratios}` : ''} (target ${r.target})`);
  }
}
