import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { CreativeRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { optionalString } from '../marketing-params';
import { imageOf, imageUrl } from '../images/ad-image-state';
import { createCreative } from './creative-writes';

const imageLink = (creative: CreativeRecord, world: Parameters<typeof imageOf>[0], base: string) => {
  const image = creative.imageHash ? imageOf(world, creative.accountId, creative.imageHash) : undefined;
  return image ? imageUrl(base, image) : undefined;
};

/** An ad creative (https://developers.facebook.com/docs/marketing-api/reference/ad-creative/). Only its name changes once created. */
export const creativeNode: NodeTypeSpec<CreativeRecord> = {
  type: 'AdCreative',
  load: (id, world) => marketing(world).creatives.get(id),
  idOf: (creative) => creative.id,
  visible: (creative, ctx) => canSeeAdAccount(ctx, creative.accountId),
  access: ADS_READ,
  usage: (creative) => adsManagementUsage(creative.accountId),
  defaultFields: ['id'],
  fields: {
    id: (c) => c.id,
    account_id: (c) => c.accountId,
    name: (c) => c.name,
    status: (c) => c.status,
    object_story_spec: (c) => c.objectStorySpec,
    asset_feed_spec: (c) => c.assetFeedSpec,
    // The Page post the creative becomes: `{page_id}_{post_id}`.
    effective_object_story_id: (c) => (c.pageId ? `${c.pageId}_${c.id.slice(-12)}` : undefined),
    object_type: (c) => (c.videoId ? 'VIDEO' : 'SHARE'),
    title: (c) => c.title,
    body: (c) => c.body,
    image_hash: (c) => c.imageHash,
    image_url: (c, ctx) => imageLink(c, ctx.world, ctx.baseUrl),
    thumbnail_url: (c, ctx) => imageLink(c, ctx.world, ctx.baseUrl),
    video_id: (c) => c.videoId,
    call_to_action_type: (c) => c.callToActionType,
  },
  update: {
    access: ADS_WRITE,
    handle: (ctx, creative) => {
      const editable = new Set(['name', 'status', 'access_token', 'appsecret_proof', 'appsecret_time', 'method', 'fields']);
      const locked = Object.keys(ctx.params).find((key) => !editable.has(key));
      if (locked)
        throw GraphErrors.invalidParameter(`Ad creatives cannot be edited once created (${locked}); create a new creative instead`);
      const name = optionalString(ctx, 'name');
      if (name !== undefined) creative.name = name;
      return { success: true };
    },
  },
  remove: {
    access: ADS_WRITE,
    handle: (_ctx, creative) => {
      creative.status = 'DELETED';
      return { success: true };
    },
  },
};

export function registerCreatives(registry: GraphRegistry): void {
  registry.node(creativeNode);
  registry.edge<AdAccountRecord>('AdAccount', 'adcreatives', {
    list: {
      itemType: 'AdCreative',
      maxLimit: 500,
      items: (account, ctx) =>
        (marketing(ctx.world).index.creativesByAccount.get(account.accountId) ?? []).filter((creative) => creative.status !== 'DELETED'),
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createCreative(ctx, account) },
  });
}
