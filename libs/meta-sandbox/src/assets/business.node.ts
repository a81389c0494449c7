import type { NodeTypeSpec } from '../core/graph-registry';
import type { BusinessRecord } from '../world/types';
import { graphTime } from '../core/clock';
import { canSeeAdAccount, canSeeBusiness, canSeePage } from './asset-access';

/**
 * A Business Manager business (https://developers.facebook.com/docs/marketing-api/reference/business). Needs
 * `business_management`.
 */
export const businessNode: NodeTypeSpec<BusinessRecord> = {
  type: 'Business',
  load: (id, world) => world.businesses.get(id),
  idOf: (business) => business.id,
  visible: (business, ctx) => canSeeBusiness(ctx, business.id),
  access: { permissions: ['business_management'] },
  usage: (business) => [{ type: 'ads_management', objectId: business.id }],
  defaultFields: ['id', 'name'],
  fields: {
    id: (business) => business.id,
    name: (business) => business.name,
    verification_status: (business) => business.verificationStatus,
    created_time: (business) => graphTime(business.createdTime),
  },
  edges: {
    owned_ad_accounts: {
      list: {
        itemType: 'AdAccount',
        items: (business, ctx) =>
          [...ctx.world.adAccounts.values()].filter(
            (account) => account.businessId === business.id && canSeeAdAccount(ctx, account.accountId),
          ),
      },
    },
    client_ad_accounts: { list: { itemType: 'AdAccount', items: () => [] } },
    owned_pages: {
      list: {
        itemType: 'Page',
        items: (business, ctx) =>
          [...ctx.world.pages.values()].filter((page) => page.businessId === business.id && canSeePage(ctx, page.id)),
      },
    },
    client_pages: { list: { itemType: 'Page', items: () => [] } },
  },
};
