/**
 * Serialises JSON the way Meta does: non-ASCII characters as `\uXXXX` and slashes as `\/`. Webhook receivers that
 * re-serialise a parsed body instead of hashing the raw bytes get a different signature, exactly as with Meta.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
