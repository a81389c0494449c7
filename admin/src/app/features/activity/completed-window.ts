import type { CompletedJobsKept } from '@legeai/contracts';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** A retention age in words: "day", "7 days", "12 hours" (whole days when it is whole days). */
function ageText(seconds: number): string {
  if (seconds % DAY === 0) return seconds === DAY ? 'day' : `${(seconds / DAY).toLocaleString()} days`;
  const hours = Math.max(1, Math.round(seconds / HOUR));
  return hours === 1 ? 'hour' : `${hours.toLocaleString()} hours`;
}

/**
 * The line under a queue's bars: how many completed jobs it holds and over which window, which is how the queue keeps
 * them (its backend's retention), so that the number says what it counts: "12 completed in the last day",
 * "6 completed (the queue keeps the last 1,000 of the past 7 days)".
 */
export function completedWindowText(completed: number, kept: CompletedJobsKept): string {
  const n = completed.toLocaleString();
  const { count, ageSeconds } = kept;
  if (count === 0) return 'Completed jobs are not kept';
  if (count === null && ageSeconds === null) return `${n} completed since the queue began`;
  if (count === null) return `${n} completed in the last ${ageText(ageSeconds!)}`;
  const last = `the queue keeps the last ${count.toLocaleString()}`;
  return ageSeconds === null ? `${n} completed (${last})` : `${n} completed (${last} of the past ${ageText(ageSeconds)})`;
}
