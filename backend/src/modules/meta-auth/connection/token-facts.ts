import type { MetaIntegration } from '../entities/meta-integration.entity';
import type { DebugTokenData } from './meta-account.api';
import { diffScopes } from './scope-diff';

export type TokenFacts = Pick<MetaIntegration, 'scopes' | 'declinedScopes' | 'tokenExpiresAt' | 'dataAccessExpiresAt'>;

/** What `debug_token` says about a token, as the connection stores it (Meta gives times in Unix seconds, 0 = never). */
export function tokenFacts(debug: DebugTokenData, required?: readonly string[]): TokenFacts {
  const { granted, missing } = diffScopes(debug.scopes ?? [], required);
  return {
    scopes: granted,
    declinedScopes: missing,
    tokenExpiresAt: fromUnix(debug.expires_at),
    dataAccessExpiresAt: fromUnix(debug.data_access_expires_at),
  };
}

const fromUnix = (seconds: number | undefined): Date | null => (seconds ? new Date(seconds * 1000) : null);
