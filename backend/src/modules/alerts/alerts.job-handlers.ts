import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler } from '../../infra/queue/job-handler.decorator';
import { ALERTS_JOBS, ALERTS_QUEUE, type OrganisationJobData, type SendMailJobData } from './alerts.jobs';
import { AlertsSweepService } from './delivery/alerts-sweep.service';
import { MailSenderService } from './delivery/mail-sender.service';
import { AlertEvaluatorService } from './evaluate/alert-evaluator.service';
import { NewLeadNoticesService } from './new-leads/new-lead-notices.service';

/** Thin: each job calls the service that decides. A mail's retries are its row's (MailSenderService). */
@Injectable()
export class AlertsJobHandlers {
  constructor(
    private readonly evaluator: AlertEvaluatorService,
    private readonly sender: MailSenderService,
    private readonly newLeads: NewLeadNoticesService,
    private readonly sweeper: AlertsSweepService,
  ) {}

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.evaluateAll)
  evaluateAll(): Promise<object> {
    return this.evaluator.enqueueAll();
  }

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.evaluateOrganisation)
  evaluateOrganisation(job: Job<OrganisationJobData>): Promise<object> {
    return this.evaluator.evaluate(job.data.organisationId);
  }

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.sendMail)
  async sendMail(job: Job<SendMailJobData>): Promise<object> {
    return { outcome: await this.sender.send(job.data.mailId) };
  }

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.dispatchNewLeads)
  dispatchNewLeads(job: Job<OrganisationJobData>): Promise<object> {
    return this.newLeads.dispatch(job.data.organisationId);
  }

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.sendDigests)
  sendDigests(): Promise<object> {
    return this.newLeads.sendDigests();
  }

  @JobHandler(ALERTS_QUEUE, ALERTS_JOBS.sweep)
  sweep(): Promise<object> {
    return this.sweeper.sweep();
  }
}
