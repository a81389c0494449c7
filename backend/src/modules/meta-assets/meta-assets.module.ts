import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MetaAuthModule } from '../meta-auth';
import { AdAssetsDirectory } from './ad-assets-directory';
import { ConnectedPages } from './connected-pages';
import { MetaAdAccount } from './entities/meta-ad-account.entity';
import { MetaLeadForm } from './entities/meta-lead-form.entity';
import { MetaPage } from './entities/meta-page.entity';
import { LeadFormMappingCoverage } from './lead-form-mapping-coverage';
import { LeadSourceAssets } from './lead-source-assets';
import { MetaAssetListsService } from './meta-asset-lists.service';
import { MetaAssetsApi } from './meta-assets.api';
import { MetaAssetsConnection } from './meta-assets.connection';
import { MetaAssetsController } from './meta-assets.controller';
import { MetaAssetsService } from './meta-assets.service';
import { MetaSubscriptionsService } from './meta-subscriptions.service';
import { MetaAdAccountsRepository } from './repositories/meta-ad-accounts.repository';
import { MetaLeadFormsRepository } from './repositories/meta-lead-forms.repository';
import { MetaPagesRepository } from './repositories/meta-pages.repository';
import { AppSetupChecksService } from './app-setup-checks.service';

/**
 * Ad assets: what a Meta connection reaches (ad accounts, Pages with their tokens, lead forms), their discovery, the
 * Pages' and the app's webhook subscriptions, the ad-accounts, pages and lead-forms API. Joins the connection's
 * lifecycle (MetaAssetsConnection). The future home of what campaigns build on.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MetaAdAccount, MetaPage, MetaLeadForm]), MetaAuthModule, AuditModule],
  controllers: [MetaAssetsController],
  providers: [
    MetaAssetsApi,
    MetaAssetsService,
    MetaSubscriptionsService,
    MetaAssetListsService,
    MetaAssetsConnection,
    AppSetupChecksService,
    LeadFormMappingCoverage,
    ConnectedPages,
    MetaLeadFormsRepository,
    MetaPagesRepository,
    MetaAdAccountsRepository,
    AdAssetsDirectory,
    LeadSourceAssets,
  ],
  exports: [
    MetaAssetsService,
    LeadFormMappingCoverage,
    ConnectedPages,
    MetaLeadFormsRepository,
    MetaPagesRepository,
    AdAssetsDirectory,
    LeadSourceAssets,
  ],
})
export class MetaAssetsModule {}
