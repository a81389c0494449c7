import { CampaignDraft, checkRequest, draftToRequest, emptyDraft, instantToLocalTime, localTimeToInstant } from './campaign-draft';

function aDraft(overrides: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    ...emptyDraft(),
    adAccountId: 'act_1001',
    currency: 'USD',
    campaignName: '  Home insurance NJ ',
    pageId: '1111',
    budgetAmount: '25.50',
    countries: ['US'],
    leadFormId: 'form-9',
    imageBase64: 'iVBORw0KGgo=',
    imageName: 'house.png',
    primaryText: ' Protect your home. ',
    headline: 'Get a quote in 2 minutes',
    ...overrides,
  };
}

describe('draftToRequest', () => {
  it('maps a filled-in draft to the creation request, paused, with the budget in minor units', () => {
    expect(draftToRequest(aDraft(), 'en-US')).toEqual({
      adAccountId: 'act_1001',
      status: 'PAUSED',
      campaign: { name: 'Home insurance NJ' },
      adSet: {
        name: 'Home insurance NJ · Ad set',
        pageId: '1111',
        optimizationGoal: 'LEAD_GENERATION',
        budget: { type: 'daily', amountMinor: 2550 },
        targeting: { countries: ['US'] },
      },
      ad: {
        name: 'Home insurance NJ · Ad',
        leadFormId: 'form-9',
        imageBase64: 'iVBORw0KGgo=',
        primaryText: 'Protect your home.',
        headline: 'Get a quote in 2 minutes',
        callToAction: 'GET_QUOTE',
      },
    });
  });

  it('starts active only when the user said so', () => {
    expect(draftToRequest(aDraft({ startActive: true })).status).toBe('ACTIVE');
    expect(draftToRequest(aDraft({ startActive: false })).status).toBe('PAUSED');
  });

  it('reads the budget in the locale and currency it was typed in', () => {
    const euro = draftToRequest(aDraft({ currency: 'EUR', budgetAmount: '1.250,50', budgetType: 'lifetime' }), 'de-DE');
    expect(euro.adSet.budget).toEqual({ type: 'lifetime', amountMinor: 125050 });
    const yen = draftToRequest(aDraft({ currency: 'JPY', budgetAmount: '5000' }), 'ja-JP');
    expect(yen.adSet.budget.amountMinor).toBe(5000);
  });

  it('sends a budget that is no amount yet as 0, for the server to flag', () => {
    expect(draftToRequest(aDraft({ budgetAmount: 'twelve' }), 'en-US').adSet.budget.amountMinor).toBe(0);
  });

  it('keeps the names people gave the ad set and the ad, and the optional description', () => {
    const request = draftToRequest(aDraft({ adSetName: ' NJ homeowners ', adName: 'Blue house', description: ' Local agents ' }));
    expect(request.adSet.name).toBe('NJ homeowners');
    expect(request.ad.name).toBe('Blue house');
    expect(request.ad.description).toBe('Local agents');
  });

  it('maps locations: regions and cities with their radius, leaving blank rows out', () => {
    const request = draftToRequest(
      aDraft({
        regions: [
          { key: '3873', name: 'New Jersey' },
          { key: ' ', name: '' },
        ],
        cities: [
          { key: '2418779', name: 'Newark', radius: 25, distanceUnit: 'mile' },
          { key: '2420379', name: '', radius: null, distanceUnit: 'kilometer' },
        ],
        zips: [' 07102 ', ''],
      }),
    );
    expect(request.adSet.targeting).toEqual({
      countries: ['US'],
      regions: [{ key: '3873', name: 'New Jersey' }],
      cities: [{ key: '2418779', name: 'Newark', radius: 25, distanceUnit: 'mile' }, { key: '2420379' }],
      zips: ['07102'],
    });
  });

  it('sends an age range only while age narrowing is switched on, and genders only when chosen', () => {
    const narrowed = draftToRequest(aDraft({ narrowAge: true, ageMin: 25, ageMax: 54, genders: [2] }));
    expect(narrowed.adSet.targeting).toEqual({ countries: ['US'], ageMin: 25, ageMax: 54, genders: [2] });

    const removed = draftToRequest(aDraft({ narrowAge: false, ageMin: 25, ageMax: 54, genders: [] }));
    expect(removed.adSet.targeting).toEqual({ countries: ['US'] });
  });

  it('sends the schedule as instants of the reader’s local times, and leaves an empty one out', () => {
    const local = '2026-12-24T09:30';
    const request = draftToRequest(aDraft({ startTime: local, endTime: '' }));
    expect(request.adSet.startTime).toBe(new Date(2026, 11, 24, 9, 30).toISOString());
    expect('endTime' in request.adSet).toBe(false);
  });

  it('leaves no image out as no image, for the server to ask for one', () => {
    const request = draftToRequest(aDraft({ imageBase64: null }));
    expect('imageBase64' in request.ad).toBe(false);
  });
});

describe('local times', () => {
  it('round-trips a datetime-local value through an instant', () => {
    const instant = localTimeToInstant('2027-01-31T23:15')!;
    expect(instantToLocalTime(instant)).toBe('2027-01-31T23:15');
    expect(localTimeToInstant('')).toBeUndefined();
    expect(localTimeToInstant('not a time')).toBeUndefined();
    expect(instantToLocalTime(null)).toBe('');
  });
});

describe('checkRequest', () => {
  it('sends a complete draft as it is, without its image, which no guardrail looks at', () => {
    const check = checkRequest(draftToRequest(aDraft({ imageBase64: 'iVBORw0KGgo=' })))!;
    expect(check.request.ad).not.toHaveProperty('imageBase64');
    expect(check.request.ad.imageHash).toMatch(/^[A-Za-z0-9]{8,64}$/);
    expect(check.request.adSet).toEqual(draftToRequest(aDraft()).adSet);
    expect(check.standIns).toEqual(['ad.imageHash', 'ad.imageBase64']);
  });

  it('gives the parts not filled in yet stand-ins the strict request accepts, and names them', () => {
    const early = draftToRequest(
      aDraft({ campaignName: '', pageId: null, budgetAmount: '', leadFormId: null, primaryText: '', headline: '', imageBase64: null }),
    );
    const check = checkRequest(early)!;
    expect(check.request.campaign.name).not.toBe('');
    expect(check.request.adSet.pageId).toMatch(/^\d+$/);
    expect(check.request.adSet.budget.amountMinor).toBeGreaterThanOrEqual(1);
    expect(check.request.ad.leadFormId).toMatch(/^\d+$/);
    expect(check.request.ad.primaryText).not.toBe('');
    expect(check.request.ad.headline).not.toBe('');
    expect(check.standIns).toEqual([
      'campaign.name',
      'adSet.pageId',
      'adSet.budget',
      'ad.leadFormId',
      'ad.primaryText',
      'ad.headline',
      'ad.imageHash',
      'ad.imageBase64',
    ]);
    // What the guardrails look at is the draft's own.
    expect(check.request.adSet.targeting).toEqual(early.adSet.targeting);
    expect(check.request.status).toBe('PAUSED');
  });

  it('waits for an ad account and a country', () => {
    expect(checkRequest(draftToRequest(aDraft({ adAccountId: null })))).toBeNull();
    expect(checkRequest(draftToRequest(aDraft({ countries: [] })))).toBeNull();
  });
});
