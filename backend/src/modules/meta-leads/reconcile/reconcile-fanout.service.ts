import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { MetaIntegrationStatus } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { MetaGraphError } from '../../../infra/meta-graph';
import { decideGraphSync, ONE_OFF_CALL } from '../../../infra/meta-sync';
import { MetaAssetsService, MetaLeadFormsRepository } from '../../meta-assets';
import { MetaIntegrationRepository, MetaReauthService } from '../../meta-auth';
import {
  LEAD_RECONCILE_JOBS,
  META_LEADS_QUEUE_NAME,
  RECONCILE_FORM_JOB_OPTIONS,
  reconcileFormJobId,
  type ReconcileFormJobData,
} from '../meta-leads.jobs';

export interface FanoutResult {
  integrations: number;
  /** Connections skipped because they wait for a reconnect. */
  paused: number;
  formsAdded: number;
  enqueued: number;
}

/**
 * The scheduled run: for every live connection, re-reads the pages' lead forms (so a form created since the last
 * run is swept too; new forms default to auto-sync) and enqueues one sweep job per auto-sync form. Connections in
 * reauth_required are paused: skipped, not failed.
 */
@Injectable()
export class ReconcileFanoutService {
  private readonly logger = new Logger(ReconcileFanoutService.name);

  constructor(
    private readonly forms: MetaLeadFormsRepository,
    @InjectQueue(META_LEADS_QUEUE_NAME) private readonly queue: Queue,
    private readonly integrations: MetaIntegrationRepository,
    private readonly assets: MetaAssetsService,
    private readonly reauth: MetaReauthService,
  ) {}

  /** `runKey` identifies the scheduled run, so a retried run enqueues the same job ids (ignored by BullMQ). */
  async enqueueSweeps(runKey: number): Promise<FanoutResult> {
    const result: FanoutResult = { integrations: 0, paused: 0, formsAdded: 0, enqueued: 0 };
    for (const integration of await this.integrations.findAllLive()) {
      result.integrations++;
      if (integration.status !== MetaIntegrationStatus.Active) {
        result.paused++;
        continue;
      }
      const organisationId = integration.organisationId;
      try {
        result.formsAdded += (await this.assets.syncForms(organisationId)).added;
      } catch (error) {
        if (error instanceof MetaGraphError && decideGraphSync(error, ONE_OFF_CALL).action === 'park') {
          const reason = `Meta refused the token while listing lead forms: ${error.message}`;
          await this.reauth.markReauthRequired(organisationId, integration.id, reason, { during: 'lead_reconcile' });
          result.paused++;
          continue;
        }
        // The forms already known can still be swept; discovery is tried again next run.
        this.logger.warn({ msg: 'Lead form discovery failed before the sweep', organisationId, error: (error as Error).message });
      }
      const forms = await this.forms.autoSyncFormIds(organisationId);
      await this.queue.addBulk(
        forms.map((leadFormId) => ({
          name: LEAD_RECONCILE_JOBS.form,
          data: { organisationId, leadFormId } satisfies ReconcileFormJobData,
          opts: { ...RECONCILE_FORM_JOB_OPTIONS, jobId: reconcileFormJobId(leadFormId, runKey) },
        })),
      );
      result.enqueued += forms.length;
    }
    return result;
  }
}
