import type { MetaHealthCheck } from '@legeai/contracts';

/**
 * An instant as people read it in a message the API sends to everyone: "5 Dec 2026, 17:16 UTC". Written in UTC, the
 * one zone every reader can place; a client with the instant itself shows it in its reader's zone instead.
 */
export function readableUtc(at: Date): string {
  const text = at.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${text} UTC`;
}

/** A health check's moment: the instant for clients to show in their reader's zone, and the text its message uses. */
export function checkMoment(at: Date): Required<Pick<MetaHealthCheck, 'at' | 'atText'>> {
  return { at: at.toISOString(), atText: readableUtc(at) };
}
