import { timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';

/**
 * Meta's subscription handshake (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests):
 * answer the challenge only when the verify token is ours.
 */
export function answerVerification(mode: unknown, challenge: unknown, verifyToken: unknown, expectedToken: string): string {
  if (mode !== 'subscribe' || typeof challenge !== 'string' || !challenge || challenge.length > 200 || typeof verifyToken !== 'string') {
    throw new ApiError(400, ErrorCode.BadRequest, 'Expected hub.mode=subscribe, hub.challenge and hub.verify_token');
  }
  const given = Buffer.from(verifyToken);
  const expected = Buffer.from(expectedToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, ErrorCode.Forbidden, 'hub.verify_token does not match');
  }
  return challenge;
}
