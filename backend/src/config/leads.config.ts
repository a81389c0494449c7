import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface LeadsConfig {
  /** ISO 3166-1 alpha-2 country assumed for phone numbers written without an international prefix. */
  defaultCountry: string;
  /** A lead with the same email or phone as one received this many days before is linked to it as a duplicate. */
  duplicateWindowDays: number;
  /** The reconciliation sweep re-reads this many minutes before its watermark, to catch late-indexed leads. */
  reconcileOverlapMinutes: number;
  /** Cron pattern of the reconciliation sweep. */
  reconcileEvery: string;
}

export const leadsConfig = registerAs('leads', (): LeadsConfig => {
  const { env } = currentEnv();
  return {
    defaultCountry: env.LEAD_DEFAULT_COUNTRY.toUpperCase(),
    duplicateWindowDays: env.LEAD_DUPLICATE_WINDOW_DAYS,
    reconcileOverlapMinutes: env.LEAD_RECONCILE_OVERLAP_MINUTES,
    reconcileEvery: env.LEAD_RECONCILE_CRON,
  };
});
