import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { DatasetRecord } from './dataset-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { conversions } from './dataset-state';
import { receiveEvents } from './capi-events';

/** A dataset (`AdsPixel`): seen by people of its business with ads permissions; `events` is the Conversions API. */
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
    last_fired_time: (d, ctx) => {
      const last = [...conversions(ctx.world).events].reverse().find((event) => event.datasetId === d.id);
      return last ? graphTime(last.receivedAt) : undefined;
    },
  },
  edges: {
    events: { create: { access: { permissions: ['ads_management'] }, handle: (ctx, dataset) => receiveEvents(ctx, dataset) } },
  },
};

export function registerConversions(registry: GraphRegistry): void {
  registry.node(datasetNode);
  registry.edge<AdAccountRecord>('AdAccount', 'adspixels', {
    list: {
      itemType: 'AdsPixel',
      items: (account, ctx) => [...conversions(ctx.world).datasets.values()].filter((dataset) => dataset.adAccountIds.includes(account.accountId)),
    },
  });
}
