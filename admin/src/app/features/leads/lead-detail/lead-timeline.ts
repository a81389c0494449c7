import { LeadDetailDto, LeadStatus } from '@legeai/contracts';

import { label } from '../../../shared/labels/labels';

export interface TimelineEntry {
  label: string;
  at: string;
}

/**
 * What is known of a lead's history: when Meta received it, when it was stored, and its latest status change (the
 * API keeps the current status and when it was set, not every step before it).
 */
export function leadTimeline(lead: LeadDetailDto): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ label: 'Received', at: lead.receivedAt }];
  if (lead.createdAt && lead.createdAt !== lead.receivedAt) {
    entries.push({ label: 'Stored in LEGEAI', at: lead.createdAt });
  }
  const changed = new Date(lead.statusChangedAt).getTime() > new Date(lead.createdAt || lead.receivedAt).getTime();
  if (lead.status !== LeadStatus.New || changed) {
    entries.push({ label: `Moved to ${label('leadStatus', lead.status)}`, at: lead.statusChangedAt });
  }
  return entries;
}
