/**
 * Fixed ids of the demo world. They do not depend on the seed, so configuration, docs and Marketing API objects
 * (campaigns attached to these ad accounts, ads that lead to these forms) can refer to them.
 */
export const DEMO_IDS = {
  userId: '10224466880011223',
  businessId: '872044519931001',
  adAccounts: {
    autoHome: '1025004400112233',
    lifeHealth: '1025004400445566',
  },
  pages: {
    main: '153125381133001',
    spanish: '153125381133002',
    japanese: '153125381133003',
  },
  forms: {
    auto: '555000000000101',
    home: '555000000000102',
    life: '555000000000103',
    health: '555000000000104',
    autoSpanish: '555000000000201',
    lifeJapanese: '555000000000301',
    archivedAuto: '555000000000109',
  },
} as const;

/**
 * The ads the demo leads came from, per form. The Marketing API module creates campaigns, ad sets and ads with
 * these ids so that a lead's `ad_id` and `campaign_id` resolve.
 */
export const DEMO_AD_REFS: Record<string, { adAccountId: string; campaignId: string; campaignName: string; adsetId: string; adsetName: string; adId: string; adName: string }[]> = {
  [DEMO_IDS.forms.auto]: [
    { adAccountId: DEMO_IDS.adAccounts.autoHome, campaignId: '120210000000000101', campaignName: 'Auto quotes – Always on', adsetId: '120210000000001101', adsetName: 'US drivers 25-64', adId: '120210000000011101', adName: 'Auto – Save 15% video' },
    { adAccountId: DEMO_IDS.adAccounts.autoHome, campaignId: '120210000000000101', campaignName: 'Auto quotes – Always on', adsetId: '120210000000001101', adsetName: 'US drivers 25-64', adId: '120210000000011102', adName: 'Auto – Bundle carousel' },
  ],
  [DEMO_IDS.forms.home]: [
    { adAccountId: DEMO_IDS.adAccounts.autoHome, campaignId: '120210000000000102', campaignName: 'Home insurance – Spring', adsetId: '120210000000001201', adsetName: 'Homeowners NJ/NY', adId: '120210000000012101', adName: 'Home – Storm season image' },
  ],
  [DEMO_IDS.forms.life]: [
    { adAccountId: DEMO_IDS.adAccounts.lifeHealth, campaignId: '120210000000000201', campaignName: 'Term life – Families', adsetId: '120210000000002101', adsetName: 'Parents 28-55', adId: '120210000000021101', adName: 'Life – Family photo' },
  ],
  [DEMO_IDS.forms.health]: [
    { adAccountId: DEMO_IDS.adAccounts.lifeHealth, campaignId: '120210000000000202', campaignName: 'Health – Open enrollment', adsetId: '120210000000002201', adsetName: 'Self-employed 26-64', adId: '120210000000022101', adName: 'Health – Open enrollment reel' },
  ],
  [DEMO_IDS.forms.autoSpanish]: [
    { adAccountId: DEMO_IDS.adAccounts.autoHome, campaignId: '120210000000000103', campaignName: 'Seguro de auto – Hispanos EE. UU.', adsetId: '120210000000001301', adsetName: 'Conductores hispanohablantes', adId: '120210000000013101', adName: 'Auto – Cotiza en español' },
  ],
  [DEMO_IDS.forms.lifeJapanese]: [
    { adAccountId: DEMO_IDS.adAccounts.lifeHealth, campaignId: '120210000000000203', campaignName: '生命保険 – 日本語', adsetId: '120210000000002301', adsetName: '日本語話者 30-60', adId: '120210000000023101', adName: '生命保険 – 家族の安心' },
  ],
};
