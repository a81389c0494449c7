import {
  LEAD_FIELD_NAMES,
  LeadFormMappingDto,
  LeadSyncDto,
  LeadSyncState,
  MappingPreviewDto,
  MetaActivityDto,
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
    tokenType: 'USER',
    business: null,
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
    graphPause: null,
    ...overrides,
  };
}

export function aDisconnectedMetaStatus(overrides: Partial<MetaConnectionStatus> = {}): MetaConnectionStatus {
  return aMetaStatus({
    connected: false,
    status: null,
    metaUser: null,
    tokenType: null,
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
    connectedElsewhere: false,
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
    leadsAtMeta: 42,
    leadsStored: 40,
    autoSync: false,
    questionCount: 4,
    unmappedQuestions: 0,
    createdAt: '2026-10-01T10:00:00.000Z',
    lastReconciledAt: null,
    lastReconcileOutcome: null,
    lastReconcileNote: null,
    ...overrides,
  };
}

/** A form of four questions: the standard ones mapped by default, one custom question nobody mapped yet. */
export function aLeadFormMapping(overrides: Partial<LeadFormMappingDto> = {}): LeadFormMappingDto {
  return {
    id: 'f-1',
    formId: '9001',
    mapping: {
      fields: { full_name: 'fullName', email: 'email', phone_number: 'phone' },
      defaults: {},
      required: [],
    },
    customised: false,
    questions: [
      { key: 'full_name', label: 'Full name', type: 'FULL_NAME', options: [] },
      { key: 'email', label: 'Email', type: 'EMAIL', options: [] },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE', options: [] },
      { key: 'vehicle_type', label: 'Какая у вас машина?', type: 'CUSTOM', options: [] },
    ],
    unmappedQuestions: ['vehicle_type'],
    fields: [...LEAD_FIELD_NAMES],
    customFields: [],
    ...overrides,
  };
}

/** A preview on the form's most recent lead, nothing missing. */
export function aMappingPreview(overrides: Partial<MappingPreviewDto> = {}): MappingPreviewDto {
  const fields = Object.fromEntries(LEAD_FIELD_NAMES.map((f) => [f, null])) as MappingPreviewDto['fields'];
  return {
    source: 'lead',
    leadId: 'l-1',
    receivedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    answers: [{ name: 'full_name', values: ['Anna Schmidt'] }],
    fields: { ...fields, fullName: 'Anna Schmidt', email: 'anna@example.com', emailNormalized: 'anna@example.com', phoneE164: null },
    customFields: {},
    missingRequired: [],
    unmappedQuestions: ['vehicle_type'],
    needsReview: false,
    reviewReason: null,
    ...overrides,
  };
}

/** A lead's way through the pipeline, by default just received from the webhook. */
export function aLeadSync(overrides: Partial<LeadSyncDto> = {}): LeadSyncDto {
  return {
    id: 'ls-1',
    pageId: '1111',
    formId: '9001',
    leadgenId: '777000111',
    pageName: 'Acme Insurance',
    formName: 'Spring offer',
    leadId: null,
    state: LeadSyncState.Pending,
    receivedAt: '2026-11-20T10:00:00.000Z',
    fetchedAt: null,
    mappedAt: null,
    storedAt: null,
    attempts: 1,
    replays: 0,
    errorKind: null,
    errorCode: null,
    errorMessage: null,
    hint: null,
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** The Activity page's answer: one processed delivery with an ignored change, one queue, a few syncs per state. */
export function aMetaActivity(overrides: Partial<MetaActivityDto> = {}): MetaActivityDto {
  return {
    deliveries: [
      {
        id: 'd-1',
        receivedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
        status: 'processed',
        quarantineReason: null,
        jobCount: 1,
        changeCount: 2,
        ignored: [{ reason: 'unknown_field', field: 'feed', pageId: '1111' }],
      },
    ],
    queues: [
      {
        queue: 'meta-leads',
        waiting: 3,
        active: 1,
        delayed: 2,
        failed: 0,
        completed: 40,
        completedKept: { count: null, ageSeconds: 86_400 },
      },
    ],
    syncs: {
      [LeadSyncState.Pending]: 4,
      [LeadSyncState.Stored]: 120,
      [LeadSyncState.Duplicate]: 6,
      [LeadSyncState.Failed]: 2,
      [LeadSyncState.Parked]: 0,
      [LeadSyncState.Skipped]: 1,
    },
    unknownPages: [],
    ...overrides,
  };
}
