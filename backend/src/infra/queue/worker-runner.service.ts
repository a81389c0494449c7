import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';
import { appConfig, runsWorkers } from '../../config/app.config';
import { queueConfig } from '../../config/queue.config';
import { AppQueues } from './app-queues';
import { StalledJobsLog } from './stalled-jobs-log';

/**
 * Starts every queue worker (created stopped by @WorkerProcessor) when this process's role includes the worker.
 * Closing is left to @nestjs/bullmq, which closes all workers on shutdown.
 *
 * It also gives every queue and worker an `error` listener: without one BullMQ prints connection errors with
 * console.error, outside the JSON log. Errors during shutdown (connections being closed) are expected and dropped.
 * And it logs the jobs each worker's stalled-job check recovers (StalledJobsLog), so a worker that died mid-job
 * shows in the log with the jobs it left behind.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly stalled = new StalledJobsLog(this.logger);
  private shuttingDown = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queues: AppQueues,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(queueConfig.KEY) private readonly queue: ConfigType<typeof queueConfig>,
  ) {}

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  onApplicationBootstrap(): void {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    for (const queue of this.queues.all()) queue.on('error', (error) => this.reportError(`queue ${queue.name}`, error));
    for (const host of hosts) {
      host.worker.on('error', (error) => this.reportError(`worker ${host.worker.name}`, error));
      host.worker.on('stalled', (jobId) => this.stalled.recovered(host.worker.name, jobId));
    }
    if (!runsWorkers(this.app.role)) {
      this.logger.log(`Role "${this.app.role}": ${hosts.length} queue processor(s) left stopped`);
      return;
    }
    for (const host of hosts) {
      const worker = host.worker;
      if (worker.isRunning()) continue;
      applyLockTiming(worker, this.queue);
      worker.run().catch((error: unknown) => this.logger.error({ err: error, queue: worker.name }, 'Worker stopped with an error'));
    }
    this.logger.log(`Role "${this.app.role}": started ${hosts.length} queue processor(s)`);
  }

  private reportError(source: string, error: unknown): void {
    if (this.shuttingDown) return;
    this.logger.warn({ err: error }, `${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Lock and stalled-check timing from configuration. Workers are built by @nestjs/bullmq from decorator options, so
 * the timing is set here, before the worker runs; the lock manager copies the lock times when it is created, so it
 * is created again with them.
 */
function applyLockTiming(worker: Worker, cfg: ConfigType<typeof queueConfig>): void {
  Object.assign(worker.opts, {
    lockDuration: cfg.lockDurationMs,
    lockRenewTime: Math.floor(cfg.lockDurationMs / 2),
    stalledInterval: cfg.stalledIntervalMs,
  });
  (worker as unknown as { createLockManager(): void }).createLockManager();
}
