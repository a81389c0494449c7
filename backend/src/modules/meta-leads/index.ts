export { MetaLeadForm } from './entities/meta-lead-form.entity';
export { MetaLeadMapping } from './entities/meta-lead-mapping.entity';
