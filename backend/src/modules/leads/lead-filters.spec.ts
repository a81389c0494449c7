import { LeadStatus } from '@legeai/contracts';
import { buildLeadFilter, likePattern, NAME_EXPR, PHONE_DIGITS_EXPR } from './lead-filters';

const ORG = '11111111-1111-4111-8111-111111111111';

describe(buildLeadFilter.name, () => {
  it('always scopes to the organisation and leaves test leads out by default', () => {
    const sut = buildLeadFilter(ORG, {});
    expect(sut.where).toBe('l.organisation_id = $1 AND l.is_test = false');
    expect(sut.params).toEqual([ORG]);
  });

  it('keeps test leads when includeTest is true', () => {
    expect(buildLeadFilter(ORG, { includeTest: true }).where).toBe('l.organisation_id = $1');
  });

  it('turns each filter into a parameterised clause, numbered in order', () => {
    const sut = buildLeadFilter(ORG, {
      status: LeadStatus.Quoted,
      formId: 'form-1',
      campaignId: 'camp-1',
      needsReview: true,
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    });
    expect(sut.where).toBe(
      'l.organisation_id = $1 AND l.is_test = false AND l.status = $2 AND l.form_id = $3 AND l.campaign_id = $4' +
        ' AND l.needs_review = $5 AND l.received_at >= $6 AND l.received_at <= $7',
    );
    expect(sut.params).toEqual([ORG, 'quoted', 'form-1', 'camp-1', true, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']);
  });

  it.each([
    [true, 'l.duplicate_of_id IS NOT NULL'],
    [false, 'l.duplicate_of_id IS NULL'],
  ])('duplicate=%s → %s', (duplicate, clause) => {
    expect(buildLeadFilter(ORG, { duplicate }).where).toContain(clause);
  });

  it.each([
    ['duplicate', 'l.duplicate_of_id IS NOT NULL AND l.possible_duplicate = false'],
    ['possible', 'l.duplicate_of_id IS NOT NULL AND l.possible_duplicate = true'],
    ['none', 'l.duplicate_of_id IS NULL'],
  ] as const)('duplicateState=%s → %s, with no parameter', (duplicateState, clause) => {
    const sut = buildLeadFilter(ORG, { duplicateState });
    expect(sut.where).toContain(clause);
    expect(sut.params).toEqual([ORG]);
  });

  it('needsReview=false is a filter too, not "no filter"', () => {
    const sut = buildLeadFilter(ORG, { needsReview: false });
    expect(sut.where).toContain('l.needs_review = $2');
    expect(sut.params[1]).toBe(false);
  });

  it('requires every word of a text search in the name or the email', () => {
    const sut = buildLeadFilter(ORG, { q: '  Jane   example.com ' });
    expect(sut.where).toContain(`(${NAME_EXPR} ILIKE $2 OR l.email ILIKE $2) AND (${NAME_EXPR} ILIKE $3 OR l.email ILIKE $3)`);
    expect(sut.params.slice(1)).toEqual(['%Jane%', '%example.com%']);
  });

  it('searches a phone-looking query by its digits, whatever the formatting', () => {
    const sut = buildLeadFilter(ORG, { q: '+1 (555) 123-45' });
    expect(sut.where).toContain(`${PHONE_DIGITS_EXPR} LIKE $2 OR l.phone_e164 LIKE $2`);
    expect(sut.params[1]).toBe('%155512345%');
  });

  it('does not treat two digits as a phone search', () => {
    const sut = buildLeadFilter(ORG, { q: '42' });
    expect(sut.where).not.toContain(PHONE_DIGITS_EXPR);
  });

  it('ignores a blank search', () => {
    expect(buildLeadFilter(ORG, { q: '   ' }).params).toEqual([ORG]);
  });

  it('never puts values into the SQL text', () => {
    const evil = "x' OR 1=1 --";
    const sut = buildLeadFilter(ORG, { q: evil, formId: evil, campaignId: evil });
    expect(sut.where).not.toContain('1=1');
    expect(sut.where).not.toContain(ORG);
  });
});

describe(likePattern.name, () => {
  it('escapes LIKE wildcards so they are searched literally', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
