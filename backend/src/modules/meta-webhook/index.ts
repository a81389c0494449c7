/** MetaWebhook, Meta's webhook deliveries: what other modules may use of it. */
export { MetaWebhookModule } from './meta-webhook.module';
export type { LeadgenChange } from './ingest/leadgen-changes';
export {
  HandlesWebhookField,
  type ChangeProgress,
  type InboxChange,
  type WebhookFieldHandler,
} from './fields/webhook-field-handler';
export {
  WebhookInboxRepository,
  type FinishedDeliveryCondition,
  type RecentDelivery,
} from './inbox/webhook-inbox.repository';
