import { Injectable } from '@nestjs/common';
import { MetadataScanner, type DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JobHandler } from './job-handler.decorator';
import { jobHandlerProblems, JobRegistry } from './job-registry';
import { declareQueue } from './queue-declaration';

const leads = declareQueue<{ leadgen: { id: string }; 'reconcile-all': object }>({
  name: 'leads',
  jobs: { leadgen: { concurrency: 2 }, 'reconcile-all': {} },
});
const health = declareQueue<{ check: object }>({ name: 'health', jobs: { check: {} } });

describe(jobHandlerProblems.name, () => {
  const handler = (queue: string, name: string, owner = `${queue}.${name}`) => ({ queue, name, owner });

  it('accepts exactly one handler per declared job name', () => {
    expect(
      jobHandlerProblems([leads, health], [handler('leads', 'leadgen'), handler('leads', 'reconcile-all'), handler('health', 'check')]),
    ).toEqual([]);
  });

  it('names a declared job without a handler, a job with two, and handlers of undeclared jobs and queues', () => {
    expect(
      jobHandlerProblems(
        [leads, health],
        [
          handler('leads', 'leadgen', 'A.run'),
          handler('leads', 'leadgen', 'B.run'),
          handler('leads', 'reconcile-form', 'C.sweep'),
          handler('housekeeping', 'prune', 'D.prune'),
        ],
      ),
    ).toEqual([
      'job "leadgen" of queue leads has 2 handlers (A.run, B.run)',
      'job "reconcile-all" of queue leads has no handler',
      'job "check" of queue health has no handler',
      'C.sweep handles "reconcile-form", which queue leads does not declare',
      'D.prune handles "prune" of queue housekeeping, which is not declared',
    ]);
  });
});

describe(JobRegistry.name, () => {
  @Injectable()
  class LeadJobs {
    seen: string[] = [];
    @JobHandler(leads, 'leadgen')
    async leadgen(job: Job<{ id: string }>) {
      this.seen.push(job.data.id);
      return 'read';
    }
    @JobHandler(leads, 'reconcile-all')
    async reconcileAll() {
      return 'swept';
    }
    /** Not a handler: ignored. */
    helper() {
      return 'nothing';
    }
  }

  @Injectable()
  class HealthJobs {
    @JobHandler(health, 'check')
    async check() {
      return 'checked';
    }
  }

  @Injectable()
  class AnotherLeadgen {
    @JobHandler(leads, 'leadgen')
    async leadgen() {
      return 'twice';
    }
  }

  const discovering = (...instances: object[]) =>
    ({ getProviders: () => instances.map((instance) => ({ instance, metatype: instance.constructor })) }) as unknown as DiscoveryService;

  it('finds the handlers among the providers and routes each queue’s jobs to them', async () => {
    const lead = new LeadJobs();
    // The same instance under a second token (useExisting) is one handler.
    const sut = new JobRegistry([leads, health], discovering(lead, new HealthJobs(), lead, { plain: true }), new MetadataScanner());
    sut.onModuleInit();
    await expect(sut.router('leads').route({ name: 'leadgen', data: { id: '7' } } as Job)).resolves.toBe('read');
    expect(lead.seen).toEqual(['7']);
    await expect(sut.router('health').route({ name: 'check', data: {} } as Job)).resolves.toBe('checked');
    expect(sut.router('leads').concurrency).toBe(3);
  });

  it('refuses to start when a job name has two handlers, or none', () => {
    const twice = new JobRegistry(
      [leads, health],
      discovering(new LeadJobs(), new HealthJobs(), new AnotherLeadgen()),
      new MetadataScanner(),
    );
    expect(() => twice.onModuleInit()).toThrow('job "leadgen" of queue leads has 2 handlers (LeadJobs.leadgen, AnotherLeadgen.leadgen)');
    const missing = new JobRegistry([leads, health], discovering(new LeadJobs()), new MetadataScanner());
    expect(() => missing.onModuleInit()).toThrow('job "check" of queue health has no handler');
  });
});
