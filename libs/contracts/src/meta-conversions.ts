import { LeadStatus } from './leads';
import type { PageQuery } from './paging';

/**
 * MetaConversions: a lead's stage changes sent back to Meta through the Conversions API for CRM
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/).
 */

/**
 * Where one event stands: waiting in the outbox (`pending`), counted by Meta (`accepted`), refused or out of
 * retries (`failed`, replayable), or older than Meta's 7-day window when its turn came (`expired`, never sent).
 */
export type CapiEventState = 'pending' | 'accepted' | 'failed' | 'expired';
export const CAPI_EVENT_STATES: readonly CapiEventState[] = ['pending', 'accepted', 'failed', 'expired'];

/** The event name sent for each lead status; null: that status sends nothing. */
export type CapiEventNames = Record<LeadStatus, string | null>;

/** Meta's CRM funnel wants every stage, starting with the lead itself; lost and contacted stay out by default. */
export const DEFAULT_CAPI_EVENT_NAMES: CapiEventNames = {
  [LeadStatus.New]: 'Lead',
  [LeadStatus.Contacted]: null,
  [LeadStatus.Qualified]: 'Qualified Lead',
  [LeadStatus.Quoted]: 'Quoted',
  [LeadStatus.Won]: 'Converted',
  [LeadStatus.Lost]: null,
};

export interface CapiSettingsDto {
  /** `act_…` whose datasets were listed when the dataset was picked. */
  adAccountId: string | null;
  datasetId: string | null;
  datasetName: string | null;
  /** Whether stage changes of this organisation's Meta leads are sent. */
  enabled: boolean;
  /** Send events of organic leads (not from an ad) too. */
  includeOrganic: boolean;
  /** Send events of Meta's test leads too. */
  includeTest: boolean;
  eventNames: CapiEventNames;
  /** Set when events go to Events Manager's "Test events" (always in sandbox mode). */
  testEventCode: string | null;
  /** `custom_data.lead_event_source`: the CRM's name. */
  leadEventSource: string;
  updatedAt: string | null;
}

export interface CapiSettingsRequest {
  adAccountId: string | null;
  datasetId: string | null;
  datasetName?: string | null;
  enabled: boolean;
  includeOrganic: boolean;
  includeTest: boolean;
  eventNames: Partial<CapiEventNames>;
}

/** A dataset (pixel) of an ad account. */
export interface CapiDatasetDto {
  id: string;
  name: string;
  createdTime: string | null;
  lastFiredTime: string | null;
}

export interface CapiDatasetQuery {
  adAccountId: string;
}

export interface CreateCapiDatasetRequest {
  adAccountId: string;
  name: string;
}

/** What Meta answered the request that carried the event. */
export interface CapiMetaAnswer {
  eventsReceived: number | null;
  messages: string[];
  fbtraceId: string | null;
  /** Meta's error, when the request was refused. */
  error: { code: number | null; kind: string; message: string } | null;
}

export interface CapiEventDto {
  id: string;
  leadId: string;
  metaLeadId: string;
  status: LeadStatus;
  eventName: string;
  eventId: string;
  state: CapiEventState;
  /** When the lead changed stage. */
  changedAt: string;
  /** `event_time` sent: the change, never before the lead's creation at Meta. */
  eventTime: string;
  attempts: number;
  sentAt: string | null;
  acceptedAt: string | null;
  lastError: string | null;
  answer: CapiMetaAnswer | null;
  /** Sent with test_event_code (Events Manager's "Test events"). */
  testEventCode: string | null;
}

export interface CapiEventListQuery extends PageQuery {
  leadId?: string;
  status?: LeadStatus;
  state?: CapiEventState;
}

export interface CapiOverviewRow {
  /** Calendar day (UTC) of the change, YYYY-MM-DD. */
  day: string;
  status: LeadStatus;
  eventName: string;
  sent: number;
  accepted: number;
  failed: number;
  expired: number;
  pending: number;
}

export interface CapiOverviewDto {
  days: number;
  rows: CapiOverviewRow[];
  totals: { sent: number; accepted: number; failed: number; expired: number; pending: number };
  failureReasons: { reason: string; count: number }[];
}

export interface CapiOverviewQuery {
  /** How many days back (1–90, default 14). */
  days?: number;
}

export interface CapiReplayRequest {
  /** Failed events to send again; every failed event of the organisation when absent. */
  ids?: string[];
}

export interface CapiReplayResult {
  replayed: number;
}
