import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUE_DECLARATIONS } from './job-registry';
import type { QueueDeclaration } from './queue-declaration';

/** The application's queues, for what looks at all of them (metrics, health, error listeners). */
@Injectable()
export class AppQueues {
  constructor(
    @Inject(QUEUE_DECLARATIONS) readonly declarations: readonly QueueDeclaration[],
    private readonly moduleRef: ModuleRef,
  ) {}

  names(): string[] {
    return this.declarations.map((q) => q.name);
  }

  get(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): Queue[] {
    return this.names().map((name) => this.get(name));
  }
}
