#!/usr/bin/env node
// `npm run check`: lint, then the format check, then the type-check. Each step runs even when an earlier one failed,
// so one run names every kind of problem; the exit code is 1 when any step failed. `npm test` runs it as its first
// suite, `check`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const steps = ['lint', 'format:check', 'typecheck'];

const results = steps.map((step) => {
  console.log(`\n--- check: npm run ${step}`);
  const started = Date.now();
  const { status } = spawnSync('npm', ['run', step], { cwd: root, stdio: 'inherit' });
  return { step, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(0) };
});

console.log(`\ncheck: ${results.map(({ step, ok, seconds }) => `${step} ${ok ? 'ok' : 'FAILED'} in ${seconds}s`).join(', ')}`);
process.exit(results.every(({ ok }) => ok) ? 0 : 1);
