#!/usr/bin/env node
// `npm start`: builds whatever is missing or stale, then runs the server in the foreground.
// - libraries and backend: `tsc -b` (incremental; a no-op when nothing changed);
// - console: `ng build` only when its sources are newer than dist/admin/browser/index.html (it takes a while);
// then `node backend/dist/main.js` with this terminal's stdio. Signals are passed on, and the server's exit code is
// ours. With nothing configured the server runs on an embedded PostgreSQL under .data/ (see README).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const say = (line) => process.stderr.write(`[start] ${line}\n`);

function run(args, { optional = false } = {}) {
  say(`npm ${args.join(' ')}`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) return true;
  if (optional) return false;
  say(`"npm ${args.join(' ')}" failed (exit ${result.status ?? result.signal}); not starting.`);
  process.exit(result.status || 1);
}

/** Newest modification time of the files under the given paths (directories walked, node_modules skipped). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

function consoleIsStale() {
  const index = join(root, 'dist/admin/browser/index.html');
  if (!existsSync(join(root, 'angular.json'))) return false;
  if (!existsSync(index)) return true;
  const sources = newestMtime(['admin', 'angular.json', 'libs/contracts/src', 'tsconfig.base.json']);
  return sources > statSync(index).mtimeMs;
}

run(['run', 'build:libs']);
run(['run', 'build:backend']);
if (consoleIsStale()) {
  const built = run(['run', 'build:admin'], { optional: true });
  if (!built) say('The console build failed; starting anyway (the API works, the console page will be missing or old).');
}

// The server gets its own process group: Ctrl+C then reaches it only through us, so it can close the app before
// stopping its embedded PostgreSQL (which would otherwise receive the terminal's SIGINT at the same moment).
const server = spawn(process.execPath, [join(root, 'backend/dist/main.js')], { cwd: root, stdio: 'inherit', detached: true });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
