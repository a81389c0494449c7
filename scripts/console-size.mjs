#!/usr/bin/env node
// How much the console's first load transfers: the files `index.html` loads before the console runs (its module
// scripts, every chunk they import statically, its stylesheets), compressed the way `ng build` estimates the
// "Initial total": brotli at its default quality, files under 1 kB counted uncompressed. Lazy chunks (pages, dialogs,
// the signed-in shell) are not part of it.
//
//   node scripts/console-size.mjs            reads dist/admin/browser (run `npm run build:admin` first)
//   node scripts/console-size.mjs --build    builds the console first
//   node scripts/console-size.mjs --json     prints the figures as JSON (for the benchmark runner)
//   node scripts/console-size.mjs --max-kb 150   exits 1 when the initial total transfers more than 150 kB
//
// kB are 1000 bytes, as the Angular CLI counts them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist/admin/browser');

/** The CLI leaves files this small uncompressed in its estimate: compressing them gains nothing on the wire. */
const SMALL_FILE = 1024;

/** `<script type="module" src>` and `<link rel="stylesheet" href>` of the built index.html, each once. */
function entryFiles(html) {
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]+)"`))?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attr(tag, 'type') === 'module' && attr(tag, 'src'))
    .map((tag) => attr(tag, 'src'));
  const styles = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attr(tag, 'rel') === 'stylesheet' && attr(tag, 'href'))
    .map((tag) => attr(tag, 'href'));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

/**
 * Static imports of an ES module as esbuild writes them (`import{a as b}from"./chunk-X.js"`, `import"./chunk-Y.js"`,
 * `export{c}from"./chunk-Z.js"`); `import("./chunk-W.js")` is a lazy chunk and is left out.
 */
function staticImports(source) {
  const found = new Set();
  for (const [, spec] of source.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    found.add(spec.slice(2));
  }
  return [...found];
}

function transferSize(bytes) {
  return bytes.length < SMALL_FILE ? bytes.length : brotliCompressSync(bytes).length;
}

/** The initial files of the build in `dist`, with their raw, brotli (as the CLI estimates) and gzip sizes. */
export function measureInitialLoad(dist = DIST) {
  const indexHtml = path.join(dist, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`${indexHtml} is missing: run \`npm run build:admin\` first (or pass --build).`);
  }
  const { scripts, styles } = entryFiles(readFileSync(indexHtml, 'utf8'));
  const files = [];
  const seen = new Set();
  const queue = [...scripts];
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const bytes = readFileSync(path.join(dist, name));
    files.push({ name, type: 'js', raw: bytes.length, transfer: transferSize(bytes), gzip: gzipSync(bytes).length });
    queue.push(...staticImports(bytes.toString('utf8')));
  }
  for (const name of styles) {
    const bytes = readFileSync(path.join(dist, name));
    files.push({ name, type: 'css', raw: bytes.length, transfer: transferSize(bytes), gzip: gzipSync(bytes).length });
  }
  const sum = (type) => {
    const of = files.filter((f) => !type || f.type === type);
    return { files: of.length, ...Object.fromEntries(['raw', 'transfer', 'gzip'].map((k) => [k, of.reduce((n, f) => n + f[k], 0)])) };
  };
  return { dist, js: sum('js'), css: sum('css'), total: sum(), files: files.sort((a, b) => b.transfer - a.transfer) };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function report(size, maxKb) {
  const line = (label, s) =>
    `  ${label.padEnd(12)} ${String(s.files).padStart(2)} files ${kB(s.raw).padStart(12)} raw ${kB(s.transfer).padStart(11)} transferred (gzip ${kB(s.gzip)})`;
  return [
    `Console initial load, ${path.relative(ROOT, size.dist)} (brotli, as \`ng build\` estimates it)`,
    line('JavaScript', size.js),
    line('CSS', size.css),
    line('Total', size.total),
    ...(maxKb === undefined ? [] : [`  limit        ${kB(maxKb * 1000)} transferred`]),
  ].join('\n');
}

function main(argv) {
  const maxAt = argv.indexOf('--max-kb');
  const maxKb = maxAt >= 0 ? Number(argv[maxAt + 1]) : undefined;
  if (maxKb !== undefined && !(maxKb > 0)) {
    console.error('--max-kb takes a positive number of kB, e.g. --max-kb 150');
    return 2;
  }
  if (argv.includes('--build')) {
    execFileSync('npx', ['ng', 'build', 'admin'], { cwd: ROOT, stdio: 'inherit' });
  }
  const size = measureInitialLoad();
  console.log(argv.includes('--json') ? JSON.stringify({ ...size, maxKb: maxKb ?? null }, null, 2) : report(size, maxKb));
  if (maxKb !== undefined && size.total.transfer > maxKb * 1000) {
    console.error(`The console's initial load transfers ${kB(size.total.transfer)}, over the ${maxKb} kB limit.`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
