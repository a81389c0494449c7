import type { SandboxRuntime } from '../../core/sandbox-runtime';
import type { AdRecord, AdSetRecord, CampaignRecord, ConfiguredStatus, IssueRecord } from '../marketing-state';
import { ControlError } from '../../control/control-error';
import { graphTime } from '../../core/clock';
import { UsageTracker } from '../../core/usage-tracker';
import { localDate } from '../../core/time-zones';
import { marketing } from '../marketing-state';
import { setStatus, WRITE_STATUSES } from '../ad-status';
import { applyBudgetChange } from '../budget-changes';
import { resubmit } from '../ads/ad-writes';
import { insightsState } from '../insights/insights-state';
import { reportRuns } from '../insights/report-runs';
import { buildLargeAccount, LargeAccountRequest, LargeAccountSummary } from '../seed/large-account';
import { addDays } from '../insights/insights-dates';

type Tracked = CampaignRecord | AdSetRecord | AdRecord;

/** Recent days keep changing as late conversions are attributed; the sandbox restates at most the last 28. */
const RESTATE_DAYS = 28;

export interface ObjectChange {
  status?: string;
  name?: string;
  /** Minor units. */
  dailyBudget?: number;
  lifetimeBudget?: number;
  /** ISO time or unix seconds; ad sets' end_time, campaigns' stop_time. */
  endTime?: string | number;
}

/**
 * Changes made "in Ads Manager", behind the API's back: what a sync must notice. Every change goes through the
 * same status spans, budget history and `updated_time` as API writes, so insights, live leads and `updated_since`
 * see it. In process as `sandbox.control.marketing`, over HTTP under `/__sandbox/marketing`.
 */
export class MarketingControl {
  constructor(private readonly runtime: SandboxRuntime) {}

  private get now(): number {
    return this.runtime.clock.now();
  }

  private find(id: string): { kind: 'campaign' | 'adset' | 'ad'; record: Tracked } {
    const state = marketing(this.runtime.world);
    const campaign = state.campaigns.get(id);
    if (campaign) return { kind: 'campaign', record: campaign };
    const adset = state.adsets.get(id);
    if (adset) return { kind: 'adset', record: adset };
    const ad = state.ads.get(id);
    if (ad) return { kind: 'ad', record: ad };
    throw new ControlError(`No campaign, ad set or ad has id ${id}`);
  }

  private ad(id: string): AdRecord {
    const ad = marketing(this.runtime.world).ads.get(id);
    if (!ad) throw new ControlError(`No ad has id ${id}`);
    return ad;
  }

  /** Pause, resume, archive or delete a campaign, ad set or ad; rename it; change its budget or end. */
  change(id: string, change: ObjectChange): { id: string; updated_time: string } {
    const { kind, record } = this.find(id);
    const world = this.runtime.world;
    const now = this.now;
    if (change.status !== undefined && !(WRITE_STATUSES as readonly string[]).includes(change.status)) {
      throw new ControlError(`status must be one of ${WRITE_STATUSES.join(', ')}`);
    }
    if (change.name !== undefined && (typeof change.name !== 'string' || change.name.trim() === ''))
      throw new ControlError('name must be a non-empty string');
    const budgets = [change.dailyBudget, change.lifetimeBudget].filter((value) => value !== undefined);
    if (budgets.some((value) => !Number.isSafeInteger(value) || value <= 0))
      throw new ControlError('budgets are positive whole minor units');
    if (budgets.length > 0 && kind === 'ad') throw new ControlError('ads have no budget: change their ad set or campaign');
    if (change.dailyBudget !== undefined && change.lifetimeBudget !== undefined)
      throw new ControlError('give dailyBudget or lifetimeBudget, not both');
    let end: number | undefined;
    if (change.endTime !== undefined) {
      if (kind === 'ad') throw new ControlError('ads have no end time: change their ad set or campaign');
      end =
        typeof change.endTime === 'number'
          ? change.endTime * 1000
          : Date.parse(String(change.endTime).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!Number.isFinite(end)) throw new ControlError('endTime must be an ISO time or unix seconds');
    }
    const budgeted = record as CampaignRecord | AdSetRecord;
    if (budgets.length > 0) this.checkBudgetLevel(kind, budgeted);
    const before = { ...budgeted };
    if (change.name !== undefined) record.name = change.name;
    if (change.dailyBudget !== undefined) Object.assign(budgeted, { dailyBudget: String(change.dailyBudget), lifetimeBudget: undefined });
    if (change.lifetimeBudget !== undefined)
      Object.assign(budgeted, { lifetimeBudget: String(change.lifetimeBudget), dailyBudget: undefined });
    if (end !== undefined) {
      if (kind === 'campaign') (record as CampaignRecord).stopTime = end;
      else (record as AdSetRecord).endTime = end;
    }
    if (budgets.length > 0) applyBudgetChange(world, before, budgeted, now);
    record.updatedTime = now;
    marketing(world).revision++;
    if (change.status !== undefined) setStatus(world, record, change.status as ConfiguredStatus, now);
    return { id, updated_time: graphTime(record.updatedTime) };
  }

  /** Budgets stay on the level that has them: the campaign (campaign budget) or its ad sets. */
  private checkBudgetLevel(kind: 'campaign' | 'adset' | 'ad', record: CampaignRecord | AdSetRecord): void {
    const state = marketing(this.runtime.world);
    const campaign = kind === 'campaign' ? (record as CampaignRecord) : state.campaigns.get((record as AdSetRecord).campaignId)!;
    const campaignBudget = Boolean(campaign.dailyBudget || campaign.lifetimeBudget);
    if (kind === 'adset' && campaignBudget) throw new ControlError("this ad set's campaign has the budget: change the campaign");
    if (kind === 'campaign' && !campaignBudget) throw new ControlError("this campaign's ad sets have the budgets: change an ad set");
  }

  /** A reviewer refuses the ad now (it stops delivering); `approve` lets it run again. */
  disapprove(adId: string, reason: { policy?: string; message?: string } = {}): void {
    const ad = this.ad(adId);
    const now = this.now;
    const policy = reason.policy ?? 'Misleading Claims';
    resubmit(
      this.runtime.world,
      ad,
      {
        submittedAt: now,
        decidedAt: now,
        verdict: 'DISAPPROVED',
        feedback: { [policy]: reason.message ?? 'This ad was found to make claims people may find misleading.' },
      },
      now,
    );
    ad.updatedTime = now;
  }

  approve(adId: string): void {
    const ad = this.ad(adId);
    const now = this.now;
    resubmit(this.runtime.world, ad, { submittedAt: now, decidedAt: now, verdict: 'APPROVED' }, now);
    ad.updatedTime = now;
  }

  /** Adds an issue (`issues_info`, effective status WITH_ISSUES) to a campaign, ad set or ad; `clearIssues` removes them. */
  addIssue(id: string, issue: Partial<IssueRecord> & { summary: string }): void {
    const { record } = this.find(id);
    if (typeof issue.summary !== 'string' || issue.summary === '') throw new ControlError('summary is required');
    const type = issue.type ?? 'SOFT_ERROR';
    if (type !== 'SOFT_ERROR' && type !== 'HARD_ERROR') throw new ControlError('type must be SOFT_ERROR or HARD_ERROR');
    record.issues.push({ errorCode: issue.errorCode ?? 1815000, summary: issue.summary, message: issue.message ?? issue.summary, type });
    record.updatedTime = this.now;
  }

  clearIssues(id: string): void {
    const { record } = this.find(id);
    record.issues = [];
    record.updatedTime = this.now;
  }

  /** How long new ads (and new creatives) stay PENDING_REVIEW, in sandbox seconds. */
  setReviewSeconds(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new ControlError('seconds must be a non-negative number');
    marketing(this.runtime.world).reviewMs = seconds * 1000;
  }

  /**
   * Restates insights. Without a date, the unsettled last days move now (as they do on their own every few hours).
   * With a date (within the last 28 days of the account's time zone): that day's delivery is scaled by
   * `spendFactor` for one ad or a whole account, and one ad's conversions move by `leadsDelta`, as Meta's late
   * attribution does; the day then no longer matches the leads the sandbox holds, which is the point.
   */
  restate(request: { date?: string; adId?: string; accountId?: string; spendFactor?: number; leadsDelta?: number } = {}): {
    revision: number;
  } {
    const state = insightsState(this.runtime.world);
    state.revision++;
    if (request.date === undefined) return { revision: state.revision };
    const ad = request.adId !== undefined ? this.ad(request.adId) : undefined;
    const accountId = (request.accountId ?? ad?.accountId)?.replace(/^act_/, '');
    const account = accountId ? this.runtime.world.adAccounts.get(accountId) : undefined;
    if (!account) throw new ControlError('restating a day needs adId or accountId');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(request.date)) throw new ControlError('date must be YYYY-MM-DD');
    const today = localDate(this.now, account.timezoneName);
    if (request.date > today || request.date < addDays(today, -RESTATE_DAYS)) {
      throw new ControlError(
        `Meta restates the last ${RESTATE_DAYS} days only: date must be between ${addDays(today, -RESTATE_DAYS)} and ${today}`,
      );
    }
    const spendFactor = request.spendFactor ?? 1;
    const leadsDelta = request.leadsDelta ?? 0;
    if (!(spendFactor > 0) || !Number.isFinite(spendFactor)) throw new ControlError('spendFactor must be a positive number');
    if (!Number.isInteger(leadsDelta)) throw new ControlError('leadsDelta must be a whole number');
    if (leadsDelta !== 0 && !ad) throw new ControlError('leadsDelta restates one ad: give adId');
    const key = ad ? `${ad.id}|${request.date}` : `act:${account.accountId}|${request.date}`;
    state.restatements.set(key, { spendFactor, leadsDelta });
    return { revision: state.revision };
  }

  /**
   * Forces the insights throttle: `x-fb-ads-insights-throttle` shows the percentages, and at 100 % insights calls
   * fail with `code` (80000 ads_insights BUC, 4/1504022, or 17). `accountId` absent: every account.
   */
  throttleInsights(request: { accountId?: string; accountPct?: number; appPct?: number; code?: number }): void {
    const code = request.code ?? 80000;
    if (code !== 80000 && code !== 4 && code !== 17) throw new ControlError('code must be 80000, 4 or 17');
    for (const [name, value] of [
      ['accountPct', request.accountPct],
      ['appPct', request.appPct],
    ] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new ControlError(`${name} must be a non-negative number`);
    }
    const accountId = request.accountId?.replace(/^act_/, '');
    if (accountId !== undefined && !this.runtime.world.adAccounts.has(accountId)) throw new ControlError(`Unknown ad account ${accountId}`);
    const state = insightsState(this.runtime.world);
    const throttle = (state.throttle ??= { appPct: 0, accountPct: new Map(), code: 80000 });
    throttle.code = code;
    if (request.appPct !== undefined) throttle.appPct = request.appPct;
    if (request.accountPct !== undefined) throttle.accountPct.set(accountId ?? '*', request.accountPct);
    const over = Math.max(throttle.appPct, request.accountPct ?? 0) >= 100;
    if (code === 80000) {
      const accounts = accountId ? [accountId] : [...this.runtime.world.adAccounts.keys()];
      for (const id of accounts) this.runtime.usage.force(UsageTracker.bucKey('ads_insights', id), over);
    }
  }

  clearInsightsThrottle(): void {
    const state = insightsState(this.runtime.world);
    state.throttle = undefined;
    for (const id of this.runtime.world.adAccounts.keys()) this.runtime.usage.force(UsageTracker.bucKey('ads_insights', id), false);
  }

  /** The next async report runs: `fail` of them end in Job Failed, then `skip` in Job Skipped; `durationSeconds` makes every new run that slow. */
  setReportRuns(request: { fail?: number; skip?: number; durationSeconds?: number | null }): {
    failNext: number;
    skipNext: number;
    durationSeconds?: number;
  } {
    const state = reportRuns(this.runtime.world);
    for (const [name, value] of [
      ['fail', request.fail],
      ['skip', request.skip],
    ] as const) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new ControlError(`${name} must be a non-negative integer`);
    }
    if (
      request.durationSeconds !== undefined &&
      request.durationSeconds !== null &&
      !(Number.isFinite(request.durationSeconds) && request.durationSeconds >= 2)
    ) {
      throw new ControlError('durationSeconds must be at least 2');
    }
    if (request.fail !== undefined) state.failNext = request.fail;
    if (request.skip !== undefined) state.skipNext = request.skip;
    if (request.durationSeconds !== undefined)
      state.durationMs = request.durationSeconds === null ? undefined : request.durationSeconds * 1000;
    return {
      failNext: state.failNext,
      skipNext: state.skipNext,
      durationSeconds: state.durationMs === undefined ? undefined : state.durationMs / 1000,
    };
  }

  /** Ends one queued run as failed or skipped (it must not have completed yet). */
  endReportRun(id: string, outcome: 'failed' | 'skipped'): void {
    const run = reportRuns(this.runtime.world).runs.get(id);
    if (!run) throw new ControlError(`No report run has id ${id}`);
    if (outcome !== 'failed' && outcome !== 'skipped') throw new ControlError('outcome must be failed or skipped');
    if (this.now - run.createdAt >= run.durationMs) throw new ControlError(`Report run ${id} has already completed`);
    run.outcome = outcome;
    // Fail from now on: the job may already be half way.
    if (outcome === 'failed') run.durationMs = Math.max(2 * (this.now - run.createdAt), 3_000);
  }

  /** A benchmark-sized account (defaults: 300 campaigns, 1,500 ad sets, 6,000 ads, 730 days of history). */
  buildLargeAccount(request: LargeAccountRequest): LargeAccountSummary {
    const accountId = String(request.accountId ?? '').replace(/^act_/, '');
    for (const [name, value] of Object.entries({
      campaigns: request.campaigns,
      adsetsPerCampaign: request.adsetsPerCampaign,
      adsPerAdset: request.adsPerAdset,
      historyDays: request.historyDays,
    })) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new ControlError(`${name} must be a positive integer`);
    }
    if ((request.campaigns ?? 300) * (request.adsetsPerCampaign ?? 5) * (request.adsPerAdset ?? 4) > 50_000)
      throw new ControlError('at most 50,000 ads per call');
    if ((request.historyDays ?? 730) > 1_100) throw new ControlError('historyDays must be at most 1,100 (insights keep 37 months)');
    try {
      return buildLargeAccount(this.runtime.world, { ...request, accountId });
    } catch (error) {
      throw new ControlError((error as Error).message);
    }
  }
}
