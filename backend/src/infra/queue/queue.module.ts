import { BullModule } from '@nestjs/bullmq';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { OPS_ROUTES } from '@legeai/contracts';
import { databaseConfig } from '../../config/database.config';
import { queueConfig } from '../../config/queue.config';
import { AppQueues } from './app-queues';
import { BullBoardAuthMiddleware } from './bull-board-auth.middleware';
import { selfContainedBoardUi } from './bull-board-ui';
import { JobRegistry, QUEUE_DECLARATIONS } from './job-registry';
import { buildQueueOptions } from './queue-connection';
import type { QueueDeclaration } from './queue-declaration';
import { queueProcessor } from './queue-processor';
import { WorkerRunner } from './worker-runner.service';

/**
 * The queue connection (Redis or PostgreSQL), the declared queues (one per capability, from app.queues.ts) with one
 * processor each that routes jobs to their @JobHandler methods (JobRegistry, which refuses to start on a job name
 * without exactly one handler), Bull Board, and the runner that starts processors in worker roles. Global, so
 * features inject their queue with `@InjectQueue(name)` without registering it again.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(queues: readonly QueueDeclaration[]): DynamicModule {
    const names = queues.map(({ name }) => ({ name }));
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [queueConfig.KEY, databaseConfig.KEY],
          useFactory: (queue: ConfigType<typeof queueConfig>, db: ConfigType<typeof databaseConfig>) =>
            buildQueueOptions(queue, db.url, queues.length),
        }),
        BullModule.registerQueue(...names),
        BullBoardModule.forRoot({
          route: OPS_ROUTES.queues,
          adapter: FastifyAdapter,
          middleware: BullBoardAuthMiddleware,
          boardOptions: { uiBasePath: selfContainedBoardUi(), uiConfig: { boardTitle: 'LEGEAI queues' } },
        }),
        BullBoardModule.forFeature(...names.map(({ name }) => ({ name, adapter: BullMQAdapter }))),
      ],
      providers: [{ provide: QUEUE_DECLARATIONS, useValue: queues }, JobRegistry, AppQueues, ...queues.map(queueProcessor), WorkerRunner],
      exports: [BullModule, AppQueues],
    };
  }
}
