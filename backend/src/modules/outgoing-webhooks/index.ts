/** OutgoingWebhooks: what other modules (and the composition root) may use of it. */
export { OutgoingWebhooksModule } from './outgoing-webhooks.module';
export { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
export { EndpointDisabledHooks, type EndpointDisabled, type EndpointDisabledListener } from './delivery/endpoint-disabled-hooks';
export {
  OUTGOING_WEBHOOKS_JOBS,
  OUTGOING_WEBHOOKS_QUEUE,
  OUTGOING_WEBHOOKS_QUEUE_NAME,
  OUTGOING_WEBHOOKS_SCHEDULES,
  type DeliverEndpointJobData,
  type OutgoingWebhooksJobs,
} from './outgoing-webhooks.jobs';
