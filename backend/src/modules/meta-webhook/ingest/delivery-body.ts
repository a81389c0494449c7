import type { WebhookQuarantineReason } from '@legeai/contracts';
import { isUtf8 } from 'node:buffer';

/**
 * A signed delivery's body, read once at ingest. `readable`: JSON the pipeline can work with and PostgreSQL can hold.
 * Otherwise the reason it is quarantined; `json` is then still what a lenient read found (invalid bytes replaced),
 * so the delivery can be attributed to its Pages when that much is legible, or `undefined`.
 */
export type DeliveryBody = { readable: true; json: unknown } | { readable: false; reason: WebhookQuarantineReason; json: unknown };

/**
 * Decides at ingest what a signed body is, so nothing downstream ever has to parse raw bytes that may fail: the
 * webhook is answered 200 either way (Meta retries anything else for 36 hours, and the same bytes would fail again:
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications), and a body that is
 * not a readable delivery is stored as `quarantined` with the reason instead of being processed.
 *
 * Quarantined: another content type than application/json; bytes that are not UTF-8 (a lenient decode would
 * silently turn them into U+FFFD); text that is not JSON; JSON with a string PostgreSQL cannot hold as text, i.e. a
 * `\u0000` escape (text and jsonb refuse NUL) or an unpaired surrogate escape (`\ud800` alone has no UTF-8 form).
 *
 * Cheap on the hot path: the UTF-8 check is one native pass, the body is parsed once (as before), and the string
 * check is two scans of the text for the escapes in question; only a body that contains one is walked.
 */
export function readDeliveryBody(bytes: Buffer, isApplicationJson: boolean): DeliveryBody {
  const text = bytes.toString('utf8');
  const json = parseJson(text);
  if (!isApplicationJson) return { readable: false, reason: 'not_application_json', json };
  if (!isUtf8(bytes)) return { readable: false, reason: 'invalid_utf8', json };
  if (json === undefined) return { readable: false, reason: 'not_json', json };
  const unstorable = unstorableString(text, json);
  return unstorable ? { readable: false, reason: unstorable, json } : { readable: true, json };
}

/** JSON.parse, or `undefined` when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The JSON escape of NUL. */
const NUL_ESCAPE = /\\u0000/;
/** The escape of a UTF-16 surrogate (U+D800–U+DFFF): only then can a parsed string hold an unpaired one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPAIRED_SURROGATES = new RegExp(UNPAIRED_SURROGATE.source, 'g');

/**
 * Whether a string of the parsed body (a key or a value) holds a NUL or an unpaired surrogate. Raw NUL bytes and raw
 * surrogates cannot reach here (JSON refuses control characters in strings; UTF-8 has no surrogates), so only the
 * escapes matter: the text is scanned for them first, and only a body containing one is walked to tell a real NUL
 * from an escaped backslash followed by `u0000`.
 */
function unstorableString(text: string, json: unknown): 'nul_character' | 'unpaired_surrogate' | null {
  const maybeNul = NUL_ESCAPE.test(text);
  const maybeSurrogate = SURROGATE_ESCAPE.test(text);
  if (!maybeNul && !maybeSurrogate) return null;
  let found: 'nul_character' | 'unpaired_surrogate' | null = null;
  const check = (value: string) => {
    if (maybeNul && value.includes('\u0000')) found = 'nul_character';
    else if (maybeSurrogate && found === null && UNPAIRED_SURROGATE.test(value)) found = 'unpaired_surrogate';
  };
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: unknown[] = [json];
  while (pending.length > 0 && found !== 'nul_character') {
    const value = pending.pop();
    if (typeof value === 'string') check(value);
    else if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        check(key);
        pending.push(member);
      }
    }
  }
  return found;
}

/**
 * A string taken from a delivery, shortened to `max` UTF-16 units, made safe to store as PostgreSQL text or inside
 * jsonb: no NUL, and no surrogate left unpaired (by the cut, or by the sender), which would make the jsonb cast fail.
 */
export function storableText(value: string, max: number): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  return cut.replaceAll('\u0000', '').replace(UNPAIRED_SURROGATES, '\uFFFD');
}
