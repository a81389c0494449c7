import { createHmac } from 'node:crypto';
import type { AppsecretProofMode } from './meta-graph.types';

/**
 * Parameters proving the caller knows the app secret, sent with every call
 * (https://developers.facebook.com/docs/graph-api/securing-requests/#appsecret_proof).
 * Classic form: HMAC-SHA256(key = app secret, msg = token). Time-stamped form: msg = `token|unix_time`,
 * sent with `appsecret_time`; Meta accepts it for 5 minutes.
 * Always made with the current app secret (META_APP_SECRET), never META_APP_SECRET_PREVIOUS: Meta holds one app secret
 * at a time, so after a reset only the new one proves anything; the previous one is for verifying what Meta signed.
 */
export function appsecretProofParams(
  accessToken: string,
  appSecret: string,
  mode: AppsecretProofMode,
  nowMs: number = Date.now(),
): { appsecret_proof: string; appsecret_time?: string } {
  if (mode === 'timed') {
    const time = String(Math.floor(nowMs / 1000));
    return { appsecret_proof: hmacHex(appSecret, `${accessToken}|${time}`), appsecret_time: time };
  }
  return { appsecret_proof: hmacHex(appSecret, accessToken) };
}

function hmacHex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}
