import { LeadDetailDto, LeadStatus, LeadStatusChangeDto } from '@legeai/contracts';

import { label } from '../../../shared/labels/labels';
import { MoneyFormatOptions, formatMoney } from '../../../shared/money/money';

export interface TimelineEntry {
  label: string;
  at: string;
  /** The premium recorded with the change, or why a lead was reopened. */
  detail: string | null;
  /** Who made the change. */
  by: string | null;
}

/**
 * A lead's history: when Meta received it, when it was stored, and every status change after that (moves, premium
 * corrections, reopens), with who made it, the premium recorded and the reason of a reopen.
 */
export function leadTimeline(lead: LeadDetailDto, options: MoneyFormatOptions = {}): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ label: 'Received', at: lead.receivedAt, detail: null, by: null }];
  if (lead.createdAt && lead.createdAt !== lead.receivedAt) {
    entries.push({ label: 'Stored in LEGEAI', at: lead.createdAt, detail: null, by: null });
  }
  for (const change of lead.statusHistory) {
    entries.push({ label: changeLabel(change), at: change.at, detail: changeDetail(change, options), by: actorName(change) });
  }
  // A lead moved before its history was kept: its current status and when it was set are all that is known.
  if (lead.statusHistory.length === 0 && lead.status !== LeadStatus.New) {
    entries.push({ label: `Moved to ${label('leadStatus', lead.status)}`, at: lead.statusChangedAt, detail: null, by: null });
  }
  return entries;
}

function changeLabel(change: LeadStatusChangeDto): string {
  switch (change.kind) {
    case 'reopen':
      return `Reopened from ${label('leadStatus', change.from).toLowerCase()} to ${label('leadStatus', change.to).toLowerCase()}`;
    case 'premium':
      return 'Premium corrected';
    default:
      return `Moved to ${label('leadStatus', change.to)}`;
  }
}

function changeDetail(change: LeadStatusChangeDto, options: MoneyFormatOptions): string | null {
  if (change.kind === 'reopen') {
    return change.reason ? `Reason: ${change.reason}` : null;
  }
  if (change.premiumUnknown) {
    return 'Premium not known yet';
  }
  if (change.premiumValue !== null && (change.kind === 'premium' || change.to === LeadStatus.Quoted || change.to === LeadStatus.Won)) {
    return `Premium ${formatMoney(change.premiumValue, change.premiumCurrency, options)}`;
  }
  return null;
}

function actorName(change: LeadStatusChangeDto): string | null {
  if (change.actor.name) {
    return change.actor.name;
  }
  return change.actor.type === 'api_key' ? 'an API key' : change.actor.type === 'system' ? 'LEGEAI' : null;
}
