import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../infra/crypto/crypto.module';
import { MetaGraphModule } from '../../infra/meta-graph/meta-graph.module';
import { MetricsModule } from '../../infra/metrics/metrics.module';
import { AuditModule } from '../audit/audit.module';
import { MetaLeadsModule } from '../meta-leads/meta-leads.module';
import { MetaAssetsService } from './assets/meta-assets.service';
import { MetaCallbacksController } from './callbacks/meta-callbacks.controller';
import { MetaCallbacksService } from './callbacks/meta-callbacks.service';
import { MetaAdAccount } from './entities/meta-ad-account.entity';
import { MetaDataDeletionRequest } from './entities/meta-data-deletion-request.entity';
import { MetaGraphBreaker } from './entities/meta-graph-breaker.entity';
import { MetaIntegration } from './entities/meta-integration.entity';
import { MetaPage } from './entities/meta-page.entity';
import { ConnectionBreakerStore } from './graph-breaker/connection-breaker.store';
import { ConnectionBreakers } from './graph-breaker/connection-breakers.service';
import { MetaHealthProcessor } from './health/meta-health.processor';
import { MetaHealthService } from './health/meta-health.service';
import { MetaAccountApi } from './meta-account.api';
import { MetaConnectionService } from './meta-connection.service';
import { MetaIntegrationRepository } from './meta-integration.repository';
import { MetaReauthService } from './meta-reauth.service';
import { MetaIntegrationsController } from './meta-integrations.controller';
import { MetaIntegrationsService } from './meta-integrations.service';
import { MetaSubscriptionsService } from './meta-subscriptions.service';
import { MetaTokenVault } from './meta-token-vault.service';

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
