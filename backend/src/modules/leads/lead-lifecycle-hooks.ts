import { Injectable } from '@nestjs/common';
import type { LeadStatus } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';

/**
 * What happened to a lead: its creation (`created`, `from` null), a change of stage (`status`, `reopen`), an edit
 * that kept the stage (`updated`: premium or custom fields, named in `fields`), or the store linking it, as it came
 * in, to an earlier lead of the same person (`duplicate`, with `duplicateOfId`). Listeners must ignore kinds they do
 * not know: more are added as the lead store learns to tell them.
 */
export type LeadLifecycleKind = 'created' | 'status' | 'reopen' | 'updated' | 'duplicate';

export interface LeadLifecycleChange {
  organisationId: string;
  leadId: string;
  /** The stage before the change (null at creation); for `updated` and `duplicate`, the lead's stage (`from` = `to`). */
  from: LeadStatus | null;
  to: LeadStatus;
  at: Date;
  kind: LeadLifecycleKind;
  /** `updated`: what changed (`premium`, `customFields.<key>`). */
  fields?: string[];
  /** `duplicate`: the earlier lead it was linked to (the rule and whether it is only possible are on the lead). */
  duplicateOfId?: string;
}

/** The kinds that move a lead through its stages (creation included): what a listener of the funnel keeps. */
export const STAGE_CHANGE_KINDS: ReadonlySet<LeadLifecycleKind> = new Set<LeadLifecycleKind>(['created', 'status', 'reopen']);

/**
 * Runs in the transaction of the changes (same manager), so what it writes commits or rolls back with them; it
 * must not call out of the database. A listener that throws fails the change.
 */
export type LeadLifecycleListener = (m: EntityManager, changes: readonly LeadLifecycleChange[]) => Promise<void>;

/**
 * The lead store's extension point for modules that react to a lead's changes (the Conversions API outbox, the
 * outgoing webhooks' outbox): they register a listener at start-up instead of the lead store importing them, so
 * `leads` depends on none of them.
 */
@Injectable()
export class LeadLifecycleHooks {
  private readonly listeners: LeadLifecycleListener[] = [];

  register(listener: LeadLifecycleListener): void {
    this.listeners.push(listener);
  }

  async changed(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    if (changes.length === 0) return;
    for (const listener of this.listeners) await listener(m, changes);
  }
}
