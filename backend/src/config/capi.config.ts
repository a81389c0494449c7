import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

/** The sandbox's "Test events" code when none is configured: sandbox mode always sends test events. */
export const SANDBOX_TEST_EVENT_CODE = 'TEST_LEGEAI_SANDBOX';

export interface CapiConfig {
  /**
   * `test_event_code` sent with every Conversions API request (META_CAPI_TEST_EVENT_CODE); null sends live events.
   * In sandbox mode (META_APP_ID unset) there is always one.
   */
  testEventCode: string | null;
  /** `custom_data.lead_event_source`: the CRM's name (META_CAPI_LEAD_EVENT_SOURCE). */
  leadEventSource: string;
  /** Cron pattern of the sweep that queues the sends of due events (META_CAPI_SWEEP_CRON). */
  sweepCron: string;
  /** Tries of one send job (META_CAPI_SEND_ATTEMPTS). */
  sendAttempts: number;
  /** First backoff of a failed send, doubled each try (META_CAPI_RETRY_DELAY_MS). */
  retryDelayMs: number;
  /** How long the send queued by a change waits for company, so a burst fills requests (META_CAPI_BATCH_WINDOW_MS). */
  batchWindowMs: number;
  /** The longest a partial batch waits while changes keep coming in (META_CAPI_MAX_LINGER_MS). */
  maxLingerMs: number;
}

export const capiConfig = registerAs('capi', (): CapiConfig => {
  const { env } = currentEnv();
  const sandbox = !env.META_APP_ID;
  return {
    testEventCode: env.META_CAPI_TEST_EVENT_CODE ?? (sandbox ? SANDBOX_TEST_EVENT_CODE : null),
    leadEventSource: env.META_CAPI_LEAD_EVENT_SOURCE,
    sweepCron: env.META_CAPI_SWEEP_CRON,
    sendAttempts: env.META_CAPI_SEND_ATTEMPTS,
    retryDelayMs: env.META_CAPI_RETRY_DELAY_MS,
    batchWindowMs: env.META_CAPI_BATCH_WINDOW_MS,
    maxLingerMs: env.META_CAPI_MAX_LINGER_MS,
  };
});
