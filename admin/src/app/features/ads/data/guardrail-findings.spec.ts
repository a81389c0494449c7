import { GuardrailFinding } from '@legeai/contracts';

import {
  envelopeFindings,
  findingsByStep,
  findingsFor,
  findingsForRow,
  hasErrors,
  normaliseField,
  stepOfField,
  unplacedFindings,
} from './guardrail-findings';

function finding(field: string, overrides: Partial<GuardrailFinding> = {}): GuardrailFinding {
  return { code: 'financial_age_narrowing', severity: 'error', field, message: `about ${field}`, ...overrides };
}

describe('guardrail findings on the draft', () => {
  const age = finding('adSet.targeting.ageMin');
  const radius = finding('adSet.targeting.cities[1].radius', { code: 'financial_radius' });
  const ceiling = finding('adSet.budget.amountMinor', { code: 'budget_ceiling', severity: 'warning' });
  const headline = finding('ad.headline', { code: 'headline_long', severity: 'warning' });
  const account = finding('adAccountId', { code: 'account_disabled' });
  const status = finding('status', { code: 'active_needs_payment', severity: 'warning' });
  const stray = finding('adSet.bidAmount', { code: 'bid' });
  const all = [age, radius, ceiling, headline, account, status, stray];

  it('normalises the ways a path can be written', () => {
    expect(normaliseField('adSet.targeting.cities[1].radius')).toBe('adSet.targeting.cities.1.radius');
    expect(normaliseField('body.ad.headline')).toBe('ad.headline');
    expect(normaliseField(' adSet.budget ')).toBe('adSet.budget');
  });

  it('puts a finding next to its field and the fields it is part of', () => {
    expect(findingsFor(all, 'adSet.targeting.ageMin', 'adSet.targeting.ageMax')).toEqual([age]);
    expect(findingsFor(all, 'adSet.budget')).toEqual([ceiling]);
    expect(findingsFor(all, 'adSet.targeting.cities')).toEqual([radius]);
    expect(findingsFor(all, 'ad.primaryText')).toEqual([]);
  });

  it('does not take a field for part of another that merely starts with the same letters', () => {
    expect(findingsFor([finding('ad.headlineExtra')], 'ad.headline')).toEqual([]);
    expect(findingsFor([finding('adSet.name')], 'ad')).toEqual([]);
  });

  it('finds the row of a list a finding is on', () => {
    expect(findingsForRow(all, 'adSet.targeting.cities', 1)).toEqual([radius]);
    expect(findingsForRow(all, 'adSet.targeting.cities', 0)).toEqual([]);
  });

  it('lists errors before warnings', () => {
    const warning = finding('adSet.budget', { severity: 'warning', code: 'w' });
    const error = finding('adSet.budget.amountMinor', { code: 'e' });
    expect(findingsFor([warning, error], 'adSet.budget')).toEqual([error, warning]);
  });

  it('knows the step of each field', () => {
    expect(stepOfField('adAccountId')).toBe('campaign');
    expect(stepOfField('campaign.name')).toBe('campaign');
    expect(stepOfField('adSet.targeting.genders')).toBe('adSet');
    expect(stepOfField('ad.leadFormId')).toBe('ad');
    expect(stepOfField('status')).toBe('review');
    expect(stepOfField('')).toBe('review');
  });

  it('groups findings by step for the step headers and banners', () => {
    expect(findingsByStep(all)).toEqual({
      campaign: [account],
      adSet: [age, radius, ceiling, stray],
      ad: [headline],
      review: [status],
    });
  });

  it('keeps findings on fields the form has no place for, for the banner', () => {
    expect(unplacedFindings(all)).toEqual([stray]);
    expect(unplacedFindings([finding('')])).toHaveLength(1);
  });

  it('tells errors from warnings', () => {
    expect(hasErrors([ceiling, headline])).toBe(false);
    expect(hasErrors([ceiling, age])).toBe(true);
  });

  it("turns a refused submit's field problems into findings", () => {
    const envelope = {
      error: {
        status: 400,
        code: 'validation_failed',
        message: 'Validation failed',
        fields: [{ field: 'ad.headline', messages: ['headline must be shorter than or equal to 255 characters'] }],
      },
    };
    expect(envelopeFindings(envelope)).toEqual([
      {
        code: 'validation_failed',
        severity: 'error',
        field: 'ad.headline',
        message: 'headline must be shorter than or equal to 255 characters',
      },
    ]);
    expect(envelopeFindings(null)).toEqual([]);
  });
});
