import {
  ALERT_EVENT_TYPES,
  NEW_LEAD_FREQUENCIES,
  LEAD_AD_CALLS_TO_ACTION,
  LEAD_FIELD_NAMES,
  LEAD_STATUSES,
  LEAD_SYNC_STATES,
  MetaIntegrationStatus,
  ROLES,
  WEBHOOK_QUARANTINE_REASONS,
} from '@legeai/contracts';

import { describeAuditDetails } from './audit-labels';
import { LabelKind, label } from './labels';
import { answerLabel, describeReviewReason } from './lead-labels';
import { QUARANTINE_REASON_LABELS } from './pipeline-labels';

describe('label', () => {
  it.each<[LabelKind, string, string]>([
    ['role', 'viewer', 'Viewer'],
    ['leadStatus', 'contacted', 'Contacted'],
    ['leadField', 'dateOfBirth', 'Date of birth'],
    ['leadField', 'zipCode', 'ZIP code'],
    ['leadSyncState', 'duplicate', 'Already stored'],
    ['syncErrorKind', 'rate_limited', 'Rate limited'],
    ['deliveryStatus', 'enqueued', 'Queued'],
    ['queue', 'meta-leads', 'Lead capture'],
    ['ignoreReason', 'unknown_page', 'Page not connected'],
    ['integrationStatus', 'reauth_required', 'Reconnect needed'],
    ['metaTokenType', 'SYSTEM_USER', 'System user token (business integration)'],
    ['formStatus', 'ARCHIVED', 'Archived'],
    ['questionType', 'DOB', 'Date of birth'],
    ['questionType', 'FULL_NAME', 'Full name'],
    ['auditAction', 'api_key.revoked', 'API key revoked'],
    ['auditKind', 'meta_lead_form', 'Lead form'],
    ['adEffectiveStatus', 'DISAPPROVED', 'Rejected'],
    ['adEffectiveStatus', 'CAMPAIGN_PAUSED', 'Campaign paused'],
    ['adObjective', 'OUTCOME_LEADS', 'Leads'],
    ['adOptimizationGoal', 'QUALITY_LEAD', 'Quality leads'],
    ['adCallToAction', 'GET_QUOTE', 'Get quote'],
    ['specialAdCategory', 'FINANCIAL_PRODUCTS_SERVICES', 'Financial products and services'],
    ['adSyncState', 'paused', 'Paused by Meta throttling'],
    ['webhookEventType', 'lead.duplicate_detected', 'Duplicate lead detected'],
    ['webhookDeliveryState', 'pending', 'Waiting or retrying'],
  ])('words %s "%s" as "%s"', (kind, value, words) => {
    expect(label(kind, value)).toBe(words);
  });

  it('words a value its map does not know yet from the value itself, never raw', () => {
    expect(label('ignoreReason', 'page_muted_by_meta')).toBe('Page muted by meta');
    expect(label('auditAction', 'meta.catalog_linked')).toBe('Meta catalog linked');
    expect(label('auditKind', 'api_client')).toBe('API client');
  });

  it('is empty for no value', () => {
    expect(label('role', null)).toBe('');
    expect(label('leadStatus', undefined)).toBe('');
  });

  it.each<[LabelKind, readonly string[]]>([
    ['role', ROLES],
    ['leadStatus', LEAD_STATUSES],
    ['leadField', LEAD_FIELD_NAMES],
    ['leadSyncState', LEAD_SYNC_STATES],
    ['integrationStatus', Object.values(MetaIntegrationStatus)],
    ['adStatus', ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED']],
    ['adCallToAction', LEAD_AD_CALLS_TO_ACTION],
    ['adSyncState', ['never', 'queued', 'running', 'ok', 'failed', 'paused']],
    ['alertEventType', ALERT_EVENT_TYPES],
    ['newLeadFrequency', NEW_LEAD_FREQUENCIES],
    ['mailState', ['pending', 'sent', 'kept', 'failed']],
    ['notificationKind', ['raised', 'resolved', 'new_lead', 'digest']],
  ])('has its own words for every %s the contracts define', (kind, values) => {
    for (const value of values) {
      // A label that only capitalises the key would pass through humanizeKey; these maps must say more or the same.
      expect(label(kind, value)).toMatch(/^[A-Z]/);
      expect(label(kind, value)).not.toMatch(/[_.]|[a-z][A-Z]/);
    }
  });

  it('explains every quarantine reason', () => {
    expect(Object.keys(QUARANTINE_REASON_LABELS).sort()).toEqual([...WEBHOOK_QUARANTINE_REASONS].sort());
  });
});

describe('describeReviewReason', () => {
  it('puts lead field keys of the server sentence into words', () => {
    expect(describeReviewReason('Missing required dateOfBirth, zipCode; email "x" is not a valid address')).toBe(
      'Missing required date of birth, ZIP code; email "x" is not a valid address',
    );
    expect(describeReviewReason('Missing required fields: productInterest')).toBe('Missing required fields: product interest');
  });

  it('leaves words that only look like keys inside other words alone', () => {
    expect(describeReviewReason('Missing required email')).toBe('Missing required email');
    expect(describeReviewReason('The cityName is odd')).toBe('The cityName is odd');
  });
});

describe('answerLabel', () => {
  it("words Meta's standard and custom question keys", () => {
    expect(answerLabel('full_name')).toBe('Full name');
    expect(answerLabel('zip_code')).toBe('ZIP code');
    expect(answerLabel('vehicle_type')).toBe('Vehicle type');
  });
});

describe('describeAuditDetails', () => {
  it('words keys, booleans and lists, and shows instants in the reader’s locale', () => {
    const text = describeAuditDetails({
      role: 'manager',
      active: false,
      scopes: ['ads_read', 'leads_retrieval'],
      from: '2026-11-20T10:00:00.000Z',
    });

    expect(text).toMatch(/^Role: Manager · Active: No · Scopes: ads_read, leads_retrieval · From: /);
    expect(text).not.toContain('2026-11-20T10:00');
    expect(text).toContain('2026');
  });

  it('is empty without details', () => {
    expect(describeAuditDetails(null)).toBe('');
  });
});
