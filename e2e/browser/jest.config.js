/**
 * Browser tests: drive the production console with playwright-core and Debian's chromium against a running
 * server (E2E_BASE_URL). They never download a browser. Run with `npm run test:browser`.
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '.*\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }],
  },
  // One browser at a time: the machine is small and the tests share one server.
  maxWorkers: 1,
  // A fixed order (spec-order.js): the specs share one server and some change what the next one meets.
  testSequencer: '<rootDir>/spec-order.js',
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 90_000,
};
