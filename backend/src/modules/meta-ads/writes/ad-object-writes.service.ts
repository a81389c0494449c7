import { Injectable } from '@nestjs/common';
import {
  ADS_ERROR_CODES,
  ErrorCode,
  type AdObjectLevel,
  type BulkStatusRequest,
  type BulkStatusResult,
  type MetaAdDto,
  type MetaAdSetDto,
  type MetaCampaignDto,
  type UpdateAdObjectRequest,
} from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { MetaGraphError, type GraphParams } from '../../../infra/meta-graph';
import { AuditService } from '../../audit';
import { AdObjectListsService } from '../ad-object-lists.service';
import type { MetaAd } from '../entities/meta-ad.entity';
import type { MetaAdSet } from '../entities/meta-ad-set.entity';
import type { MetaCampaign } from '../entities/meta-campaign.entity';
import { AdsGraphApi } from '../graph/ads-graph.api';
import { activeDailyBudgetMinor, budgetChangeCheck, dailyCeilingFinding } from '../guardrails';
import { AdObjectsRepository } from '../repositories/ad-objects.repository';
import { AdsSettingsRepository } from '../repositories/ads-settings.repository';
import { AdObjectReadBack } from './ad-object-read-back';
import { adsWriteError, guardrailError } from './ads-write-errors';
import { AdsWriteSessions } from './ads-write-session';

type Row = MetaCampaign | MetaAdSet | MetaAd;
type AnyDto = MetaCampaignDto | MetaAdSetDto | MetaAdDto;

interface Target {
  level: AdObjectLevel;
  row: Row;
  metaId: string;
}

const metaIdOf = (level: AdObjectLevel, row: Row): string =>
  level === 'campaign' ? (row as MetaCampaign).campaignId : level === 'adset' ? (row as MetaAdSet).adSetId : (row as MetaAd).adId;

/** The fields an audit entry keeps of an object before and after a change. */
function snapshot(level: AdObjectLevel, row: Row): Record<string, unknown> {
  const base = { name: row.name, status: row.status, effectiveStatus: row.effectiveStatus };
  if (level === 'ad') return base;
  const budgeted = row as MetaCampaign | MetaAdSet;
  const end = level === 'campaign' ? (row as MetaCampaign).stopTime : (row as MetaAdSet).endTime;
  return {
    ...base,
    dailyBudgetMinor: budgeted.dailyBudgetMinor,
    lifetimeBudgetMinor: budgeted.lifetimeBudgetMinor,
    endTime: end?.toISOString() ?? null,
  };
}

/**
 * Edits of a campaign, ad set or ad (name, pause/resume, budget, end date), one at a time or as a bulk status change.
 * Each is checked locally first (what the level allows, the budget's type, the schedule), then against the
 * organisation's guardrails (confirmation of a large increase, the daily ceiling), then sent to Meta; the mirror is
 * changed only from Meta's answer, and the audit log gets the object before and after.
 */
@Injectable()
export class AdObjectWritesService {
  constructor(
    private readonly objects: AdObjectsRepository,
    private readonly settings: AdsSettingsRepository,
    private readonly sessions: AdsWriteSessions,
    private readonly graph: AdsGraphApi,
    private readonly readBack: AdObjectReadBack,
    private readonly lists: AdObjectListsService,
    private readonly audit: AuditService,
  ) {}

  async update(
    principal: Principal,
    level: AdObjectLevel,
    id: string,
    change: UpdateAdObjectRequest,
    options: { bulk?: boolean } = {},
  ): Promise<AnyDto> {
    const organisationId = principal.organisationId;
    const target = await this.load(organisationId, level, id);
    const fields = [change.name, change.status, change.dailyBudgetMinor, change.lifetimeBudgetMinor, change.endTime];
    if (fields.every((value) => value === undefined))
      throw new ApiError(400, ErrorCode.ValidationFailed, 'Nothing to change: send name, status, a budget or an end time');
    const params = await this.graphParams(organisationId, target, change);
    // What was sent is what the object already is (a form saved unchanged, a retried pause): nothing to ask Meta.
    if (Object.keys(params).length === 0) return this.toDto(organisationId, level, target.row);
    await this.checkGuardrails(organisationId, target, change);

    const session = await this.sessions.open(organisationId, target.row.adAccountId);
    try {
      await session.call((ctx, counter) => this.graph.update(target.metaId, params, ctx, counter));
    } catch (error) {
      // Meta refused or failed the write: the mirror stays as it was.
      if (error instanceof MetaGraphError) throw adsWriteError(error, { level, id: target.metaId });
      throw error;
    }
    await this.readBack.refresh(session, level, target.metaId);
    const after = (await this.load(organisationId, level, target.row.id)).row;
    await this.audit.recordBy(
      principal,
      `meta_ads.${level}_updated`,
      { type: `meta_${level}`, id: target.metaId },
      {
        adAccountId: target.row.adAccountId,
        changes: params,
        before: snapshot(level, target.row),
        after: snapshot(level, after),
        ...(change.confirmed ? { confirmed: true } : {}),
        ...(options.bulk ? { bulk: true } : {}),
      },
    );
    return this.toDto(organisationId, level, after);
  }

  /** Pause or resume many objects: each goes through the same checks and audit as a single change; one failing does not stop the others. */
  async bulkStatus(principal: Principal, request: BulkStatusRequest): Promise<BulkStatusResult> {
    const results: BulkStatusResult['results'] = [];
    for (const id of [...new Set(request.ids)]) {
      try {
        const dto = await this.update(principal, request.level, id, { status: request.status }, { bulk: true });
        results.push({ id, ok: true, status: dto.status });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        results.push({ id, ok: false, error: error.message });
      }
    }
    return { results };
  }

  private async load(organisationId: string, level: AdObjectLevel, id: string): Promise<Target> {
    const row =
      level === 'campaign'
        ? await this.objects.findCampaign(organisationId, id)
        : level === 'adset'
          ? await this.objects.findAdSet(organisationId, id)
          : await this.objects.findAd(organisationId, id);
    if (!row) throw new ApiError(404, ErrorCode.NotFound, `No such ${level === 'adset' ? 'ad set' : level} in this organisation`);
    return { level, row, metaId: metaIdOf(level, row) };
  }

  /** The Graph parameters of a change, checked against what the object allows before Meta sees it. */
  private async graphParams(organisationId: string, { level, row }: Target, change: UpdateAdObjectRequest): Promise<GraphParams> {
    const what = level === 'adset' ? 'ad set' : level;
    if (row.deletedAt || row.status === 'DELETED' || row.status === 'ARCHIVED') {
      throw new ApiError(
        409,
        ErrorCode.Conflict,
        `This ${what} is ${row.deletedAt ? 'deleted' : row.status.toLowerCase()} at Meta and can no longer be changed`,
      );
    }
    const params: GraphParams = {};
    if (change.name !== undefined && change.name !== row.name) params.name = change.name;
    if (change.status !== undefined && change.status !== row.status) params.status = change.status;
    const budgetChange = change.dailyBudgetMinor !== undefined || change.lifetimeBudgetMinor !== undefined;
    if (level === 'ad' && (budgetChange || change.endTime !== undefined)) {
      throw new ApiError(400, ErrorCode.ValidationFailed, 'An ad has no budget or end time: change its ad set or campaign');
    }
    if (level === 'ad') return params;
    const budgeted = row as MetaCampaign | MetaAdSet;
    if (change.dailyBudgetMinor !== undefined && change.lifetimeBudgetMinor !== undefined) {
      throw new ApiError(400, ErrorCode.ValidationFailed, `A ${what} has a daily or a lifetime budget, not both`);
    }
    if (budgetChange) {
      const holder = await this.budgetHolder(organisationId, level, budgeted);
      if (holder !== level) {
        throw new ApiError(
          400,
          ErrorCode.ValidationFailed,
          level === 'campaign'
            ? "This campaign's budgets are on its ad sets: change an ad set's budget"
            : "This ad set's campaign holds the budget (campaign budget): change the campaign's budget",
        );
      }
      if (change.dailyBudgetMinor !== undefined) {
        if (budgeted.lifetimeBudgetMinor !== null)
          throw new ApiError(400, ErrorCode.ValidationFailed, `This ${what} has a lifetime budget: Meta does not switch it to a daily one`);
        if (change.dailyBudgetMinor !== budgeted.dailyBudgetMinor) params.daily_budget = change.dailyBudgetMinor;
      }
      if (change.lifetimeBudgetMinor !== undefined) {
        if (budgeted.dailyBudgetMinor !== null)
          throw new ApiError(400, ErrorCode.ValidationFailed, `This ${what} has a daily budget: Meta does not switch it to a lifetime one`);
        if (change.lifetimeBudgetMinor !== budgeted.lifetimeBudgetMinor) params.lifetime_budget = change.lifetimeBudgetMinor;
      }
    }
    if (change.endTime !== undefined) {
      const field = level === 'campaign' ? 'stop_time' : 'end_time';
      const current = level === 'campaign' ? (row as MetaCampaign).stopTime : (row as MetaAdSet).endTime;
      if (change.endTime === null) {
        if (budgeted.lifetimeBudgetMinor !== null)
          throw new ApiError(400, ErrorCode.ValidationFailed, `A ${what} with a lifetime budget needs an end time`);
        // 0 makes a daily-budget object run on with no end (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Updating).
        if (current) params[field] = 0;
      } else {
        const end = new Date(change.endTime);
        if (end.getTime() <= Date.now()) throw new ApiError(400, ErrorCode.ValidationFailed, 'The end time must be in the future');
        if (budgeted.startTime && end.getTime() <= budgeted.startTime.getTime())
          throw new ApiError(400, ErrorCode.ValidationFailed, 'The end time must be after the start time');
        if (!current || current.getTime() !== end.getTime()) params[field] = end.toISOString();
      }
    }
    return params;
  }

  /** Which level holds the budgets of this object's campaign: the campaign (campaign budget) or its ad sets. */
  private async budgetHolder(
    organisationId: string,
    level: 'campaign' | 'adset',
    row: MetaCampaign | MetaAdSet,
  ): Promise<'campaign' | 'adset'> {
    const campaign =
      level === 'campaign' ? (row as MetaCampaign) : await this.objects.campaignByMetaId(organisationId, (row as MetaAdSet).campaignId);
    return campaign && (campaign.dailyBudgetMinor !== null || campaign.lifetimeBudgetMinor !== null) ? 'campaign' : 'adset';
  }

  private async checkGuardrails(organisationId: string, { level, row, metaId }: Target, change: UpdateAdObjectRequest): Promise<void> {
    if (level === 'ad') return;
    const budgeted = row as MetaCampaign | MetaAdSet;
    const settings = await this.settings.get(organisationId);
    const currency = await this.currency(organisationId, row.adAccountId);
    const to = change.dailyBudgetMinor ?? change.lifetimeBudgetMinor;
    const from = change.dailyBudgetMinor !== undefined ? budgeted.dailyBudgetMinor : budgeted.lifetimeBudgetMinor;
    const check = to === undefined ? null : budgetChangeCheck(from, to, settings.confirmChangeAbovePercent);
    if (check?.needsConfirmation && change.confirmed !== true) {
      throw new ApiError(
        409,
        ADS_ERROR_CODES.confirmationRequired,
        `This raises the budget by ${check.percent} %, above your organisation's ${check.thresholdPercent} % threshold: confirm the change to apply it`,
        {
          from: check.fromMinor,
          to: check.toMinor,
          percent: check.percent,
          thresholdPercent: check.thresholdPercent,
          currency,
          level,
          id: metaId,
        },
      );
    }
    const resumes = change.status === 'ACTIVE' && row.status !== 'ACTIVE';
    if (change.dailyBudgetMinor === undefined && !resumes) return;
    const holders = await this.objects.budgetHolders(organisationId, row.adAccountId);
    const campaignId = level === 'campaign' ? metaId : (row as MetaAdSet).campaignId;
    const before = activeDailyBudgetMinor(holders);
    const after = activeDailyBudgetMinor(holders, {
      level,
      id: metaId,
      campaignId,
      status: change.status,
      dailyBudgetMinor: change.dailyBudgetMinor,
    });
    // Only what adds spend is held to the ceiling: a cut or a pause is always allowed.
    if (after <= before) return;
    const finding = dailyCeilingFinding(
      settings.dailyBudgetCeilingMinor,
      after,
      change.dailyBudgetMinor !== undefined ? 'dailyBudgetMinor' : 'status',
      currency,
    );
    if (finding) throw guardrailError([finding]);
  }

  private async currency(organisationId: string, adAccountId: string): Promise<string> {
    return (await this.lists.accountCurrency(organisationId, adAccountId)) ?? '';
  }

  private async toDto(organisationId: string, level: AdObjectLevel, row: Row): Promise<AnyDto> {
    if (level === 'campaign') return (await this.lists.campaignDtos(organisationId, [row as MetaCampaign]))[0];
    if (level === 'adset') return (await this.lists.adSetDtos(organisationId, [row as MetaAdSet]))[0];
    return (await this.lists.adDtos(organisationId, [row as MetaAd]))[0];
  }
}
