import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { reencryptColumn, type SqlQuery } from './reencrypt-tokens';
import { TokenCipher } from './token-cipher';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

describe(reencryptColumn.name, () => {
  const dbName = `legeai_crypto_${randomUUID().replace(/-/g, '')}`;
  let db: DataSource;
  let query: SqlQuery;
  const k0 = { id: 'k0', key: randomBytes(32) };
  const k1 = { id: 'k1', key: randomBytes(32) };
  const column = { table: 'stored_tokens', idColumn: 'id', ciphertextColumn: 'token_ct', keyIdColumn: 'token_kid', contextColumn: 'owner' };

  beforeAll(async () => {
    const admin = await new DataSource({ type: 'postgres', url: ADMIN_URL }).initialize();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.destroy();
    db = await new DataSource({ type: 'postgres', url: `postgres://postgres@127.0.0.1:5432/${dbName}` }).initialize();
    // The same call shape the app uses: DataSource.query.
    query = (sql, params) => db.query(sql, params);
    await db.query('CREATE TABLE stored_tokens (id uuid PRIMARY KEY, owner text NOT NULL, token_ct text, token_kid text)');
  });

  afterAll(async () => {
    await db.destroy();
    const admin = await new DataSource({ type: 'postgres', url: ADMIN_URL }).initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  });

  it('moves every old-key ciphertext to the current key, skips what it cannot read, and is idempotent', async () => {
    const old = new TokenCipher([k0]);
    const rows = Array.from({ length: 7 }, (_, i) => ({
      id: randomUUID(),
      owner: `integration-${i}`,
      plain: `EAAtoken${i}abcdefghijklmnop`,
    }));
    for (const r of rows) {
      const ct = old.encrypt(r.plain, r.owner);
      await db.query('INSERT INTO stored_tokens VALUES ($1, $2, $3, $4)', [r.id, r.owner, ct.ciphertext, ct.keyId]);
    }
    const stranger = randomUUID();
    await db.query('INSERT INTO stored_tokens VALUES ($1, $2, $3, $4)', [
      stranger,
      'x',
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'gone',
    ]);
    await db.query('INSERT INTO stored_tokens VALUES ($1, $2, NULL, NULL)', [randomUUID(), 'wiped']);

    const rotated = new TokenCipher([k1, k0]);
    const report = await reencryptColumn(query, column, rotated, 3);
    expect(report.rotated).toBe(7);
    expect(report.failed).toEqual([{ id: stranger, reason: 'unknown_key' }]);

    const after = await query('SELECT id::text AS id, owner, token_ct, token_kid FROM stored_tokens WHERE token_kid = $1', ['k1']);
    expect(after).toHaveLength(7);
    const onlyNew = new TokenCipher([k1]);
    for (const r of rows) {
      const row = after.find((a) => a.id === r.id)!;
      expect(onlyNew.decrypt({ ciphertext: String(row.token_ct), keyId: String(row.token_kid) }, r.owner)).toBe(r.plain);
    }

    const again = await reencryptColumn(query, column, rotated, 3);
    expect(again.rotated).toBe(0);
  });

  it('refuses identifiers that are not plain names', async () => {
    await expect(reencryptColumn(query, { ...column, table: 'x; DROP TABLE y' }, new TokenCipher([k1]))).rejects.toThrow(/identifier/);
  });
});
