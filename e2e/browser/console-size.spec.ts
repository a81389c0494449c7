import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The most the console's first load may transfer (brotli, as `ng build` estimates it): 150 kB. */
const INITIAL_LIMIT_KB = 150;

/**
 * The console stays light: the production build's initial load (the files index.html loads before the console runs)
 * transfers at most 150 kB, measured by scripts/console-size.mjs exactly as `ng build` prints its "Initial total".
 * The build's own budget (angular.json) can only limit raw bytes; this is the limit on what goes over the wire.
 */
describe('console size', () => {
  it(`transfers at most ${INITIAL_LIMIT_KB} kB on the first load`, () => {
    const run = spawnSync(process.execPath, ['scripts/console-size.mjs', '--json', '--max-kb', String(INITIAL_LIMIT_KB)], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
    });
    const size = JSON.parse(run.stdout) as { total: { transfer: number; files: number }; js: { files: number } };

    expect(size.js.files).toBeGreaterThan(0);
    expect(size.total.transfer).toBeLessThanOrEqual(INITIAL_LIMIT_KB * 1000);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
