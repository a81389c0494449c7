/** MetaLeads, lead capture: what other modules and the composition root may use of it. */
export { MetaLeadsModule } from './meta-leads.module';
export { LeadFailureCounts, type LeadFailureCountsResult } from './sync/lead-failure-counts';
export {
  LEAD_RECONCILE_JOBS,
  LEADGEN_JOB_NAME,
  META_LEADS_QUEUE,
  META_LEADS_QUEUE_NAME,
  META_LEADS_SCHEDULES,
  leadgenJobId,
  leadgenReplayJobId,
  reconcileFormJobId,
  type LeadgenJobData,
  type MetaLeadsJobs,
  type ReconcileFormJobData,
} from './meta-leads.jobs';
