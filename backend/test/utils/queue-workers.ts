import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

/** The BullMQ worker of a queue's processor (QueueModule makes one per declared queue). */
export function workerOf(app: INestApplicationContext, queue: string): Worker {
  const host = app
    .get(DiscoveryService)
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .find((instance): instance is WorkerHost => instance instanceof WorkerHost && instance.worker.name === queue);
  if (!host) throw new Error(`No processor for queue ${queue}`);
  return host.worker;
}
