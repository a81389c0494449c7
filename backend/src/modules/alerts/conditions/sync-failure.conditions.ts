import { Injectable } from '@nestjs/common';
import { AlertEventType } from '@legeai/contracts';
import { MetaLeadFormsRepository } from '../../meta-assets';
import { AdsSyncStateRepository } from '../../meta-ads';
import { CatalogSyncsRepository } from '../../meta-catalog';
import { InsightPullsRepository } from '../../meta-insights';
import type { AlertConditionSource, AlertFinding, ConditionContext } from './alert-condition-source';

/** The campaign mirror syncs hourly (META_ADS_SYNC_CRON's default): N failed hours are N failures in a row. */
const ADS_SYNC_PERIOD_MS = 3_600_000;

/**
 * Syncs that keep failing, each read from the state its module keeps: an ad account's campaign mirror (failed, and
 * no good sync for `syncFailuresInARow` hours), an ad account's insights pulls and the catalog syncs (the last
 * `syncFailuresInARow` finished runs all failed), and the lead reconciliation of a form (its last sweep failed).
 */
@Injectable()
export class SyncFailureConditions implements AlertConditionSource {
  readonly id = 'sync-failures';

  constructor(
    private readonly ads: AdsSyncStateRepository,
    private readonly insights: InsightPullsRepository,
    private readonly catalog: CatalogSyncsRepository,
    private readonly forms: MetaLeadFormsRepository,
  ) {}

  async evaluate({ organisationId, settings, now }: ConditionContext): Promise<AlertFinding[]> {
    const inARow = settings.syncFailuresInARow;
    const [ads, pulls, catalog, forms] = await Promise.all([
      this.ads.failingSince(organisationId, new Date(now.getTime() - inARow * ADS_SYNC_PERIOD_MS)),
      this.insights.accountsFailedInARow(organisationId, inARow),
      this.catalog.failedInARow(organisationId, inARow),
      this.forms.reconcileFailed(organisationId),
    ]);
    const finding = (key: string, title: string, body: string, link: string): AlertFinding => ({
      key: `sync_failing:${key}`,
      eventType: AlertEventType.SyncFailing,
      title,
      body,
      link,
    });
    return [
      ...ads.map((state) =>
        finding(`ads:${state.adAccountId}`, `Campaigns of ${state.adAccountId} no longer sync`, reason(state.lastError), '/ads'),
      ),
      ...pulls.map((pull) =>
        finding(`insights:${pull.adAccountId}`, `Insights of ${pull.adAccountId} keep failing`, reason(pull.error), '/insights'),
      ),
      ...(catalog.length ? [finding('catalog', 'The catalog sync keeps failing', reason(catalog[0].error), '/catalog')] : []),
      ...forms.map((form) =>
        finding(
          `reconcile:${form.formId}`,
          `Leads of the form ${form.formName ?? form.formId} cannot be reconciled`,
          reason(form.note),
          '/activity',
        ),
      ),
    ];
  }
}

function reason(error: string | null): string {
  return error ? `Last error: ${error}` : 'The last runs failed.';
}
