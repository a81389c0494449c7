import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MetaAuthModule } from '../meta-auth';
import { CatalogController } from './api/catalog.controller';
import { CatalogLinksRepository } from './catalogs/catalog-links.repository';
import { CatalogsService } from './catalogs/catalogs.service';
import { CatalogLink } from './entities/catalog-link.entity';
import { CatalogProduct } from './entities/catalog-product.entity';
import { CatalogSync } from './entities/catalog-sync.entity';
import { CatalogConnection } from './graph/catalog-connection';
import { CatalogGraphApi } from './graph/catalog-graph.api';
import { CatalogProductsRepository } from './products/catalog-products.repository';
import { CatalogProductsService } from './products/catalog-products.service';
import { CatalogSyncJobHandlers } from './sync/catalog-sync.job-handlers';
import { CatalogSyncService } from './sync/catalog-sync.service';
import { CatalogSyncsRepository } from './sync/catalog-syncs.repository';
import { CatalogSyncsService } from './sync/catalog-syncs.service';

/**
 * MetaCatalog: insurance products, the linked Meta catalog, and incremental syncs through items_batch in its queue
 * (meta-catalog.jobs.ts), held by the delete guard until an admin confirms.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CatalogProduct, CatalogLink, CatalogSync]), MetaAuthModule, AuditModule],
  controllers: [CatalogController],
  providers: [
    CatalogGraphApi,
    CatalogConnection,
    CatalogProductsRepository,
    CatalogLinksRepository,
    CatalogSyncsRepository,
    CatalogProductsService,
    CatalogsService,
    CatalogSyncService,
    CatalogSyncsService,
    CatalogSyncJobHandlers,
  ],
  exports: [CatalogSyncsRepository],
})
export class MetaCatalogModule {}
