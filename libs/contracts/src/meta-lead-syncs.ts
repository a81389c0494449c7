import type { WebhookQuarantineReason } from './meta';

/** Where a Meta lead is in the pipeline webhook → Graph fetch → mapping → store. */
export enum LeadSyncState {
  /** Received, being fetched or waiting for a retry (a transient error or a rate limit). */
  Pending = 'pending',
  /** Stored as a new lead by this sync. */
  Stored = 'stored',
  /** The lead was already in the store (e.g. the reconciliation sweep got it first); nothing new was written. */
  Duplicate = 'duplicate',
  /** Gave up: a permission is missing, Meta refused the request, or retries ran out. Replayable. */
  Failed = 'failed',
  /** Waiting for the Meta connection to be reconnected (the token stopped working); replayed after a reconnect. */
  Parked = 'parked',
  /** Nothing to do: the Page's connection is gone. */
  Skipped = 'skipped',
}

export const LEAD_SYNC_STATES: readonly LeadSyncState[] = Object.values(LeadSyncState);

/** States a bulk replay accepts. */
export type ReplayableLeadSyncState = LeadSyncState.Failed | LeadSyncState.Parked;

/**
 * Why the last attempt of a sync did not store the lead, as the Graph client classified it; `paused` when the lead
 * waits because the connection's Graph calls are paused (Meta kept failing them) and was not read at all.
 */
export type LeadSyncErrorKind = 'auth' | 'permission' | 'rate_limited' | 'transient' | 'validation' | 'unknown' | 'paused';

/** One lead's way through the pipeline (`GET /v1/integrations/meta/lead-syncs[/{id}]`). */
export interface LeadSyncDto {
  id: string;
  /** Meta's page, form and lead (`leadgen_id`) ids. */
  pageId: string;
  formId: string | null;
  leadgenId: string;
  /** The Page's and the form's names as last discovered here; null when unknown (the console then shows the ids). */
  pageName: string | null;
  formName: string | null;
  /** The stored LEGEAI lead, once there is one. */
  leadId: string | null;
  state: LeadSyncState;
  /** Timeline, ISO-8601: when the webhook was received, the lead read from Meta, mapped and stored. */
  receivedAt: string;
  fetchedAt: string | null;
  mappedAt: string | null;
  storedAt: string | null;
  /** Processing attempts so far (replays included). */
  attempts: number;
  /** Times the sync was replayed from the console or the API. */
  replays: number;
  errorKind: LeadSyncErrorKind | null;
  /** Meta's error code, when Meta gave one. */
  errorCode: number | null;
  errorMessage: string | null;
  /** What to do about the error (e.g. the permission to grant). */
  hint: string | null;
  updatedAt: string;
}

/** `GET lead-syncs` query. */
export interface LeadSyncListQuery {
  state?: LeadSyncState;
  /** Meta's leadgen id (numeric string): only that lead's sync. */
  leadgenId?: string;
  limit?: number;
  offset?: number;
}

/** `POST lead-syncs/replay`: replay every sync in this state. */
export interface ReplayLeadSyncsRequest {
  state: ReplayableLeadSyncState;
}

/** What a replay re-enqueued. */
export interface ReplayLeadSyncsResult {
  replayed: number;
}

/**
 * One recent webhook delivery concerning the organisation's pages; for admins also the quarantined deliveries that
 * name no Page at all (webhooks are app-wide, so such a delivery may have been any organisation's).
 */
export interface MetaActivityDelivery {
  id: string;
  receivedAt: string;
  status: 'received' | 'enqueued' | 'processed' | 'failed' | 'ignored' | 'quarantined';
  /** Why the body was kept as raw bytes instead of being processed; null for a readable delivery. */
  quarantineReason: WebhookQuarantineReason | null;
  /** Lead jobs the delivery produced. */
  jobCount: number | null;
  /** Changes in the delivery (leadgen and others). */
  changeCount: number;
  /** Parts that produced no job, with the reason (unknown page, other field, ...). */
  ignored: { reason: string; field: string | null; pageId: string | null }[];
}

/** Jobs per state of one queue. */
export interface MetaQueueDepth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Completed jobs the queue still keeps: the window is `completedKept`. */
  completed: number;
  /** How the queue keeps completed jobs, which is the window `completed` counts over. */
  completedKept: CompletedJobsKept;
}

/**
 * How a queue keeps its completed jobs: at most the last `count` (null: no count limit), none older than `ageSeconds`
 * (null: no age limit). Both null: every completed job is kept.
 */
export interface CompletedJobsKept {
  count: number | null;
  ageSeconds: number | null;
}

/**
 * Leads Meta delivered for a Page no organisation here has connected (the webhook dispatch ignored them as
 * `unknown_page`): another organisation's Page, or a Page not ticked in the Meta dialog.
 */
export interface MetaUnknownPageDeliveries {
  pageId: string;
  /** Deliveries naming the Page in the window. */
  deliveries: number;
  /** ISO-8601: the newest of them. */
  lastAt: string;
}

/** Days of deliveries `MetaActivityDto.unknownPages` looks back over. */
export const UNKNOWN_PAGES_WINDOW_DAYS = 7;

/** `GET /v1/integrations/meta/activity`: what the console's Activity page shows. */
export interface MetaActivityDto {
  /** The newest deliveries (at most 50). */
  deliveries: MetaActivityDelivery[];
  queues: MetaQueueDepth[];
  /** The organisation's lead syncs per state, all time (every state present, zero included). */
  syncs: Record<LeadSyncState, number>;
  /**
   * Admins only (empty for other roles): Pages not connected in this organisation that Meta delivered leads for in
   * the last `UNKNOWN_PAGES_WINDOW_DAYS` days, newest first, at most 20.
   */
  unknownPages: MetaUnknownPageDeliveries[];
}

/** Leads received in a window, by where they are now. `received` is their total. */
export interface LeadPipelineCounts {
  received: number;
  stored: number;
  duplicate: number;
  pending: number;
  failed: number;
  parked: number;
  skipped: number;
}

/**
 * `GET integrations/meta/lead-pipeline/summary?tz=…`: what the Overview shows. Windows are calendar-based in `tz`
 * (the browser's time zone; UTC when not given): today since midnight, this week since Monday midnight.
 */
export interface LeadPipelineSummaryDto {
  timezone: string;
  today: LeadPipelineCounts & { since: string };
  week: LeadPipelineCounts & { since: string };
  connection: { connected: boolean; status: string | null; overall: 'ok' | 'warning' | 'error'; paused: boolean };
}
