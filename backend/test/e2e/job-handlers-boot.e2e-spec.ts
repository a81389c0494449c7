/**
 * The application refuses to start when its queues' jobs and their handlers do not match (JobRegistry): a job name
 * handled twice, or a handler of a job its queue does not declare. Booted like main.ts, with one module more that
 * breaks the rule; the same boot without it is every other e2e test.
 */
import { Injectable, Module, type Type } from '@nestjs/common';
import { JobHandler } from '../../src/infra/queue/job-handler.decorator';
import { declareQueue } from '../../src/infra/queue/queue-declaration';
import { LEADGEN_JOB_NAME, META_LEADS_QUEUE } from '../../src/modules/meta-leads';
import { createTestApp } from '../utils/create-test-app';

@Injectable()
class SecondLeadgenHandler {
  @JobHandler(META_LEADS_QUEUE, LEADGEN_JOB_NAME)
  async run(): Promise<void> {}
}

@Module({ providers: [SecondLeadgenHandler] })
class SecondLeadgenModule {}

/** A queue the application does not declare (the old housekeeping queue, say). */
const RETIRED = declareQueue<{ prune: object }>({ name: 'housekeeping', jobs: { prune: {} } });

@Injectable()
class RetiredQueueHandler {
  @JobHandler(RETIRED, 'prune')
  async prune(): Promise<void> {}
}

@Module({ providers: [RetiredQueueHandler] })
class RetiredQueueModule {}

describe('job handlers checked at boot (e2e)', () => {
  it.each<[string, Type, string]>([
    [
      'a job name with two handlers',
      SecondLeadgenModule,
      'job "leadgen" of queue meta-leads has 2 handlers (LeadgenJobHandler.run, SecondLeadgenHandler.run)',
    ],
    [
      'a handler of a queue nobody declares',
      RetiredQueueModule,
      'RetiredQueueHandler.prune handles "prune" of queue housekeeping, which is not declared',
    ],
  ])('refuses to start with %s', async (_what, broken, problem) => {
    const outcome = await createTestApp({ imports: [broken] }).then(
      (app) => app,
      (error: Error) => error,
    );
    if (!(outcome instanceof Error)) {
      await outcome.close();
      throw new Error('The application started');
    }
    expect(outcome.message).toContain(problem);
  });
});
