/**
 * E2E tests: boot the AppModule on a real PostgreSQL and queue backend (each file gets its own database and queue
 * prefix; see test/utils/create-test-app.ts and test/utils/test-services.ts for which services). `test/boot/` starts
 * the built server as a child process.
 */
const path = require('node:path');
const backendDir = path.join(__dirname, '..');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: backendDir,
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  testRegex: '.*\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(backendDir, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: {
    '^@legeai/contracts$': path.join(backendDir, '../libs/contracts/src'),
    '^@legeai/meta-sandbox$': path.join(backendDir, '../libs/meta-sandbox/src'),
  },
  testTimeout: 60000,
  // Two files at a time: most of an e2e file's time is waiting (on queues, report runs, a restarted Redis), and the
  // files do not share state (own database, queue prefix, sandbox, and Redis for the tests that stop it), so two
  // halve the suite's time on a two-core machine. --runInBand still runs one. `npm test` runs test/serial/ alone
  // afterwards (see scripts/test.mjs).
  maxWorkers: 2,
};
