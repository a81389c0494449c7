import type { GraphContext } from '../core/graph-context';
import type { AccessRule } from '../core/graph-registry';
import type { UsageCharge } from '../core/usage-types';
import { canSeePage } from '../assets/asset-access';

/**
 * Lead retrieval needs `leads_retrieval` and a Page (or user) token of someone with a role on the Page (notes §3).
 * Lead endpoints follow the Marketing API schedule; they have not changed in years, so expired versions are
 * auto-upgraded rather than refused (notes §0).
 */
export const LEAD_ACCESS: AccessRule = {
  tokens: ['PAGE', 'USER'],
  permissions: ['leads_retrieval'],
  schedule: 'marketing',
  onExpiredVersion: 'auto-upgrade',
};

export const canSeePageLeads = (ctx: GraphContext, pageId: string): boolean => canSeePage(ctx, pageId);

/** Lead calls draw on the Page's daily `leadgen` budget (4800 × leads of the last 90 days). */
export const leadgenUsage = (pageId: string): UsageCharge[] => [{ type: 'leadgen', objectId: pageId }];
