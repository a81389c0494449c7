import { MetaConnectResult } from '@legeai/contracts';

import { parseConnectOutcome } from './connect-result-banner';

describe('parseConnectOutcome', () => {
  it('reads the result and each missing permission, ignoring blanks and spaces', () => {
    expect(parseConnectOutcome('missing_permissions', 'leads_retrieval, ads_read,,')).toEqual({
      result: MetaConnectResult.MissingPermissions,
      missing: ['leads_retrieval', 'ads_read'],
      elsewhere: 0,
    });
  });

  it('has no missing permissions when the parameter is absent', () => {
    expect(parseConnectOutcome('connected', null)).toEqual({ result: MetaConnectResult.Connected, missing: [], elsewhere: 0 });
  });

  it('counts the Pages another organisation has connected, reading anything else as none', () => {
    expect(parseConnectOutcome('connected', null, '2')).toEqual({ result: MetaConnectResult.Connected, missing: [], elsewhere: 2 });
    expect(parseConnectOutcome('connected', null, 'lots')?.elsewhere).toBe(0);
    expect(parseConnectOutcome('connected', null, '-3')?.elsewhere).toBe(0);
  });

  it('refuses results it does not know, so a crafted link shows nothing', () => {
    expect(parseConnectOutcome('<script>', null)).toBeNull();
    expect(parseConnectOutcome(null, 'ads_read')).toBeNull();
  });
});
