import { BullModule } from '@nestjs/bullmq';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { OPS_ROUTES } from '@legeai/contracts';
import { databaseConfig } from '../../config/database.config';
import { queueConfig } from '../../config/queue.config';
import { BullBoardAuthMiddleware } from './bull-board-auth.middleware';
import { buildQueueOptions } from './queue-connection';
import { QUEUE_NAMES } from './queue-names';
import { WorkerRunner } from './worker-runner.service';

const queues = QUEUE_NAMES.map((name) => ({ name }));

/**
 * The queue connection (Redis or PostgreSQL), every application queue, Bull Board, and the runner that starts
 * processors in worker roles. Global, so features inject queues with `@InjectQueue(QUEUES.x)` without re-registering.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [queueConfig.KEY, databaseConfig.KEY],
      useFactory: (queue: ConfigType<typeof queueConfig>, db: ConfigType<typeof databaseConfig>) =>
        buildQueueOptions(queue, db.url),
    }),
    BullModule.registerQueue(...queues),
    BullBoardModule.forRoot({
      route: OPS_ROUTES.queues,
      adapter: ExpressAdapter,
      middleware: BullBoardAuthMiddleware,
      boardOptions: { uiConfig: { boardTitle: 'LEGEAI queues' } },
    }),
    BullBoardModule.forFeature(...queues.map(({ name }) => ({ name, adapter: BullMQAdapter }))),
  ],
  providers: [WorkerRunner],
  exports: [BullModule],
})
export class QueueModule {}
