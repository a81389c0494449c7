/**
 * Per-object watermarks of the Graph syncs (a form's leads, an ad account's campaigns...): the newest time a sync
 * has read for the object. Pure functions and one small store interface the owner's repository implements.
 *
 * A sync asks Graph for what changed `since` the watermark minus an overlap: the overlap re-reads recent objects on
 * purpose, because one created shortly before the previous sync may only become listable after it (Meta indexes
 * with a delay, and our clock and Meta's are not the same clock). Re-read objects cost nothing: storing dedups.
 * While paging, the newest time seen is tracked; the new watermark is committed only after the last page (Meta
 * lists newest first, so a sync cut short has seen the newest objects but maybe not older ones), is the newest
 * time actually read (never the wall clock: an object created while a slow sync was paging was not read), and never
 * moves backwards.
 */

/** Where a sync starts: the watermark minus the overlap, never before `floor` (e.g. how long Meta keeps the data). */
export function syncSince(watermark: Date | null, overlapMs: number, floor: Date): Date {
  if (!watermark) return floor;
  const since = watermark.getTime() - overlapMs;
  return since > floor.getTime() ? new Date(since) : floor;
}

/** The later of the stored watermark and the newest time seen: a watermark never moves backwards. */
export function laterWatermark(current: Date | null, newestSeen: Date | null): Date | null {
  if (!newestSeen) return current;
  if (!current) return newestSeen;
  return newestSeen.getTime() > current.getTime() ? newestSeen : current;
}

/** Tracks the newest time seen while paging one object's edge. */
export class WatermarkTracker {
  private newest: Date | null = null;

  constructor(readonly stored: Date | null) {}

  /** One object read; its time (created or updated) when Graph gave one. */
  observe(time: Date | null | undefined): void {
    if (time && !Number.isNaN(time.getTime())) this.newest = laterWatermark(this.newest, time);
  }

  /** The newest time read so far; null when nothing with a time was read. */
  get newestSeen(): Date | null {
    return this.newest;
  }

  /** The watermark after a completed sync (not yet stored). */
  get next(): Date | null {
    return laterWatermark(this.stored, this.newest);
  }
}

/**
 * How an owner stores one kind of watermark. `advanceWatermark` must be monotonic in the database itself
 * (`GREATEST(...)`), so two syncs of the same object finishing together cannot move it back, and answers the
 * watermark now stored.
 */
export interface SyncWatermarkStore<Key> {
  readWatermark(key: Key): Promise<Date | null>;
  advanceWatermark(key: Key, newestSeen: Date): Promise<Date | null>;
}

/**
 * Commits what a completed sync read (call after the last page only). Nothing newer than the stored watermark was
 * read: nothing is written. Answers the watermark now in force.
 */
export async function commitWatermark<Key>(store: SyncWatermarkStore<Key>, key: Key, tracker: WatermarkTracker): Promise<Date | null> {
  const seen = tracker.newestSeen;
  if (!seen) return tracker.stored;
  return (await store.advanceWatermark(key, seen)) ?? tracker.next;
}
