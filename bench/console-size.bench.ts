import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/product';
import { BenchResult } from './lib/report';

export const NAME = 'Console first load';
/** The most the console's first load may transfer (brotli, as `ng build` estimates it). */
const LIMIT_KB = 150;

interface Size {
  js: { files: number; transfer: number; raw: number };
  css: { transfer: number };
  total: { files: number; transfer: number; raw: number; gzip: number };
}

/**
 * What a browser downloads before the console runs: the initial files of the production build (index.html's
 * scripts and styles, measured by scripts/console-size.mjs as `ng build` prints its "Initial total"), against the
 * 150 kB budget. Lazy sections (Leads, Ads, Insights, …) are not in it. Needs `npm run build:admin` first.
 */
export function run(): Promise<BenchResult> {
  const target = `initial transfer ≤ ${LIMIT_KB} kB`;
  if (!existsSync(join(REPO_ROOT, 'dist', 'admin', 'browser', 'index.html'))) {
    return Promise.resolve({ name: NAME, target, comparisons: [], pass: null, notes: ['pending: run `npm run build:admin` first'] });
  }
  const out = spawnSync(process.execPath, ['scripts/console-size.mjs', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`scripts/console-size.mjs failed: ${out.stderr}`);
  const size = JSON.parse(out.stdout) as Size;
  const kb = size.total.transfer / 1000;
  return Promise.resolve({
    name: NAME,
    target,
    comparisons: [{ label: 'initial transfer', unit: 'kB', baseline: LIMIT_KB, product: kb, ratio: LIMIT_KB / kb }],
    pass: kb <= LIMIT_KB,
    notes: [
      `${size.total.files} initial files (${size.js.files} scripts): ${(size.js.transfer / 1000).toFixed(1)} kB of scripts and ${(size.css.transfer / 1000).toFixed(1)} kB of styles over the wire (brotli), ${(size.total.raw / 1000).toFixed(0)} kB unpacked`,
      `the baseline is the budget, so the ratio is the headroom left: above 100 % is under budget`,
    ],
  });
}
