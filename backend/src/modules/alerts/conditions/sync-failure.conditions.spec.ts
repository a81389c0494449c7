import { AlertEventType, DEFAULT_ALERT_SETTINGS } from '@legeai/contracts';
import type { MetaLeadFormsRepository } from '../../meta-assets';
import type { AdsSyncStateRepository } from '../../meta-ads';
import type { CatalogSyncsRepository } from '../../meta-catalog';
import type { InsightPullsRepository } from '../../meta-insights';
import { SyncFailureConditions } from './sync-failure.conditions';

const NOW = new Date('2026-12-05T12:00:00Z');

describe(SyncFailureConditions.name, () => {
  function setup(found: { ads?: unknown[]; pulls?: unknown[]; catalog?: unknown[]; forms?: unknown[] } = {}) {
    const calls: { adsOkBefore?: Date; pullsInARow?: number; catalogInARow?: number } = {};
    const sut = new SyncFailureConditions(
      {
        failingSince: async (_org: string, okBefore: Date) => ((calls.adsOkBefore = okBefore), found.ads ?? []),
      } as unknown as AdsSyncStateRepository,
      {
        accountsFailedInARow: async (_org: string, n: number) => ((calls.pullsInARow = n), found.pulls ?? []),
      } as unknown as InsightPullsRepository,
      {
        failedInARow: async (_org: string, n: number) => ((calls.catalogInARow = n), found.catalog ?? []),
      } as unknown as CatalogSyncsRepository,
      { reconcileFailed: async () => found.forms ?? [] } as unknown as MetaLeadFormsRepository,
    );
    return { sut, calls };
  }

  it('asks each owner with the organisation’s number of failures in a row', async () => {
    const { sut, calls } = setup();
    const findings = await sut.evaluate({
      organisationId: 'org-1',
      settings: { ...DEFAULT_ALERT_SETTINGS, syncFailuresInARow: 4 },
      now: NOW,
    });
    expect(findings).toEqual([]);
    expect(calls).toEqual({ adsOkBefore: new Date('2026-12-05T08:00:00Z'), pullsInARow: 4, catalogInARow: 4 });
  });

  it('answers one condition per failing account, the catalog and each form, keyed by what fails', async () => {
    const { sut } = setup({
      ads: [{ adAccountId: 'act_1', lastError: 'boom' }],
      pulls: [{ adAccountId: 'act_2', error: null }],
      catalog: [{ error: 'items_batch refused' }, { error: 'older' }],
      forms: [{ formId: 'f-1', formName: 'Auto quote', note: 'permission' }],
    });
    const findings = await sut.evaluate({ organisationId: 'org-1', settings: DEFAULT_ALERT_SETTINGS, now: NOW });
    expect(findings.map((f) => f.key)).toEqual([
      'sync_failing:ads:act_1',
      'sync_failing:insights:act_2',
      'sync_failing:catalog',
      'sync_failing:reconcile:f-1',
    ]);
    expect(findings.every((f) => f.eventType === AlertEventType.SyncFailing)).toBe(true);
    expect(findings[0].body).toBe('Last error: boom');
    expect(findings[2].body).toBe('Last error: items_batch refused');
    expect(findings[3].title).toBe('Leads of the form Auto quote cannot be reconciled');
  });
});
