import { CapiEventDto, LeadDetailDto, LeadStatus, LeadStatusChangeDto } from '@legeai/contracts';

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
 * corrections, reopens), with who made it, the premium recorded and the reason of a reopen; and each stage sent
 * back to Meta (Conversions API) with Meta's answer, in time order among them.
 */
export function leadTimeline(
  lead: LeadDetailDto,
  options: MoneyFormatOptions = {},
  conversionEvents: readonly CapiEventDto[] = [],
): TimelineEntry[] {
  const entries = historyEntries(lead, options);
  if (conversionEvents.length === 0) {
    return entries;
  }
  const all = [...entries, ...conversionEvents.map(conversionEntry)];
  // Stable: entries of the same instant keep the history's order, the events after the change that made them.
  return all
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
}

/** One stage sent to Meta, worded by where it stands. */
export function conversionEntry(event: CapiEventDto): TimelineEntry {
  const name = `“${event.eventName}”`;
  switch (event.state) {
    case 'accepted':
      return {
        label: `${name} accepted by Meta`,
        at: event.acceptedAt ?? event.sentAt ?? event.changedAt,
        detail: event.answer?.messages.length ? `Meta said: ${event.answer.messages.join('; ')}` : null,
        by: null,
      };
    case 'failed':
      return {
        label: `${name} not accepted by Meta`,
        at: event.sentAt ?? event.changedAt,
        detail: event.lastError ? `Meta said: ${event.lastError}` : null,
        by: null,
      };
    case 'expired':
      return { label: `${name} not sent to Meta`, at: event.changedAt, detail: 'Older than the 7 days Meta accepts', by: null };
    default:
      return {
        label: event.attempts > 0 ? `${name} sent to Meta, trying again` : `${name} being sent to Meta`,
        at: event.sentAt ?? event.changedAt,
        detail: event.attempts > 0 && event.lastError ? `Meta said: ${event.lastError}` : null,
        by: null,
      };
  }
}

function historyEntries(lead: LeadDetailDto, options: MoneyFormatOptions): TimelineEntry[] {
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
