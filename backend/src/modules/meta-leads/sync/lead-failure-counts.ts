import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState } from '@legeai/contracts';
import { DataSource } from 'typeorm';

export interface LeadFailureCountsResult {
  /** Leads whose sync failed (for good, replayable) since the given time. */
  failed: number;
  /** Leads parked now, waiting for a reconnect or a replay, whenever they were parked. */
  parked: number;
}

/** How many of an organisation's leads are failed or parked (read by alerts, against the organisation's thresholds). */
@Injectable()
export class LeadFailureCounts {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async count(organisationId: string, failedSince: Date): Promise<LeadFailureCountsResult> {
    const [row]: { failed: number; parked: number }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE state = $2 AND updated_at >= $4)::int AS failed,
              count(*) FILTER (WHERE state = $3)::int AS parked
         FROM meta_lead_syncs WHERE organisation_id = $1 AND state IN ($2, $3)`,
      [organisationId, LeadSyncState.Failed, LeadSyncState.Parked, failedSince],
    );
    return row;
  }
}
