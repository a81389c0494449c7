import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { EncryptedTokenColumn } from '../../../infra/crypto/encrypted-token-columns';
import { reencryptColumn } from '../../../infra/crypto/reencrypt-tokens';
import { TokenCipher } from '../../../infra/crypto/token-cipher';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_AUTH_JOBS, META_AUTH_QUEUE, META_AUTH_QUEUE_NAME, REENCRYPT_JOB_OPTIONS } from '../meta-auth.jobs';
import { EncryptedTokenColumns } from './encrypted-token-columns.registry';

/** What a re-encryption run did, per column; the job's return value in Bull Board. */
export interface ReencryptionSummary {
  currentKeyId: string;
  columns: { table: string; column: string; rotated: number; failed: number }[];
}

/**
 * Moves stored tokens to the current key, as the `reencrypt-tokens` job of the meta-auth queue (the Meta tokens are
 * the connection's: its user token and the Page tokens). Whenever more than one key is configured, i.e. during a
 * rotation (docs/key-rotation.md), every instance queues it at start-up; a worker runs it. Re-running is harmless:
 * only rows still under an older key are touched.
 */
@Injectable()
export class TokenReencryptionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokenReencryptionService.name);

  constructor(
    @Inject(TokenCipher) private readonly cipher: TokenCipher,
    private readonly moduleRef: ModuleRef,
    @InjectQueue(META_AUTH_QUEUE_NAME) private readonly queue: Queue,
    private readonly columns: EncryptedTokenColumns,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.hasOldKeys() || !this.columns.list().length) return;
    try {
      const job = await this.enqueue();
      this.logger.log({ msg: 'Token re-encryption queued', jobId: job.id, currentKeyId: this.cipher.currentKeyId });
    } catch (err) {
      // Old tokens stay readable meanwhile; the next start queues it again, or an admin adds it in Bull Board.
      this.logger.error({ msg: 'Token re-encryption could not be queued', err: String(err) });
    }
  }

  /** Queues the re-encryption job, or answers the one already waiting. */
  enqueue(): Promise<Job> {
    return this.queue.add(META_AUTH_JOBS.reencryptTokens, {}, REENCRYPT_JOB_OPTIONS);
  }

  /** The job's work: every listed column, in batches, rows under an older key only. */
  @JobHandler(META_AUTH_QUEUE, META_AUTH_JOBS.reencryptTokens)
  reencrypt(): Promise<ReencryptionSummary> {
    return this.reencryptAll();
  }

  async reencryptAll(columns: readonly EncryptedTokenColumn[] = this.columns.list()): Promise<ReencryptionSummary> {
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    const summary: ReencryptionSummary = { currentKeyId: this.cipher.currentKeyId, columns: [] };
    for (const column of columns) {
      const report = await reencryptColumn((sql, params) => dataSource.query(sql, params), column, this.cipher);
      this.logger.log({ msg: 'Tokens re-encrypted', currentKeyId: this.cipher.currentKeyId, ...report, failed: report.failed.length });
      for (const f of report.failed)
        this.logger.warn({ msg: 'Token could not be re-encrypted', table: report.table, id: f.id, reason: f.reason });
      summary.columns.push({ table: report.table, column: report.column, rotated: report.rotated, failed: report.failed.length });
    }
    return summary;
  }

  private hasOldKeys(): boolean {
    return this.cipher.keyIds.length > 1;
  }
}
