import { Counter, register } from 'prom-client';

export type DeliveryOutcome = 'accepted' | 'duplicate' | 'ignored' | 'bad_signature' | 'invalid_body';

/**
 * On prom-client's shared registry (merged into `/metrics` by MetricsService): module-level counters cannot live
 * on a per-app registry. Reused when the module is evaluated again in the same process.
 */
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames });
}

export const webhookDeliveries = counter(
  'meta_webhook_deliveries_total',
  'Meta webhook deliveries by outcome: accepted (stored with lead jobs), duplicate (same body already stored), ignored (stored, nothing to do), bad_signature (missing or wrong), invalid_body',
  ['outcome'] as const,
);

export const webhookEnqueueFailures = counter(
  'meta_webhook_enqueue_failures_total',
  'Stored deliveries whose lead jobs could not be enqueued (queue backend down); the inbox relay retries them',
  [] as const,
);

export const countDelivery = (outcome: DeliveryOutcome): void => webhookDeliveries.inc({ outcome });
