import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import type { CreativeRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { addCreative, nextAdObjectId } from '../marketing-state';
import { isObject, optionalJson, optionalString, parseEnum, validateOnly } from '../marketing-params';
import { adsError } from '../marketing-errors';
import { imageOf } from '../images/ad-image-state';
import { canAdvertiseFor } from '../adsets/adset-writes';
import { checkPromotedPage } from '../adsets/delivery-rules';
import { CALL_TO_ACTION_TYPES, LEAD_FORM_CALL_TO_ACTIONS } from './creative-rules';

/**
 * A creative spec as `POST /act_{id}/adcreatives` takes it, or inline as `creative={…}` on `POST /act_{id}/ads`
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-creative/):
 * - `object_story_spec.page_id` (a Page the person can advertise for) with `link_data` (`message` = primary text,
 *   `name` = headline, `description`, `image_hash` from `/act_{id}/adimages`, `call_to_action`) or `video_data`;
 * - or `asset_feed_spec` (`images`, `bodies`, `titles`, `descriptions`, `call_to_action_types`, `call_to_actions`)
 *   next to an `object_story_spec` that names the Page;
 * - a lead form opens from `call_to_action.value.lead_gen_form_id`: an active form of the same Page.
 */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const firstText = (list: unknown): string | undefined => (Array.isArray(list) ? text(list.find(isObject)?.['text']) : undefined);

function checkImage(ctx: GraphContext, account: AdAccountRecord, hash: unknown, blame: string[]): string | undefined {
  if (hash === undefined) return undefined;
  if (typeof hash !== 'string' || !imageOf(ctx.world, account.accountId, hash)) {
    throw adsError(
      'imageNotFound',
      'Image not found',
      `Image hash ${String(hash)} is not an image of ad account act_${account.accountId}. Upload it to /act_${account.accountId}/adimages first.`,
      blame,
    );
  }
  return hash;
}

function checkCallToAction(type: unknown, blame: string[]): string {
  if (typeof type !== 'string') throw GraphErrors.invalidParameter(`${blame.join('.')}.type is required`);
  return parseEnum(type, blame.concat('type').join('.'), CALL_TO_ACTION_TYPES);
}

function checkLeadForm(ctx: GraphContext, formId: unknown, pageId: string, callToAction: string, blame: string[]): string {
  const id = String(formId);
  const form = ctx.world.forms.get(id);
  if (!form || form.pageId !== pageId) {
    throw adsError(
      'leadFormOtherPage',
      'Lead form not available',
      `Form ${id} is not a lead form of Page ${pageId}. Use a form the ad's Page owns.`,
      blame,
    );
  }
  if (form.status !== 'ACTIVE') {
    throw adsError(
      'leadFormInactive',
      'Lead form not active',
      `Form ${id} is ${form.status.toLowerCase()}. Only active forms can be used in ads.`,
      blame,
    );
  }
  if (!LEAD_FORM_CALL_TO_ACTIONS.includes(callToAction)) {
    throw adsError(
      'callToActionNotAllowed',
      'Button not available for lead ads',
      `The ${callToAction} button cannot open an instant form. Use one of: ${LEAD_FORM_CALL_TO_ACTIONS.join(', ')}.`,
      blame.slice(0, -2).concat('type'),
    );
  }
  return id;
}

type CreativeFields = Omit<CreativeRecord, 'id' | 'accountId' | 'status' | 'createdTime'>;

/** Reads a creative spec (the params of a creative, or the object inside `creative={…}`). */
export function parseCreativeSpec(ctx: GraphContext, account: AdAccountRecord, spec: Record<string, unknown>): CreativeFields {
  const story = spec['object_story_spec'];
  const assetFeed = spec['asset_feed_spec'];
  if (story === undefined && spec['object_story_id'] === undefined)
    throw GraphErrors.invalidParameter('The parameter object_story_spec is required');
  if (story !== undefined && !isObject(story)) throw GraphErrors.invalidParameter('Param object_story_spec must be a JSON object');
  if (assetFeed !== undefined && !isObject(assetFeed)) throw GraphErrors.invalidParameter('Param asset_feed_spec must be a JSON object');
  const out: CreativeFields = { name: text(spec['name']) ?? 'Untitled creative' };
  if (!story) return out;
  const pageId = story['page_id'];
  if (typeof pageId !== 'string' || !ctx.world.pages.has(pageId)) {
    throw GraphErrors.invalidParameter('object_story_spec.page_id must be the id of a Page');
  }
  checkPromotedPage(pageId, canAdvertiseFor(ctx, pageId), ['object_story_spec', 'page_id']);
  out.pageId = pageId;
  out.objectStorySpec = story;
  const content = isObject(story['link_data'])
    ? { key: 'link_data', data: story['link_data'] }
    : isObject(story['video_data'])
      ? { key: 'video_data', data: story['video_data'] }
      : undefined;
  if (!content && !assetFeed) throw GraphErrors.invalidParameter('object_story_spec needs link_data or video_data (or an asset_feed_spec)');
  if (content) {
    const data = content.data;
    const video = content.key === 'video_data';
    out.body = text(data['message']);
    out.title = text(video ? data['title'] : data['name']);
    out.description = text(data['description'] ?? data['link_description']);
    out.imageHash = checkImage(ctx, account, data['image_hash'], ['object_story_spec', content.key, 'image_hash']);
    if (video) {
      if (typeof data['video_id'] !== 'string' && typeof data['video_id'] !== 'number')
        throw GraphErrors.invalidParameter('object_story_spec.video_data.video_id is required');
      out.videoId = String(data['video_id']);
    }
    const cta = data['call_to_action'];
    if (cta !== undefined) {
      if (!isObject(cta)) throw GraphErrors.invalidParameter(`object_story_spec.${content.key}.call_to_action must be an object`);
      out.callToActionType = checkCallToAction(cta['type'], ['object_story_spec', content.key, 'call_to_action']);
      const value = isObject(cta['value']) ? cta['value'] : undefined;
      if (value?.['lead_gen_form_id'] !== undefined) {
        out.leadGenFormId = checkLeadForm(ctx, value['lead_gen_form_id'], pageId, out.callToActionType, [
          'object_story_spec',
          content.key,
          'call_to_action',
          'value',
          'lead_gen_form_id',
        ]);
      }
    }
    if (!video && !out.leadGenFormId && typeof data['link'] !== 'string') {
      throw GraphErrors.invalidParameter('object_story_spec.link_data.link is required unless the call to action opens a lead form');
    }
  }
  if (assetFeed) {
    out.assetFeedSpec = assetFeed;
    const images = Array.isArray(assetFeed['images']) ? assetFeed['images'].filter(isObject) : [];
    images.forEach((image, i) => checkImage(ctx, account, image['hash'], ['asset_feed_spec', 'images', String(i), 'hash']));
    out.imageHash ??= text(images[0]?.['hash']);
    out.body ??= firstText(assetFeed['bodies']);
    out.title ??= firstText(assetFeed['titles']);
    out.description ??= firstText(assetFeed['descriptions']);
    const types = Array.isArray(assetFeed['call_to_action_types']) ? assetFeed['call_to_action_types'] : [];
    types.forEach((type, i) => checkCallToAction(type, ['asset_feed_spec', 'call_to_action_types', String(i)]));
    out.callToActionType ??= types[0] as string | undefined;
    const actions = Array.isArray(assetFeed['call_to_actions']) ? assetFeed['call_to_actions'].filter(isObject) : [];
    actions.forEach((action, i) => {
      const type = checkCallToAction(action['type'], ['asset_feed_spec', 'call_to_actions', String(i)]);
      out.callToActionType ??= type;
      const value = isObject(action['value']) ? action['value'] : undefined;
      if (value?.['lead_gen_form_id'] !== undefined) {
        out.leadGenFormId ??= checkLeadForm(ctx, value['lead_gen_form_id'], pageId, type, [
          'asset_feed_spec',
          'call_to_actions',
          String(i),
          'value',
          'lead_gen_form_id',
        ]);
      }
    });
  }
  return out;
}

/** Stores a creative read by `parseCreativeSpec`. */
export function saveCreative(ctx: GraphContext, account: AdAccountRecord, fields: CreativeFields): CreativeRecord {
  const creative: CreativeRecord = {
    ...fields,
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    status: 'ACTIVE',
    createdTime: ctx.runtime.clock.now(),
  };
  addCreative(ctx.world, creative);
  return creative;
}

/** `POST /act_{id}/adcreatives`. */
export function createCreative(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const spec: Record<string, unknown> = { name: optionalString(ctx, 'name') };
  for (const key of ['object_story_spec', 'asset_feed_spec']) spec[key] = optionalJson(ctx, key);
  spec['object_story_id'] = optionalString(ctx, 'object_story_id');
  const fields = parseCreativeSpec(ctx, account, spec);
  if (validateOnly(ctx)) return { success: true };
  return { id: saveCreative(ctx, account, fields).id };
}
