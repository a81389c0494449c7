import { META_REQUIRED_SCOPES } from '@legeai/contracts';
import { diffScopes, requiredScopes } from './scope-diff';

describe(diffScopes.name, () => {
  it('finds nothing missing when every required scope is granted', () => {
    const diff = diffScopes(['public_profile', ...META_REQUIRED_SCOPES]);
    expect(diff.missing).toEqual([]);
    expect(diff.granted).not.toContain('public_profile');
    expect(diff.granted).toHaveLength(META_REQUIRED_SCOPES.length);
  });

  it('names every missing scope, in the order they are requested', () => {
    const granted = META_REQUIRED_SCOPES.filter((s) => s !== 'leads_retrieval' && s !== 'ads_management');
    expect(diffScopes(granted).missing).toEqual(['ads_management', 'leads_retrieval']);
  });

  it('treats an empty grant as everything missing', () => {
    expect(diffScopes([]).missing).toEqual([...META_REQUIRED_SCOPES]);
  });

  it('deduplicates granted scopes', () => {
    expect(diffScopes(['email', 'email'], ['email']).granted).toEqual(['email']);
  });
});

describe(requiredScopes.name, () => {
  it('needs every scope of the dialog without a Login for Business configuration', () => {
    expect(requiredScopes(null)).toEqual(META_REQUIRED_SCOPES);
  });

  it('does not need email under a configuration (a system user has none), and nothing else changes', () => {
    const required = requiredScopes('1329000000000102');
    expect(required).not.toContain('email');
    expect(required).toEqual(META_REQUIRED_SCOPES.filter((s) => s !== 'email'));
    const granted = required.filter((s) => s !== 'email');
    expect(diffScopes(granted, required).missing).toEqual([]);
  });
});
