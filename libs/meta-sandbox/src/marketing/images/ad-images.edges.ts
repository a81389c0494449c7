import type { Router } from 'express';
import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { SandboxRuntime } from '../../core/sandbox-runtime';
import type { AdAccountRecord } from '../../world/types';
import type { AdImageRecord } from './ad-image-state';
import { graphTime } from '../../core/clock';
import { GraphErrors } from '../../core/graph-errors';
import { canSeeAdAccount } from '../../assets/asset-access';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { optionalString, parseList } from '../marketing-params';
import { adsError } from '../marketing-errors';
import { marketing } from '../marketing-state';
import { CONTENT_TYPES, sniffImage } from './image-format';
import { IMAGE_PATH, adImages, imageOf, imageUrl, storeImage } from './ad-image-state';

/** Meta takes images up to 30 MB. */
const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

const creativesUsing = (ctx: GraphContext, image: AdImageRecord): string[] =>
  (marketing(ctx.world).index.creativesByAccount.get(image.accountId) ?? [])
    .filter((creative) => creative.status === 'ACTIVE' && creative.imageHash === image.hash)
    .map((creative) => creative.id);

/** An uploaded image (https://developers.facebook.com/docs/marketing-api/reference/ad-image/), id `{account_id}:{hash}`. */
const adImageNode: NodeTypeSpec<AdImageRecord> = {
  type: 'AdImage',
  load: (id, world) => adImages(world).get(id),
  idOf: (image) => image.id,
  visible: (image, ctx) => canSeeAdAccount(ctx, image.accountId),
  access: ADS_READ,
  usage: (image) => adsManagementUsage(image.accountId),
  defaultFields: ['hash', 'id'],
  fields: {
    id: (image) => image.id,
    account_id: (image) => image.accountId,
    hash: (image) => image.hash,
    name: (image) => image.name,
    url: (image, ctx) => imageUrl(ctx.baseUrl, image),
    url_128: (image, ctx) => imageUrl(ctx.baseUrl, image),
    permalink_url: (image, ctx) => imageUrl(ctx.baseUrl, image),
    width: (image) => image.info.width,
    height: (image) => image.info.height,
    original_width: (image) => image.info.width,
    original_height: (image) => image.info.height,
    status: (image) => image.status,
    creatives: (image, ctx) => creativesUsing(ctx, image),
    created_time: (image) => graphTime(image.createdTime),
    updated_time: (image) => graphTime(image.updatedTime),
  },
};

function decodeBytes(raw: string): Buffer {
  const clean = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=_-]+$/.test(clean)) throw GraphErrors.invalidParameter('Param bytes must be base64-encoded image data');
  return Buffer.from(clean, 'base64');
}

/**
 * `POST /act_{id}/adimages`: `bytes` (base64) or files in a multipart body (`filename=@photo.png`), answered as
 * `{"images":{"<name>":{"hash","url"}}}` keyed by the file name, or `bytes` for base64 uploads
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adimages/).
 */
function uploadImages(ctx: GraphContext, account: AdAccountRecord): { images: Record<string, { hash: string; url: string }> } {
  const uploads: { key: string; name: string; data: Buffer }[] = ctx.files.map((file) => ({
    key: file.filename || file.field,
    name: file.filename || file.field,
    data: file.data,
  }));
  const bytes = optionalString(ctx, 'bytes');
  if (bytes !== undefined) uploads.push({ key: 'bytes', name: optionalString(ctx, 'name') ?? 'bytes', data: decodeBytes(bytes) });
  if (optionalString(ctx, 'copy_from') !== undefined)
    throw GraphErrors.invalidParameter('copy_from is not supported by the sandbox: upload the image bytes instead');
  if (uploads.length === 0) throw GraphErrors.invalidParameter('Upload an image: send bytes (base64) or a file in a multipart body');
  const images: Record<string, { hash: string; url: string }> = {};
  for (const upload of uploads) {
    if (upload.data.length > MAX_IMAGE_BYTES) {
      throw adsError('invalidImage', 'Image Too Large', `${upload.name} is larger than 30 MB. Upload a smaller image.`, ['bytes']);
    }
    const info = sniffImage(upload.data);
    if (!info) {
      throw adsError('invalidImage', 'Invalid Image', `${upload.name} is not a JPG, PNG or GIF image.`, ['bytes']);
    }
    const image = storeImage(ctx.world, account.accountId, upload.name, upload.data, info, ctx.runtime.clock.now());
    images[upload.key] = { hash: image.hash, url: imageUrl(ctx.baseUrl, image) };
  }
  return { images };
}

/** `DELETE /act_{id}/adimages?hash=…`: images still used by a creative cannot be deleted. */
function deleteImage(ctx: GraphContext, account: AdAccountRecord): { success: true } {
  const hash = optionalString(ctx, 'hash');
  if (hash === undefined) throw GraphErrors.invalidParameter('The parameter hash is required');
  const image = imageOf(ctx.world, account.accountId, hash);
  if (!image) throw GraphErrors.invalidParameter(`Image hash ${hash} is not an image of ad account act_${account.accountId}`);
  const used = creativesUsing(ctx, image);
  if (used.length > 0) {
    throw adsError('invalidImage', 'Image In Use', `This image is used by ad creative ${used[0]} and cannot be deleted.`, ['hash']);
  }
  image.status = 'DELETED';
  image.updatedTime = ctx.runtime.clock.now();
  return { success: true };
}

export function registerAdImages(registry: GraphRegistry): void {
  registry.node(adImageNode);
  registry.edge<AdAccountRecord>('AdAccount', 'adimages', {
    list: {
      itemType: 'AdImage',
      maxLimit: 500,
      items: (account, ctx, modifiers) => {
        const hashes = modifiers['hashes'] ? new Set(parseList(modifiers['hashes'], 'hashes')) : undefined;
        return [...adImages(ctx.world).values()].filter(
          (image) => image.accountId === account.accountId && image.status === 'ACTIVE' && (!hashes || hashes.has(image.hash)),
        );
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => uploadImages(ctx, account) },
    remove: { access: ADS_WRITE, handle: (ctx, account) => deleteImage(ctx, account) },
  });
}

/** Serves uploaded images' bytes at the URLs the API hands out. */
export function imageRoutes(router: Router, runtime: SandboxRuntime): void {
  router.get(`${IMAGE_PATH}/:accountId/:file`, (req, res) => {
    const hash = req.params['file'].replace(/\.[a-z]+$/, '');
    const image = imageOf(runtime.world, req.params['accountId'], hash);
    if (!image) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.type(CONTENT_TYPES[image.info.format]).set('Cache-Control', 'public, max-age=3600').send(image.bytes);
  });
}
