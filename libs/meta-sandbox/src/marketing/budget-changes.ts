import type { World } from '../world/world';
import type { AdSetRecord, CampaignRecord } from './marketing-state';
import { marketing } from './marketing-state';

const DAY_MS = 86_400_000;

function perDay(record: CampaignRecord | AdSetRecord): number {
  if (record.dailyBudget) return Number(record.dailyBudget);
  const start = record.startTime ?? record.createdTime;
  const end = 'campaignId' in record ? record.endTime : record.stopTime;
  return record.lifetimeBudget && end ? Number(record.lifetimeBudget) / Math.max(1, (end - start) / DAY_MS) : 0;
}

/**
 * A budget raised or cut (over the API or "in Ads Manager") changes what the ads under it spend from that moment;
 * the days before keep what they spent. Call with the record before and after the change.
 */
export function applyBudgetChange(
  world: World,
  before: CampaignRecord | AdSetRecord,
  after: CampaignRecord | AdSetRecord,
  at: number,
): void {
  const old = perDay(before);
  const next = perDay(after);
  if (!(old > 0) || !(next > 0) || old === next) return;
  const state = marketing(world);
  const ads = 'campaignId' in after ? state.index.adsByAdset.get(after.id) : state.index.adsByCampaign.get(after.id);
  for (const ad of ads ?? []) {
    if (!ad.delivery) continue;
    const changes = (ad.delivery.spendChanges ??= []);
    const current = changes[changes.length - 1]?.factor ?? 1;
    changes.push({ from: at, factor: current * (next / old) });
  }
  state.revision++;
}
