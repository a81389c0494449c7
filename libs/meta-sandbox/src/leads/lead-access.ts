import type { GraphContext } from '../core/graph-context';
import type { AccessRule } from '../core/graph-registry';
import type { UsageCharge } from '../core/usage-types';
import type { LeadRecord } from '../world/types';
import { canSeePage, holderOf } from '../assets/asset-access';
import { leadReachesApp } from '../oauth/app-access';
import { leadAccessVerdict } from './leads-access-manager';

/**
 * Lead retrieval needs `leads_retrieval` and a Page, user or system user token of someone who can advertise on the
 * Page (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). Lead endpoints follow the
 * Marketing API schedule; they have not changed in years, so expired versions are auto-upgraded rather than refused
 * (https://developers.facebook.com/docs/marketing-api/overview/versioning).
 */
export const LEAD_ACCESS: AccessRule = {
  tokens: ['PAGE', 'USER', 'SYSTEM_USER'],
  permissions: ['leads_retrieval'],
  schedule: 'marketing',
  onExpiredVersion: 'auto-upgrade',
};

export const canSeePageLeads = (ctx: GraphContext, pageId: string): boolean => canSeePage(ctx, pageId);

/**
 * Which of a Page's leads the caller may read. Test leads always; real ones only when they reach the app (in
 * development mode, leads of people with a role on it) and the caller and app have lead access to the Page (the
 * ADVERTISE task, the Leads Access Manager). A lead the caller may not read looks missing (100/33), as other objects
 * do, and is left out of lists; the form's `leads_count` still counts it.
 */
export function leadReader(ctx: GraphContext, pageId: string): (lead: LeadRecord) => boolean {
  const app = ctx.identity?.app;
  if (!app) return () => false;
  const access = leadAccessVerdict(ctx.world, pageId, app.id, holderOf(ctx)).can_access_lead;
  return (lead) => lead.isTest || (access && leadReachesApp(app, lead));
}

/** Lead calls draw on the Page's daily `leadgen` budget (4800 × leads of the last 90 days). */
export const leadgenUsage = (pageId: string): UsageCharge[] => [{ type: 'leadgen', objectId: pageId }];
