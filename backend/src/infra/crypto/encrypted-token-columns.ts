/**
 * Every database column that holds a `TokenCipher` ciphertext, with the column naming its key id. A module
 * that stores encrypted tokens adds its columns here, so key rotation re-encrypts them (docs/key-rotation.md).
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

export const ENCRYPTED_TOKEN_COLUMNS: EncryptedTokenColumn[] = [
  // Meta tokens are bound to their organisation, so a ciphertext copied to another tenant's row fails to decrypt.
  {
    table: 'meta_integrations',
    idColumn: 'id',
    ciphertextColumn: 'access_token_ciphertext',
    keyIdColumn: 'access_token_key_id',
    contextColumn: 'organisation_id',
  },
  {
    table: 'meta_pages',
    idColumn: 'id',
    ciphertextColumn: 'page_access_token_ciphertext',
    keyIdColumn: 'page_access_token_key_id',
    contextColumn: 'organisation_id',
  },
];
