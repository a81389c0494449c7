/** Lifecycle of an organisation's Meta connection. */
export enum MetaIntegrationStatus {
  Active = 'active',
  ReauthRequired = 'reauth_required',
  Disconnected = 'disconnected',
}

/** Permissions the product asks for in the OAuth dialog. */
export const META_REQUIRED_SCOPES = [
  'ads_management',
  'ads_read',
  'business_management',
  'catalog_management',
  'leads_retrieval',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_ads',
  'pages_manage_metadata',
  'email',
] as const;

export type MetaScope = (typeof META_REQUIRED_SCOPES)[number];

/** States of a received webhook delivery in the inbox. */
export enum WebhookInboxStatus {
  Received = 'received',
  Enqueued = 'enqueued',
  Processed = 'processed',
  Failed = 'failed',
  Ignored = 'ignored',
}

/** `GET /v1/integrations/meta/auth/url`: where the console sends the admin to grant access. */
export interface MetaAuthUrlResponse {
  url: string;
  /** Seconds until the single-use state in the URL expires. */
  expiresIn: number;
  scopes: string[];
}

/**
 * Query parameters the OAuth callback appends when it redirects back to the console
 * (`/integrations/meta?result=…`), so the page can explain what happened.
 */
export enum MetaConnectResult {
  Connected = 'connected',
  Denied = 'denied',
  MissingPermissions = 'missing_permissions',
  InvalidState = 'invalid_state',
  Failed = 'failed',
}

export type HealthCheckLevel = 'ok' | 'warning' | 'error';

/** One line of the connection health card, with a hint the admin can act on. */
export interface MetaHealthCheck {
  key:
    | 'token'
    | 'token_expiry'
    | 'permissions'
    | 'page_subscriptions'
    | 'app_subscription'
    | 'lead_forms'
    | 'last_webhook'
    | 'api_version';
  level: HealthCheckLevel;
  message: string;
  /** What the admin can do about it, when there is something to do. */
  hint?: string;
}

/** `GET /v1/integrations/meta/status`. `connected: false` means no integration (or disconnected). */
export interface MetaConnectionStatus {
  connected: boolean;
  status: MetaIntegrationStatus | null;
  /** Whether the product talks to the bundled sandbox instead of Meta. */
  sandbox: boolean;
  apiVersion: string;
  metaUser: { id: string; name: string } | null;
  grantedScopes: string[];
  missingScopes: string[];
  tokenExpiresAt: string | null;
  dataAccessExpiresAt: string | null;
  connectedAt: string | null;
  lastCheckedAt: string | null;
  lastWebhookAt: string | null;
  overall: HealthCheckLevel;
  checks: MetaHealthCheck[];
  counts: { adAccounts: number; pages: number; leadForms: number };
}

export interface MetaAdAccountDto {
  id: string;
  adAccountId: string;
  name: string;
  currency: string;
  timezone: string;
  /** Meta's account_status: 1 active, 2 disabled, 3 unsettled, … */
  accountStatus: number | null;
  isActive: boolean;
}

export interface MetaPageDto {
  id: string;
  pageId: string;
  name: string;
  category: string | null;
  followersCount: number | null;
  /** Whether this page is subscribed to our app's `leadgen` webhook. */
  subscribed: boolean;
  tasks: string[];
  isActive: boolean;
}

export interface MetaLeadFormDto {
  id: string;
  formId: string;
  pageId: string;
  pageName: string;
  name: string;
  status: string;
  leadsCount: number;
  autoSync: boolean;
  questionCount: number;
  createdAt: string;
}

export interface UpdateLeadFormRequest {
  autoSync: boolean;
}

/**
 * `POST /v1/integrations/meta/sync-leads`: read a form's leads from Meta now and store the missing ones. `formId` is
 * our lead form id (uuid) or Meta's form id. `from`/`to` are ISO-8601 instants (`from` inclusive, `to` exclusive);
 * without `from` the sweep starts at the form's watermark minus the overlap, as the scheduled sweep does.
 */
export interface SyncLeadsRequest {
  formId: string;
  from?: string;
  to?: string;
}

/** What an on-demand sync read and stored. */
export interface SyncLeadsResult {
  /** Our lead form id. */
  formId: string;
  /** Meta's form id. */
  metaFormId: string;
  /** The window actually read: leads created at or after `from` and before `to` (null: up to now). */
  from: string;
  to: string | null;
  /** Leads Meta returned for the window, across every page. */
  fetched: number;
  /** Leads that were not stored yet and now are. */
  created: number;
  /** Leads that were already stored (by the webhook or an earlier sweep). */
  existing: number;
  /** Of the created ones, how many were linked to an earlier lead of the same person. */
  duplicates: number;
  /** The form's watermark after the sync: the newest `created_time` read so far (null before any lead). */
  watermark: string | null;
  /** Whether this sync moved the watermark (only a read contiguous with the previous one may). */
  watermarkAdvanced: boolean;
}

/** `POST /v1/integrations/meta/lead-forms/{id}/test-lead`: the test lead created at Meta. */
export interface SendTestLeadResult {
  /** Meta's id of the new test lead; it arrives through the webhook pipeline like any lead. */
  leadgenId: string;
  /** Meta allows one test lead per form: the earlier one, deleted to make room, if there was one. */
  replacedLeadgenId: string | null;
}
