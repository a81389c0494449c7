/** Everything outside printable ASCII, which Meta writes as `\uXXXX`. */
const NON_ASCII = /[\u007f-\uffff]/g;

const unicodeEscape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Serialises JSON the way Meta does: non-ASCII characters as `\uXXXX` and slashes as `\/`. Webhook receivers that
 * re-serialise a parsed body instead of hashing the raw bytes get a different signature, exactly as with Meta.
 * Slashes are replaced natively (no callback per match): a batch answer of 50 leads is serialised twice (each body,
 * then the batch) and carries hundreds of them.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('/', '\\/').replace(NON_ASCII, unicodeEscape);
}
