import { DataSource } from 'typeorm';

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth); TEST_PG_URL overrides it, and `npm test`
 * sets it to the embedded PostgreSQL it starts when none is reachable.
 */
const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql: string): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', url: PG_ADMIN_URL, extra: { max: 1 } }).initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

/** Creates an empty database for one test run and answers its connection URL. */
export async function createDatabase(name: string): Promise<string> {
  await adminQuery(`CREATE DATABASE "${name}"`);
  return databaseUrlOf(name);
}

/** The connection URL of a database on the test server. */
export function databaseUrlOf(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the database even while connections to it are still open. */
export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
