/**
 * Fixed ids of the demo world. They do not depend on the seed, so configuration, docs and Marketing API objects
 * (campaigns attached to these ad accounts, ads that lead to these forms) can refer to them.
 */
export const DEMO_IDS = {
  userId: '10224466880011223',
  /** LEGEAI's own developer: an administrator of the app (the person who created it in the App Dashboard). */
  appDeveloperId: '10224466880099001',
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
  /** Facebook Login for Business configurations the app starts with (`config_id`). */
  loginConfigurations: {
    userToken: '1329000000000101',
    systemUser: '1329000000000102',
  },
} as const;
