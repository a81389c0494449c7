import type { EncryptedTokenColumn } from './encrypted-token-columns';
import { TokenCipherError, type TokenCipher } from './token-cipher';

/** Runs one SQL statement with positional parameters (TypeORM's `DataSource.query` fits). */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface ReencryptionReport {
  table: string;
  column: string;
  rotated: number;
  /** Rows that could not be decrypted (unknown key or tampered); left untouched. */
  failed: { id: string; reason: string }[];
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Invalid SQL identifier "${name}"`);
  return `"${name}"`;
}

/**
 * Re-encrypts, with the cipher's current key, every ciphertext of a column made with an older key. Walks the
 * table by id in batches; each update applies only while the row still has the key it was read with, so it
 * is safe to run from several instances at once and to re-run after an interruption.
 */
export async function reencryptColumn(
  query: SqlQuery,
  column: EncryptedTokenColumn,
  cipher: TokenCipher,
  batchSize = 200,
): Promise<ReencryptionReport> {
  const [t, id, ct, kid] = [column.table, column.idColumn, column.ciphertextColumn, column.keyIdColumn].map(ident);
  const ctx = column.contextColumn ? `, ${ident(column.contextColumn)}::text AS ctx` : '';
  const report: ReencryptionReport = { table: column.table, column: column.ciphertextColumn, rotated: 0, failed: [] };
  let lastId: string | null = null;
  for (;;) {
    const rows = await query(
      `SELECT ${id}::text AS id, ${ct} AS ct, ${kid} AS kid${ctx} FROM ${t}
        WHERE ${ct} IS NOT NULL AND ${kid} IS DISTINCT FROM $1 AND ($2::text IS NULL OR ${id}::text > $2)
        ORDER BY ${id}::text LIMIT $3`,
      [cipher.currentKeyId, lastId, batchSize],
    );
    if (!rows.length) return report;
    for (const row of rows) {
      const rowId = String(row.id);
      lastId = rowId;
      try {
        const context = typeof row.ctx === 'string' ? row.ctx : ''; // selected as ::text, or absent
        const next = cipher.reencrypt({ ciphertext: String(row.ct), keyId: String(row.kid) }, context);
        const updated = await query(`UPDATE ${t} SET ${ct} = $1, ${kid} = $2 WHERE ${id}::text = $3 AND ${kid} = $4 RETURNING 1 AS ok`, [
          next.ciphertext,
          next.keyId,
          rowId,
          row.kid,
        ]);
        if (updated.length) report.rotated++;
      } catch (err) {
        if (!(err instanceof TokenCipherError)) throw err;
        report.failed.push({ id: rowId, reason: err.reason });
      }
    }
  }
}
