import { adRow, adSetRow, campaignRow, graphTime } from './graph-rows';

const AT = new Date('2026-12-01T00:00:00Z');

describe('mirror rows from Graph answers', () => {
  it('reads budgets as minor units, times, categories and issues of a campaign', () => {
    const row = campaignRow(
      'org',
      'act_1',
      {
        id: '10',
        account_id: '1',
        name: 'Auto',
        status: 'ACTIVE',
        effective_status: 'WITH_ISSUES',
        objective: 'OUTCOME_LEADS',
        special_ad_categories: ['FINANCIAL_PRODUCTS_SERVICES'],
        special_ad_category_country: ['US'],
        daily_budget: '6000',
        start_time: '2026-11-20T14:03:11+0000',
        issues_info: [{ error_summary: 'Payment failed', error_message: 'Update the card' }],
      },
      AT,
    );
    expect(row).toMatchObject({
      adAccountId: 'act_1',
      dailyBudgetMinor: 6000,
      lifetimeBudgetMinor: null,
      deletedAt: null,
      startTime: new Date('2026-11-20T14:03:11Z'),
    });
    expect(row.problems).toEqual([
      { level: 'campaign', objectId: '10', kind: 'delivery_issue', title: 'Payment failed', message: 'Update the card' },
    ]);
  });

  it('summarises an ad set targeting and marks a deleted one', () => {
    const row = adSetRow(
      'org',
      'act_1',
      {
        id: '20',
        campaign_id: '10',
        status: 'DELETED',
        optimization_goal: 'LEAD_GENERATION',
        promoted_object: { page_id: '99' },
        targeting: {
          geo_locations: {
            regions: [{ key: '3873', name: 'New Jersey' }],
            cities: [{ key: '7', name: 'Newark', radius: 15, distance_unit: 'mile' }],
          },
          age_min: 18,
          age_max: 65,
          genders: [2],
        },
      },
      AT,
    );
    expect(row).toMatchObject({
      pageId: '99',
      targetRegions: ['New Jersey'],
      targetCities: ['Newark +15 mi'],
      genders: [2],
      deletedAt: AT,
    });
    expect(row.targetingText).toBe('New Jersey · Newark +15 mi · 18–65+ · women');
  });

  it("takes an ad's creative, lead form and review refusal", () => {
    const row = adRow(
      'org',
      'act_1',
      {
        id: '30',
        adset_id: '20',
        campaign_id: '10',
        status: 'PAUSED',
        effective_status: 'DISAPPROVED',
        ad_review_feedback: { global: { 'Unrealistic Outcomes': 'No guarantees' } },
        creative: {
          id: '40',
          object_story_spec: {
            link_data: { message: 'Quotes', name: 'Save', call_to_action: { type: 'GET_QUOTE', value: { lead_gen_form_id: 555 } } },
          },
        },
      },
      AT,
    );
    expect(row.leadFormId).toBe('555');
    expect(row.creative).toMatchObject({ creativeId: '40', body: 'Quotes', headline: 'Save', callToAction: 'GET_QUOTE' });
    expect(row.problems[0]).toMatchObject({ kind: 'review_rejected', title: 'Unrealistic Outcomes', message: 'No guarantees' });
  });

  it('reads Meta times with or without a colon in the offset', () => {
    expect(graphTime('2026-11-20T14:03:11+0100')?.toISOString()).toBe('2026-11-20T13:03:11.000Z');
    expect(graphTime('nonsense')).toBeNull();
  });
});
