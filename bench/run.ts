/**
 * `npm run bench` (full) or `npm run bench -- --quick` (small sizes, well under a minute).
 * `--only=<id>[,<id>]` runs some of: signature, durable, drain (the drain also reports Graph efficiency), drain-pg (the
 * same drain with the queues on PostgreSQL, as `npm start` runs them without Redis), ads-sync, catalog-sync,
 * lead-store, console-size, insights-dashboard, insights-pull, capi, outgoing-webhooks.
 * Each benchmark starts what it needs (the built backend as a child process on its own database, baselines as
 * child processes, the Meta sandbox in this process) and stops it before the next one starts.
 */
import { cpus } from 'node:os';
import * as adsSync from './ads-sync.bench';
import * as capi from './capi.bench';
import * as catalogSync from './catalog-sync.bench';
import * as consoleSize from './console-size.bench';
import * as drain from './drain.bench';
import * as insightsDashboard from './insights-dashboard.bench';
import * as durable from './ingest-durable.bench';
import * as insightsPull from './insights-pull.bench';
import * as signature from './ingest-signature.bench';
import * as leadStore from './lead-store.bench';
import * as outgoingWebhooks from './outgoing-webhooks.bench';
import { BenchResult, printResult, printSummary } from './lib/report';
import { BenchSettings, FULL, QUICK } from './lib/settings';

const BENCHMARKS: { id: string; name: string; run: (s: BenchSettings) => Promise<BenchResult[] | BenchResult> }[] = [
  { id: 'signature', name: signature.NAME, run: signature.run },
  { id: 'durable', name: durable.NAME, run: durable.run },
  { id: 'drain', name: drain.NAME, run: (s) => drain.run(s) },
  { id: 'drain-pg', name: drain.NAME_POSTGRES, run: (s) => drain.run(s, 'postgres') },
  { id: 'ads-sync', name: adsSync.NAME, run: adsSync.run },
  { id: 'catalog-sync', name: catalogSync.NAME, run: catalogSync.run },
  { id: 'lead-store', name: leadStore.NAME, run: leadStore.run },
  { id: 'console-size', name: consoleSize.NAME, run: consoleSize.run },
  { id: 'insights-dashboard', name: insightsDashboard.NAME, run: insightsDashboard.run },
  { id: 'insights-pull', name: insightsPull.NAME, run: insightsPull.run },
  { id: 'capi', name: capi.NAME, run: capi.run },
  { id: 'outgoing-webhooks', name: outgoingWebhooks.NAME, run: outgoingWebhooks.run },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const settings: BenchSettings = args.includes('--quick') ? { ...QUICK } : { ...FULL };
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const leads = args.find((a) => a.startsWith('--leads='));
  if (leads) settings.drainLeads = Number(leads.slice('--leads='.length));
  const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));

  console.log(
    `LEGEAI Meta Connect benchmarks (${settings.quick ? 'quick' : 'full'}): node ${process.version}, ${cpus().length} cores, ` +
      `${settings.connections} connections, ${settings.rounds} × ${settings.durationSeconds} s per server after ${settings.warmupSeconds} s warm-up; ` +
      `drain ${settings.drainLeads} leads at ${settings.graphLatencyMs} ms Graph latency`,
  );
  const results: BenchResult[] = [];
  let failed = false;
  for (const bench of selected) {
    const started = Date.now();
    process.stdout.write(`\n… ${bench.name}\n`);
    try {
      const out = await bench.run(settings);
      for (const result of Array.isArray(out) ? out : [out]) {
        printResult(result);
        results.push(result);
      }
    } catch (error) {
      failed = true;
      console.error(`  ${bench.name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  printSummary(results);
  // A MISS is a measurement, not a failure of the harness; only a benchmark that could not run fails the command.
  process.exit(failed ? 1 : 0);
}

void main();
