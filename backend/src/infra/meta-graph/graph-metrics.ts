import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';
import type { ScopePause } from './usage-pacer';

export interface GraphCallLabels {
  method: string;
  path: string;
  status: string;
  kind: string;
}

/** Per-call metrics of the Graph client (prom-client, default registry, exposed by the app's /metrics). */
export interface GraphMetrics {
  observeCall(labels: GraphCallLabels, seconds: number): void;
  /** Registers where the paused-scopes gauge reads its value from; returns an unregister function. */
  trackPauses(source: () => ScopePause[]): () => void;
}

const pauseSources = new Set<() => ScopePause[]>();

function singleton<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function createGraphMetrics(registry: Registry = register): GraphMetrics {
  const calls = singleton(
    registry,
    'meta_graph_requests_total',
    () =>
      new Counter({
        name: 'meta_graph_requests_total',
        help: 'HTTP calls to the Meta Graph API by method, path template, status and error kind',
        labelNames: ['method', 'path', 'status', 'kind'],
        registers: [registry],
      }),
  );
  const latency = singleton(
    registry,
    'meta_graph_request_duration_seconds',
    () =>
      new Histogram({
        name: 'meta_graph_request_duration_seconds',
        help: 'Latency of HTTP calls to the Meta Graph API',
        labelNames: ['method', 'path'],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
        registers: [registry],
      }),
  );
  singleton(
    registry,
    'meta_graph_paused_scopes',
    () =>
      new Gauge({
        name: 'meta_graph_paused_scopes',
        help: 'Scopes (app, ad account, business) currently paused because of Meta rate limits',
        labelNames: ['scope'],
        registers: [registry],
        collect() {
          this.reset();
          const counts: Record<string, number> = { app: 0, ad_account: 0, business: 0 };
          for (const source of pauseSources) for (const p of source()) counts[p.scope] = (counts[p.scope] ?? 0) + 1;
          for (const [scope, n] of Object.entries(counts)) this.set({ scope }, n);
        },
      }),
  );
  return {
    observeCall(labels, seconds) {
      calls.inc({ ...labels });
      latency.observe({ method: labels.method, path: labels.path }, seconds);
    },
    trackPauses(source) {
      pauseSources.add(source);
      return () => pauseSources.delete(source);
    },
  };
}

/**
 * A low-cardinality label for a Graph path: ids become `{id}` so `/act_123/campaigns` and
 * `/act_456/campaigns` share one series.
 */
export function pathTemplate(path: string): string {
  const clean = path.split('?')[0].replace(/^\/?v\d+\.\d+(?=\/|$)/, '');
  const segments = clean
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('act_') ? 'act_{id}' : /^\d+(_\d+)?$/.test(s) ? '{id}' : s));
  return `/${segments.join('/')}`;
}
