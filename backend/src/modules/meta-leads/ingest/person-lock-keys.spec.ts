import { personLockKeys } from './person-lock-keys';

describe(personLockKeys.name, () => {
  const org = '6f1c2b1e-0000-4000-8000-000000000001';

  it('takes one key per known contact value, in a fixed order', () => {
    const a = personLockKeys(org, { emailNormalized: 'zoe@example.com', phoneE164: '+15550001111' });
    expect(a).toEqual([`lead-person:${org}:email:zoe@example.com`, `lead-person:${org}:phone:+15550001111`]);
    expect(personLockKeys(org, { emailNormalized: 'zoe@example.com', phoneE164: '+15550001111' })).toEqual(a);
  });

  it('takes no key when the lead has neither email nor phone', () => {
    expect(personLockKeys(org, { emailNormalized: null, phoneE164: null })).toEqual([]);
  });

  it('keeps organisations apart', () => {
    const other = personLockKeys('6f1c2b1e-0000-4000-8000-000000000002', { emailNormalized: 'zoe@example.com', phoneE164: null });
    expect(other).not.toEqual(personLockKeys(org, { emailNormalized: 'zoe@example.com', phoneE164: null }));
  });
});
