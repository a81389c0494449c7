import { LEAD_RECONCILE_JOBS } from '../../../infra/scheduler/schedules';

export { LEAD_RECONCILE_JOBS };

/** One form's sweep, on `QUEUES.metaSync`. The window is computed when the job runs, from the freshest watermark. */
export interface ReconcileFormJobData {
  organisationId: string;
  /** Our lead form id (`meta_lead_forms.id`). */
  leadFormId: string;
}

/**
 * `reconcile-form:<lead form id>:<run>`: one job per form per scheduled run. A retried `reconcile-all` enqueues the
 * same ids again, which BullMQ ignores; the next run gets new ids. (BullMQ accepts ':' in custom ids only when the
 * id has exactly three parts.)
 */
export function reconcileFormJobId(leadFormId: string, runKey: number): string {
  return `${LEAD_RECONCILE_JOBS.form}:${leadFormId}:${runKey}`;
}
