import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  HandlesWebhookField,
  type ChangeProgress,
  type InboxChange,
  type LeadgenChange,
  type WebhookFieldHandler,
} from '../../meta-webhook';
import { LEADGEN_JOB_NAME, LEADGEN_JOB_OPTIONS, leadgenJobId, META_LEADS_QUEUE_NAME, type LeadgenJobData } from '../meta-leads.jobs';
import { LEAD_PROGRESS_SQL, leadProgress, leadProgressParams, type LeadProgressCounts } from './lead-progress';

/**
 * Lead capture's handler of the webhook's `leadgen` changes: one `leadgen` job per change (deterministic id, so the
 * same lead queued twice is one job), whether a lead's job still exists, and where each lead stands (its timeline).
 */
@Injectable()
@HandlesWebhookField('leadgen')
export class LeadgenFieldHandler implements WebhookFieldHandler {
  readonly field = 'leadgen';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(META_LEADS_QUEUE_NAME) private readonly queue: Queue<LeadgenJobData>,
  ) {}

  async enqueue(changes: readonly InboxChange[]): Promise<void> {
    await this.queue.addBulk(changes.map(toJob));
  }

  /** One lookup per lead, sent together. */
  async withoutJob(leads: readonly LeadgenChange[]): Promise<LeadgenChange[]> {
    const jobs = await Promise.all(leads.map((lead) => this.queue.getJob(leadgenJobId(lead.pageId, lead.leadgenId))));
    return leads.filter((_, i) => jobs[i] === undefined);
  }

  async progress(leads: readonly LeadgenChange[]): Promise<ChangeProgress[]> {
    const counts = (await this.db.query(LEAD_PROGRESS_SQL, leadProgressParams(leads))) as LeadProgressCounts[];
    const byN = new Map(counts.map((c) => [c.n, c]));
    return leads.map((_, i) => leadProgress(byN.get(i + 1)!));
  }
}

function toJob({ change: lead, inbox }: InboxChange) {
  const data: LeadgenJobData = {
    leadgenId: lead.leadgenId,
    pageId: lead.pageId,
    formId: lead.formId,
    adId: lead.adId,
    adgroupId: lead.adgroupId,
    createdTime: lead.createdTime,
    inboxId: inbox.id,
    receivedAt: new Date(inbox.receivedAt).toISOString(),
  };
  return { name: LEADGEN_JOB_NAME, data, opts: { ...LEADGEN_JOB_OPTIONS, jobId: leadgenJobId(lead.pageId, lead.leadgenId) } };
}
