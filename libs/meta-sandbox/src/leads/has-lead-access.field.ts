import type { FieldSpec, NodeTypeSpec } from '../core/graph-registry';
import type { PageRecord } from '../world/types';
import { GraphErrors } from '../core/graph-errors';
import { holderOf } from '../assets/asset-access';
import { LeadAccessVerdict, leadAccessVerdict } from './leads-access-manager';

/**
 * `GET /{page-id}?fields=has_lead_access.user_id({user-id}).app_id({app-id})`: whether a person and an app can read
 * the Page's leads, and if not why and how to fix it (https://developers.facebook.com/docs/graph-api/reference/has-lead-access/).
 * Needs `leads_retrieval`. Without `user_id` it answers for whoever the token speaks for; without `app_id`, for the
 * calling app.
 */
export const hasLeadAccessField: FieldSpec<PageRecord> = {
  permissions: ['leads_retrieval'],
  nodeType: 'HasLeadAccess',
  get(page, ctx, modifiers) {
    const userId = modifiers['user_id'];
    const holder = userId === undefined ? holderOf(ctx) : (ctx.world.users.get(userId) ?? ctx.world.systemUsers.get(userId));
    if (userId !== undefined && !holder) throw GraphErrors.invalidParameter(`Invalid user_id: ${userId}`);
    const appId = modifiers['app_id'] ?? ctx.identity!.app.id;
    if (!ctx.world.apps.has(appId)) throw GraphErrors.invalidParameter(`Invalid app_id: ${appId}`);
    return leadAccessVerdict(ctx.world, page.id, appId, holder);
  },
};

const FIELDS: (keyof LeadAccessVerdict)[] = [
  'app_has_leads_permission',
  'can_access_lead',
  'enabled_lead_access_manager',
  'failure_reason',
  'failure_resolution',
  'is_page_admin',
  'page_id',
  'user_has_leads_permission',
  'user_id',
];

export const hasLeadAccessNode: NodeTypeSpec<LeadAccessVerdict> = {
  type: 'HasLeadAccess',
  load: () => undefined,
  idOf: (verdict) => verdict.page_id,
  defaultFields: FIELDS,
  fields: Object.fromEntries(FIELDS.map((name) => [name, (verdict: LeadAccessVerdict) => verdict[name]])),
};
