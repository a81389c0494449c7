import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppSecrets, AppSecretUsed, verifyWithAppSecrets } from '../../../infra/meta-app-secret/app-secret-verification';

/** The part of Meta's signed_request payload these callbacks use. */
export interface SignedRequestPayload {
  algorithm: string;
  /** App-scoped id of the Meta user the callback is about. */
  user_id: string;
  issued_at?: number;
  [key: string]: unknown;
}

/** A verified signed_request: its payload and the app secret it was signed with. */
export interface VerifiedSignedRequest {
  payload: SignedRequestPayload;
  secret: AppSecretUsed;
}

export type SignedRequestProblem = 'malformed' | 'unsupported_algorithm' | 'bad_signature';

export class SignedRequestError extends Error {
  constructor(
    readonly problem: SignedRequestProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SignedRequestError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Verifies and decodes a `signed_request` as Meta sends it to the deauthorize and data deletion callbacks:
 * `base64url(HMAC-SHA256(app secret, encodedPayload)) + "." + encodedPayload`
 * (https://developers.facebook.com/docs/games/gamesonfacebook/login#parsingsr). The signature is checked over the
 * encoded payload as received, in constant time, with the current app secret and, during a rotation, the previous
 * one, before the payload is trusted.
 */
export function parseSignedRequest(signedRequest: unknown, secrets: AppSecrets): VerifiedSignedRequest {
  if (typeof signedRequest !== 'string' || signedRequest.length > 8192) {
    throw new SignedRequestError('malformed', 'signed_request is missing');
  }
  const parts = signedRequest.split('.');
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    throw new SignedRequestError('malformed', 'signed_request must be two base64url parts separated by a dot');
  }
  const [encodedSignature, encodedPayload] = parts;
  const given = Buffer.from(encodedSignature, 'base64url');
  const secret = verifyWithAppSecrets(secrets, (candidate) => {
    const expected = createHmac('sha256', candidate).update(encodedPayload, 'utf8').digest();
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!secret) throw new SignedRequestError('bad_signature', 'signed_request signature does not match the app secret');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    throw new SignedRequestError('malformed', 'signed_request payload is not JSON');
  }
  if (!payload || typeof payload !== 'object') throw new SignedRequestError('malformed', 'signed_request payload is not an object');
  const body = payload as Record<string, unknown>;
  const algorithm = body['algorithm'];
  if (typeof algorithm !== 'string' || algorithm.toUpperCase() !== 'HMAC-SHA256') {
    throw new SignedRequestError('unsupported_algorithm', 'signed_request algorithm must be HMAC-SHA256');
  }
  const userId = body['user_id'];
  if ((typeof userId !== 'string' && typeof userId !== 'number') || String(userId) === '') {
    throw new SignedRequestError('malformed', 'signed_request names no user_id');
  }
  return { payload: { ...body, algorithm: 'HMAC-SHA256', user_id: String(userId) }, secret };
}

/** Builds a signed_request the way Meta does (tests, and documentation of the format). */
export function signRequest(payload: Record<string, unknown>, appSecret: string): string {
  const encodedPayload = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signature = createHmac('sha256', appSecret).update(encodedPayload, 'utf8').digest('base64url');
  return `${signature}.${encodedPayload}`;
}
