import { ValidationFailedError } from '../../common/errors/api-error';

/** Where a keyset page resumes: the last row's exact received_at (as text, keeping microseconds) and id. */
export interface LeadCursor {
  receivedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL's text form of a timestamptz, as `received_at::text` gives it.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** The opaque `nextCursor` of a page: base64url of `{"r": receivedAt, "i": id}`. */
export function encodeLeadCursor(cursor: LeadCursor): string {
  return Buffer.from(JSON.stringify({ r: cursor.receivedAt, i: cursor.id })).toString('base64url');
}

/** Reads a client's cursor back; anything that is not one of ours is a 400 naming the field, never a SQL error. */
export function decodeLeadCursor(text: string): LeadCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { r, i } = (parsed ?? {}) as { r?: unknown; i?: unknown };
  if (typeof r !== 'string' || typeof i !== 'string' || !TIMESTAMP.test(r) || !UUID.test(i)) {
    throw new ValidationFailedError([{ field: 'cursor', messages: ["cursor must be a previous page's nextCursor"] }]);
  }
  return { receivedAt: r, id: i };
}
