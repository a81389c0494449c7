import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Arbitrary constant shared by every instance: "LEGEAI" in ASCII. */
const MIGRATION_LOCK_KEY = 0x4c4547454149;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so instances starting together take turns instead of
 * racing on the same DDL; the later ones find nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource, logger = new Logger('Migrations')): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
