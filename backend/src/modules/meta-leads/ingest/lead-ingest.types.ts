import type { EntityManager } from 'typeorm';
import type { GraphLead } from '../graph/graph-lead';

export type IngestSource = 'webhook' | 'backfill' | 'replay';

export interface IngestInput {
  organisationId: string;
  graphLead: GraphLead;
  /** Meta's page id. */
  pageId: string;
  source: IngestSource;
}

export interface IngestResult {
  /** `existing` when this Meta lead was already stored for the organisation (nothing was written). */
  outcome: 'created' | 'existing';
  leadId: string;
  /** The earlier lead of the same person this one was linked to, when it is a person-level duplicate. */
  duplicateOfId: string | null;
  /** When the answers were mapped to lead fields (inside the transaction). */
  mappedAt: Date;
}

export interface IngestHooks {
  /** More work for the storing transaction, run after the lead is stored (or found) and committed with it. */
  within?: (tx: EntityManager, result: IngestResult) => Promise<void>;
  /** Work after the commit, on the same connection. */
  afterCommit?: (manager: EntityManager) => Promise<void>;
  /**
   * Callers whose `afterCommit` does the same work (closing one webhook delivery) give the same key: a group stored
   * together runs it once per key, after its commit.
   */
  afterCommitKey?: string;
  /**
   * Work of one kind for every lead of a group, done in the transaction by one call for all of them (one multi-row
   * statement instead of one per lead): callers give the same `key` and `run`, each with its own `item`. A lead
   * stored on its own runs it for itself alone.
   */
  withinTogether?: WithinTogether;
}

export interface WithinTogether<T = unknown> {
  key: string;
  item: T;
  run: (tx: EntityManager, entries: { result: IngestResult; item: T }[]) => Promise<void>;
}

/** A `withinTogether` hook whose items are typed (the group only hands each `run` the items given with its key). */
export function withinTogether<T>(
  key: string,
  item: T,
  run: (tx: EntityManager, entries: { result: IngestResult; item: T }[]) => Promise<void>,
): WithinTogether {
  return { key, item, run: run as WithinTogether['run'] };
}

/** Group order: by organisation, then Meta lead id, so concurrent groups claim in the same order. */
export function compareInputs(a: IngestInput, b: IngestInput): number {
  return a.organisationId === b.organisationId ? cmp(a.graphLead.id, b.graphLead.id) : cmp(a.organisationId, b.organisationId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
