import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface LeadSyncConfig {
  /** `leadgen` jobs one worker runs at once (LEAD_SYNC_CONCURRENCY); concurrent reads become Graph batch calls. */
  concurrency: number;
  /** How long a lead read waits for company before its batch call leaves (LEAD_FETCH_BATCH_WINDOW_MS). */
  batchWindowMs: number;
}

export const leadSyncConfig = registerAs('leadSync', (): LeadSyncConfig => {
  const { env } = currentEnv();
  return { concurrency: env.LEAD_SYNC_CONCURRENCY, batchWindowMs: env.LEAD_FETCH_BATCH_WINDOW_MS };
});
