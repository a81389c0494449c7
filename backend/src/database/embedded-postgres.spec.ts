import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stillRunning } from './embedded-postgres';

describe(stillRunning.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cluster-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const pidFile = (pid: number) => writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n1764950000\n54329\n`);

  it('names a live process that holds the cluster, and how to stop it', () => {
    pidFile(process.pid);
    expect(stillRunning(dir)).toBe(
      `PostgreSQL process ${process.pid} still runs on ${dir}: another npm start on this folder, or one an earlier run ` +
        `left behind; stop it (Ctrl+C where it runs, or kill -INT ${process.pid}) and start again`,
    );
  });

  it('says nothing of a pid file whose process has ended, or of no pid file', () => {
    expect(stillRunning(dir)).toBeUndefined();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    pidFile(Number(ended));
    expect(stillRunning(dir)).toBeUndefined();
  });
});
