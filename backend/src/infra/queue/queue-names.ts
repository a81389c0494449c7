/** Every queue of the application. Job names live beside their processors. */
export const QUEUES = {
  /** Periodic maintenance (pruning, expiry). */
  housekeeping: 'housekeeping',
  /** Processing of stored Meta webhook deliveries. */
  metaWebhook: 'meta-webhook',
  /** Pulls from the Graph API (lead backfill, ad accounts, insights). */
  metaSync: 'meta-sync',
  /** Scheduled health checks of the Meta connections (token, permissions, subscriptions, forms). */
  metaHealth: 'meta-health',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);
