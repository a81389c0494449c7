import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, register as sharedRegistry, Registry } from 'prom-client';
import { AppQueues } from '../queue/app-queues';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/**
 * Prometheus metrics on a registry of this app's own (not prom-client's global one), so several app instances in one
 * process (tests) do not collide.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(queues: AppQueues) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state, read from the queue backend at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.all().map(async (queue) => {
            const counts = await queue.getJobCounts(...JOB_STATES).catch(() => undefined);
            if (!counts) return;
            for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  /**
   * This app's metrics plus those that library-level code (the Graph client) records on prom-client's shared
   * registry, whose metrics are module singletons and so cannot live on a per-app registry.
   */
  render(): Promise<string> {
    return Registry.merge([this.registry, sharedRegistry]).metrics();
  }
}
