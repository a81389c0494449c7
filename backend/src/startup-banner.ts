import type { INestApplication } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { OPS_ROUTES } from '@legeai/contracts';
import { appConfig, servesApi } from './config/app.config';
import { httpConfig } from './config/http.config';
import { metaConfig } from './config/meta.config';
import { queueConfig } from './config/queue.config';

/**
 * Tells the person who just typed `npm start` where to go. The first admin's generated password, when there is
 * one, is printed once by the identity module at its own start-up.
 */
export function printStartupBanner(app: INestApplication, consoleServed: boolean): void {
  const cfg = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const queue = app.get<ConfigType<typeof queueConfig>>(queueConfig.KEY);
  const meta = app.get<ConfigType<typeof metaConfig>>(metaConfig.KEY);
  const http = app.get<ConfigType<typeof httpConfig>>(httpConfig.KEY);
  const url = cfg.publicUrl;
  const docs = http.docsAccess === 'public' ? `${url}${OPS_ROUTES.docs}` : 'off (DOCS_ACCESS)';
  const metrics = `${url}${OPS_ROUTES.metrics}${http.metricsAccess === 'public' ? '' : ` (${http.metricsAccess}, METRICS_ACCESS)`}`;
  const lines = [
    '',
    `LEGEAI Meta Connect is running (role: ${cfg.role})`,
    `  Database:  ${cfg.embedded ? `embedded PostgreSQL, data in ${cfg.dataDir}` : 'PostgreSQL from DATABASE_URL'}`,
    `  Queues:    ${queue.backend === 'redis' ? 'Redis from REDIS_URL' : 'BullMQ on PostgreSQL'}`,
    `  Meta:      ${meta.sandbox ? `sandbox mode at ${meta.graphUrl} (META_APP_ID not set)` : `app ${meta.appId}, Graph API ${meta.apiVersion}`}`,
  ];
  if (servesApi(cfg.role)) {
    lines.push(
      `  Console:   ${consoleServed ? `${url}/` : 'not built (npm run build:admin)'}`,
      `  API:       ${url}/v1   docs: ${docs}`,
      `  Health:    ${url}${OPS_ROUTES.health}   metrics: ${metrics}`,
      `  Log in with ADMIN_EMAIL / ADMIN_PASSWORD, or the generated admin credentials printed at first start.`,
    );
  } else {
    lines.push(`  Health:    ${url}${OPS_ROUTES.health}   metrics: ${metrics}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
