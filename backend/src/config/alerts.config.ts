import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface AlertsConfig {
  /** Cron pattern (UTC) of the evaluation of the alert conditions (ALERTS_EVALUATE_CRON). */
  evaluateCron: string;
  /** Cron pattern (UTC) of the sweep of mails and new-lead notices never queued (ALERTS_SWEEP_CRON). */
  sweepCron: string;
  /** Cron pattern (UTC) of the new-lead digests (ALERTS_DIGEST_CRON). */
  digestCron: string;
  /** SMTP server URL (SMTP_URL); null keeps mails in the mail outbox. A secret: never logged. */
  smtpUrl: string | null;
  /** From of every mail (MAIL_FROM). */
  mailFrom: string;
  /** Tries of one mail (ALERTS_MAIL_ATTEMPTS). */
  mailAttempts: number;
  /** First backoff of a failed mail, doubled each try (ALERTS_MAIL_RETRY_DELAY_MS). */
  mailRetryDelayMs: number;
  /** Base of the console links in mails (PUBLIC_URL). */
  publicUrl: string;
}

export const alertsConfig = registerAs('alerts', (): AlertsConfig => {
  const { env } = currentEnv();
  return {
    evaluateCron: env.ALERTS_EVALUATE_CRON,
    sweepCron: env.ALERTS_SWEEP_CRON,
    digestCron: env.ALERTS_DIGEST_CRON,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    mailAttempts: env.ALERTS_MAIL_ATTEMPTS,
    mailRetryDelayMs: env.ALERTS_MAIL_RETRY_DELAY_MS,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  };
});
