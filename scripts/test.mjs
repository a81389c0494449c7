#!/usr/bin/env node
// `npm test`: every suite of the monorepo, in dependency order, against the machine's real PostgreSQL and Redis.
// Suites run one after another (the machine is small and e2e suites share the services); a failing suite does not
// stop the others, so one run reports everything. The last line is the total: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);

const jest = (name, config, extra = []) => ({
  name,
  cmd: ['npx', 'jest', '--config', config, '--json', `--outputFile=${join(results, `${name}.json`)}`, ...extra],
  count: () => jestCounts(join(results, `${name}.json`)),
  enabled: () => existsSync(join(root, config)),
});

const suites = [
  { name: 'build', cmd: ['npm', 'run', 'build'], count: null },
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck'], count: null },
  jest('sandbox', 'libs/meta-sandbox/jest.config.js', ['--runInBand']),
  jest('backend-unit', 'backend/jest.config.js'),
  jest('backend-e2e', 'backend/test/jest-e2e.config.js', ['--runInBand']),
  { name: 'admin-unit', cmd: ['npm', 'run', 'test:admin'], count: vitestCounts, enabled: () => existsSync(join(root, 'angular.json')) },
  jest('browser', 'e2e/browser/jest.config.js', ['--runInBand']),
];

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  if (suite.enabled && !suite.enabled()) {
    summary.push(`${suite.name}: not present`);
    continue;
  }
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(suite.cmd[0], suite.cmd.slice(1), {
    cwd: root,
    stdio: suite.count === vitestCounts ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.stdout) process.stdout.write(run.stdout);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const counts = suite.count ? suite.count(run.stdout) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  const ok = run.status === 0;
  if (!ok && (!counts || counts.failed === 0)) failed += 1; // a suite that crashed without counting still fails
  summary.push(
    `${suite.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s` + (counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ''),
  );
  if (suite.name === 'build' && !ok) break; // nothing else can run without a build
}

console.log('\n=== summary');
for (const line of summary) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function jestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  // Suites that fail to load count as failures even though they ran no test.
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
  };
}

function vitestCounts(stdout = '') {
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => /^\s*Tests\s+/.test(l));
  if (!line) return null;
  const num = (re) => Number(re.exec(line)?.[1] ?? 0);
  return { passed: num(/(\d+) passed/), failed: num(/(\d+) failed/) };
}
