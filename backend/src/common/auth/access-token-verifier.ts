import type { Principal } from './principal';

/**
 * Checks a console access token (signature, expiry, a live session, the user still active) and answers who it
 * belongs to, or null. The auth module provides it; the parts that authenticate outside Nest's guards (Bull Board's
 * middleware, the /metrics guard in `admin` mode) resolve it through this token, so nothing outside
 * modules/ depends on the auth module itself.
 */
export interface AccessTokenVerifier {
  authenticate(token: string, ip?: string): Promise<Principal | null>;
}

export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');
