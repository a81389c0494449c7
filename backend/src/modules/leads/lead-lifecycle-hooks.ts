import { Injectable } from '@nestjs/common';
import type { LeadStatus } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';

/** One change of a lead's stage: its creation (`created`, `from` null) or a status change, reopen included. */
export interface LeadLifecycleChange {
  organisationId: string;
  leadId: string;
  from: LeadStatus | null;
  to: LeadStatus;
  at: Date;
  kind: 'created' | 'status' | 'reopen';
}

/**
 * Runs in the transaction of the changes (same manager), so what it writes commits or rolls back with them; it
 * must not call out of the database. A listener that throws fails the change.
 */
export type LeadLifecycleListener = (m: EntityManager, changes: readonly LeadLifecycleChange[]) => Promise<void>;

/**
 * The lead store's extension point for modules that react to a lead's stage (the Conversions API outbox): they
 * register a listener at start-up instead of the lead store importing them, so `leads` depends on none of them.
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
