import { DataSource } from 'typeorm';

/** Keys of the session-level advisory locks instances take turns on at start-up (one place, so they never collide). */
export const STARTUP_LOCKS = {
  /** "LEGEAI" in ASCII. */
  migrations: 0x4c4547454149,
  /** "LEGEAJ": the next key. */
  schedules: 0x4c454745414a,
} as const;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, on a connection of its own kept for the duration, so
 * every instance of the application sharing the database runs it in turn, even when `work` itself goes through other
 * connections (TypeORM's pool, the queue backend's).
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await runner.release();
  }
}
