/** The lead store: what other modules may use of it (lead capture stores leads and their Meta links). */
export { LeadsModule } from './leads.module';
export { Lead, type ConsentResponse, type LeadAnswer } from './entities/lead.entity';
export { LeadFieldDefinition } from './custom-fields/lead-field-definition.entity';
export { LeadFieldsService } from './custom-fields/lead-fields.service';
export { coerceAnswer, type FieldShape } from './custom-fields/custom-field-values';
export { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
export { LeadStoreRepository, type ClaimedLead, type LeadClaim, type NewLead, type StoredLead } from './store/lead-store.repository';
export { attributedLeadsSql, LEAD_CONTACTS_SQL, META_SOURCED_LEADS_SQL } from './store/lead-store.sql';
export {
  DEFAULT_MATCH_LEVELS,
  findPersonDuplicate,
  personDuplicateQuery,
  type DuplicateMatchRule,
  type DuplicateRule,
  type PersonKey,
} from './store/person-duplicates';
export { duplicateRuleOf, type StoredDuplicateSettings } from './store/duplicate-settings.row';
export { normalizePersonName } from './store/person-name';
/** RFC 4180 CSV with spreadsheet formula injection defused: every CSV download of the product uses it. */
export { csvHeader, csvRows, defuseFormula } from './lead-csv';
export {
  LeadLifecycleHooks,
  STAGE_CHANGE_KINDS,
  type LeadLifecycleChange,
  type LeadLifecycleKind,
  type LeadLifecycleListener,
} from './lead-lifecycle-hooks';
export { leadSnapshotJsonSql } from './lead-event-snapshot.sql';
