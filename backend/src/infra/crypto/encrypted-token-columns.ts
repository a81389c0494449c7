/**
 * A database column that holds a `TokenCipher` ciphertext, with the column naming its key id. The table's owner
 * declares it (meta-auth's `EncryptedTokenColumns`), so key rotation re-encrypts it (docs/key-rotation.md).
 */
export interface EncryptedTokenColumn {
  table: string;
  /** A unique, orderable column (the uuid primary key). */
  idColumn: string;
  ciphertextColumn: string;
  keyIdColumn: string;
  /** Column whose value was passed as `context` to `encrypt`, when the ciphertext is bound to its row. */
  contextColumn?: string;
}
