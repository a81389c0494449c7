import type { World } from '../../world/world';
import type { DemoImage } from '../../world/demo-ad-plan';
import type { AdImageRecord } from './ad-image-state';
import { placeholderPng, sniffImage } from './image-format';
import { storeImage } from './ad-image-state';

/** One colour scheme per product line of the agency. */
const PALETTE: Record<DemoImage, [[number, number, number], [number, number, number]]> = {
  auto: [
    [22, 78, 140],
    [90, 160, 220],
  ],
  home: [
    [46, 110, 70],
    [150, 200, 120],
  ],
  life: [
    [120, 60, 110],
    [220, 170, 200],
  ],
  health: [
    [20, 120, 130],
    [150, 220, 215],
  ],
  blog: [
    [70, 70, 80],
    [200, 200, 205],
  ],
};

/** Built once per process: the bytes never change, and deflating 1200×628 pixels on every reset would show. */
const bytes = new Map<DemoImage, Buffer>();

function demoImageBytes(kind: DemoImage): Buffer {
  let png = bytes.get(kind);
  if (!png) bytes.set(kind, (png = placeholderPng(1200, 628, ...PALETTE[kind])));
  return png;
}

/** The agency's uploaded images in an ad account (what `/act_{id}/adimages` lists for the demo). */
export function seedDemoImage(world: World, accountId: string, kind: DemoImage, at: number): AdImageRecord {
  const png = demoImageBytes(kind);
  return storeImage(world, accountId, `harbor-point-${kind}.png`, png, sniffImage(png)!, at);
}
