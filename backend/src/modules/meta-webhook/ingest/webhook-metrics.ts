import type { WebhookQuarantineReason } from '@legeai/contracts';
import { Counter, Gauge, register } from 'prom-client';

export type DeliveryOutcome = 'accepted' | 'duplicate' | 'ignored' | 'quarantined' | 'bad_signature';

/**
 * On prom-client's shared registry (merged into `/metrics` by MetricsService): module-level counters cannot live
 * on a per-app registry. Reused when the module is evaluated again in the same process.
 */
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames });
}

export const webhookDeliveries = counter(
  'meta_webhook_deliveries_total',
  'Meta webhook deliveries by the answer given: accepted (stored, with leadgen changes to queue), duplicate (same body already stored), ignored (stored, no leadgen change in it), quarantined (stored as raw bytes, not processed: see meta_webhook_quarantined_total), bad_signature (missing or wrong)',
  ['outcome'] as const,
);

export const webhookEnqueueFailures = counter(
  'meta_webhook_enqueue_failures_total',
  'Stored deliveries whose lead jobs could not be enqueued (queue backend down); the inbox relay retries them',
  [] as const,
);

export const webhookQuarantined = counter(
  'meta_webhook_quarantined_total',
  'Signed webhook deliveries kept as raw bytes instead of being processed, by reason: not_application_json, invalid_utf8, not_json, nul_character, unpaired_surrogate',
  ['reason'] as const,
);

export const countDelivery = (outcome: DeliveryOutcome): void => webhookDeliveries.inc({ outcome });

export const countQuarantined = (reason: WebhookQuarantineReason): void => webhookQuarantined.inc({ reason });

export const webhookDispatchBacklog = gauge(
  'meta_webhook_dispatch_backlog',
  'Stored deliveries of this process whose lead jobs are still to be queued after the answer (WebhookAfterAck)',
);

export const webhookDispatchLeftToRelay = counter(
  'meta_webhook_dispatch_left_to_relay_total',
  'Stored deliveries whose lead jobs were left to the inbox relay instead of being queued right after the answer (backlog full, queue down, shutdown, or an error)',
  [] as const,
);

function gauge(name: string, help: string): Gauge {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help });
}
