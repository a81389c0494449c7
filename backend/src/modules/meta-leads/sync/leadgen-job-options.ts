import type { LeadgenJobData } from '../../meta-webhook';

export { LEADGEN_JOB_OPTIONS } from '../../meta-webhook';

/** A lead job; replays carry their replay number (absent for jobs made from a webhook). */
export interface LeadSyncJobData extends LeadgenJobData {
  replay?: number;
}
