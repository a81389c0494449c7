import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord, BusinessRecord } from '../../world/types';
import type { DatasetRecord } from './dataset-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { requireString } from '../marketing-params';
import { addDataset, conversions, nextDatasetId } from './dataset-state';
import { receiveEvents } from './capi-events';

/**
 * A dataset (`AdsPixel`, https://developers.facebook.com/docs/marketing-api/reference/ads-pixel/): seen by people of
 * its business or of an ad account it is linked to; `events` is the Conversions API.
 */
export const datasetNode: NodeTypeSpec<DatasetRecord> = {
  type: 'AdsPixel',
  load: (id, world) => conversions(world).datasets.get(id),
  idOf: (dataset) => dataset.id,
  visible: (dataset, ctx) =>
    Boolean(ctx.identity?.user?.businessIds.includes(dataset.businessId)) || dataset.adAccountIds.some((id) => canSeeAdAccount(ctx, id)),
  access: { anyPermission: ['ads_management', 'ads_read'] },
  usage: (dataset) => dataset.adAccountIds.slice(0, 1).map((id) => ({ type: 'ads_management' as const, objectId: id, adAccountId: id })),
  defaultFields: ['id', 'name'],
  fields: {
    id: (d) => d.id,
    name: (d) => d.name,
    creation_time: (d) => graphTime(d.createdTime),
    owner_business: { nodeType: 'BusinessRef', get: (d, ctx) => ctx.world.businesses.get(d.businessId) },
    owner_ad_account: (d) => (d.ownerAdAccountId ? { id: `act_${d.ownerAdAccountId}`, account_id: d.ownerAdAccountId } : undefined),
    is_created_by_business: (d) => !d.ownerAdAccountId,
    is_unavailable: () => false,
    last_fired_time: (d) => (d.lastFiredAt === undefined ? undefined : graphTime(d.lastFiredAt)),
  },
  edges: {
    events: {
      create: {
        access: { permissions: ['ads_management'] },
        // Meta publishes no business-use-case limit for the Conversions API: a burst costs app calls only.
        usage: () => [],
        handle: (ctx, dataset) => receiveEvents(ctx, dataset),
      },
    },
  },
};

/** `POST /act_{id}/adspixels` `name=…` (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adspixels/). */
function createDataset(ctx: GraphContext, account: AdAccountRecord): { id: string } {
  const dataset: DatasetRecord = {
    id: nextDatasetId(ctx.world),
    name: requireString(ctx, 'name'),
    businessId: account.businessId,
    adAccountIds: [account.accountId],
    ownerAdAccountId: account.accountId,
    createdTime: ctx.runtime.clock.now(),
  };
  addDataset(ctx.world, dataset);
  return { id: dataset.id };
}

export function registerConversions(registry: GraphRegistry): void {
  registry.node(datasetNode);
  registry.edge<AdAccountRecord>('AdAccount', 'adspixels', {
    list: {
      itemType: 'AdsPixel',
      items: (account, ctx) =>
        [...conversions(ctx.world).datasets.values()].filter((dataset) => dataset.adAccountIds.includes(account.accountId)),
    },
    create: { access: { permissions: ['ads_management'] }, handle: (ctx, account) => createDataset(ctx, account) },
  });
  registry.edge<BusinessRecord>('Business', 'owned_pixels', {
    list: {
      access: { anyPermission: ['ads_management', 'ads_read'] },
      itemType: 'AdsPixel',
      items: (business, ctx) => [...conversions(ctx.world).datasets.values()].filter((dataset) => dataset.businessId === business.id),
    },
  });
}
