import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ENCRYPTED_TOKEN_COLUMNS, type EncryptedTokenColumn } from './encrypted-token-columns';
import { reencryptColumn, type ReencryptionReport } from './reencrypt-tokens';
import { TokenCipher } from './token-cipher';

/**
 * Moves stored tokens to the current key. Runs in the background after start-up whenever more than one key
 * is configured, i.e. during a rotation (docs/key-rotation.md), and can be called on demand.
 */
@Injectable()
export class TokenReencryptionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokenReencryptionService.name);

  constructor(
    @Inject(TokenCipher) private readonly cipher: TokenCipher,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.hasOldKeys() || !ENCRYPTED_TOKEN_COLUMNS.length) return;
    void this.reencryptAll().catch((err: unknown) =>
      this.logger.error({ msg: 'Token re-encryption failed; it will run again at the next start', err: String(err) }),
    );
  }

  async reencryptAll(columns: readonly EncryptedTokenColumn[] = ENCRYPTED_TOKEN_COLUMNS): Promise<ReencryptionReport[]> {
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    const reports: ReencryptionReport[] = [];
    for (const column of columns) {
      const report = await reencryptColumn((sql, params) => dataSource.query(sql, params), column, this.cipher);
      this.logger.log({ msg: 'Tokens re-encrypted', currentKeyId: this.cipher.currentKeyId, ...report, failed: report.failed.length });
      for (const f of report.failed) this.logger.warn({ msg: 'Token could not be re-encrypted', table: report.table, id: f.id, reason: f.reason });
      reports.push(report);
    }
    return reports;
  }

  private hasOldKeys(): boolean {
    return this.cipher.keyIds.length > 1;
  }
}
