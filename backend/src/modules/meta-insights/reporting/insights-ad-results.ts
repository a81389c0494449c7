import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AdObjectResults } from '@legeai/contracts';
import { AdObjectResultsRegistry, type AdResultsLevel, type AdResultsSource } from '../../meta-ads';
import { InsightsReportRepository, type ObjectTotalRecord } from './insights-report.repository';
import { rangeOf } from './insights-range';

/**
 * Currencies Meta counts without decimals: their offset is 1, every other currency's 100
 * (https://developers.facebook.com/docs/marketing-api/currencies). Budgets travel in these minor units, and the Ads
 * section shows spend next to them, so spend (stored in major units, as Meta reports it) is converted the same way.
 */
const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

export function spendToMinor(spendMajor: string | number, currency: string): number {
  return Math.round(Number(spendMajor) * (OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100));
}

/**
 * The results of one object from its totals: spend and Meta's leads over the dashboard's default range (the last
 * 28 days), and the cost per lead. Facts in more than one currency (an account that changed currency) keep the
 * currency with the most spend: money is never summed across currencies.
 */
export function resultsOfTotals(rows: ObjectTotalRecord[], since: string, until: string): Map<string, AdObjectResults> {
  const results = new Map<string, AdObjectResults>();
  for (const row of rows) {
    if (results.has(row.object_id)) continue; // rows come by object, the largest spend first
    const amountMinor = spendToMinor(row.spend, row.currency);
    const leads = Number(row.leads);
    results.set(row.object_id, {
      spend: { amountMinor, currency: row.currency },
      leads,
      costPerLeadMinor: leads > 0 ? Math.round(amountMinor / leads) : null,
      since,
      until,
    });
  }
  return results;
}

/** MetaInsights' offer to MetaAds: the facts it pulled, as each campaign's, ad set's and ad's results. */
@Injectable()
export class InsightsAdResults implements AdResultsSource, OnModuleInit {
  constructor(
    private readonly registry: AdObjectResultsRegistry,
    private readonly report: InsightsReportRepository,
  ) {}

  onModuleInit(): void {
    this.registry.provide(this);
  }

  async resultsOf(organisationId: string, level: AdResultsLevel, objectIds: string[]): Promise<Map<string, AdObjectResults>> {
    const range = rangeOf({});
    const rows = await this.report.objectTotals(organisationId, level, objectIds, range);
    return resultsOfTotals(rows, range.since, range.until);
  }
}
