import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { SameTurnBatch } from '../../../common/batching/same-turn-batch';
import { FormLeadCounts } from './form-lead-counts';
import { compareInputs, type IngestHooks, type IngestInput, type IngestResult, type WithinTogether } from './lead-ingest.types';
import { LeadStoreWriter } from './lead-store-writer';
import { LeadTableStatistics } from './lead-table-statistics';

export {
  withinTogether,
  type IngestHooks,
  type IngestInput,
  type IngestResult,
  type IngestSource,
  type WithinTogether,
} from './lead-ingest.types';

/** A lead waiting to be stored with the others of its Graph batch. */
interface Pending {
  input: IngestInput;
  hooks: IngestHooks;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Stores a Meta lead exactly once per organisation. Webhook jobs, replays and the reconciliation sweep all come
 * here. This service owns the transactions (one per lead, or one per group of leads handed over together) and the
 * callers' hooks; what is claimed, mapped and stored inside them is `LeadStoreWriter`'s, through the lead store's
 * repository (leads). The form's lead count is bumped after the commit, in bulk (`FormLeadCounts`), not inside the
 * transaction.
 */
@Injectable()
export class LeadIngestService {
  private readonly logger = new Logger(LeadIngestService.name);
  private readonly waiting = new SameTurnBatch<Pending>((group) => this.storeWaiting(group));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: LeadStoreWriter,
    private readonly formCounts: FormLeadCounts,
    private readonly statistics: LeadTableStatistics,
  ) {}

  /**
   * `within` joins the transaction (the pipeline records the lead's timeline step there); `afterCommit` runs on the
   * same connection once the transaction committed, without going back to the pool for another one.
   */
  async ingest(input: IngestInput, hooks: IngestHooks = {}): Promise<IngestResult> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      // READ COMMITTED is PostgreSQL's default; not naming it saves a statement per lead.
      await runner.startTransaction();
      let result: IngestResult;
      try {
        result = await this.writer.storeOne(runner.manager, input);
        if (hooks.within) await hooks.within(runner.manager, result);
        if (hooks.withinTogether) await hooks.withinTogether.run(runner.manager, [{ result, item: hooks.withinTogether.item }]);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      this.noteCommitted(input, result);
      if (hooks.afterCommit) await hooks.afterCommit(runner.manager);
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * Like `ingest`, but stored in one transaction with the other leads handed over in the same turn of the event
   * loop: the leads of one Graph batch answer arrive together, and storing them together costs one connection and
   * one commit instead of fifty competing for the pool. Each caller still gets its own result, its own `within` in
   * the transaction and its own `afterCommit`; if the group's transaction fails, every lead of it is stored on its
   * own (so one bad lead fails alone, through the caller's failure handling).
   */
  ingestTogether(input: IngestInput, hooks: IngestHooks = {}): Promise<IngestResult> {
    return new Promise<IngestResult>((resolve, reject) => this.waiting.add({ input, hooks, resolve, reject }));
  }

  private async storeWaiting(waiting: Pending[]): Promise<void> {
    const group = waiting.sort((a, b) => compareInputs(a.input, b.input));
    const oneByOne = () => {
      for (const p of group) this.ingest(p.input, p.hooks).then(p.resolve, p.reject);
    };
    // The same Meta lead twice in one group (a replay racing its webhook) would claim against itself.
    const distinct = group.every((p, i) => i === 0 || compareInputs(group[i - 1].input, p.input) !== 0);
    if (group.length === 1 || !distinct) return oneByOne();
    const runner = this.db.createQueryRunner();
    let results: IngestResult[];
    try {
      await runner.connect();
      results = await this.storeGroup(runner, group);
    } catch (error) {
      await runner.release();
      this.logger.warn(
        { leads: group.length, error: error instanceof Error ? error.message : String(error) },
        'Storing leads together failed; storing them one by one',
      );
      return oneByOne();
    }
    const ranAfterCommit = new Set<string>();
    try {
      for (const [i, p] of group.entries()) {
        const result = results[i];
        this.noteCommitted(p.input, result);
        try {
          const key = p.hooks.afterCommitKey;
          if (p.hooks.afterCommit && !(key && ranAfterCommit.has(key))) await p.hooks.afterCommit(runner.manager);
          if (key) ranAfterCommit.add(key);
          p.resolve(result);
        } catch (error) {
          p.reject(error);
        }
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Stores a group in one transaction (`LeadStoreWriter.storeGroup`), then each caller's `within` runs, in order, and
   * each `withinTogether` once for its key. One commit for all. Any error rolls the whole group back and is thrown:
   * the caller then stores the leads one by one.
   */
  private async storeGroup(runner: QueryRunner, group: Pending[]): Promise<IngestResult[]> {
    const tx = runner.manager;
    await runner.startTransaction();
    try {
      const results = await this.writer.storeGroup(
        tx,
        group.map((p) => p.input),
      );
      const runTogether = new Map<string, { run: WithinTogether['run']; entries: { result: IngestResult; item: unknown }[] }>();
      for (const [i, p] of group.entries()) {
        if (p.hooks.within) await p.hooks.within(tx, results[i]);
        const t = p.hooks.withinTogether;
        if (!t) continue;
        const step = runTogether.get(t.key) ?? { run: t.run, entries: [] };
        step.entries.push({ result: results[i], item: t.item });
        runTogether.set(t.key, step);
      }
      for (const step of runTogether.values()) await step.run(tx, step.entries);
      await runner.commitTransaction();
      return results;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  /** After a commit: a created lead counts for its form and for the table's statistics check. */
  private noteCommitted(input: IngestInput, result: IngestResult): void {
    if (result.outcome !== 'created') return;
    if (input.graphLead.form_id) this.formCounts.add(input.organisationId, input.graphLead.form_id);
    this.statistics.noteStored();
  }
}
