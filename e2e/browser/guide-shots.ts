import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * The user guide's screenshots, taken from the running product by `user-guide.spec.ts` so they never show a console
 * that no longer exists. They are committed under `docs/images/guide/` and every browser run writes them again; a
 * changed picture in `git status` after a run is the console having changed.
 */
export const USER_GUIDE = path.resolve(__dirname, '../../docs/user-guide.md');
export const GUIDE_IMAGES_DIR = path.resolve(__dirname, '../../docs/images/guide');
/** How the guide refers to its pictures, relative to docs/user-guide.md. */
const GUIDE_IMAGE_PATH = /^images\/guide\/([a-z0-9-]+)\.png$/;

/** One window size for every shot: legible, and small enough to keep in git. A shot of part of a page is smaller. */
export const GUIDE_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * The names of the screenshots `markdown` shows: `![…](images/guide/<name>.png)`. Any other image path under
 * `images/guide/` is returned as it is written, so a misspelt reference is reported rather than skipped.
 */
export function guideShotReferences(markdown: string): string[] {
  const names = new Set<string>();
  for (const [, target] of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (!target.startsWith('images/guide/')) continue;
    names.add(GUIDE_IMAGE_PATH.exec(target)?.[1] ?? target);
  }
  return [...names].sort();
}

/** The width and height of a PNG, from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Takes the guide's screenshots of one page and remembers which it took in this run. */
export class GuideShots {
  private readonly taken = new Set<string>();

  constructor(private readonly page: () => Page) {}

  /** Saves `docs/images/guide/<name>.png`: the window, or only `part` of it (a dialog, a panel). */
  async take(name: string, part?: Locator): Promise<void> {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`guide shot "${name}": use lower-case words and dashes`);
    if (this.taken.has(name)) throw new Error(`guide shot "${name}" is taken twice`);
    mkdirSync(GUIDE_IMAGES_DIR, { recursive: true });
    const file = path.join(GUIDE_IMAGES_DIR, `${name}.png`);
    // No caret and no running animation: the same screen gives the same picture.
    const options = { path: file, animations: 'disabled', caret: 'hide' } as const;
    if (part) {
      await part.scrollIntoViewIfNeeded();
      await part.screenshot(options);
    } else {
      await this.page().screenshot(options);
    }
    const { width, height } = pngSize(readFileSync(file));
    if (width > GUIDE_VIEWPORT.width || height > GUIDE_VIEWPORT.height) {
      throw new Error(`guide shot "${name}" is ${width}×${height}, larger than ${GUIDE_VIEWPORT.width}×${GUIDE_VIEWPORT.height}`);
    }
    this.taken.add(name);
  }

  /** The names taken in this run, sorted. */
  get names(): string[] {
    return [...this.taken].sort();
  }
}
