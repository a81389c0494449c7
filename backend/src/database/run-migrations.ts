import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STARTUP_LOCKS, withAdvisoryLock } from './advisory-lock';

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so instances starting together take turns instead of
 * racing on the same DDL; the later ones find nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource, logger = new Logger('Migrations')): Promise<void> {
  await withAdvisoryLock(dataSource, STARTUP_LOCKS.migrations, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  });
}
