#!/usr/bin/env node
// The import graph between the backend's top-level folders and its module folders (backend/src/modules/<name>),
// and the boundaries docs/architecture.md describes:
// - no import cycle between module folders;
// - infra/ and common/ never import modules/;
// - a module imports another module only through that module's index.ts (its public surface).
//
//   node scripts/module-graph.mjs            the graph between module folders, then any broken rule
//   node scripts/module-graph.mjs --files    also every import behind each edge
//   node scripts/module-graph.mjs --quiet    only the verdict (as `npm run lint` runs it)
//
// Exit code 1 when a rule is broken. Type-only imports count: they are dependencies of the code as written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'backend', 'src');
const showFiles = process.argv.includes('--files');
const quiet = process.argv.includes('--quiet');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `modules/<name>` for a module's files, else the top-level folder (`infra`, `common`, …) or `(root)`. */
function unitOf(path) {
  const parts = relative(SRC, path).split('/');
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  return parts.length === 1 ? '(root)' : parts[0];
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

const edges = new Map();
const problems = [];
for (const file of sourceFiles(SRC)) {
  const from = unitOf(file);
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    const target = resolve(dirname(file), specifier);
    const to = unitOf(target);
    if (from === to) continue;
    const where = `${relative(SRC, file)} → ${specifier}`;
    if (!edges.has(`${from} → ${to}`)) edges.set(`${from} → ${to}`, []);
    edges.get(`${from} → ${to}`).push(where);
    if ((from === 'infra' || from === 'common') && to.startsWith('modules/')) problems.push(`${from} imports a module: ${where}`);
    const throughIndex = relative(join(SRC, to), target) === 'index' || relative(join(SRC, to), target) === '';
    if (from.startsWith('modules/') && to.startsWith('modules/') && !throughIndex) problems.push(`deep import across modules: ${where}`);
  }
}

const moduleEdges = [...edges.keys()].filter((edge) => edge.startsWith('modules/') && edge.split(' → ')[1].startsWith('modules/')).sort();
if (!quiet) console.log('Module folder → module folder:');
for (const edge of quiet ? [] : moduleEdges) {
  console.log(`  ${edge.replaceAll('modules/', '')}`);
  if (showFiles) for (const where of edges.get(edge)) console.log(`      ${where}`);
}
if (showFiles && !quiet) {
  console.log('Other edges:');
  for (const edge of [...edges.keys()].filter((e) => !moduleEdges.includes(e)).sort()) console.log(`  ${edge} (${edges.get(edge).length})`);
}

// Cycles among module folders (depth-first search; each cycle reported once per entry point).
const graph = new Map();
for (const edge of moduleEdges) {
  const [a, b] = edge.split(' → ');
  if (!graph.has(a)) graph.set(a, new Set());
  graph.get(a).add(b);
}
const state = new Map();
const stack = [];
const visit = (node) => {
  state.set(node, 'open');
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'open') problems.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' → ')}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
};
for (const node of graph.keys()) if (!state.has(node)) visit(node);

if (problems.length === 0) {
  console.log('No cycle between module folders; infra/ and common/ import no module; modules import each other through index.ts only.');
} else {
  console.log(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.log(`  ${problem}`);
  process.exitCode = 1;
}
