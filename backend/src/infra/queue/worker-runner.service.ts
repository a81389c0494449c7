import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { appConfig, runsWorkers } from '../../config/app.config';

/**
 * Starts every queue worker (created stopped by @WorkerProcessor) when this process's role includes the worker.
 * Closing is left to @nestjs/bullmq, which closes all workers on shutdown.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onApplicationBootstrap(): void {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    if (!runsWorkers(this.app.role)) {
      this.logger.log(`Role "${this.app.role}": ${hosts.length} queue processor(s) left stopped`);
      return;
    }
    for (const host of hosts) {
      const worker = host.worker;
      if (worker.isRunning()) continue;
      worker.run().catch((error: unknown) => this.logger.error({ err: error, queue: worker.name }, 'Worker stopped with an error'));
    }
    this.logger.log(`Role "${this.app.role}": started ${hosts.length} queue processor(s)`);
  }
}
