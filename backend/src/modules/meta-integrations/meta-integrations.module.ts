import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../infra/crypto/crypto.module';
import { MetaGraphModule } from '../../infra/meta-graph/meta-graph.module';
import { MetricsModule } from '../../infra/metrics/metrics.module';
import { AuditModule } from '../audit/audit.module';
import { MetaLeadsModule } from '../meta-leads/meta-leads.module';
import { MetaAssetsService } from '../meta-assets/meta-assets.service';
import { MetaCallbacksController } from '../meta-auth/callbacks/meta-callbacks.controller';
import { MetaCallbacksService } from '../meta-auth/callbacks/meta-callbacks.service';
import { MetaAdAccount } from '../meta-assets/entities/meta-ad-account.entity';
import { MetaDataDeletionRequest } from '../meta-auth/entities/meta-data-deletion-request.entity';
import { MetaGraphBreaker } from '../meta-auth/entities/meta-graph-breaker.entity';
import { MetaIntegration } from '../meta-auth/entities/meta-integration.entity';
import { MetaPage } from '../meta-assets/entities/meta-page.entity';
import { ConnectionBreakerStore } from '../meta-auth/graph-breaker/connection-breaker.store';
import { ConnectionBreakers } from '../meta-auth/graph-breaker/connection-breakers.service';
import { MetaHealthProcessor } from '../meta-auth/health/meta-health.processor';
import { MetaHealthService } from '../meta-auth/health/meta-health.service';
import { MetaAccountApi } from '../meta-auth/connection/meta-account.api';
import { MetaConnectionService } from '../meta-auth/connection/meta-connection.service';
import { MetaIntegrationRepository } from '../meta-auth/connection/meta-integration.repository';
import { MetaReauthService } from '../meta-auth/connection/meta-reauth.service';
import { MetaIntegrationsController } from './meta-integrations.controller';
import { MetaIntegrationsService } from './meta-integrations.service';
import { MetaSubscriptionsService } from '../meta-assets/meta-subscriptions.service';
import { MetaTokenVault } from '../meta-auth/token-vault/meta-token-vault.service';

/**
 * An organisation's Meta connection and what it reaches: token storage, asset discovery, webhook subscriptions,
 * connection health (scheduled and on demand), the circuit breakers pausing the Graph calls of a connection Meta keeps
 * failing, disconnect, and Meta's deauthorize / data deletion callbacks.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MetaIntegration, MetaAdAccount, MetaPage, MetaDataDeletionRequest, MetaGraphBreaker]),
    MetaLeadsModule,
    AuditModule,
    CryptoModule,
    MetaGraphModule,
    MetricsModule,
  ],
  controllers: [MetaIntegrationsController, MetaCallbacksController],
  providers: [
    MetaIntegrationRepository,
    MetaReauthService,
    MetaTokenVault,
    MetaAccountApi,
    MetaAssetsService,
    MetaSubscriptionsService,
    MetaHealthService,
    MetaHealthProcessor,
    MetaIntegrationsService,
    MetaConnectionService,
    MetaCallbacksService,
    ConnectionBreakerStore,
    ConnectionBreakers,
  ],
  exports: [
    TypeOrmModule,
    MetaIntegrationRepository,
    MetaReauthService,
    MetaTokenVault,
    MetaAccountApi,
    MetaAssetsService,
    MetaSubscriptionsService,
    MetaHealthService,
    ConnectionBreakers,
  ],
})
export class MetaIntegrationsModule {}
