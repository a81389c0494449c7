/** Alerts: what other modules (and the composition root) may use of it. */
export { AlertsModule } from './alerts.module';
export { AlertConditionRegistry } from './conditions/alert-condition-registry';
export type { AlertConditionSource, AlertFinding, ConditionContext } from './conditions/alert-condition-source';
export {
  ALERTS_JOBS,
  ALERTS_QUEUE,
  ALERTS_QUEUE_NAME,
  ALERTS_SCHEDULES,
  type AlertsJobs,
  type OrganisationJobData,
  type SendMailJobData,
} from './alerts.jobs';
