import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../../infra/metrics/metrics.module';
import { AuditModule } from '../audit';
import { MetaCallbacksController } from './callbacks/meta-callbacks.controller';
import { MetaCallbacksService } from './callbacks/meta-callbacks.service';
import { MetaAccountApi } from './connection/meta-account.api';
import { MetaConnectionStatusService } from './connection/meta-connection-status.service';
import { MetaConnectionController } from './connection/meta-connection.controller';
import { MetaConnectionService } from './connection/meta-connection.service';
import { MetaIntegrationRepository } from './connection/meta-integration.repository';
import { MetaReauthService } from './connection/meta-reauth.service';
import { MetaDataDeletionRequest } from './entities/meta-data-deletion-request.entity';
import { MetaGraphBreaker } from './entities/meta-graph-breaker.entity';
import { MetaIntegration } from './entities/meta-integration.entity';
import { MetaOAuthState } from './entities/meta-oauth-state.entity';
import { ConnectionBreakerStore } from './graph-breaker/connection-breaker.store';
import { ConnectionBreakers } from './graph-breaker/connection-breakers.service';
import { HealthCheckOnConnect } from './health/health-check-on-connect';
import { ConnectionHealthJobHandler } from './health/connection-health.job-handler';
import { MetaHealthService } from './health/meta-health.service';
import { ConnectionLifecycle } from './lifecycle/connection-lifecycle';
import { MetaAuthController } from './oauth/meta-auth.controller';
import { ConnectAddresses } from './oauth/connect-addresses';
import { MetaConnectService } from './oauth/meta-connect.service';
import { MetaFacebookStrategy } from './oauth/meta-facebook.strategy';
import { MetaOAuthCallbackGuard } from './oauth/meta-oauth-callback.guard';
import { OAuthStateService } from './oauth/oauth-state.service';
import { MetaTokenVault } from './token-vault/meta-token-vault.service';
import { EncryptedTokenColumns } from './token-vault/encrypted-token-columns.registry';
import { TokenReencryptionService } from './token-vault/token-reencryption.service';

/**
 * MetaAuth, "the Meta connection": Connect (OAuth with passport-facebook and single-use states), the connection and
 * its encrypted tokens, reauth marking, the health check (scheduled and on demand), the circuit breakers pausing the
 * Graph calls of a connection Meta keeps failing, the connection API (status, check, refresh, disconnect), Meta's
 * deauthorize and data deletion callbacks, and its queue (meta-auth.jobs.ts: health checks, token re-encryption). Modules built on the connection join its ConnectionLifecycle; this module
 * imports none of them.
 */
@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([MetaOAuthState, MetaIntegration, MetaDataDeletionRequest, MetaGraphBreaker]),
    AuditModule,
    MetricsModule,
  ],
  controllers: [MetaAuthController, MetaConnectionController, MetaCallbacksController],
  providers: [
    ConnectionLifecycle,
    OAuthStateService,
    MetaFacebookStrategy,
    MetaOAuthCallbackGuard,
    MetaConnectService,
    ConnectAddresses,
    MetaIntegrationRepository,
    MetaReauthService,
    MetaTokenVault,
    TokenReencryptionService,
    EncryptedTokenColumns,
    MetaAccountApi,
    MetaHealthService,
    ConnectionHealthJobHandler,
    HealthCheckOnConnect,
    MetaConnectionService,
    MetaConnectionStatusService,
    MetaCallbacksService,
    ConnectionBreakerStore,
    ConnectionBreakers,
  ],
  exports: [
    ConnectionLifecycle,
    EncryptedTokenColumns,
    MetaIntegrationRepository,
    MetaReauthService,
    MetaTokenVault,
    ConnectionBreakers,
    MetaConnectionStatusService,
  ],
})
export class MetaAuthModule {}
