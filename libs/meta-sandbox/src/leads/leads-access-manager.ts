import type { World } from '../world/world';
import type { AssetHolder } from '../assets/asset-access';

/**
 * A Page's Leads Access Manager once the business customised it: only the people and CRMs (apps) listed may read its
 * leads. Not customised (no entry), every person who can advertise on the Page may, through any app
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving,
 * https://www.facebook.com/business/help/1440176552713521).
 */
export interface LeadsAccessSettings {
  /** User or system user ids with leads access. */
  people: string[];
  /** App ids of CRMs with leads access. */
  crms: string[];
}

export const leadsAccessManager = (world: World): Map<string, LeadsAccessSettings> =>
  world.ext('leads-access-manager', () => new Map<string, LeadsAccessSettings>());

/** The fields of `has_lead_access` (https://developers.facebook.com/docs/graph-api/reference/has-lead-access/). */
export interface LeadAccessVerdict {
  page_id: string;
  user_id?: string;
  app_has_leads_permission: boolean;
  user_has_leads_permission: boolean;
  can_access_lead: boolean;
  enabled_lead_access_manager: boolean;
  is_page_admin: boolean;
  failure_reason?: string;
  failure_resolution?: string;
}

const MANAGER_HELP = 'https://www.facebook.com/business/help/1440176552713521';

/**
 * Whether a person (or system user) may read a Page's leads through an app. Reading leads takes someone who can
 * advertise on the Page (the ADVERTISE task) and, when the Leads Access Manager is customised, both the person and the
 * app on its lists. The first failure reason and resolution are the text users report from Meta; the others are
 * sandbox wording in the same style.
 */
export function leadAccessVerdict(world: World, pageId: string, appId: string, holder: AssetHolder | undefined): LeadAccessVerdict {
  const tasks = holder?.pageRoles.find((role) => role.pageId === pageId)?.tasks ?? [];
  const manager = leadsAccessManager(world).get(pageId);
  const canAdvertise = tasks.includes('ADVERTISE');
  const appAllowed = !manager || manager.crms.includes(appId);
  const personAllowed = canAdvertise && (!manager || (holder !== undefined && manager.people.includes(holder.id)));
  const verdict: LeadAccessVerdict = {
    page_id: pageId,
    ...(holder ? { user_id: holder.id } : {}),
    app_has_leads_permission: appAllowed,
    user_has_leads_permission: personAllowed,
    can_access_lead: appAllowed && personAllowed,
    enabled_lead_access_manager: manager !== undefined,
    is_page_admin: tasks.includes('MANAGE'),
  };
  if (!appAllowed) {
    verdict.failure_reason = 'CRM access has been revoked from Lead Access Manager';
    verdict.failure_resolution = `Please make sure your CRM is added in the Lead Access Manager setting for the page (${MANAGER_HELP})`;
  } else if (!canAdvertise) {
    verdict.failure_reason = 'The user cannot advertise on this Page';
    verdict.failure_resolution = 'Please make sure the user has the Advertise task on the page';
  } else if (!personAllowed) {
    verdict.failure_reason = 'The user has no leads access in Lead Access Manager';
    verdict.failure_resolution = `Please make sure the user is given leads access in the Lead Access Manager setting for the page (${MANAGER_HELP})`;
  }
  return verdict;
}
