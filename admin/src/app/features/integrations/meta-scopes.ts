import { MetaScope } from '@legeai/contracts';

/** What the product does with each permission it asks Meta for, so an admin knows what breaks without it. */
export const META_SCOPE_PURPOSES: Readonly<Record<MetaScope, string>> = {
  ads_management: 'manage campaigns and ads, and subscribe pages to lead webhooks',
  ads_read: 'read ad accounts, campaigns and their insights',
  business_management: 'see the ad accounts and pages owned by your Business Manager',
  catalog_management: 'use product catalogs in campaigns',
  leads_retrieval: 'download the leads people submit in your lead forms',
  pages_show_list: 'list the Facebook Pages you manage',
  pages_read_engagement: 'read page details such as name, category and followers',
  pages_manage_ads: 'read the lead forms of your pages',
  pages_manage_metadata: 'subscribe your pages to new-lead webhooks',
  email: 'show which Meta user connected the account',
};

/** Why the product needs `scope`, or a generic sentence for a permission this console does not know. */
export function scopePurpose(scope: string): string {
  return (META_SCOPE_PURPOSES as Record<string, string>)[scope] ?? 'a capability of the integration';
}
