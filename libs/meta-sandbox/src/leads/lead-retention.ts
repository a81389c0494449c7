import type { World } from '../world/world';
import type { LeadRecord } from '../world/types';

/**
 * Leads can be downloaded for 90 days after submission
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving); older ones are gone.
 */
export const LEAD_RETENTION_MS = 90 * 86_400_000;

export function isExpired(lead: LeadRecord, nowMs: number): boolean {
  return nowMs - lead.createdTime > LEAD_RETENTION_MS;
}

/** Leads of a form, newest first, as Meta lists them. */
export function leadsOfForm(world: World, formId: string): LeadRecord[] {
  return [...world.leads.values()]
    .filter((lead) => lead.formId === formId)
    .sort((a, b) => b.createdTime - a.createdTime || (a.id < b.id ? 1 : -1));
}
