import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { CreativeRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing, nextAdObjectId } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { isObject, optionalJson, optionalString, requireString, validateOnly } from '../marketing-params';

/** `POST /act_{id}/adcreatives` (notes §5.3): the story spec names the Page; lead ads point at a form of that Page. */
function createCreative(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = optionalString(ctx, 'name') ?? 'Untitled creative';
  const spec = optionalJson(ctx, 'object_story_spec');
  if (spec === undefined && optionalString(ctx, 'object_story_id') === undefined) {
    throw GraphErrors.invalidParameter('The parameter object_story_spec is required');
  }
  let leadGenFormId: string | undefined;
  let callToActionType: string | undefined;
  if (spec !== undefined) {
    if (!isObject(spec)) throw GraphErrors.invalidParameter('Param object_story_spec must be a JSON object');
    const pageId = spec['page_id'];
    if (typeof pageId !== 'string' || !ctx.world.pages.has(pageId)) {
      throw GraphErrors.invalidParameter('object_story_spec.page_id must be the id of a Page you can advertise for');
    }
    const story = [spec['link_data'], spec['video_data']].find(isObject);
    if (!story) throw GraphErrors.invalidParameter('object_story_spec needs link_data or video_data');
    const cta = story['call_to_action'];
    if (isObject(cta)) {
      callToActionType = typeof cta['type'] === 'string' ? cta['type'] : undefined;
      const value = cta['value'];
      if (isObject(value) && value['lead_gen_form_id'] !== undefined) {
        leadGenFormId = String(value['lead_gen_form_id']);
        const form = ctx.world.forms.get(leadGenFormId);
        if (!form || form.pageId !== pageId) {
          throw GraphErrors.invalidParameter(`call_to_action.value.lead_gen_form_id ${leadGenFormId} is not a lead form of Page ${pageId}`);
        }
      }
    }
  }
  if (validateOnly(ctx)) return { success: true };
  const creative: CreativeRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    name,
    objectStorySpec: spec as Record<string, unknown> | undefined,
    title: optionalString(ctx, 'title'),
    body: optionalString(ctx, 'body'),
    callToActionType,
    leadGenFormId,
    status: 'ACTIVE',
    createdTime: ctx.runtime.clock.now(),
  };
  marketing(ctx.world).creatives.set(creative.id, creative);
  ctx.world.register(creative.id, 'AdCreative');
  return { id: creative.id };
}

/** An ad creative. Only the name can change once created, as on Meta. */
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
    title: (c) => c.title,
    body: (c) => c.body,
    call_to_action_type: (c) => c.callToActionType,
  },
  update: {
    access: ADS_WRITE,
    handle: (ctx, creative) => {
      const editable = new Set(['name', 'status', 'access_token', 'appsecret_proof', 'appsecret_time', 'method', 'fields']);
      const locked = Object.keys(ctx.params).find((key) => !editable.has(key));
      if (locked) throw GraphErrors.invalidParameter(`Ad creatives cannot be edited once created (${locked}); create a new creative instead`);
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
      items: (account, ctx) =>
        [...marketing(ctx.world).creatives.values()].filter((creative) => creative.accountId === account.accountId && creative.status !== 'DELETED'),
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createCreative(ctx, account) },
  });
}
