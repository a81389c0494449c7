import { META_REQUIRED_SCOPES } from '@legeai/contracts';

export interface ScopeDiff {
  granted: string[];
  /** Required permissions Meta did not grant (declined, revoked or never asked), in the order we ask for them. */
  missing: string[];
}

/**
 * Compares what the token may do with what the product needs. `public_profile` is always granted and never
 * required, so it is ignored.
 */
export function diffScopes(granted: readonly string[], required: readonly string[] = META_REQUIRED_SCOPES): ScopeDiff {
  const have = new Set(granted);
  return {
    granted: [...new Set(granted)].filter((scope) => scope !== 'public_profile').sort(),
    missing: required.filter((scope) => !have.has(scope)),
  };
}

/**
 * The permissions a connection must have. With a Facebook Login for Business configuration (META_LOGIN_CONFIG_ID) the
 * configuration names the permissions, and `email` is not among what it offers a business (a system user has no email
 * address): it only named who connected, so it is not required there.
 */
export function requiredScopes(loginConfigId: string | null): readonly string[] {
  return loginConfigId ? META_REQUIRED_SCOPES.filter((scope) => scope !== 'email') : META_REQUIRED_SCOPES;
}
