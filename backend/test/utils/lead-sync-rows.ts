import type { TestApp } from './create-test-app';
import { waitFor } from './wait-for';

/** A synced lead's timeline row (`meta_lead_syncs`), as the tests read it. */
export interface SyncRow {
  id: string;
  organisation_id: string;
  leadgen_id: string;
  state: string;
  lead_id: string | null;
  attempts: number;
  replays: number;
  error_kind: string | null;
  error_code: number | null;
  hint: string | null;
  fetched_at: Date | null;
  mapped_at: Date | null;
  stored_at: Date | null;
}

export async function syncRows(t: TestApp, leadgenIds: string[]): Promise<SyncRow[]> {
  return t.dataSource.query(`SELECT * FROM meta_lead_syncs WHERE leadgen_id = ANY($1) ORDER BY leadgen_id, organisation_id`, [leadgenIds]);
}

/** Waits until every lead has a timeline row in one of `states`. */
export async function waitForStates(t: TestApp, leadgenIds: string[], states: string[], timeoutMs?: number): Promise<SyncRow[]> {
  let seen: SyncRow[] = [];
  try {
    return await waitFor(
      `${leadgenIds.length} lead(s) in ${states.join('/')}`,
      async () => {
        seen = await syncRows(t, leadgenIds);
        return seen.length >= leadgenIds.length && seen.every((row) => states.includes(row.state)) ? seen : null;
      },
      timeoutMs,
    );
  } catch (error) {
    // Say where each lead got stuck, so an intermittent failure can be understood from the CI log alone.
    const where = seen.map((row) => ({ state: row.state, attempts: row.attempts, error: row.error_kind, replays: row.replays }));
    throw new Error(`${(error as Error).message}; rows: ${JSON.stringify(where)}`, { cause: error });
  }
}

/** Leads stored for one Meta lead (through meta_lead_mappings), per organisation. */
export async function storedLeadCount(t: TestApp, leadgenId: string, organisationId?: string): Promise<number> {
  const rows = (await t.dataSource.query(
    `SELECT count(*)::int AS n FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id
      WHERE m.meta_lead_id = $1 AND ($2::uuid IS NULL OR m.organisation_id = $2)`,
    [leadgenId, organisationId ?? null],
  )) as { n: number }[];
  return rows[0].n;
}
