import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConnectionBreakerStore } from './connection-breaker.store';

export type BreakerTransition = 'opened' | 'probe' | 'reopened' | 'closed';

/**
 * /metrics for the connections' breakers: how many connections have their Graph calls paused (read from the
 * database at scrape time, so every process reports the same number), and the transitions this process made.
 */
export class ConnectionBreakerMetrics {
  private readonly transitions: Counter<'to'>;

  constructor(registry: Registry, store: ConnectionBreakerStore) {
    new Gauge({
      name: 'meta_graph_paused_connections',
      help: 'Connections whose Graph calls are paused by their circuit breaker (open: waiting for a probe; half_open: a probe is out)',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const counts = await store.countPaused().catch(() => undefined);
        this.reset();
        if (!counts) return;
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    this.transitions = new Counter({
      name: 'meta_graph_breaker_transitions_total',
      help: 'Circuit breaker transitions made by this process: opened, probe (a call claimed the probe), reopened (a probe failed), closed',
      labelNames: ['to'] as const,
      registers: [registry],
    });
  }

  count(transition: BreakerTransition): void {
    this.transitions.inc({ to: transition });
  }
}
