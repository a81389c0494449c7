/** The lead store: what other modules may use of it. */
export { LeadsModule } from './leads.module';
export { Lead } from './entities/lead.entity';
export { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
export type { ConsentResponse } from './entities/lead.entity';
export type { LeadAnswer } from './entities/lead.entity';
