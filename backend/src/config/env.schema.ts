import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { IsTrustProxy } from './trust-proxy';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `json`: one JSON object a line, for log collectors; `pretty`: one readable line an event, for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const METRICS_ACCESS_MODES = ['public', 'token', 'admin', 'off'] as const;
export type MetricsAccess = (typeof METRICS_ACCESS_MODES)[number];

export const DOCS_ACCESS_MODES = ['public', 'off'] as const;
export type DocsAccess = (typeof DOCS_ACCESS_MODES)[number];

const URL_OPTIONS = { require_tld: false, require_protocol: true };

/** The number must not exceed another numeric variable of the schema (when that one is valid: it reports itself). */
const NotAbove = (other: keyof EnvSchema) =>
  ValidateBy({
    name: 'notAbove',
    constraints: [other],
    validator: {
      validate: (value, args) => {
        const limit = (args!.object as EnvSchema)[other];
        return typeof value !== 'number' || typeof limit !== 'number' || Number.isNaN(limit) || value <= limit;
      },
      defaultMessage: (args) => `${args!.property} must not be greater than ${other}`,
    },
  });

/**
 * Every environment variable the backend reads, validated once at boot (see load-env.ts). Defaults make the
 * embedded single-machine mode work with nothing configured; a real deployment sets DATABASE_URL and then must
 * also provide its own secrets.
 */
export class EnvSchema {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsIn(APP_ROLES)
  APP_ROLE: AppRole = 'all';

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  PUBLIC_URL?: string;

  /** Comma-separated origins allowed to call the API from a browser; empty means same-origin only. */
  @IsOptional()
  @IsString()
  @Matches(/^(https?:\/\/[^\s,]+)(\s*,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  /**
   * The proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (client address for rate limits, sessions and
   * audit; https for Secure cookies): false, a hop count, or their addresses and subnets. `true` is refused, see
   * trust-proxy.ts.
   */
  @IsOptional()
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\//, {
    message: 'REDIS_URL must be a redis:// or rediss:// URL',
  })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-zA-Z0-9_-]+$/, {
    message: 'QUEUE_PREFIX may only contain letters, digits, "_" and "-"',
  })
  QUEUE_PREFIX = 'legeai';

  /**
   * How long a worker's lock on a running job lasts without renewal (renewed every half of it). A job whose worker
   * died is taken up again by another worker once its lock has expired and a stalled-job check has seen it twice.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_DURATION_MS = 30000;

  /** Milliseconds between a worker's checks for jobs whose worker died (their lock expired while active). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  QUEUE_STALLED_INTERVAL_MS = 30000;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ORG_NAME = 'LEGEAI';

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** `json` or `pretty`; unset: pretty when stdout is a terminal (`npm start` in a shell), JSON otherwise. */
  @IsOptional()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT?: LogFormat;

  @IsOptional()
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  @IsOptional()
  @IsString()
  ADMIN_DIST_DIR?: string;

  // --- HTTP server ------------------------------------------------------------------------------------------------
  /** Milliseconds a client has to send a request's headers; a slower one gets a 408 and the connection is closed. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600000)
  @NotAbove('HTTP_REQUEST_TIMEOUT_MS')
  HTTP_HEADERS_TIMEOUT_MS = 10000;

  /** Milliseconds a client has to send a whole request, headers and body (not the time we take to answer). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600000)
  HTTP_REQUEST_TIMEOUT_MS = 30000;

  /** Milliseconds an idle keep-alive connection stays open for the client's next request. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5000;

  /**
   * Who may read /metrics. Unset: `token` when METRICS_TOKEN is set, otherwise `off` with NODE_ENV=production and
   * `public` elsewhere (see ops.config.ts).
   */
  @IsOptional()
  @IsIn(METRICS_ACCESS_MODES)
  METRICS_ACCESS?: MetricsAccess;

  /** Bearer token Prometheus sends (its `authorization` / `bearer_token` setting) when METRICS_ACCESS is `token`. */
  @ValidateIf((env: EnvSchema) => env.METRICS_ACCESS === 'token' || env.METRICS_TOKEN !== undefined)
  @IsString()
  @Matches(/^[\x21-\x7e]{32,}$/, { message: 'METRICS_TOKEN must be at least 32 printable characters without spaces' })
  METRICS_TOKEN?: string;

  /** Whether Swagger UI (/docs) and the OpenAPI document (/docs-json) are served. */
  @IsOptional()
  @IsIn(DOCS_ACCESS_MODES)
  DOCS_ACCESS: DocsAccess = 'public';

  /** Days a processed or ignored webhook delivery is kept in the inbox before the prune-webhook-inbox job deletes it. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_INBOX_RETENTION_DAYS = 30;

  // --- identity -------------------------------------------------------------------------------------------------
  /** Required when DATABASE_URL is set; in embedded mode it is generated once into <DATA_DIR>/secrets.json. */
  @ValidateIf((env: EnvSchema) => !!env.DATABASE_URL || env.JWT_SECRET !== undefined)
  @IsString()
  @Matches(/^.{32,}$/s, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL = 900;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_REFRESH_TTL = 1209600;

  /** Seconds a rotated refresh token still buys an access token (concurrent tabs); 0 = strictly single-use. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  JWT_REFRESH_REUSE_GRACE = 30;

  @IsOptional()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^.{12,}$/s, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Comma-separated emails whose accounts are made platform administrators at start-up (the first admin already is one). */
  @IsOptional()
  @Matches(/^\s*[^\s@,]+@[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+)*\s*$/, {
    message: 'PLATFORM_ADMIN_EMAILS must be a comma-separated list of email addresses',
  })
  PLATFORM_ADMIN_EMAILS?: string;

  /** Hours an organisation invitation link stays valid (single use). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS = 72;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  // --- crypto ---------------------------------------------------------------------------------------------------
  /** "kid1:base64-32-bytes,kid0:..."; the first key encrypts, all decrypt. Required when DATABASE_URL is set. */
  @ValidateIf((env: EnvSchema) => !!env.DATABASE_URL || env.TOKEN_ENCRYPTION_KEYS !== undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'TOKEN_ENCRYPTION_KEYS must be "kid:base64-of-32-bytes" entries separated by commas',
  })
  TOKEN_ENCRYPTION_KEYS?: string;

  // --- Meta -----------------------------------------------------------------------------------------------------
  /** Unset means sandbox mode: the bundled Meta imitation stands in for Meta. */
  @IsOptional()
  @Matches(/^\d+$/, { message: 'META_APP_ID must be numeric' })
  META_APP_ID?: string;

  @ValidateIf((env: EnvSchema) => !!env.META_APP_ID || env.META_APP_SECRET !== undefined)
  @IsString()
  @IsNotEmpty()
  META_APP_SECRET?: string;

  /**
   * The app secret before the last "Reset" in Meta's dashboard, while Meta may still deliver what it signed with it:
   * webhooks and signed_request callbacks verify with either secret. Only META_APP_SECRET signs what we send.
   */
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'previousAppSecret',
    validator: {
      validate: (value: unknown, args) => {
        const current = (args?.object as EnvSchema | undefined)?.META_APP_SECRET;
        return !!current && value !== current;
      },
      defaultMessage: () => 'META_APP_SECRET_PREVIOUS needs META_APP_SECRET (the current secret) and must differ from it',
    },
  })
  META_APP_SECRET_PREVIOUS?: string;

  @ValidateIf((env: EnvSchema) => !!env.META_APP_ID || env.META_REDIRECT_URI !== undefined)
  @IsUrl(URL_OPTIONS)
  META_REDIRECT_URI?: string;

  /**
   * A Facebook Login for Business configuration id (App Dashboard → Facebook Login for Business → Configurations). Set,
   * the login dialog carries `config_id` instead of a scope list, and the configuration decides the permissions, the
   * assets and the token type (a user token, or a business integration system user token that does not expire).
   */
  @IsOptional()
  @Matches(/^\d{1,30}$/, { message: 'META_LOGIN_CONFIG_ID must be the numeric configuration id from the App Dashboard' })
  META_LOGIN_CONFIG_ID?: string;

  @ValidateIf((env: EnvSchema) => !!env.META_APP_ID || env.META_VERIFY_TOKEN !== undefined)
  @IsString()
  @IsNotEmpty()
  META_VERIFY_TOKEN?: string;

  @IsOptional()
  @Matches(/^v\d+\.\d+$/, { message: 'META_API_VERSION must look like v26.0' })
  META_API_VERSION = 'v26.0';

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  META_GRAPH_URL = 'https://graph.facebook.com';

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  META_DIALOG_URL = 'https://www.facebook.com';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  META_TIMEOUT_MS = 15000;

  /**
   * Milliseconds Graph calls of a scope are paused after a rate-limit error that gave no regain time. Meta keeps
   * counting calls made while throttled, so keep the default of a minute outside tests.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  META_RATE_LIMIT_PAUSE_MS = 60000;

  /**
   * Circuit breaker of a connection's Graph calls: this many transient failures in a row (no success in between,
   * within META_BREAKER_WINDOW_MS of the first) pause the connection's lead jobs until a single probe call succeeds.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  META_BREAKER_THRESHOLD = 10;

  /** Milliseconds within which the failures must fall to count as one run. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  META_BREAKER_WINDOW_MS = 60000;

  /** Milliseconds before the first probe once paused; each failed probe doubles it up to META_BREAKER_MAX_WAIT_MS. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  META_BREAKER_FIRST_WAIT_MS = 10000;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  META_BREAKER_MAX_WAIT_MS = 300000;

  /**
   * Milliseconds a worker trusts its copy of the breakers before reading them again from the database (the lead jobs'
   * hot path reads the copy, not the database); also how long a job waits while another one probes.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60000)
  META_BREAKER_REFRESH_MS = 2000;

  // --- leads ----------------------------------------------------------------------------------------------------
  /** Country (ISO 3166-1 alpha-2) assumed for phone numbers given without an international prefix. */
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'LEAD_DEFAULT_COUNTRY must be a two-letter country code like US' })
  LEAD_DEFAULT_COUNTRY = 'US';

  /** Days back a new lead is compared with earlier leads of the same person (same email or phone). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  LEAD_DUPLICATE_WINDOW_DAYS = 30;

  /** Minutes the reconciliation sweep re-reads before its watermark. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1440)
  LEAD_RECONCILE_OVERLAP_MINUTES = 30;

  /** Cron pattern (5 or 6 fields) of the scheduled reconciliation sweep. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'LEAD_RECONCILE_CRON must be a cron pattern like */15 * * * *' })
  LEAD_RECONCILE_CRON = '*/15 * * * *';

  /** Cron pattern (5 or 6 fields, UTC) of the scheduled sync of every connected ad account's campaigns, ad sets and ads. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'META_ADS_SYNC_CRON must be a cron pattern like 7 * * * *' })
  META_ADS_SYNC_CRON = '7 * * * *';

  // --- insights -------------------------------------------------------------------------------------------------
  /** Cron pattern (5 or 6 fields, UTC) of the refresh of today's (and yesterday's) insights of every connected ad account. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'INSIGHTS_TODAY_CRON must be a cron pattern like 20 */3 * * *' })
  INSIGHTS_TODAY_CRON = '20 */3 * * *';

  /** Cron pattern (5 or 6 fields, UTC) of the daily re-pull of the last INSIGHTS_LOOKBACK_DAYS days (Meta restates them). */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'INSIGHTS_LOOKBACK_CRON must be a cron pattern like 40 4 * * *' })
  INSIGHTS_LOOKBACK_CRON = '40 4 * * *';

  /** Days the daily lookback re-reads; Meta restates conversions for up to 28 days. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  INSIGHTS_LOOKBACK_DAYS = 28;

  /** Days of insights read when an ad account connects; Meta keeps about 37 months (1110 days). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1110)
  INSIGHTS_BACKFILL_DAYS = 90;

  /** A pull range longer than this many days is read through an async report run instead of a sync read. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1110)
  INSIGHTS_ASYNC_ABOVE_DAYS = 7;

  /** Milliseconds before the first poll of an async report run; later polls wait longer, up to 30 s. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60000)
  INSIGHTS_REPORT_POLL_MS = 2000;

  /** Milliseconds a report run may take before it counts as failed and its date range is split in two. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(7200000)
  INSIGHTS_REPORT_TIMEOUT_MS = 1800000;

  /** Percentage of x-fb-ads-insights-throttle at which a pull pauses before Meta refuses its calls. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(100)
  INSIGHTS_THROTTLE_PAUSE_PCT = 95;

  /**
   * Conversions API for CRM: the `test_event_code` sent with every event request, so events land in Events
   * Manager's "Test events" instead of counting (sandbox mode always sends one). Letters, digits, _ and -.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{4,60}$/, { message: 'META_CAPI_TEST_EVENT_CODE must be 4 to 60 letters, digits, _ or -, e.g. TEST12345' })
  META_CAPI_TEST_EVENT_CODE?: string;

  /** The CRM's name sent as `custom_data.lead_event_source` with every Conversions API event. */
  @IsOptional()
  @Matches(/^\P{Cc}{1,100}$/u, { message: 'META_CAPI_LEAD_EVENT_SOURCE must be 1 to 100 printable characters' })
  META_CAPI_LEAD_EVENT_SOURCE = 'LEGEAI';

  /** Cron pattern (5 or 6 fields, UTC) of the sweep that sends Conversions API events whose send was never queued. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'META_CAPI_SWEEP_CRON must be a cron pattern like * * * * *' })
  META_CAPI_SWEEP_CRON = '* * * * *';

  /** Tries of one Conversions API send before its events are marked failed (replayable). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  META_CAPI_SEND_ATTEMPTS = 5;

  /** First wait after a failed Conversions API send, doubled at each try. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  META_CAPI_RETRY_DELAY_MS = 30_000;

  /**
   * How long the Conversions API send queued by a stage change waits before it starts, so the changes of a burst go
   * out together (up to 1,000 events a request) instead of one request each. A lone change is sent this much later.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  META_CAPI_BATCH_WINDOW_MS = 1_000;

  /** Cron pattern (5 or 6 fields, UTC) of the evaluation of every organisation's alert conditions. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'ALERTS_EVALUATE_CRON must be a cron pattern like * * * * *' })
  ALERTS_EVALUATE_CRON = '* * * * *';

  /** Cron pattern (5 or 6 fields, UTC) of the sweep that queues mails and new-lead notices whose job was never queued. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'ALERTS_SWEEP_CRON must be a cron pattern like * * * * *' })
  ALERTS_SWEEP_CRON = '* * * * *';

  /** Cron pattern (5 or 6 fields, UTC) of the new-lead digests: each user's hourly or daily digest goes out at the first tick it is due. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'ALERTS_DIGEST_CRON must be a cron pattern like 0 * * * *' })
  ALERTS_DIGEST_CRON = '0 * * * *';

  /**
   * Where alert emails are sent: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. Unset: mails
   * stay in the mail outbox, which admins read in the console.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587',
  })
  SMTP_URL?: string;

  /** The From of alert emails: an address, or a name and an address as in "LEGEAI <alerts@example.com>". */
  @IsOptional()
  @Matches(/^([^<>\r\n]{1,100} <[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an email address, optionally as "Name <address>"',
  })
  MAIL_FROM = 'LEGEAI Meta Connect <alerts@legeai.localhost>';

  /** Tries of one alert email before it is marked failed. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  ALERTS_MAIL_ATTEMPTS = 5;

  /** First wait after a failed alert email, doubled at each try. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  ALERTS_MAIL_RETRY_DELAY_MS = 30_000;
  /**
   * The longest a partial batch of Conversions API events waits while changes keep arriving (each within the batch
   * window of the one before): under a steady trickle a request leaves at 1,000 events or after this long, whichever
   * comes first. A lone change still goes after one batch window.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  META_CAPI_MAX_LINGER_MS = 60_000;

  /** Cron pattern (5 or 6 fields, UTC) of the scheduled catalog sync of every organisation with a linked catalog. */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'META_CATALOG_SYNC_CRON must be a cron pattern like 23 */6 * * *' })
  META_CATALOG_SYNC_CRON = '23 */6 * * *';

  /** Share of a catalog's items (0 to 1) above which a sync's deletes are held until an admin confirms them. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  CATALOG_DELETE_GUARD_SHARE = 0.2;

  /** First wait (ms) between two status checks of a catalog batch handle; doubled after each check, up to 30 s. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  CATALOG_POLL_INITIAL_MS = 1000;

  /** How long (ms) a catalog sync follows its batch handles before it gives up and lets the queue retry. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(6 * 3_600_000)
  CATALOG_POLL_TIMEOUT_MS = 1_800_000;

  /**
   * Lead jobs a worker runs at once. Their Graph reads are coalesced into batch calls of up to 50 per Page token (at
   * most one batch in flight per token), so this should be at least 50 for a burst of leads to cost about one HTTP
   * request per 50 leads; the jobs beyond 50 store the previous batches while the next one travels.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  LEAD_SYNC_CONCURRENCY = 150;

  /** Milliseconds a lead read waits for others with the same Page token before they leave as one batch call. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  LEAD_FETCH_BATCH_WINDOW_MS = 100;

  // --- bundled Meta sandbox (only when META_APP_ID is unset) ------------------------------------------------------
  /** Port of the in-process Meta sandbox in sandbox mode. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  SANDBOX_PORT = 4010;

  /**
   * Sandbox mode only: the sandbox creates a demo lead (and sends its webhook) every N seconds, so a new user sees
   * leads arrive; 0 turns it off (tests do).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SANDBOX_DEMO_LEAD_INTERVAL: number = 30;

  /**
   * Outgoing webhooks: allow `http://` endpoint URLs. They are allowed anyway outside production and in sandbox mode
   * (no META_APP_ID); in production an endpoint must be https unless this is `true`.
   */
  @IsOptional()
  @IsIn(['true', 'false'])
  OUTGOING_WEBHOOKS_ALLOW_HTTP: 'true' | 'false' = 'false';

  /**
   * Outgoing webhooks: allow endpoints on private, loopback and link-local addresses in production (refused there by
   * default, checked at registration and at every send, so a webhook cannot reach the deployment's own network).
   */
  @IsOptional()
  @IsIn(['true', 'false'])
  OUTGOING_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' | 'false' = 'false';

  /** Outgoing webhooks: how long (ms) one delivery waits for the endpoint's answer. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  OUTGOING_WEBHOOKS_TIMEOUT_MS = 10_000;

  /** Outgoing webhooks: attempts of one delivery before it fails (and its endpoint is disabled). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  OUTGOING_WEBHOOKS_MAX_ATTEMPTS = 10;

  /** Outgoing webhooks: the wait (ms) after a delivery's first failed attempt, doubled after each next one. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  OUTGOING_WEBHOOKS_RETRY_BASE_MS = 180_000;

  /** Outgoing webhooks: the longest wait (ms) between two attempts of a delivery. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  OUTGOING_WEBHOOKS_RETRY_MAX_MS = 8 * 3_600_000;

  /** Outgoing webhooks: an endpoint whose every delivery failed for this long (ms), with no success, is disabled. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(30 * 86_400_000)
  OUTGOING_WEBHOOKS_DISABLE_AFTER_MS = 86_400_000;

  /** Outgoing webhooks: how often (ms) the sweep queues the sends of due deliveries (retries, and a crash's leftovers). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTGOING_WEBHOOKS_SWEEP_EVERY_MS = 15_000;

  /** Outgoing webhooks: deliveries in flight at once to one endpoint (order per endpoint is not kept). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  OUTGOING_WEBHOOKS_CONCURRENCY = 8;

  /** Outgoing webhooks: hours the old secret keeps signing after a rotation when the request does not say. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(168)
  OUTGOING_WEBHOOKS_ROTATION_OVERLAP_HOURS = 24;

  /** Outgoing webhooks: days a finished delivery (delivered or failed) and its attempts stay in the log. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTGOING_WEBHOOKS_RETENTION_DAYS = 30;
}
