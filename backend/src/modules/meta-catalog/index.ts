/** MetaCatalog: what the composition root may use of it. */
export { MetaCatalogModule } from './meta-catalog.module';
export { CatalogSyncsRepository } from './sync/catalog-syncs.repository';
export {
  META_CATALOG_JOBS,
  META_CATALOG_QUEUE,
  META_CATALOG_QUEUE_NAME,
  META_CATALOG_SCHEDULES,
  type MetaCatalogJobs,
  type SyncCatalogJobData,
} from './meta-catalog.jobs';
