/**
 * Route constants shared by the backend controllers and the console's API clients, so a renamed path breaks
 * compilation on both sides. Paths are relative to the global prefix `API_PREFIX` unless marked otherwise.
 */
export const API_PREFIX = 'v1';

export const ROUTES = {
  auth: {
    base: 'auth',
    login: 'login',
    refresh: 'refresh',
    logout: 'logout',
    me: 'me',
    /** Admin only: sets the `lg_board` cookie that opens Bull Board at `OPS_ROUTES.queues`. */
    boardSession: 'board-session',
    /** `GET`: the organisations the signed-in user belongs to (for the switcher). */
    organisations: 'organisations',
    /** `POST { organisationId }`: a new access token of the same session for another of the user's organisations. */
    switchOrganisation: 'switch-organisation',
    /** Public: `POST invitations/preview` and `POST invitations/accept` (the token travels in the body, never in a URL). */
    invitationPreview: 'invitations/preview',
    invitationAccept: 'invitations/accept',
  },
  /**
   * Platform administrators only: `GET/POST platform/organisations`, `POST platform/organisations/{id}/suspend`,
   * `…/reactivate`, `…/invitations` (a single-use link for the organisation's first admin; `GET` the pending ones,
   * `DELETE …/invitations/{invitationId}` revokes one).
   */
  platform: {
    base: 'platform/organisations',
    suspend: 'suspend',
    reactivate: 'reactivate',
    invitations: 'invitations',
  },
  users: 'users',
  apiKeys: 'api-keys',
  organisation: 'organisation',
  audit: 'audit-log',
  /** Under `audit-log`: `GET filters`, the actors, actions and subject types to filter by. */
  auditFilters: 'filters',
  leads: 'leads',
  /** `GET/PUT lead-duplicate-settings` (PUT: admins): the organisation's person-matching rule. */
  leadDuplicateSettings: 'lead-duplicate-settings',
  /**
   * Under `leads`: `GET leads/export.csv`, `GET leads/export.xlsx`, `PATCH leads/{id}/status` and
   * `POST leads/{id}/reopen`.
   */
  leadsExport: 'export.csv',
  leadsExportXlsx: 'export.xlsx',
  leadStatus: 'status',
  leadReopen: 'reopen',
  /** `GET leads/{id}/duplicates`; `POST leads/{id}/not-duplicate`; `POST leads/{id}/duplicate/confirm`. */
  leadDuplicates: 'duplicates',
  leadNotDuplicate: 'not-duplicate',
  leadConfirmDuplicate: 'duplicate/confirm',
  /** Under `leads/{id}`: `PATCH` the lead's custom field values. */
  leadCustomFields: 'custom-fields',
  /** The organisation's custom lead fields: `GET`, `POST`, `PATCH {id}`, `DELETE {id}` (unused ones only). */
  leadFields: 'lead-fields',
  /**
   * MetaCatalog, under `catalog`: `products` (CRUD), `products/import` (text/csv), `catalogs` (the business's Meta
   * catalogs), `link` (the organisation's catalog), `syncs` (history, "sync now"), `syncs/{id}/confirm|cancel`.
   */
  catalog: {
    base: 'catalog',
    products: 'products',
    productsImport: 'products/import',
    catalogs: 'catalogs',
    link: 'link',
    syncs: 'syncs',
    confirm: 'confirm',
    cancel: 'cancel',
  },
  /**
   * Outgoing webhooks, under `webhooks`: `GET/POST endpoints`, `GET/PATCH/DELETE endpoints/{id}`,
   * `POST endpoints/{id}/enable|disable|rotate-secret|test`, `GET deliveries`, `GET deliveries/{id}`,
   * `POST deliveries/{id}/replay`.
   */
  outgoingWebhooks: {
    base: 'webhooks',
    endpoints: 'endpoints',
    enable: 'enable',
    disable: 'disable',
    rotateSecret: 'rotate-secret',
    test: 'test',
    deliveries: 'deliveries',
    replay: 'replay',
  },
  /**
   * Alerts: `GET notifications`, `GET notifications/unread-count`, `POST notifications/{id}/read`,
   * `POST notifications/read-all`; `GET/PUT notification-preferences`; `GET alerts`, `GET/PUT alert-settings` and
   * `GET mail-outbox`, `GET mail-outbox/{id}` (admins).
   */
  notifications: 'notifications',
  notificationsUnreadCount: 'unread-count',
  notificationRead: 'read',
  notificationsReadAll: 'read-all',
  notificationPreferences: 'notification-preferences',
  alerts: 'alerts',
  alertSettings: 'alert-settings',
  mailOutbox: 'mail-outbox',
  metaIntegration: {
    base: 'integrations/meta',
    authUrl: 'auth/url',
    callback: 'callback',
    disconnect: 'disconnect',
    status: 'status',
    /** POST: run the connection health check now. */
    statusCheck: 'status/check',
    /** POST: re-discover ad accounts, pages and lead forms. */
    refresh: 'refresh',
    webhook: 'webhook',
    adAccounts: 'ad-accounts',
    pages: 'pages',
    leadForms: 'lead-forms',
    /** Under `lead-forms/{id}`: GET and PUT the form's mapping; POST `mapping/preview` tries one on a recent lead. */
    leadFormMapping: 'mapping',
    leadFormMappingPreview: 'mapping/preview',
    /** MetaAds: `GET/POST campaigns`, `PUT campaigns/{id}`, `GET/POST campaigns/sync`, `POST campaigns/validate`. */
    campaigns: 'campaigns',
    campaignsSync: 'campaigns/sync',
    campaignsValidate: 'campaigns/validate',
    /** `GET adsets`, `PUT adsets/{id}`. */
    adSets: 'adsets',
    /** `GET ads`, `PUT ads/{id}`. */
    ads: 'ads',
    /** `POST`: pause or resume many campaigns, ad sets or ads. */
    adsBulkStatus: 'ads-bulk-status',
    /** `GET`: the guardrails a draft campaign is checked against. */
    adsGuardrails: 'ads-guardrails',
    /** `PUT` (admins): the organisation's budget guardrails. */
    adsSettings: 'ads-settings',
    syncLeads: 'sync-leads',
    /** Under `lead-forms/{id}`: POST sends a test lead to the form. */
    testLead: 'test-lead',
    /** MetaInsights: `GET insights` (rows per object, CSV with format=csv), `GET insights/summary` (the dashboard). */
    insights: 'insights',
    insightsSummary: 'insights/summary',
    /** `GET` (viewers) and `PUT` (admins): what ROI is computed on. */
    insightsSettings: 'insights/settings',
    /** MetaInsights operations: `GET/POST insights/pulls` (recent pulls, pull now), `GET insights/accounts` (each account's pull state). */
    insightsPulls: 'insights/pulls',
    insightsAccounts: 'insights/accounts',
    deauthorize: 'deauthorize',
    dataDeletion: 'data-deletion',
    /** Per-lead pipeline timeline: `GET lead-syncs`, `GET lead-syncs/{id}`, `POST lead-syncs/{id}/replay`, `POST lead-syncs/replay`. */
    leadSyncs: 'lead-syncs',
    leadSyncReplay: 'replay',
    /** Recent webhook deliveries, queue depth and sync counts for the console's Activity page. */
    activity: 'activity',
    /** `GET`: the Overview's lead pipeline numbers for today and this week, with the connection's state. */
    leadPipelineSummary: 'lead-pipeline/summary',
    /**
     * MetaConversions (Conversions API for CRM): `GET/PUT conversions/settings`, `GET/POST conversions/datasets`,
     * `GET conversions/events`, `GET conversions/overview`, `POST conversions/events/replay`.
     */
    conversionsSettings: 'conversions/settings',
    conversionsDatasets: 'conversions/datasets',
    conversionsEvents: 'conversions/events',
    conversionsOverview: 'conversions/overview',
    conversionsReplay: 'conversions/events/replay',
  },
} as const;

/** Operational endpoints served outside the `/v1` prefix. */
export const OPS_ROUTES = {
  health: '/health',
  metrics: '/metrics',
  docs: '/docs',
  docsJson: '/docs-json',
  queues: '/admin/queues',
} as const;

/** Name of the httpOnly cookie that carries the console's refresh token (scoped to the auth routes). */
export const REFRESH_COOKIE = 'lg_refresh';
/** Name of the httpOnly cookie holding an admin access token for Bull Board (scoped to `OPS_ROUTES.queues`). */
export const BOARD_COOKIE = 'lg_board';
/** Header API consumers send their organisation API key in. */
export const API_KEY_HEADER = 'x-api-key';
