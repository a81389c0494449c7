import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { MetaIntegrationStatus, type DateRange } from '@legeai/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { insightsConfig } from '../../../config/insights.config';
import { metaConfig } from '../../../config/meta.config';
import { MetaGraphError, type GraphCallContext } from '../../../infra/meta-graph';
import { graphSyncPolicy } from '../../../infra/meta-sync';
import { AdAssetsDirectory } from '../../meta-assets';
import {
  ConnectionBreakers,
  MetaIntegrationRepository,
  MetaReauthService,
  MetaTokenVault,
  pauseMessage,
  type MetaIntegration,
} from '../../meta-auth';
import { attributionOf, factOf, type GraphInsightRow, type RowContext } from '../graph/insight-rows';
import { InsightsCallCounter, InsightsGraphApi, insightsParams } from '../graph/insights-graph.api';
import type { PullAccountJobData } from '../meta-insights.jobs';
import { InsightAccountsRepository, type InsightAccount } from '../repositories/insight-accounts.repository';
import { InsightFactsRepository } from '../repositories/insight-facts.repository';
import { InsightPullsRepository, type PullCounts, type StoredPull } from '../repositories/insight-pulls.repository';
import { dayCount } from './insight-days';
import { InsightsBudget } from './insights-budget';
import { PULL_UNITS, unitKey, type PullUnit } from './pull-units';
import { InsightsDayFailedError, ReportRunFailedError, runWithSplits } from './report-splitter';

/** What the job does next. */
export type InsightsPullOutcome =
  | { next: 'done'; summary: Record<string, unknown> }
  /** Run again at `delayMs` without spending an attempt (throttled, another pull of the account runs, breaker open). */
  | { next: 'delay'; delayMs: number; throttled?: boolean }
  | { next: 'retry'; error: unknown }
  | { next: 'fail'; message: string };

/** The account facts a pull runs with. */
interface AccountFacts {
  timeZone: string;
  currency: string;
  attributionSetting: string | null;
  attributionWindows: string[];
}

/** Zone, currency and attribution setting change rarely: read again once a day, not on every pull. */
const ACCOUNT_FACTS_MAX_AGE_MS = 24 * 3_600_000;
/** How long a pull waits for another pull of the same account to end before trying again. */
const BUSY_ACCOUNT_DELAY_MS = 15_000;
const MAX_THROTTLE_DELAY_MS = 3_600_000;
const MAX_POLL_WAIT_MS = 30_000;

const insightsSyncPolicy = graphSyncPolicy({
  reconnect: 'Meta no longer accepts the token: reconnect the Meta account; the insights pulls resume after',
  retriesExhausted: 'Retries ran out; the next scheduled pull reads these days again',
  permissionUnnamed: 'Meta refused to read insights: check that the app has ads_read and that the user can see the ad account',
});

/**
 * Runs one pull of one ad account: for each report (level, breakdown) the range's daily rows, read sync for short
 * ranges and through async report runs for long ones (a run that fails or times out is run again as two halves,
 * recursively), written in place as they arrive. Meta's insights throttle (the budget header, or a refusal) pauses
 * the pull until the regain time, longer each time, and it resumes at the report it stopped at; every other failure
 * goes through the shared sync policy.
 */
@Injectable()
export class InsightsPullService {
  private readonly logger = new Logger(InsightsPullService.name);

  constructor(
    private readonly graph: InsightsGraphApi,
    private readonly pulls: InsightPullsRepository,
    private readonly accounts: InsightAccountsRepository,
    private readonly facts: InsightFactsRepository,
    private readonly directory: AdAssetsDirectory,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly breakers: ConnectionBreakers,
    private readonly reauth: MetaReauthService,
    @Inject(insightsConfig.KEY) private readonly config: ConfigType<typeof insightsConfig>,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  async run(
    job: PullAccountJobData,
    attempt: { isLastAttempt: boolean },
    saveProgress: (done: string[]) => Promise<void>,
  ): Promise<InsightsPullOutcome> {
    const pull = await this.pulls.find(job.pullId);
    if (!pull || pull.status === 'succeeded' || pull.status === 'failed')
      return { next: 'done', summary: { skipped: 'pull already ended' } };
    const { organisationId, adAccountId } = pull;

    const integration = await this.integrations.findLive(organisationId);
    const account = await this.directory.adAccount(organisationId, adAccountId);
    if (!integration || integration.status !== MetaIntegrationStatus.Active || !account?.isActive) {
      const message =
        !integration || integration.status !== MetaIntegrationStatus.Active
          ? 'The Meta connection is not active (reconnect needed or disconnected)'
          : 'The ad account is no longer reachable through the connection';
      await this.pulls.finish(pull.id, 'failed', message);
      return { next: 'done', summary: { skipped: message } };
    }
    const state = await this.accounts.find(organisationId, adAccountId);
    const throttledFor = state?.throttledUntil ? Date.parse(state.throttledUntil) - Date.now() : 0;
    if (throttledFor > 0) {
      // Not one call while Meta's throttle holds: each would lengthen it.
      await this.pulls.requeue(pull.id, state!.lastError ?? "Paused by Meta's insights throttle");
      return { next: 'delay', delayMs: throttledFor };
    }
    const token = this.vault.openUserToken(integration);
    if (!token) {
      await this.pulls.finish(pull.id, 'failed', 'No token is stored for the connection');
      return { next: 'done', summary: { skipped: 'no token' } };
    }
    const gate = await this.breakers.admit(integration.id);
    if (!gate.go) {
      await this.pulls.requeue(pull.id, pauseMessage(gate.pause));
      return { next: 'delay', delayMs: gate.delayMs };
    }
    if (!(await this.pulls.claim(pull.id))) return { next: 'delay', delayMs: BUSY_ACCOUNT_DELAY_MS };

    const budget = new InsightsBudget(this.config.throttlePausePct);
    const counter = new InsightsCallCounter(budget.assertOpen);
    // The insights calls of an account are paced on its own scopes; a paused scope fails at once instead of waiting.
    const ctx: GraphCallContext = { accessToken: token, adAccountId, onPaused: 'fail', onHeaders: budget.observe };
    const counts: PullCounts = { graphRequests: 0, asyncRuns: 0, splits: 0, rowsWritten: 0, rowsRestated: 0 };
    const done = new Set(job.done ?? []);
    const flush = async () => {
      const delta = { ...counts, graphRequests: counter.graphRequests, asyncRuns: counter.asyncRuns };
      counter.graphRequests = 0;
      counter.asyncRuns = 0;
      Object.assign(counts, { splits: 0, rowsWritten: 0, rowsRestated: 0 });
      await this.pulls.addCounts(pull.id, delta);
      return delta;
    };
    const totals: PullCounts = { graphRequests: 0, asyncRuns: 0, splits: 0, rowsWritten: 0, rowsRestated: 0 };
    const addUp = (delta: PullCounts) => {
      for (const key of Object.keys(totals) as (keyof PullCounts)[]) totals[key] += delta[key];
    };
    try {
      const facts = await this.accountFacts(pull, state, ctx, counter);
      const rowCtx: RowContext = { organisationId, adAccountId, currency: facts.currency, attributionSetting: facts.attributionSetting };
      for (const unit of PULL_UNITS) {
        if (done.has(unitKey(unit))) continue;
        await this.pullUnit(pull, unit, facts, rowCtx, ctx, counter, counts);
        done.add(unitKey(unit));
        addUp(await flush());
        await saveProgress([...done]);
      }
      await this.breakers.succeeded(integration.id);
    } catch (error) {
      addUp(await flush().catch(() => counts));
      await this.breakers.failedWith(integration.id, organisationId, error, { probe: gate.probe });
      return this.failed(pull, integration, error, attempt, job.throttles ?? 0);
    }
    await this.pulls.finish(pull.id, 'succeeded');
    await this.accounts.pulled(organisationId, adAccountId, pull.trigger === 'backfill' ? pull.range.since : null);
    return { next: 'done', summary: { pullId: pull.id, adAccountId, ...totals } };
  }

  /** The stored facts when fresh, else Meta's (one request), saved for the pulls and the dashboard. */
  private async accountFacts(
    pull: StoredPull,
    state: InsightAccount | null,
    ctx: GraphCallContext,
    counter: InsightsCallCounter,
  ): Promise<AccountFacts> {
    if (state && Date.now() - state.updatedAt.getTime() < ACCOUNT_FACTS_MAX_AGE_MS) {
      return {
        timeZone: state.timeZone,
        currency: state.currency,
        attributionSetting: state.attributionSetting,
        attributionWindows: state.attributionSetting ? (state.attributionSetting.match(/\d+d_[a-z]+/g) ?? []) : [],
      };
    }
    const read = await this.graph.readAccount(pull.adAccountId, ctx, counter);
    const attribution = attributionOf(read.attribution_spec);
    const facts: AccountFacts = {
      timeZone: read.timezone_name ?? state?.timeZone ?? 'UTC',
      currency: (read.currency ?? state?.currency ?? 'USD').toUpperCase(),
      attributionSetting: attribution.name,
      attributionWindows: attribution.windows,
    };
    await this.accounts.saveFacts(pull.organisationId, pull.adAccountId, facts);
    return facts;
  }

  /** One report over the pull's range: sync when short, else async runs split on failure. */
  private async pullUnit(
    pull: StoredPull,
    unit: PullUnit,
    facts: AccountFacts,
    rowCtx: RowContext,
    ctx: GraphCallContext,
    counter: InsightsCallCounter,
    counts: PullCounts,
  ): Promise<void> {
    const write = async (rows: GraphInsightRow[]) => {
      if (!rows.length) return;
      const written = await this.facts.write(
        rows.map((row) => factOf(row, unit, rowCtx)),
        pull.id,
      );
      counts.rowsWritten += written.written;
      counts.rowsRestated += written.restated;
    };
    if (dayCount(pull.range) <= this.config.asyncAboveDays) {
      try {
        for await (const page of this.graph.syncPages(
          pull.adAccountId,
          insightsParams(unit, pull.range, facts.attributionWindows),
          ctx,
          counter,
        ))
          await write(page);
        return;
      } catch (error) {
        // "Please reduce the amount of data" (code 1, subcode 99): Meta's advice is an async run
        // (https://developers.facebook.com/docs/marketing-api/insights/best-practices/).
        if (!(error instanceof MetaGraphError && error.code === 1 && error.subcode === 99)) throw error;
      }
    }
    await runWithSplits(pull.range, (piece) => this.asyncPiece(pull.adAccountId, unit, piece, facts, ctx, counter, write), {
      onSplit: (range, reason) => {
        counts.splits++;
        this.logger.warn({ pullId: pull.id, unit: unitKey(unit), range, reason }, 'Insights report run failed; running its two halves');
      },
    });
  }

  /** One async report run: queue it, poll it (waits growing to 30 s), then read its pages. */
  private async asyncPiece(
    adAccountId: string,
    unit: PullUnit,
    range: DateRange,
    facts: AccountFacts,
    ctx: GraphCallContext,
    counter: InsightsCallCounter,
    write: (rows: GraphInsightRow[]) => Promise<void>,
  ): Promise<void> {
    const runId = await this.graph.startRun(adAccountId, insightsParams(unit, range, facts.attributionWindows), ctx, counter);
    const started = Date.now();
    const deadline = started + this.config.reportTimeoutMs;
    let wait = this.config.reportPollMs;
    for (;;) {
      await sleep(Math.min(wait, Math.max(0, deadline - Date.now())));
      const run = await this.graph.runStatus(runId, ctx, counter);
      if (run.async_status === 'Job Completed') break;
      if (run.async_status === 'Job Failed' || run.async_status === 'Job Skipped') {
        throw new ReportRunFailedError(range, [run.async_status, run.error_message ?? run.error_user_msg].filter(Boolean).join(': '));
      }
      if (Date.now() >= deadline) {
        throw new ReportRunFailedError(
          range,
          `not completed after ${Math.round(this.config.reportTimeoutMs / 1000)} s (${run.async_status ?? 'no status'}, ${run.async_percent_completion ?? 0} %)`,
        );
      }
      wait = nextPollWait(wait, Date.now() - started, run.async_percent_completion, this.config.reportPollMs);
    }
    for await (const page of this.graph.runPages(runId, ctx, counter)) await write(page);
  }

  private async failed(
    pull: StoredPull,
    integration: Pick<MetaIntegration, 'id' | 'accessTokenCiphertext'>,
    error: unknown,
    attempt: { isLastAttempt: boolean },
    throttles: number,
  ): Promise<InsightsPullOutcome> {
    const { organisationId, adAccountId } = pull;
    if (error instanceof InsightsDayFailedError) {
      await this.pulls.finish(pull.id, 'failed', error.message);
      await this.accounts.failed(organisationId, adAccountId, error.message);
      return { next: 'fail', message: error.message };
    }
    const decision = insightsSyncPolicy(error, { isLastAttempt: attempt.isLastAttempt, rateLimitPauseMs: this.meta.rateLimitPauseMs });
    const message = decision.failure.hint ?? decision.failure.message;
    this.logger.warn(
      { pullId: pull.id, organisationId, adAccountId, action: decision.action },
      `Insights pull stopped: ${decision.failure.message}`,
    );
    switch (decision.action) {
      case 'delay': {
        // Each pause in a row twice the one before: Meta counts calls made while throttled against the account.
        const delayMs = Math.min(MAX_THROTTLE_DELAY_MS, decision.delayMs * 2 ** Math.min(throttles, 12));
        const until = new Date(Date.now() + delayMs);
        const reason = `Paused by Meta's insights throttle until ${until.toISOString()}: ${decision.failure.message}`;
        await this.accounts.throttled(organisationId, adAccountId, until, reason);
        await this.pulls.requeue(pull.id, reason);
        return { next: 'delay', delayMs, throttled: true };
      }
      case 'park':
        await this.reauth.markReauthRequired(organisationId, integration.id, message, {
          during: 'insights_pull',
          failedUserToken: integration.accessTokenCiphertext,
        });
        await this.pulls.finish(pull.id, 'failed', message);
        await this.accounts.failed(organisationId, adAccountId, message);
        return { next: 'fail', message };
      case 'fail':
        await this.pulls.finish(pull.id, 'failed', message);
        await this.accounts.failed(organisationId, adAccountId, message);
        return { next: 'fail', message };
      case 'retry':
        await this.pulls.requeue(pull.id, `Retrying after: ${decision.failure.message}`);
        return { next: 'retry', error };
    }
  }
}

/**
 * How long to wait before the next poll of a report run: the time its progress says is left (elapsed × the share
 * still to do, plus a tenth), so a run is mostly polled twice; without progress yet, half as long again as the last
 * wait. Between the configured first wait and 30 s. Pure.
 */
export function nextPollWait(lastWaitMs: number, elapsedMs: number, percent: number | undefined, minMs: number): number {
  const p = Number(percent);
  const wanted = p > 0 && p < 100 ? (elapsedMs * (100 - p)) / p + elapsedMs * 0.1 : lastWaitMs * 1.5;
  return Math.round(Math.min(MAX_POLL_WAIT_MS, Math.max(minMs, wanted)));
}
