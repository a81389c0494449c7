import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface CatalogConfig {
  /** Cron pattern (UTC) of the scheduled catalog sync of every organisation with a linked catalog (META_CATALOG_SYNC_CRON). */
  syncEvery: string;
  /** Share of the catalog's items above which a sync's deletes wait for an admin (CATALOG_DELETE_GUARD_SHARE). */
  deleteGuardShare: number;
  /** First wait between two status checks of a batch handle, doubled up to `pollMaxMs` (CATALOG_POLL_INITIAL_MS). */
  pollInitialMs: number;
  pollMaxMs: number;
  /** How long a sync follows its handles before it gives up and retries (CATALOG_POLL_TIMEOUT_MS). */
  pollTimeoutMs: number;
}

export const catalogConfig = registerAs('catalog', (): CatalogConfig => {
  const { env } = currentEnv();
  return {
    syncEvery: env.META_CATALOG_SYNC_CRON,
    deleteGuardShare: env.CATALOG_DELETE_GUARD_SHARE,
    pollInitialMs: env.CATALOG_POLL_INITIAL_MS,
    pollMaxMs: Math.max(env.CATALOG_POLL_INITIAL_MS, 30_000),
    pollTimeoutMs: env.CATALOG_POLL_TIMEOUT_MS,
  };
});
