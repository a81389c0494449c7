import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a preview shows: who speaks, the words, the picture and the button of an ad. */
export interface PreviewContent {
  format: string;
  pageName: string;
  body?: string;
  title?: string;
  description?: string;
  imageUrl?: string;
  callToAction?: string;
  /** Lead ads open a form on Facebook instead of a website. */
  leadForm: boolean;
  link?: string;
}

const sign = (secret: string, data: string): string => createHmac('sha256', secret).update(data).digest('hex').slice(0, 32);

/**
 * The preview iframe's address carries its content (`d`) and a signature (`t`), as Meta's `preview_iframe.php`
 * links do, so the page needs no stored state and shows nothing the sandbox did not produce.
 */
export function encodePreview(secret: string, content: PreviewContent): { d: string; t: string } {
  const d = Buffer.from(JSON.stringify(content)).toString('base64url');
  return { d, t: sign(secret, d) };
}

export function decodePreview(secret: string, d: unknown, t: unknown): PreviewContent | undefined {
  if (typeof d !== 'string' || typeof t !== 'string') return undefined;
  const expected = Buffer.from(sign(secret, d));
  const given = Buffer.from(t);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as PreviewContent;
  } catch {
    return undefined;
  }
}
