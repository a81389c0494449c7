export { adsConfig } from './ads.config';
export { alertsConfig } from './alerts.config';
export { capiConfig } from './capi.config';
export { appConfig, runsWorkers, servesApi } from './app.config';
export { catalogConfig } from './catalog.config';
export { authConfig } from './auth.config';
export { cryptoConfig } from './crypto.config';
export { databaseConfig } from './database.config';
export { graphBreakerConfig } from './graph-breaker.config';
export { httpConfig } from './http.config';
export { insightsConfig } from './insights.config';
export { leadsConfig } from './leads.config';
export { leadSyncConfig } from './lead-sync.config';
export { metaConfig } from './meta.config';
export { outgoingWebhooksConfig } from './outgoing-webhooks.config';
export { queueConfig } from './queue.config';

import { adsConfig } from './ads.config';
import { alertsConfig } from './alerts.config';
import { appConfig } from './app.config';
import { catalogConfig } from './catalog.config';
import { authConfig } from './auth.config';
import { capiConfig } from './capi.config';
import { cryptoConfig } from './crypto.config';
import { databaseConfig } from './database.config';
import { graphBreakerConfig } from './graph-breaker.config';
import { httpConfig } from './http.config';
import { insightsConfig } from './insights.config';
import { leadsConfig } from './leads.config';
import { leadSyncConfig } from './lead-sync.config';
import { metaConfig } from './meta.config';
import { outgoingWebhooksConfig } from './outgoing-webhooks.config';
import { queueConfig } from './queue.config';

/** Every namespace, loaded once by ConfigModule.forRoot. */
export const CONFIG_NAMESPACES = [
  appConfig,
  httpConfig,
  databaseConfig,
  queueConfig,
  authConfig,
  cryptoConfig,
  metaConfig,
  graphBreakerConfig,
  leadsConfig,
  leadSyncConfig,
  adsConfig,
  insightsConfig,
  capiConfig,
  catalogConfig,
  outgoingWebhooksConfig,
  alertsConfig,
];
