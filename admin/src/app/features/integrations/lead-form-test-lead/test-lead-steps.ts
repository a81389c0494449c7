import { LeadSyncDto, LeadSyncState } from '@legeai/contracts';

export type StepKey = 'sent' | 'received' | 'fetched' | 'mapped' | 'stored';
export type StepStatus = 'done' | 'active' | 'waiting' | 'failed';

export interface TestLeadStep {
  key: StepKey;
  label: string;
  status: StepStatus;
  /** When the step happened, ISO-8601, once known. */
  at: string | null;
}

const LABELS: Record<StepKey, string> = {
  sent: 'Sent to Meta',
  received: 'Webhook received',
  fetched: 'Fetched from Meta',
  mapped: 'Mapped to lead fields',
  stored: 'Stored in LEGEAI',
};

/** States after which the lead goes no further without someone acting (a replay or a reconnect). */
const STOPPED: readonly LeadSyncState[] = [LeadSyncState.Failed, LeadSyncState.Parked, LeadSyncState.Skipped];

/** Whether the sync reached its end: the lead is stored (now or before), or the pipeline stopped. */
export function isSettled(sync: LeadSyncDto): boolean {
  return isStored(sync) || STOPPED.includes(sync.state);
}

/** A duplicate sync found the lead already stored: for the test, that is arrival too. */
export function isStored(sync: LeadSyncDto): boolean {
  return sync.state === LeadSyncState.Stored || sync.state === LeadSyncState.Duplicate;
}

/**
 * The steps of a test lead's way in, from what is known: whether Meta accepted it (`sentAt`) and the pipeline's
 * record of it, once the webhook brought one. The first step not done is the one under way, or the one that failed.
 */
export function testLeadSteps(sentAt: string | null, sync: LeadSyncDto | null, failed = false): TestLeadStep[] {
  const times: Record<StepKey, string | null> = {
    sent: sentAt,
    received: sync?.receivedAt ?? null,
    fetched: sync?.fetchedAt ?? null,
    mapped: sync?.mappedAt ?? null,
    stored: sync?.storedAt ?? null,
  };
  const done: Record<StepKey, boolean> = {
    sent: sentAt !== null,
    received: sync !== null,
    fetched: !!sync && (sync.fetchedAt !== null || isStored(sync)),
    mapped: !!sync && (sync.mappedAt !== null || isStored(sync)),
    stored: !!sync && isStored(sync),
  };
  const stopped = failed || (!!sync && STOPPED.includes(sync.state));
  let reachedCurrent = false;
  return (Object.keys(LABELS) as StepKey[]).map((key) => {
    let status: StepStatus = 'waiting';
    if (done[key]) {
      status = 'done';
    } else if (!reachedCurrent) {
      reachedCurrent = true;
      status = stopped ? 'failed' : 'active';
    }
    return { key, label: LABELS[key], status, at: times[key] };
  });
}
