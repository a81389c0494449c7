import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState, type LeadPipelineCounts, type LeadPipelineSummaryDto } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { MetaConnectionStatusService } from '../../meta-auth';

interface Row {
  state: LeadSyncState | null;
  today: number;
  week: number;
  today_since: Date;
  week_since: Date;
}

/**
 * The Overview's lead pipeline: the leads received today and this week (calendar windows in the viewer's time zone,
 * the week from Monday), by where each is now, next to the connection's state, so what needs acting on shows first.
 */
@Injectable()
export class LeadPipelineSummaryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connection: MetaConnectionStatusService,
  ) {}

  async summary(organisationId: string, timezone = 'UTC'): Promise<LeadPipelineSummaryDto> {
    const [rows, status] = await Promise.all([this.counts(organisationId, timezone), this.connection.status(organisationId)]);
    const today = emptyCounts();
    const week = emptyCounts();
    for (const row of rows) {
      if (!row.state) continue;
      add(today, row.state, row.today);
      add(week, row.state, row.week);
    }
    return {
      timezone,
      today: { ...today, since: rows[0].today_since.toISOString() },
      week: { ...week, since: rows[0].week_since.toISOString() },
      connection: { connected: status.connected, status: status.status, overall: status.overall, paused: !!status.graphPause },
    };
  }

  /** One row per state (one with a null state when there is none), with the windows' starts; one index range read. */
  private counts(organisationId: string, timezone: string): Promise<Row[]> {
    return this.db.query(
      `WITH w AS (SELECT date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2 AS today,
                         date_trunc('week', now() AT TIME ZONE $2) AT TIME ZONE $2 AS week)
       SELECT s.state, count(s.id) FILTER (WHERE s.received_at >= w.today)::int AS today, count(s.id)::int AS week,
              w.today AS today_since, w.week AS week_since
         FROM w LEFT JOIN meta_lead_syncs s ON s.organisation_id = $1 AND s.received_at >= w.week
        GROUP BY s.state, w.today, w.week`,
      [organisationId, timezone],
    );
  }
}

function emptyCounts(): LeadPipelineCounts {
  return { received: 0, stored: 0, duplicate: 0, pending: 0, failed: 0, parked: 0, skipped: 0 };
}

function add(counts: LeadPipelineCounts, state: LeadSyncState, n: number): void {
  counts.received += n;
  counts[state] += n;
}
