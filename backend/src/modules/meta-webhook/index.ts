/** MetaWebhook, Meta's webhook deliveries: what other modules may use of it. */
export { MetaWebhookModule } from './meta-webhook.module';
export type { LeadgenChange } from './ingest/leadgen-changes';
export { HandlesWebhookField, type ChangeProgress, type InboxChange, type WebhookFieldHandler } from './fields/webhook-field-handler';
export { WebhookInboxRepository, type FinishedDeliveryCondition, type RecentDelivery } from './inbox/webhook-inbox.repository';
export {
  META_WEBHOOK_JOBS,
  META_WEBHOOK_QUEUE,
  META_WEBHOOK_QUEUE_NAME,
  META_WEBHOOK_SCHEDULES,
  type MetaWebhookJobs,
} from './meta-webhook.jobs';
