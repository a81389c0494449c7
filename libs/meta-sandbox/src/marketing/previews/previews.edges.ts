import type { Router } from 'express';
import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry } from '../../core/graph-registry';
import type { SandboxRuntime } from '../../core/sandbox-runtime';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord, CreativeRecord } from '../marketing-state';
import type { PreviewContent } from './preview-content';
import { GraphErrors } from '../../core/graph-errors';
import { marketing } from '../marketing-state';
import { isObject, optionalJson, parseEnum, requireString } from '../marketing-params';
import { imageOf, imageUrl } from '../images/ad-image-state';
import { parseCreativeSpec } from '../ads/creative-writes';
import { AD_FORMATS, layoutOf } from './preview-formats';
import { decodePreview, encodePreview } from './preview-content';
import { previewPage } from './preview-page';

type CreativeView = Pick<
  CreativeRecord,
  'accountId' | 'pageId' | 'title' | 'body' | 'description' | 'imageHash' | 'callToActionType' | 'leadGenFormId' | 'objectStorySpec'
>;

const IFRAME_PATH = '/ads/api/preview_iframe.php';

function contentOf(ctx: Pick<GraphContext, 'world' | 'baseUrl'>, creative: CreativeView, format: string): PreviewContent {
  const image = creative.imageHash ? imageOf(ctx.world, creative.accountId, creative.imageHash) : undefined;
  const linkData = isObject(creative.objectStorySpec?.['link_data']) ? creative.objectStorySpec['link_data'] : undefined;
  return {
    format,
    pageName: (creative.pageId && ctx.world.pages.get(creative.pageId)?.name) || 'Page',
    body: creative.body,
    title: creative.title,
    description: creative.description,
    imageUrl: image ? imageUrl(ctx.baseUrl, image) : undefined,
    callToAction: creative.callToActionType,
    leadForm: creative.leadGenFormId !== undefined,
    link: typeof linkData?.['link'] === 'string' ? linkData['link'] : undefined,
  };
}

/** `{"data":[{"body":"<iframe …>"}]}`: an iframe pointing at the page the sandbox serves for the preview. */
function previewOf(ctx: GraphContext, creative: CreativeView) {
  const format = parseEnum(requireString(ctx, 'ad_format'), 'ad_format', AD_FORMATS);
  const { d, t } = encodePreview(ctx.world.app.secret, contentOf(ctx, creative, format));
  const { width, height } = layoutOf(format);
  const src = `${ctx.baseUrl}${IFRAME_PATH}?d=${d}&amp;t=${t}`;
  return [{ body: `<iframe src="${src}" width="${width}" height="${height}" scrolling="yes" style="border: none;"></iframe>` }];
}

const creativeOfAd = (ctx: GraphContext, ad: AdRecord) => marketing(ctx.world).creatives.get(ad.creativeId)!;

/** A creative spec or `{"creative_id": …}` in `generatepreviews`: checked as a creative would be, not stored. */
function creativeParam(ctx: GraphContext, account: AdAccountRecord): CreativeView {
  const raw = optionalJson(ctx, 'creative');
  if (!isObject(raw)) throw GraphErrors.invalidParameter('The parameter creative is required (a creative spec or {"creative_id": …})');
  if (raw['creative_id'] !== undefined) {
    const creative = marketing(ctx.world).creatives.get(String(raw['creative_id']));
    if (!creative || creative.accountId !== account.accountId)
      throw GraphErrors.invalidParameter(`creative_id ${String(raw['creative_id'])} is not a creative of this ad account`);
    return creative;
  }
  return { accountId: account.accountId, ...parseCreativeSpec(ctx, account, raw) };
}

/**
 * Ad previews (https://developers.facebook.com/docs/marketing-api/generatepreview/): `/{creative-id}/previews`,
 * `/{ad-id}/previews` and `/act_{id}/generatepreviews?creative=…`, each with a required `ad_format`.
 */
export function registerPreviews(registry: GraphRegistry): void {
  registry.node<{ body: string }>({
    type: 'AdPreview',
    load: () => undefined,
    idOf: () => 'preview',
    defaultFields: ['body'],
    fields: { body: (preview) => preview.body },
  });
  registry.edge<CreativeRecord>('AdCreative', 'previews', {
    list: { itemType: 'AdPreview', items: (creative, ctx) => previewOf(ctx, creative) },
  });
  registry.edge<AdRecord>('Ad', 'previews', { list: { itemType: 'AdPreview', items: (ad, ctx) => previewOf(ctx, creativeOfAd(ctx, ad)) } });
  registry.edge<AdAccountRecord>('AdAccount', 'generatepreviews', {
    list: { itemType: 'AdPreview', items: (account, ctx) => previewOf(ctx, creativeParam(ctx, account)) },
  });
}

/** The preview pages: the iframe target, and an ad's shareable preview link. */
export function previewRoutes(router: Router, runtime: SandboxRuntime): void {
  const origin = (req: { protocol: string; get(name: string): string | undefined }) =>
    runtime.options.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  router.get(IFRAME_PATH, (req, res) => {
    const content = decodePreview(runtime.world.app.secret, req.query['d'], req.query['t']);
    if (!content) {
      res.status(400).type('text/plain').send('This preview link is invalid.');
      return;
    }
    res.type('html').send(previewPage(content));
  });
  router.get('/ads/preview/', (req, res) => {
    const ad = marketing(runtime.world).ads.get(String(req.query['ad_id'] ?? ''));
    const creative = ad && marketing(runtime.world).creatives.get(ad.creativeId);
    if (!creative) {
      res.status(404).type('text/plain').send('This ad preview is not available.');
      return;
    }
    res.type('html').send(previewPage(contentOf({ world: runtime.world, baseUrl: origin(req) }, creative, 'DESKTOP_FEED_STANDARD')));
  });
}
