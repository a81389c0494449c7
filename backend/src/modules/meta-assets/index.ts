/** Ad assets: what other modules may use of them. */
export { MetaAssetsModule } from './meta-assets.module';
export { MetaAdAccount } from './entities/meta-ad-account.entity';
export { MetaLeadForm } from './entities/meta-lead-form.entity';
export { MetaPage } from './entities/meta-page.entity';
export { MetaAssetsService, REMOVED_FORM_STATUS, type DiscoveryResult, type FormChanges } from './meta-assets.service';
export { LIVE_LEAD_FORMS } from './meta-assets.connection';
export { LeadFormMappingCoverage, type UnmappedQuestionCounter } from './lead-form-mapping-coverage';
export { ConnectedPages } from './connected-pages';
export { MetaLeadFormsRepository, type LeadFormKey } from './repositories/meta-lead-forms.repository';
export { MetaPagesRepository } from './repositories/meta-pages.repository';
export {
  organisationPageIdsSql,
  PAGE_CONNECTION_COLUMNS,
  pageConnectionJoins,
  type PageConnection,
} from './repositories/page-connection.sql';
export { adAccountsSql, LEAD_FORMS_SQL } from './repositories/asset-tables.sql';
export { AdAssetsDirectory, type AdAccountRef, type LeadFormRef, type PageRef } from './ad-assets-directory';
export { type LeadFormLegalContent } from './lead-form-legal-content';
export { LeadSourceAssets, type LeadFormFacts, type LeadFormQuestion } from './lead-source-assets';
