import { Injectable } from '@nestjs/common';
import type { EncryptedTokenColumn } from '../../../infra/crypto/encrypted-token-columns';

/** The connection's own encrypted column: its user token, bound to its organisation. */
const USER_TOKEN_COLUMN: EncryptedTokenColumn = {
  table: 'meta_integrations',
  idColumn: 'id',
  ciphertextColumn: 'access_token_ciphertext',
  keyIdColumn: 'access_token_key_id',
  contextColumn: 'organisation_id',
};

/**
 * Every column that holds a `TokenCipher` ciphertext, so key rotation re-encrypts them all (docs/key-rotation.md).
 * Each table's owner declares its own columns: meta-auth the connection's user token here, meta-assets the Page
 * tokens at start-up (`PageTokenColumns`), so no module writes another module's table.
 */
@Injectable()
export class EncryptedTokenColumns {
  private readonly columns: EncryptedTokenColumn[] = [USER_TOKEN_COLUMN];

  add(column: EncryptedTokenColumn): void {
    if (this.columns.some((c) => c.table === column.table && c.ciphertextColumn === column.ciphertextColumn)) return;
    this.columns.push(column);
  }

  list(): readonly EncryptedTokenColumn[] {
    return this.columns;
  }
}
