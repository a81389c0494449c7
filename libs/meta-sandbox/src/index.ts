export { startSandbox } from './start-sandbox';
export type { RunningSandbox } from './start-sandbox';
export type { SandboxOptions, WebhookOptions } from './options';
export { DEFAULT_APP_ID, DEFAULT_REDIRECT_URIS } from './options';
export { SandboxControl } from './control/sandbox-control';
export type { WorldSummary } from './control/sandbox-control';
export type { FaultConfig, ErrorFault } from './core/fault-injector';
export type { DeliveryLogEntry } from './webhooks/webhook-delivery';
export type { CallLogEntry } from './core/call-log';
export { DEMO_IDS } from './world/demo-ids';
export { DEMO_AD_REFS, DEMO_CAMPAIGN_PLAN } from './world/demo-ad-plan';
export { API_VERSIONS } from './core/versions';
export type { MarketingControl, ObjectChange } from './marketing/control/marketing-control';
export type { LargeAccountRequest, LargeAccountSummary } from './marketing/seed/large-account';
export type { AppSetupControl, AppSettings } from './control/app-setup-control';
export type { LoginConfiguration } from './oauth/login-configurations';
export type { LeadsAccessSettings, LeadAccessVerdict } from './leads/leads-access-manager';
export type { CatalogControl, CatalogSummary, BatchSettingsChange, BatchSummary, FeedItem } from './marketing/catalogs/catalog-control';
export type {
  ConversionsControl,
  SendFailureRequest,
  EventQuery,
  EventView,
  DatasetSummary,
} from './marketing/conversions/conversions-control';
export { DEMO_CATALOG_ID, DEMO_CLIENT_CATALOG_ID } from './marketing/catalogs/catalog-seed';
export { DEMO_DATASET_ID } from './marketing/conversions/dataset-seed';
