import {
  DEFAULT_MATCH_LEVELS,
  duplicateBranches,
  personDuplicateQuery,
  type DuplicateMatchRule,
  type PersonKey,
} from './person-duplicates';
import { duplicateRuleOf } from './duplicate-settings.row';
import { normalizePersonName } from './person-name';

const ORG = '6f1c2b1e-0000-4000-8000-000000000001';
const AT = new Date('2026-12-01T10:00:00Z');
const DEFAULT: DuplicateMatchRule = { ...DEFAULT_MATCH_LEVELS, windowDays: 30 };
const key = (k: Partial<PersonKey>): PersonKey => ({ emailNormalized: null, phoneE164: null, nameNormalized: null, ...k });

const EMAIL = 'ana@example.com';
const PHONE = '+40721000111';
const NAME = 'ana pop';

describe('duplicateBranches (what the rule looks for)', () => {
  // Each combination of what the new lead carries, under the default rule.
  it.each([
    [
      'email, phone and name',
      key({ emailNormalized: EMAIL, phoneE164: PHONE, nameNormalized: NAME }),
      [
        ['email', 'duplicate'],
        ['phone_name', 'duplicate'],
        ['phone', 'possible'],
      ],
    ],
    [
      'email and phone, no name',
      key({ emailNormalized: EMAIL, phoneE164: PHONE }),
      [
        ['email', 'duplicate'],
        ['phone', 'possible'],
      ],
    ],
    ['email only', key({ emailNormalized: EMAIL, nameNormalized: NAME }), [['email', 'duplicate']]],
    [
      'phone and name',
      key({ phoneE164: PHONE, nameNormalized: NAME }),
      [
        ['phone_name', 'duplicate'],
        ['phone', 'possible'],
      ],
    ],
    ['phone only', key({ phoneE164: PHONE }), [['phone', 'possible']]],
    ['a name alone', key({ nameNormalized: NAME }), []],
    ['nothing', key({}), []],
  ])('default rule, lead with %s', (_what, person, expected) => {
    expect(duplicateBranches(DEFAULT, person).map((b) => [b.signal, b.state])).toEqual(expected);
  });

  const everything = key({ emailNormalized: EMAIL, phoneE164: PHONE, nameNormalized: NAME });
  it.each<[string, Partial<DuplicateMatchRule>, string[][]]>([
    [
      'same email OR phone',
      { phoneOnly: 'duplicate' },
      [
        ['email', 'duplicate'],
        ['phone_name', 'duplicate'],
        ['phone', 'duplicate'],
      ],
    ],
    ['same email only', { phoneAndName: 'ignore', phoneOnly: 'ignore' }, [['email', 'duplicate']]],
    ['email as possible, phone ignored', { email: 'possible', phoneAndName: 'ignore', phoneOnly: 'ignore' }, [['email', 'possible']]],
    ['phone and name only', { email: 'ignore', phoneOnly: 'ignore' }, [['phone_name', 'duplicate']]],
    ['nothing at all', { email: 'ignore', phoneAndName: 'ignore', phoneOnly: 'ignore' }, []],
  ])('rule "%s"', (_what, levels, expected) => {
    expect(duplicateBranches({ ...DEFAULT, ...levels }, everything).map((b) => [b.signal, b.state])).toEqual(expected);
  });
});

describe('personDuplicateQuery', () => {
  it('prefers a duplicate to a possible duplicate, then the earlier lead, then the stronger signal', () => {
    const q = personDuplicateQuery(ORG, key({ emailNormalized: EMAIL, phoneE164: PHONE, nameNormalized: NAME }), AT, DEFAULT, 1)!;
    expect(q.sql).toMatch(/ORDER BY \(state = 'duplicate'\) DESC, received_at, created_at, priority, id LIMIT 1\s*$/);
    expect(q.sql.match(/UNION ALL/g)).toHaveLength(2);
  });

  it('makes the phone-only signal mean a different or missing name, and the phone-and-name one the same name', () => {
    const q = personDuplicateQuery(ORG, key({ phoneE164: PHONE, nameNormalized: NAME }), AT, DEFAULT, 1)!;
    expect(q.sql).toContain(`phone_e164 = $4 AND name_normalized = $5`);
    expect(q.sql).toContain(`phone_e164 = $6 AND name_normalized IS DISTINCT FROM $7`);
    expect(q.params.slice(3)).toEqual([PHONE, NAME, PHONE, NAME]);
    // Without a name on the new lead, any lead with the phone is a phone-only match.
    const noName = personDuplicateQuery(ORG, key({ phoneE164: PHONE }), AT, DEFAULT, 1)!;
    expect(noName.sql).not.toContain('name_normalized');
  });

  it('scopes to the organisation and the window up to the lead, numbering parameters from the given one', () => {
    const q = personDuplicateQuery(ORG, key({ emailNormalized: EMAIL }), AT, { ...DEFAULT, windowDays: 10 }, 5)!;
    expect(q.params).toEqual([ORG, new Date('2026-11-21T10:00:00Z'), AT, EMAIL]);
    expect(q.sql).toContain('organisation_id = $5 AND email_normalized = $8');
    expect(q.sql).toContain('received_at >= $6 AND received_at <= $7 AND is_test = false');
  });

  it('is null when nothing can match: no signal applies, or no window', () => {
    expect(personDuplicateQuery(ORG, key({ nameNormalized: NAME }), AT, DEFAULT, 1)).toBeNull();
    expect(
      personDuplicateQuery(ORG, key({ phoneE164: PHONE }), AT, { ...DEFAULT, phoneAndName: 'ignore', phoneOnly: 'ignore' }, 1),
    ).toBeNull();
    expect(personDuplicateQuery(ORG, key({ emailNormalized: EMAIL }), AT, { ...DEFAULT, windowDays: 0 }, 1)).toBeNull();
  });
});

describe('duplicateRuleOf', () => {
  it("is the organisation's rule when it has one, else the default levels with the configured window", () => {
    expect(duplicateRuleOf(null, 45)).toEqual({ email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'possible', windowDays: 45 });
    const own = { email: 'duplicate', phoneAndName: 'possible', phoneOnly: 'ignore', windowDays: 7 } as const;
    expect(duplicateRuleOf(own, 45)).toEqual(own);
  });
});

describe('normalizePersonName', () => {
  it.each([
    [['José  O’Neil'], 'jose o neil'],
    [[' ANA-MARIA Pop '], 'ana maria pop'],
    [[null, 'Ștefan', 'Ionescu'], 'stefan ionescu'],
    [['', 'Ana', null], 'ana'],
    [[null, null, null], null],
    [['  ...  '], null],
  ] as [[string | null, string?, string?], string | null][])('%j → %s', (parts, expected) => {
    expect(normalizePersonName(...parts)).toBe(expected);
  });
});
