import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
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
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { UsersModule } from './modules/users/users.module';
import { LeadsModule } from './modules/leads/leads.module';
import { MetaAuthModule } from './modules/meta-auth/meta-auth.module';
import { MetaAssetsModule } from './modules/meta-assets';
import { MetaLeadsModule } from './modules/meta-leads/meta-leads.module';
import { MetaWebhookModule } from './modules/meta-webhook/meta-webhook.module';

@Module({
  imports: [
    // Values come from the environment validated in config/load-env.ts, never from .env parsing here.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: CONFIG_NAMESPACES }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => buildLoggerParams(app.logLevel),
    }),
    DatabaseModule,
    QueueModule,
    HealthModule,
    FastRoutesModule,
    MetricsModule,
    SchedulerModule,
    CryptoModule,
    MetaGraphModule,
    // Feature modules: one line each.
    AuthModule,
    UsersModule,
    ApiKeysModule,
    OrganisationsModule,
    AuditModule,
    MetaAuthModule,
    MetaAssetsModule,
    MetaWebhookModule,
    LeadsModule,
    MetaLeadsModule,
  ],
})
export class AppModule {}
