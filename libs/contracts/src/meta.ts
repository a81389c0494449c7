/** Lifecycle of an organisation's Meta connection. */
export enum MetaIntegrationStatus {
  Active = 'active',
  ReauthRequired = 'reauth_required',
  Disconnected = 'disconnected',
}

/** Permissions the product asks for in the OAuth dialog. */
export const META_REQUIRED_SCOPES = [
  'ads_management',
  'ads_read',
  'business_management',
  'catalog_management',
  'leads_retrieval',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_ads',
  'pages_manage_metadata',
  'email',
] as const;

export type MetaScope = (typeof META_REQUIRED_SCOPES)[number];

/** States of a received webhook delivery in the inbox. */
export enum WebhookInboxStatus {
  Received = 'received',
  Enqueued = 'enqueued',
  Processed = 'processed',
  Failed = 'failed',
  Ignored = 'ignored',
}
