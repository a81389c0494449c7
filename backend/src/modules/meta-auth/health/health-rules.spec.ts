import { apiVersionCheck, permissionAccessCheck, permissionsCheck, tokenCheck, tokenExpiryCheck, worstLevel } from './health-rules';

const now = new Date('2026-11-29T12:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);

describe('connection health rules', () => {
  it('marks an invalid token as an error with a reconnect hint', () => {
    const check = tokenCheck(false, 'Error validating access token');
    expect(check.level).toBe('error');
    expect(check.message).toContain('Error validating access token');
    expect(check.hint).toMatch(/Reconnect/);
  });

  it('is green for a token valid for weeks', () => {
    expect(tokenExpiryCheck(inDays(50), inDays(80), now).level).toBe('ok');
  });

  it('warns days ahead when the token expires within a week', () => {
    const check = tokenExpiryCheck(inDays(3.5), null, now);
    expect(check.level).toBe('warning');
    expect(check.message).toContain('3 days');
    expect(check.hint).toBeDefined();
  });

  it('uses the data access window when it ends before the token', () => {
    const check = tokenExpiryCheck(inDays(50), inDays(2), now);
    expect(check.level).toBe('warning');
    expect(check.message).toMatch(/^Data access/);
  });

  it('reports an expired token as an error, and a never-expiring one as fine', () => {
    expect(tokenExpiryCheck(inDays(-1), null, now).level).toBe('error');
    expect(tokenExpiryCheck(null, null, now).level).toBe('ok');
  });

  it('names a system user token as such, and never warns about its expiry', () => {
    expect(tokenExpiryCheck(null, null, now, 'SYSTEM_USER')).toEqual({
      key: 'token_expiry',
      level: 'ok',
      message: 'The system user token does not expire',
    });
    // A configuration may give system user tokens 60 days: then they are warned about like any other.
    expect(tokenExpiryCheck(inDays(2), null, now, 'SYSTEM_USER').message).toMatch(/^The system user token expires in 2 days/);
  });

  it('tells permissions Meta never offered (no Advanced Access) apart, with App Review as the fix', () => {
    const check = permissionAccessCheck(['leads_retrieval']);
    expect(check).toMatchObject({ key: 'permission_access', level: 'error' });
    expect(check.message).toContain('leads_retrieval');
    expect(check.hint).toMatch(/App Review/);
    expect(check.helpUrl).toBe('https://developers.facebook.com/docs/graph-api/overview/access-levels');
  });

  it('names every missing permission', () => {
    const check = permissionsCheck(['leads_retrieval', 'pages_manage_metadata']);
    expect(check.level).toBe('error');
    expect(check.message).toContain('leads_retrieval');
    expect(check.message).toContain('pages_manage_metadata');
    expect(permissionsCheck([]).level).toBe('ok');
  });

  it('maps the Graph version status to levels', () => {
    expect(apiVersionCheck({ version: 'v21.0', state: 'sunset', sunsetDate: '2025-09-09' }).level).toBe('error');
    expect(apiVersionCheck({ version: 'v25.0', state: 'near_sunset', sunsetDate: '2027-02-23', daysLeft: 86 }).level).toBe('warning');
    expect(apiVersionCheck({ version: 'v26.0', state: 'supported' }).level).toBe('ok');
  });

  it('takes the worst level as overall', () => {
    expect(worstLevel([tokenCheck(true), permissionsCheck(['email'])])).toBe('error');
    expect(worstLevel([tokenCheck(true)])).toBe('ok');
    expect(worstLevel([])).toBe('ok');
  });
});
