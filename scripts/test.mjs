#!/usr/bin/env node
// `npm test`: every suite of the monorepo, in dependency order. Needs only Node: the backend e2e and browser suites
// run on the machine's PostgreSQL and Redis when they answer, else on an embedded PostgreSQL started for the run and
// BullMQ's PostgreSQL backend (see test-services.mjs); tests that need what is missing are skipped and listed.
// Suites run one after another (the machine is small and e2e suites share the services; within the backend e2e suite
// two files run at a time, see its jest config); a failing suite does not stop the others, so one run reports
// everything. The last line is the total: "tests: N passed, N failed, N skipped".
// With CI=true every test must run: a skip, or a service the run had to replace, fails the run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareServices } from './test-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
// `node scripts/test.mjs [suite...] [-- jest arguments]`: the arguments after `--` go to the jest suites run (say,
// one spec file's path).
const argv = process.argv.slice(2);
const only = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
const jestArgs = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
const ci = ['true', '1'].includes(String(process.env.CI).toLowerCase());

const passWhenNonePicked = jestArgs.length ? ['--passWithNoTests'] : [];
// `trailing` goes after the arguments given after `--`: a jest option that takes a list (testPathIgnorePatterns) would
// otherwise take the spec paths given there as more of its values.
const jest = (name, config, extra = [], { trailing = [], ...options } = {}) => ({
  name,
  cmd: ['npx', 'jest', '--config', config, '--json', `--outputFile=${join(results, `${name}.json`)}`, ...extra, ...jestArgs, ...trailing],
  count: () => jestCounts(join(results, `${name}.json`)),
  enabled: () => existsSync(join(root, config)),
  ...options,
});

const suites = [
  // Lint, format check and type-check (scripts/check.mjs); a failure here fails the run, the suites after it still run.
  { name: 'check', cmd: ['npm', 'run', 'check'], count: null },
  { name: 'build', cmd: ['npm', 'run', 'build'], count: null },
  jest('sandbox', 'libs/meta-sandbox/jest.config.js', ['--runInBand']),
  jest('backend-unit', 'backend/jest.config.js'),
  // Two files at a time, but backend/test/serial/ alone afterwards: a file there opens so many PostgreSQL connections
  // (an app on the PostgreSQL queue backend and four more instances' queues, about 70) that another file beside it
  // could take the server past max_connections.
  // Spec paths given after `--` pick files in both; the one that holds none of them passes with no tests.
  jest('backend-e2e', 'backend/test/jest-e2e.config.js', passWhenNonePicked, {
    services: true,
    trailing: ['--testPathIgnorePatterns=/test/serial/'],
  }),
  jest('backend-e2e-serial', 'backend/test/jest-e2e.config.js', ['--runInBand', ...passWhenNonePicked], {
    services: true,
    trailing: [`--roots=${join(root, 'backend/test/serial')}`],
  }),
  {
    name: 'admin-unit',
    cmd: ['npm', 'run', 'test:admin'],
    count: vitestCounts,
    pipe: true,
    enabled: () => existsSync(join(root, 'angular.json')),
  },
  jest('browser', 'e2e/browser/jest.config.js', ['--runInBand'], { services: true, missing: missingChromium }),
];

let passed = 0;
let failed = 0;
let skipped = 0;
const skippedTests = [];
const summary = [];
let services;
let current;
let interrupted;

// Ctrl+C: the running suite's process group gets the signal, then the services stop.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    console.log(`\n=== ${signal}: stopping`);
    if (current) signalGroup(current, signal);
  });
}

for (const suite of suites) {
  if (interrupted) break;
  if (only.length && !only.includes(suite.name)) continue;
  if (suite.enabled && !suite.enabled()) {
    summary.push(`${suite.name}: not present`);
    continue;
  }
  const missing = suite.missing?.();
  if (missing) {
    skipped += 1;
    skippedTests.push(`${suite.name}: the whole suite: ${missing}`);
    summary.push(`${suite.name}: skipped (${missing})`);
    continue;
  }
  if (suite.services) {
    services ??= await prepareServices({ root, env: process.env, log: (line) => console.log(`[services] ${line}`) });
    if (services.problems.length) {
      failed += 1;
      summary.push(`${suite.name}: NOT RUN (${services.problems.join('; ')})`);
      continue;
    }
  }
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
  const started = Date.now();
  const run = await runSuite(suite.cmd, { pipe: suite.pipe, env: { ...process.env, ...(suite.services ? services.env : {}) } });
  if (run.stdout) process.stdout.write(run.stdout);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const counts = suite.count ? suite.count(run.stdout) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    skippedTests.push(...counts.skippedTests.map((test) => `${suite.name}: ${test}`));
  }
  const ok = run.status === 0;
  if (!ok && (!counts || counts.failed === 0)) failed += 1; // a suite that crashed without counting still fails
  summary.push(
    `${suite.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s` +
      (counts ? ` (${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''})` : ''),
  );
  if (suite.name === 'build' && !ok) break; // nothing else can run without a build
}

await services?.stop();

console.log('\n=== summary');
if (services) for (const line of ['services:', ...services.lines.map((l) => `  ${l}`)]) console.log(line);
for (const line of summary) console.log(line);
if (skipped) {
  console.log(`skipped (${skipped}):`);
  for (const test of skippedTests) console.log(`  ${test}`);
}
const ciProblems = ci ? [...(services?.fallbacks ?? []), ...(skipped ? [`${skipped} skipped (listed above)`] : [])] : [];
if (ciProblems.length)
  console.log(`CI=true: every test must run, on the machine's own PostgreSQL and Redis; this run: ${ciProblems.join('; ')}. FAILED`);
if (interrupted) console.log(`interrupted by ${interrupted}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && ciProblems.length === 0 && !interrupted ? 0 : interrupted === 'SIGINT' ? 130 : 1);

/**
 * Runs one suite's command; its output goes to the terminal, or is collected when `pipe` (to count from it). The
 * suite runs in a process group of its own, so whatever it started and left behind (a product process of the fault
 * suite when the suite was interrupted, say) is ended with it.
 */
function runSuite([cmd, ...args], { pipe, env }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, detached: true, stdio: pipe ? ['inherit', 'pipe', 'inherit'] : 'inherit' });
    current = child;
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.once('error', (error) => {
      console.error(`${cmd}: ${error.message}`);
      resolve({ status: 1, stdout });
    });
    child.once('close', (code) => {
      current = undefined;
      signalGroup(child, 'SIGKILL');
      resolve({ status: code ?? 1, stdout });
    });
  });
}

/** The browser tests drive Debian's chromium (E2E_CHROMIUM_PATH, as e2e/browser/browser.ts reads it). */
function missingChromium() {
  const chromium = process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(chromium) ? undefined : `no chromium at ${chromium}; install Debian's: apt-get install -y chromium`;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is empty already
  }
}

function jestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  // A skipped test shows as "<file> › <describe> › <test>"; the describe's title says why (see describeWithRedisServer).
  const skipped = report.testResults.flatMap((result) =>
    result.assertionResults
      .filter((test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
      .map((test) => [relative(root, result.name), ...test.ancestorTitles, test.title].join(' › ')),
  );
  // Suites that fail to load count as failures even though they ran no test.
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: skipped.length,
    skippedTests: skipped,
  };
}

function vitestCounts(stdout = '') {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => /^\s*Tests\s+/.test(l));
  if (!line) return null;
  const num = (re) => Number(re.exec(line)?.[1] ?? 0);
  const skipped = num(/(\d+) skipped/) + num(/(\d+) todo/);
  return {
    passed: num(/(\d+) passed/),
    failed: num(/(\d+) failed/),
    skipped,
    // Vitest's summary line has counts only; its own output above names the tests.
    skippedTests: skipped ? [`${skipped} test(s), named in the Vitest output above`] : [],
  };
}
