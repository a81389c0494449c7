import { Injectable, Logger } from '@nestjs/common';
import { LeadStoreRepository } from '../../leads';

/** Leads stored by this process before it checks that the `leads` table has planner statistics. */
export const STATISTICS_CHECK_AFTER = 500;

/**
 * Gives a new `leads` table its planner statistics during its first burst instead of a minute later. Until the
 * table has been analyzed the planner knows nothing about it and answers the person-duplicate lookup from any
 * `(organisation_id, …)` index, filtering the whole organisation's leads: every stored lead then reads all the
 * earlier ones. Autovacuum analyzes the table eventually (it visits a database about once a minute), but a first
 * burst or backfill of thousands of leads is over, slowly, by then. So once this process has stored a few hundred
 * leads it checks once, and analyzes the table if nothing ever has; analyzing samples at most 30,000 rows.
 */
@Injectable()
export class LeadTableStatistics {
  private readonly logger = new Logger(LeadTableStatistics.name);
  private stored = 0;
  private checked = false;

  constructor(private readonly store: LeadStoreRepository) {}

  /** One more lead stored (after its commit). */
  noteStored(): void {
    if (this.checked || ++this.stored < STATISTICS_CHECK_AFTER) return;
    this.checked = true;
    void this.analyzeIfNeverAnalyzed().catch((error: unknown) =>
      this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'Could not check the leads table statistics'),
    );
  }

  /** Analyzes `leads` when it has never been analyzed; answers whether it did. */
  async analyzeIfNeverAnalyzed(): Promise<boolean> {
    if (!(await this.store.leadsNeverAnalyzed())) return false;
    await this.store.analyzeLeads();
    this.logger.log('Analyzed the leads table (it had no planner statistics yet)');
    return true;
  }
}
