import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface AdsConfig {
  /** Cron pattern of the scheduled sync of every connected ad account's campaigns (META_ADS_SYNC_CRON). */
  syncEvery: string;
}

export const adsConfig = registerAs('ads', (): AdsConfig => {
  const { env } = currentEnv();
  return { syncEvery: env.META_ADS_SYNC_CRON };
});
