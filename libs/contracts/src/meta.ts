import type { CustomFieldTarget, LeadFieldTargetDto, LeadFieldValue } from './lead-fields';

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
  /** Signed, but its body cannot be read as a delivery: kept as raw bytes with the reason, acknowledged, no job. */
  Quarantined = 'quarantined',
}

/**
 * Why a signed delivery was quarantined instead of processed: sent with another content type than application/json,
 * bytes that are not UTF-8, text that is not JSON, or JSON with strings PostgreSQL cannot hold as text (a `\u0000`
 * escape, or an unpaired UTF-16 surrogate escape such as a lone `\ud800`).
 */
export const WEBHOOK_QUARANTINE_REASONS = [
  'not_application_json',
  'invalid_utf8',
  'not_json',
  'nul_character',
  'unpaired_surrogate',
] as const;
export type WebhookQuarantineReason = (typeof WEBHOOK_QUARANTINE_REASONS)[number];

/** `GET /v1/integrations/meta/auth/url`: where the console sends the admin to grant access. */
export interface MetaAuthUrlResponse {
  url: string;
  /** Seconds until the single-use state in the URL expires. */
  expiresIn: number;
  /** The permissions the product needs (the dialog asks for them itself unless a configuration is used). */
  scopes: string[];
  /** The Facebook Login for Business configuration the dialog uses instead of a scope list (META_LOGIN_CONFIG_ID), or null. */
  loginConfigId: string | null;
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
    | 'api_version'
    | 'graph_calls'
    | MetaSetupProblemKey;
  level: HealthCheckLevel;
  message: string;
  /** What the admin can do about it, when there is something to do. */
  hint?: string;
  /** Meta's page about the problem and its fix (documentation or the dashboard), when there is one. */
  helpUrl?: string;
  /**
   * The moment the message speaks of (the last webhook, the token's expiry), ISO 8601. The message writes it as
   * `atText`, in UTC; a client may show `at` in its reader's time zone in place of that text.
   */
  at?: string;
  /** The part of `message` that writes `at`, when it does. */
  atText?: string;
}

/**
 * Setup problems of a real Meta app, each a health check shown only when found: the app in development mode, a Page's
 * Leads Access Manager leaving out the app or the person, a Page without the ADVERTISE task, a permission Meta did not
 * offer because the app lacks Advanced Access for it. (A webhook callback URL pointing at another deployment is told by
 * the `app_subscription` check.)
 */
export type MetaSetupProblemKey = 'app_mode' | 'leads_access' | 'page_tasks' | 'permission_access';

/** What kind of token the connection holds (debug_token's `type`). */
export type MetaTokenType = 'USER' | 'SYSTEM_USER';

/**
 * The connection's Graph calls are paused by its circuit breaker: Meta failed them again and again (server errors,
 * timeouts), so its lead jobs wait for one probe call instead of each retrying on its own. Ends by itself when a
 * probe succeeds.
 */
export interface MetaGraphPause {
  /** When the calls were paused (ISO-8601). */
  since: string;
  /** Failed calls since then, the ones that caused the pause included. */
  failures: number;
  /** When the next probe call may go (ISO-8601); while `probing`, when the probe out now is given up. */
  nextProbeAt: string;
  /** Whether a probe call is out now. */
  probing: boolean;
  /** The last failure's message. */
  lastError: string | null;
}

/** `GET /v1/integrations/meta/status`. `connected: false` means no integration (or disconnected). */
export interface MetaConnectionStatus {
  connected: boolean;
  status: MetaIntegrationStatus | null;
  /** Whether the product talks to the bundled sandbox instead of Meta. */
  sandbox: boolean;
  apiVersion: string;
  metaUser: { id: string; name: string } | null;
  /**
   * USER: a person's token (about 60 days, renewed by reconnecting); SYSTEM_USER: a business integration system user
   * token from a Login for Business configuration, which may never expire. Null when Meta did not say.
   */
  tokenType: MetaTokenType | null;
  /** The business a SYSTEM_USER token belongs to; null for a person's token. */
  business: { id: string; name: string | null } | null;
  grantedScopes: string[];
  missingScopes: string[];
  tokenExpiresAt: string | null;
  dataAccessExpiresAt: string | null;
  connectedAt: string | null;
  lastCheckedAt: string | null;
  lastWebhookAt: string | null;
  overall: HealthCheckLevel;
  /** The stored health checks, preceded by a live `graph_calls` check while the calls are paused. */
  checks: MetaHealthCheck[];
  counts: { adAccounts: number; pages: number; leadForms: number };
  /** Set while the connection's Graph calls are paused (read live, not at the last health check). */
  graphPause: MetaGraphPause | null;
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
  /**
   * Another organisation of this deployment has this Page connected: a Page is connected by one organisation at a
   * time, so it is inactive here until the other one lets go of it (then a refresh takes it).
   */
  connectedElsewhere: boolean;
}

export interface MetaLeadFormDto {
  id: string;
  formId: string;
  pageId: string;
  pageName: string;
  name: string;
  status: string;
  /** @deprecated Same as `leadsAtMeta`. */
  leadsCount: number;
  /** Meta's count of the form's leads, as of the last asset refresh (Refresh assets, the health check, a sweep). */
  leadsAtMeta: number;
  /** Leads stored in LEGEAI from this form, test leads included. */
  leadsStored: number;
  autoSync: boolean;
  questionCount: number;
  /** Questions neither the form's mapping nor the standard defaults cover (the mapping endpoint's `unmappedQuestions`, counted). */
  unmappedQuestions: number;
  createdAt: string;
  /** The last reconciliation sweep of the form's leads (scheduled or on demand); null before the first. */
  lastReconciledAt: string | null;
  lastReconcileOutcome: LeadFormReconcileOutcome | null;
  /** What it read ("read 12 leads, 2 new"), or why it was skipped or stopped. */
  lastReconcileNote: string | null;
}

/** How a form's last reconciliation sweep went. */
export type LeadFormReconcileOutcome = 'ok' | 'skipped' | 'failed';

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

/** The lead fields a lead form's answers can fill (property names of a lead). */
export const LEAD_FIELD_NAMES = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'country',
  'dateOfBirth',
  'productInterest',
] as const;

export type LeadFieldName = (typeof LEAD_FIELD_NAMES)[number];

/** A lead form's mapping: which question fills which lead field, per-form default values and required fields. */
export interface LeadFormMapping {
  /**
   * Question key → lead field, a custom field (`custom:<key>`), or 'ignore' (the raw answer is still kept on the
   * lead).
   */
  fields: Record<string, LeadFieldName | CustomFieldTarget | 'ignore'>;
  /** Values used when no answer fills the field, e.g. `{ productInterest: 'auto' }`. */
  defaults: Partial<Record<LeadFieldName, string>>;
  /** Fields a lead must have; a lead without one is kept and flagged for review. */
  required: LeadFieldName[];
}

/** A question of a lead form, as Meta describes it. */
export interface LeadFormQuestionDto {
  key: string;
  label: string | null;
  /** FULL_NAME, EMAIL, PHONE, CITY, STATE, ZIP, DOB, CUSTOM, … */
  type: string | null;
  options: { key: string; value: string }[];
}

/** `GET /v1/integrations/meta/lead-forms/{id}/mapping`. */
export interface LeadFormMappingDto {
  /** Our lead form id (uuid). */
  id: string;
  /** Meta's form id. */
  formId: string;
  /** The mapping in force: the form's own choices with Meta's standard defaults filled in for the rest. */
  mapping: LeadFormMapping;
  /** Whether the form has a mapping of its own (false: standard defaults only). */
  customised: boolean;
  questions: LeadFormQuestionDto[];
  /** Questions that neither the mapping nor the defaults cover; their answers are only kept raw. */
  unmappedQuestions: string[];
  /** Every lead field a question can map to. */
  fields: LeadFieldName[];
  /** The organisation's custom fields a question can map to (`custom:<key>`), archived ones left out. */
  customFields: LeadFieldTargetDto[];
}

/** `PUT …/mapping` body: the form's mapping, replacing the previous one. Empty everything = standard defaults. */
export type UpdateLeadFormMappingRequest = LeadFormMapping;

/** `POST …/mapping/preview` body: the mapping to try (the stored one when absent). */
export interface MappingPreviewRequest {
  mapping?: LeadFormMapping;
}

/** The lead fields a mapping produces, with the normalised email and phone. */
export type MappedLeadFieldsDto = Record<LeadFieldName, string | null> & {
  emailNormalized: string | null;
  phoneE164: string | null;
};

/** `POST …/mapping/preview`: the mapping applied to the form's most recent lead, or to an example built from its questions. */
export interface MappingPreviewDto {
  /** `lead`: the most recent stored lead of the form; `example`: made-up answers (the form has no lead yet). */
  source: 'lead' | 'example';
  leadId: string | null;
  receivedAt: string | null;
  /** The answers the preview was made from. */
  answers: { name: string; values: string[] }[];
  fields: MappedLeadFieldsDto;
  /** Custom field values the mapping produces, by field key. */
  customFields: Record<string, LeadFieldValue>;
  missingRequired: LeadFieldName[];
  unmappedQuestions: string[];
  needsReview: boolean;
  reviewReason: string | null;
}
