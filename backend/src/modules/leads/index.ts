/** The lead store: what other modules may use of it (lead capture stores leads and their Meta links). */
export { LeadsModule } from './leads.module';
export { Lead, type ConsentResponse, type LeadAnswer } from './entities/lead.entity';
export { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
