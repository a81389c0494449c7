export { LEADGEN_JOB_OPTIONS } from './jobs/leadgen-job';
export { leadgenJobId } from './jobs/leadgen-job';
export { LEADGEN_JOB_NAME } from './jobs/leadgen-job';
export type { LeadgenJobData } from './jobs/leadgen-job';
