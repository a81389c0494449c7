import { parseJson } from './delivery-body';

/**
 * A stored delivery's body as JSON, or `undefined` when it is not JSON. The relay reads bodies again from the inbox;
 * those it reads were found readable at ingest (readDeliveryBody), quarantined ones are never dispatched.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  return parseJson(bytes.toString('utf8'));
}
