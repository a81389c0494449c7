#!/usr/bin/env node
// `npm run check`: lint, the format check and the type-check. Lint runs beside the other two (each is mostly one
// core's work, and lint alone takes as long as both), and each step's output is printed whole when it ends, so the
// output reads step by step. Every step runs even when another failed, so one run names every kind of problem; the
// exit code is 1 when any step failed. `npm test` runs it as its first suite, `check`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lanes = [['lint'], ['format:check', 'typecheck']];

const results = (await Promise.all(lanes.map((steps) => runLane(steps)))).flat();
console.log(`\ncheck: ${results.map(({ step, ok, seconds }) => `${step} ${ok ? 'ok' : 'FAILED'} in ${seconds}s`).join(', ')}`);
process.exit(results.every(({ ok }) => ok) ? 0 : 1);

async function runLane(steps) {
  const results = [];
  for (const step of steps) results.push(await runStep(step));
  return results;
}

function runStep(step) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', step], { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let ended = false;
    const done = (ok) => {
      if (ended) return; // a spawn error may be followed by close
      ended = true;
      process.stdout.write(`\n--- check: npm run ${step}\n${Buffer.concat(output).toString()}`);
      resolve({ step, ok, seconds: ((Date.now() - started) / 1000).toFixed(0) });
    };
    child.once('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      done(false);
    });
    child.once('close', (code) => done(code === 0));
  });
}
