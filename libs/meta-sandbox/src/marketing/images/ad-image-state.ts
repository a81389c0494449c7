import { createHash } from 'node:crypto';
import type { World } from '../../world/world';
import type { ImageInfo } from './image-format';

/** An uploaded ad image (https://developers.facebook.com/docs/marketing-api/reference/ad-image/). */
export interface AdImageRecord {
  /** `{account_id}:{hash}`, as Meta writes AdImage ids. */
  id: string;
  accountId: string;
  hash: string;
  name: string;
  bytes: Buffer;
  info: ImageInfo;
  status: 'ACTIVE' | 'DELETED';
  createdTime: number;
  updatedTime: number;
}

export const adImages = (world: World): Map<string, AdImageRecord> =>
  world.ext('marketing.adimages', () => new Map<string, AdImageRecord>());

/** The hash Meta gives an image: an MD5 of its bytes, so the same file uploaded twice is the same image. */
export const imageHash = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

export const imageOf = (world: World, accountId: string, hash: string): AdImageRecord | undefined => {
  const image = adImages(world).get(`${accountId}:${hash}`);
  return image && image.status === 'ACTIVE' ? image : undefined;
};

export function storeImage(world: World, accountId: string, name: string, bytes: Buffer, info: ImageInfo, now: number): AdImageRecord {
  const hash = imageHash(bytes);
  const id = `${accountId}:${hash}`;
  const existing = adImages(world).get(id);
  if (existing) {
    existing.status = 'ACTIVE';
    existing.updatedTime = now;
    return existing;
  }
  const image: AdImageRecord = { id, accountId, hash, name, bytes, info, status: 'ACTIVE', createdTime: now, updatedTime: now };
  adImages(world).set(id, image);
  world.register(id, 'AdImage');
  return image;
}

/** Where the sandbox serves an image's bytes (Meta's are temporary CDN links). */
export const IMAGE_PATH = '/sandbox-cdn/adimages';
export const imageUrl = (base: string, image: AdImageRecord): string =>
  `${base}${IMAGE_PATH}/${image.accountId}/${image.hash}.${image.info.format === 'jpeg' ? 'jpg' : image.info.format}`;
