import { IDEMPOTENCY_KEY_HEADER } from '@legeai/contracts';

/** The header the API's MetaAds writes take, so a retried request never creates or applies twice. */
export const IDEMPOTENCY_HEADER = IDEMPOTENCY_KEY_HEADER;

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts, and a console opened over plain HTTP
 * on a LAN address is not one; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per user action. Sending the same action again after it failed (a "Try again", the same toggle flipped
 * again, the same form submitted again) reuses its key, so if the first attempt did reach Meta after all, the server
 * answers with its outcome instead of acting twice. A different action, or the same one with other values, gets a new
 * key; once an action succeeded, doing it again is a new action.
 */
export class IdempotencyKeys {
  private readonly open = new Map<string, { fingerprint: string; key: string }>();

  /** The key for `action` (e.g. `status:<id>`) carrying `body`. */
  keyFor(action: string, body: unknown): string {
    const fingerprint = JSON.stringify(body ?? null);
    const known = this.open.get(action);
    if (known && known.fingerprint === fingerprint) {
      return known.key;
    }
    const key = newIdempotencyKey();
    this.open.set(action, { fingerprint, key });
    return key;
  }

  /** The action succeeded (or was answered for good): doing it again is a new action. */
  settle(action: string): void {
    this.open.delete(action);
  }
}
