/**
 * A delivery's body as JSON, or `undefined` when it is not JSON. The webhook request refuses such a body with 400;
 * a stored row always passed it, and the relay reads it again from the inbox.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
