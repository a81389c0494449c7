/** Unit tests: `*.spec.ts` beside the code. Type-checking is left to `tsc`, so ts-jest only transpiles. */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: 'src',
  testEnvironment: 'node',
  testRegex: '.*\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: {
    '^@legeai/contracts$': path.join(__dirname, '../libs/contracts/src'),
  },
};
