/**
 * Permissions the login dialog knows, what it tells the user about each, and which kind of asset a grant can be
 * narrowed to (`granular_scopes[].target_ids`, https://developers.facebook.com/docs/graph-api/reference/debug_token).
 */
export interface PermissionInfo {
  description: string;
  targets?: 'pages' | 'adAccounts' | 'businesses';
}

export const PERMISSIONS: Record<string, PermissionInfo> = {
  public_profile: { description: 'Your name and profile picture' },
  email: { description: 'Your email address' },
  pages_show_list: { description: 'Show a list of the Pages you manage', targets: 'pages' },
  pages_read_engagement: { description: 'Read content posted on your Pages', targets: 'pages' },
  pages_manage_metadata: { description: 'Manage settings and webhooks of your Pages', targets: 'pages' },
  pages_manage_ads: { description: 'Manage ads and lead forms of your Pages', targets: 'pages' },
  leads_retrieval: { description: 'Access leads for your Pages' },
  ads_management: { description: 'Manage your ads', targets: 'adAccounts' },
  ads_read: { description: 'Read your ads performance', targets: 'adAccounts' },
  business_management: { description: 'Manage your business', targets: 'businesses' },
  catalog_management: { description: 'Manage your product catalogs' },
};

/** `scope` may be comma- or space-separated. */
export function parseScope(scope: string | undefined): string[] {
  const names = (scope ?? '')
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)];
}
