import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { APP_QUEUES } from './app.queues';
import { APP_SCHEDULES } from './app.schedules';
import { appConfig, CONFIG_NAMESPACES } from './config';
import { DatabaseModule } from './database/database.module';
import { CryptoModule } from './infra/crypto/crypto.module';
import { HealthModule } from './infra/health/health.module';
import { FastRoutesModule } from './infra/http/fast-routes.module';
import { buildLoggerParams } from './infra/logging/logger-options';
import { MetaGraphModule } from './infra/meta-graph/meta-graph.module';
import { MetricsModule } from './infra/metrics/metrics.module';
import { QueueModule } from './infra/queue/queue.module';
import { SchedulerModule } from './infra/scheduler/scheduler.module';
import { ApiKeysModule } from './modules/api-keys';
import { AuditModule } from './modules/audit';
import { AuthModule } from './modules/auth';
import { OrganisationsModule } from './modules/organisations';
import { PlatformModule } from './modules/platform';
import { UsersModule } from './modules/users';
import { LeadsModule } from './modules/leads';
import { MetaAuthModule } from './modules/meta-auth';
import { MetaAssetsModule } from './modules/meta-assets';
import { MetaAdsModule } from './modules/meta-ads';
import { MetaInsightsModule } from './modules/meta-insights';
import { MetaConversionsModule } from './modules/meta-conversions';
import { MetaCatalogModule } from './modules/meta-catalog';
import { MetaLeadsModule } from './modules/meta-leads';
import { MetaWebhookModule } from './modules/meta-webhook';
import { OutgoingWebhooksModule } from './modules/outgoing-webhooks';
import { AlertsModule } from './modules/alerts';

@Module({
  imports: [
    // Values come from the environment validated in config/load-env.ts, never from .env parsing here.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: CONFIG_NAMESPACES }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => buildLoggerParams(app.logLevel, app.logFormat),
    }),
    DatabaseModule,
    QueueModule.forRoot(APP_QUEUES),
    HealthModule,
    FastRoutesModule,
    MetricsModule,
    SchedulerModule.forRoot(APP_SCHEDULES),
    CryptoModule,
    MetaGraphModule,
    // Feature modules: one line each.
    AuthModule,
    UsersModule,
    ApiKeysModule,
    OrganisationsModule,
    PlatformModule,
    AuditModule,
    MetaAuthModule,
    MetaAssetsModule,
    MetaWebhookModule,
    LeadsModule,
    MetaLeadsModule,
    MetaAdsModule,
    MetaInsightsModule,
    MetaConversionsModule,
    MetaCatalogModule,
    OutgoingWebhooksModule,
    AlertsModule,
  ],
})
export class AppModule {}
