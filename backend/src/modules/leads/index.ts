/** The lead store: what other modules may use of it (lead capture stores leads and their Meta links). */
export { LeadsModule } from './leads.module';
export { Lead, type ConsentResponse, type LeadAnswer } from './entities/lead.entity';
export { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
export { LeadStoreRepository, type ClaimedLead, type LeadClaim, type NewLead, type StoredLead } from './store/lead-store.repository';
export { LeadLifecycleHooks, type LeadLifecycleChange, type LeadLifecycleListener } from './lead-lifecycle-hooks';
export { findPersonDuplicate, personDuplicateQuery, type DuplicateRule, type PersonKey } from './store/person-duplicates';
