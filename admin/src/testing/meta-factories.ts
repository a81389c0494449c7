import {
  MetaAdAccountDto,
  MetaConnectionStatus,
  MetaIntegrationStatus,
  MetaLeadFormDto,
  MetaPageDto,
} from '@legeai/contracts';

const DAY = 24 * 3600_000;

/** A healthy connection whose token has about 50 days left. */
export function aMetaStatus(overrides: Partial<MetaConnectionStatus> = {}): MetaConnectionStatus {
  return {
    connected: true,
    status: MetaIntegrationStatus.Active,
    sandbox: false,
    apiVersion: 'v24.0',
    metaUser: { id: '10001', name: 'Sandra Sandbox' },
    grantedScopes: ['ads_read', 'leads_retrieval', 'pages_show_list'],
    missingScopes: [],
    tokenExpiresAt: new Date(Date.now() + 50 * DAY).toISOString(),
    dataAccessExpiresAt: null,
    connectedAt: '2026-11-01T10:00:00.000Z',
    lastCheckedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    lastWebhookAt: null,
    overall: 'ok',
    checks: [{ key: 'token', level: 'ok', message: 'The access token is valid.' }],
    counts: { adAccounts: 1, pages: 1, leadForms: 1 },
    ...overrides,
  };
}

export function aDisconnectedMetaStatus(overrides: Partial<MetaConnectionStatus> = {}): MetaConnectionStatus {
  return aMetaStatus({
    connected: false,
    status: null,
    metaUser: null,
    grantedScopes: [],
    tokenExpiresAt: null,
    connectedAt: null,
    lastCheckedAt: null,
    checks: [],
    counts: { adAccounts: 0, pages: 0, leadForms: 0 },
    ...overrides,
  });
}

export function anAdAccount(overrides: Partial<MetaAdAccountDto> = {}): MetaAdAccountDto {
  return {
    id: 'aa-1',
    adAccountId: 'act_1015012345',
    name: 'Acme Leads DE',
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    accountStatus: 1,
    isActive: true,
    ...overrides,
  };
}

export function aMetaPage(overrides: Partial<MetaPageDto> = {}): MetaPageDto {
  return {
    id: 'p-1',
    pageId: '1111',
    name: 'Acme Insurance',
    category: 'Insurance broker',
    followersCount: 12500,
    subscribed: true,
    tasks: ['ADVERTISE', 'MANAGE'],
    isActive: true,
    ...overrides,
  };
}

export function aLeadForm(overrides: Partial<MetaLeadFormDto> = {}): MetaLeadFormDto {
  return {
    id: 'f-1',
    formId: '9001',
    pageId: '1111',
    pageName: 'Acme Insurance',
    name: 'Car insurance quote',
    status: 'ACTIVE',
    leadsCount: 42,
    autoSync: false,
    questionCount: 4,
    createdAt: '2026-10-01T10:00:00.000Z',
    ...overrides,
  };
}
