import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { leadsConfig } from '../../../config/leads.config';
import { MetaGraphClient, MetaGraphError } from '../../../infra/meta-graph';
import { commitWatermark, decideGraphSync, ONE_OFF_CALL, WatermarkTracker } from '../../../infra/meta-sync';
import { ConnectionBreakers, MetaIntegrationRepository, pauseMessage, MetaReauthService, MetaTokenVault } from '../../meta-auth';
import { MetaLeadFormsRepository, MetaPagesRepository } from '../../meta-assets';
import { GRAPH_LEAD_FIELDS, type GraphLead } from '../graph/graph-lead';
import { parseGraphTime } from '../graph/graph-time';
import { LeadIngestService } from '../ingest/lead-ingest.service';
import { RECONCILE_OPTIONS, type ReconcileOptions } from './reconcile-options';
import { leadFiltering, sweepWindow, type SweepWindow } from './reconcile-window';

/** What one sweep of one form did. */
export interface SweepResult {
  /**
   * `skipped`: the connection is paused (reauth, or its Graph calls held by the breaker), gone, or the form's page has
   * no token; nothing was read.
   */
  status: 'completed' | 'skipped';
  reason?: string;
  window: SweepWindow | null;
  fetched: number;
  created: number;
  existing: number;
  duplicates: number;
  watermark: Date | null;
  watermarkAdvanced: boolean;
}

/** Why a sweep stopped early; the watermark was left where it was, so the next sweep reads the same leads again. */
export class SweepStoppedError extends Error {
  constructor(
    readonly graphError: MetaGraphError,
    readonly partial: Pick<SweepResult, 'fetched' | 'created' | 'existing' | 'duplicates'>,
  ) {
    super(`Lead sweep stopped: ${graphError.kind}: ${graphError.message}`);
    this.name = 'SweepStoppedError';
  }
}

/**
 * Reads a form's leads from Meta (`GET /{form-id}/leads`, every page, organic leads included) and stores each one
 * through the same ingest as the webhook pipeline, so a lead whose webhook never came is healed, and one that did
 * come is counted as existing. The form's watermark moves to the newest lead read, and only after every page
 * was read: Meta lists newest first, so a sweep cut short has seen the newest leads but maybe not older ones.
 */
@Injectable()
export class LeadReconcileService {
  private readonly logger = new Logger(LeadReconcileService.name);

  constructor(
    private readonly graph: MetaGraphClient,
    private readonly forms: MetaLeadFormsRepository,
    private readonly pages: MetaPagesRepository,
    private readonly integrations: MetaIntegrationRepository,
    private readonly vault: MetaTokenVault,
    private readonly ingest: LeadIngestService,
    private readonly reauth: MetaReauthService,
    private readonly breakers: ConnectionBreakers,
    @Inject(leadsConfig.KEY) private readonly leads: ConfigType<typeof leadsConfig>,
    @Inject(RECONCILE_OPTIONS) private readonly options: ReconcileOptions,
  ) {}

  /**
   * Sweeps one form. Meta errors are thrown as `SweepStoppedError`; an auth error first moves the connection to
   * reauth_required, so the other forms of that connection are skipped from then on.
   */
  async sweepForm(
    organisationId: string,
    leadFormId: string,
    range: { from?: Date; to?: Date } = {},
    now = new Date(),
  ): Promise<SweepResult> {
    const key = { id: leadFormId, organisationId };
    let result: SweepResult;
    try {
      result = await this.sweep(organisationId, leadFormId, range, now);
    } catch (error) {
      const reason = error instanceof SweepStoppedError ? error.graphError : error;
      await this.forms.recordReconcile(key, 'failed', `Stopped: ${reason instanceof Error ? reason.message : String(reason)}`);
      throw error;
    }
    if (result.status === 'completed') {
      await this.forms.recordReconcile(key, 'ok', `Read ${plural(result.fetched, 'lead')} from Meta, ${result.created} new`);
    } else if (result.reason !== FORM_GONE) {
      await this.forms.recordReconcile(key, 'skipped', `Skipped: ${result.reason}`);
    }
    return result;
  }

  private async sweep(organisationId: string, leadFormId: string, range: { from?: Date; to?: Date }, now: Date): Promise<SweepResult> {
    const form = await this.forms.findById(organisationId, leadFormId);
    if (!form) return skipped(FORM_GONE, null);
    const integration = await this.integrations.findActive(organisationId);
    if (!integration) return skipped('no active Meta connection (reconnect needed or disconnected)', form.lastSyncedAt);
    const page = await this.pages.findById(organisationId, form.pageId);
    const pageToken = page?.isActive && this.vault.openPageToken(page);
    if (!page || !pageToken) return skipped('the form’s page is not reachable with a page token', form.lastSyncedAt);

    const window = sweepWindow({
      watermark: form.lastSyncedAt,
      overlapMinutes: this.leads.reconcileOverlapMinutes,
      lookbackDays: this.options.lookbackDays,
      now,
      ...range,
    });
    // A sweep is a Graph call of the connection like a lead read: it waits while Meta keeps failing the connection
    // (the next sweep reads from the same watermark), and may be the probe that finds Meta back.
    const gate = await this.breakers.admit(integration.id);
    if (!gate.go) return skipped(pauseMessage(gate.pause), form.lastSyncedAt);
    const counts = { fetched: 0, created: 0, existing: 0, duplicates: 0 };
    const watermark = new WatermarkTracker(form.lastSyncedAt);
    try {
      const leads = this.graph.paginate<GraphLead>(
        `${form.formId}/leads`,
        { fields: GRAPH_LEAD_FIELDS, limit: this.options.pageSize, filtering: leadFiltering(window) },
        // A paused leadgen budget fails at once: the sweep stops and the next run picks up from the same watermark.
        { accessToken: pageToken, businessId: page.pageId, onPaused: 'fail' },
      );
      for await (const lead of leads) {
        counts.fetched++;
        const result = await this.ingest.ingest({
          organisationId,
          graphLead: { ...lead, form_id: lead.form_id ?? form.formId },
          pageId: page.pageId,
          source: 'backfill',
        });
        if (result.outcome === 'created') counts.created++;
        else counts.existing++;
        if (result.outcome === 'created' && result.duplicateOfId) counts.duplicates++;
        watermark.observe(parseGraphTime(lead.created_time));
      }
    } catch (error) {
      await this.breakers.failedWith(integration.id, organisationId, error, { probe: gate.probe });
      if (!(error instanceof MetaGraphError)) throw error;
      // The job's outcome is decided by its handler; here only whether the connection needs a reconnect.
      if (decideGraphSync(error, ONE_OFF_CALL).action === 'park') {
        const reason = `Meta refused the token while reading leads: ${error.message}`;
        await this.reauth.markReauthRequired(organisationId, integration.id, reason, {
          during: 'lead_reconcile',
          failedPageToken: page.pageAccessTokenCiphertext ?? undefined,
        });
      }
      this.logger.warn({ msg: 'Lead sweep stopped', leadFormId, kind: error.kind, code: error.code, ...counts });
      throw new SweepStoppedError(error, counts);
    }
    await this.breakers.succeeded(integration.id);

    // Only after the last page: the watermark (infra/meta-sync) is the newest created_time read, and never moves back.
    const stored = window.advancesWatermark
      ? await commitWatermark(this.forms, { id: form.id, organisationId }, watermark)
      : form.lastSyncedAt;
    const watermarkAdvanced = (stored?.getTime() ?? null) !== (form.lastSyncedAt?.getTime() ?? null);
    return { status: 'completed', window, ...counts, watermark: stored, watermarkAdvanced };
  }
}

const FORM_GONE = 'form no longer exists';
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function skipped(reason: string, watermark: Date | null): SweepResult {
  return {
    status: 'skipped',
    reason,
    window: null,
    fetched: 0,
    created: 0,
    existing: 0,
    duplicates: 0,
    watermark,
    watermarkAdvanced: false,
  };
}
