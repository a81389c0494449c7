import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MetaIntegrationStatus, type CapiMetaAnswer } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { capiConfig } from '../../../config/capi.config';
import { metaConfig } from '../../../config/meta.config';
import { ConnectionBreakers, MetaIntegrationRepository, MetaReauthService, MetaTokenVault } from '../../meta-auth';
import { META_CONVERSIONS_JOBS, META_CONVERSIONS_QUEUE_NAME, sendEventsJobOptions, type SendEventsJobData } from '../meta-conversions.jobs';
import { CapiOutboxRepository, type CapiTarget, type DueBatchStats, type DueEvent } from '../outbox/capi-outbox.repository';
import { buildCrmEvent, serialiseEvents } from './capi-event-builder';
import { capiCallContext, CapiGraphApi, MAX_EVENTS_PER_REQUEST, type GraphEventsAnswer } from './capi-graph.api';
import { decideCapiSendFailure, errorAnswer, failureText, refusedForContent } from './capi-send-failure';
import type { GraphCallContext } from '../../../infra/meta-graph';

/** What the send job does next. */
export type CapiSendOutcome =
  | { next: 'done'; summary: Record<string, unknown> }
  /** Run again at `delayMs` from now without spending an attempt (throttled, or the connection's calls are paused). */
  | { next: 'delay'; delayMs: number }
  /** Let the queue retry with its backoff (the events stay due, same event ids). */
  | { next: 'retry'; error: unknown };

interface SendRun {
  integrationId: string;
  /** The user token the run sends with (ciphertext), so a refusal after a reconnect does not mark the new one. */
  tokenCiphertext: string | null;
  /** The breaker let this run through as its probe. */
  probe: boolean;
  ctx: GraphCallContext;
  isLastAttempt: boolean;
  requests: number;
  accepted: number;
  failed: number;
}

/** Thrown inside a run to stop it with an outcome for the job (caught by `send`, never leaves it). */
class StopRun extends Error {
  constructor(readonly outcome: CapiSendOutcome) {
    super(`Send stopped: ${outcome.next}`);
  }
}

/**
 * Sends an organisation's due events of one dataset: too old ones are marked expired, the rest go 1,000 a request
 * (Meta's per-request maximum) until none is due. A request Meta refuses for its content is split in halves until
 * the event it refuses is alone, so one bad event does not fail a thousand good ones.
 */
@Injectable()
export class CapiSenderService {
  private readonly logger = new Logger(CapiSenderService.name);

  constructor(
    @InjectQueue(META_CONVERSIONS_QUEUE_NAME) private readonly queue: Queue,
    private readonly outbox: CapiOutboxRepository,
    private readonly graph: CapiGraphApi,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly breakers: ConnectionBreakers,
    private readonly reauth: MetaReauthService,
    @Inject(capiConfig.KEY) private readonly capi: ConfigType<typeof capiConfig>,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** Queues the sends of these datasets: at most one waits and one runs per dataset, however many changes came. */
  async enqueue(targets: readonly CapiTarget[], reason: SendEventsJobData['reason']): Promise<void> {
    if (targets.length === 0) return;
    await this.queue.addBulk(
      targets.map((t) => ({
        name: META_CONVERSIONS_JOBS.send,
        data: { organisationId: t.organisationId, datasetId: t.datasetId, reason } satisfies SendEventsJobData,
        opts: sendEventsJobOptions(t.organisationId, t.datasetId, reason),
      })),
    );
  }

  /** The sweep: a send for every dataset with due events (a crash between a change's commit and its enqueue). */
  async sweep(): Promise<{ datasets: number }> {
    const targets = await this.outbox.targetsWithDueEvents();
    await this.enqueue(targets, 'sweep');
    return { datasets: targets.length };
  }

  async send(target: CapiTarget, attempt: { isLastAttempt: boolean }): Promise<CapiSendOutcome> {
    const expired = await this.outbox.expireDue(target);
    const integration = await this.integrations.findLive(target.organisationId);
    if (!integration || integration.status !== MetaIntegrationStatus.Active) {
      // The events wait (and expire after 7 days): the sweep sends them once the connection is back.
      return { next: 'done', summary: { expired, skipped: 'The Meta connection is not active' } };
    }
    const token = this.vault.openUserToken(integration);
    if (!token) return { next: 'done', summary: { expired, skipped: 'No token is stored for the connection' } };
    const gate = await this.breakers.admit(integration.id);
    if (!gate.go) return { next: 'delay', delayMs: gate.delayMs };

    const run: SendRun = {
      integrationId: integration.id,
      tokenCiphertext: integration.accessTokenCiphertext,
      probe: gate.probe,
      ctx: capiCallContext(token),
      isLastAttempt: attempt.isLastAttempt,
      requests: 0,
      accepted: 0,
      failed: 0,
    };
    try {
      for (;;) {
        // The batch's size and age first (cheap, read again at each wake-up while a trickle lingers), its rows when it goes.
        const stats = await this.outbox.dueStats(target, MAX_EVENTS_PER_REQUEST);
        if (stats.count === 0) break;
        const lingerMs = lingerFor(stats, { windowMs: this.capi.batchWindowMs, maxLingerMs: this.capi.maxLingerMs });
        if (lingerMs > 0) {
          // A probe that did not call Meta must say so, or the paused connection would wait for its answer.
          if (run.requests > 0) await this.breakers.succeeded(integration.id);
          else if (gate.probe) await this.breakers.abandoned(integration.id);
          return { next: 'delay', delayMs: lingerMs };
        }
        const due = await this.outbox.due(target, MAX_EVENTS_PER_REQUEST);
        if (due.length === 0) break;
        await this.sendBatch(target, due, run);
      }
    } catch (stop) {
      if (stop instanceof StopRun) return stop.outcome;
      throw stop;
    }
    await this.breakers.succeeded(integration.id);
    return { next: 'done', summary: { expired, requests: run.requests, accepted: run.accepted, failed: run.failed } };
  }

  private async sendBatch(target: CapiTarget, due: DueEvent[], run: SendRun): Promise<void> {
    const ids = due.map((e) => e.id);
    const testEventCode = this.capi.testEventCode;
    const data = serialiseEvents(
      due.map((e) =>
        buildCrmEvent({
          eventName: e.eventName,
          eventId: e.eventId,
          eventTime: e.eventTime,
          metaLeadId: e.metaLeadId,
          email: e.email,
          phoneE164: e.phoneE164,
          leadEventSource: this.capi.leadEventSource,
        }),
      ),
    );
    let answer: GraphEventsAnswer;
    try {
      run.requests++;
      answer = await this.graph.sendEvents(target.datasetId, data, testEventCode, run.ctx);
    } catch (error) {
      const decision = decideCapiSendFailure(error, { isLastAttempt: run.isLastAttempt, rateLimitPauseMs: this.meta.rateLimitPauseMs });
      if (refusedForContent(decision) && due.length > 1) {
        const half = Math.ceil(due.length / 2);
        await this.sendBatch(target, due.slice(0, half), run);
        await this.sendBatch(target, due.slice(half), run);
        return;
      }
      await this.breakers.failedWith(run.integrationId, target.organisationId, error, { probe: run.probe });
      const message = failureText(error, decision);
      const common = { message, answer: errorAnswer(error, decision), testEventCode };
      this.logger.warn(
        { organisationId: target.organisationId, datasetId: target.datasetId, events: due.length, action: decision.action },
        `Conversions API send failed: ${message}`,
      );
      switch (decision.action) {
        case 'fail':
          run.failed += due.length;
          await this.outbox.markAttemptFailed(ids, { ...common, final: true, retryAt: new Date() });
          return;
        case 'retry':
          await this.outbox.markAttemptFailed(ids, { ...common, final: false, retryAt: new Date() });
          throw new StopRun({ next: 'retry', error });
        case 'delay':
          await this.outbox.markAttemptFailed(ids, { ...common, final: false, retryAt: new Date(Date.now() + decision.delayMs) });
          throw new StopRun({ next: 'delay', delayMs: decision.delayMs });
        case 'park':
          await this.outbox.markAttemptFailed(ids, { ...common, final: false, retryAt: new Date() });
          await this.reauth.markReauthRequired(target.organisationId, run.integrationId, message, {
            during: 'capi_send',
            failedUserToken: run.tokenCiphertext,
          });
          throw new StopRun({ next: 'done', summary: { parked: message } });
      }
    }
    run.accepted += due.length;
    await this.outbox.markAccepted(ids, metaAnswer(answer), testEventCode);
  }
}

/** A batch this large is plainly part of a stream: it rides out pauses of up to `MAX_QUIET_WINDOWS` windows. */
export const STREAM_EVENTS = 100;
export const MAX_QUIET_WINDOWS = 3;

/**
 * How long a partial batch should wait for company: while changes keep coming and the oldest has waited less than
 * `maxLingerMs`. "Keep coming" means the newest arrived within the quiet time: one batch window for a small batch (a
 * lone change goes one window after it), growing with the batch to 3 windows at 300 events, so a stream that pauses
 * for a second or two (a busy server) does not cut its batch short; a batch of hundreds waits 2 s more at the end, a
 * small price beside the request it saves. A full batch (1,000, Meta's per-request maximum) goes at once, and so do
 * the sweep's and the replays' events (older than the quiet time). A steady trickle thus leaves 1,000 a request, or
 * whatever came in `maxLingerMs`.
 */
export function lingerFor(due: DueBatchStats, timing: { windowMs: number; maxLingerMs: number }): number {
  const { windowMs, maxLingerMs } = timing;
  if (windowMs <= 0 || due.count >= MAX_EVENTS_PER_REQUEST || due.count === 0) return 0;
  if (due.newestAgeMs === null || due.oldestAgeMs === null) return 0;
  const quietMs = windowMs * Math.min(MAX_QUIET_WINDOWS, Math.max(1, due.count / STREAM_EVENTS));
  const newestAge = due.newestAgeMs;
  const oldestAge = due.oldestAgeMs;
  const cap = Math.max(windowMs, maxLingerMs);
  if (newestAge >= quietMs || oldestAge >= cap) return 0;
  return Math.ceil(Math.min(quietMs - newestAge, cap - oldestAge));
}

function metaAnswer(answer: GraphEventsAnswer): CapiMetaAnswer {
  return {
    eventsReceived: typeof answer.events_received === 'number' ? answer.events_received : null,
    messages: (answer.messages ?? []).map((m) => (typeof m === 'string' ? m : JSON.stringify(m))),
    fbtraceId: answer.fbtrace_id ?? null,
    error: null,
  };
}
