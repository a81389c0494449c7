import { Injectable } from '@nestjs/common';
import type { AdObjectResults } from '@legeai/contracts';

export type AdResultsLevel = 'campaign' | 'adset' | 'ad';

/**
 * Where the spend and leads of campaigns, ad sets and ads come from. MetaAds does not pull them: MetaInsights does,
 * and offers them here at start-up (it imports MetaAds, never the other way round, so the modules stay acyclic).
 */
export interface AdResultsSource {
  /** Results of the objects that have any; an object missing from the map has none yet. */
  resultsOf(organisationId: string, level: AdResultsLevel, objectIds: string[]): Promise<Map<string, AdObjectResults>>;
}

/**
 * The one place the lists ask for results. Without a source, or for an object without facts, `results` stays null
 * and the console says "No data yet".
 */
@Injectable()
export class AdObjectResultsRegistry {
  private source: AdResultsSource | null = null;

  provide(source: AdResultsSource): void {
    if (this.source && this.source !== source) throw new Error('A second source of ad results was offered');
    this.source = source;
  }

  async resultsOf(organisationId: string, level: AdResultsLevel, objectIds: string[]): Promise<Map<string, AdObjectResults>> {
    if (!this.source || objectIds.length === 0) return new Map();
    return this.source.resultsOf(organisationId, level, objectIds);
  }
}
