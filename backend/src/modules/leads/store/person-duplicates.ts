import type { EntityManager } from 'typeorm';

export type DuplicateRule = 'email' | 'phone';

export interface PersonKey {
  emailNormalized: string | null;
  phoneE164: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The earliest lead of the same organisation and person (same normalised email, else same E.164 phone) received
 * in the `windowDays` up to `receivedAt`, or null. Never looks across organisations. Test leads are not
 * candidates: a real lead must not be hidden behind a test submission.
 *
 * Each rule is its own `LIMIT 1` branch so that it walks `ix_leads_org_email` / `ix_leads_org_phone` (organisation,
 * value, received_at: the branch's rows in the order it asks for); when both match, the earlier lead wins and on a tie the email rule is recorded (an address is the stronger identity, phone
 * numbers get shared within households).
 */
export async function findPersonDuplicate(
  manager: EntityManager,
  organisationId: string,
  key: PersonKey,
  receivedAt: Date,
  windowDays: number,
): Promise<{ leadId: string; rule: DuplicateRule } | null> {
  const query = personDuplicateQuery(organisationId, key, receivedAt, windowDays, 1);
  if (!query) return null;
  const rows = (await manager.query(query.sql, query.params)) as { id: string; rule: DuplicateRule }[];
  const match = rows[0];
  return match ? { leadId: match.id, rule: match.rule } : null;
}

/**
 * The query `findPersonDuplicate` runs (columns `id`, `rule`; at most one row), with its parameters numbered from
 * `firstParam`, so that it can also be a CTE of a larger statement; null when nothing can match.
 */
export function personDuplicateQuery(
  organisationId: string,
  key: PersonKey,
  receivedAt: Date,
  windowDays: number,
  firstParam: number,
): { sql: string; params: unknown[] } | null {
  if ((!key.emailNormalized && !key.phoneE164) || windowDays <= 0) return null;
  const since = new Date(receivedAt.getTime() - windowDays * DAY_MS);
  const params: unknown[] = [organisationId, since, receivedAt];
  const p = (i: number) => `$${firstParam + i}`;
  const branches: string[] = [];
  const branch = (rule: DuplicateRule, column: string, value: string): void => {
    params.push(value);
    branches.push(
      `(SELECT id, received_at, created_at, '${rule}' AS rule FROM leads
         WHERE organisation_id = ${p(0)} AND ${column} = ${p(params.length - 1)}
           AND received_at >= ${p(1)} AND received_at <= ${p(2)} AND is_test = false
         ORDER BY received_at, created_at, id LIMIT 1)`,
    );
  };
  if (key.emailNormalized) branch('email', 'email_normalized', key.emailNormalized);
  if (key.phoneE164) branch('phone', 'phone_e164', key.phoneE164);
  return {
    sql: `SELECT id, rule FROM (${branches.join(' UNION ALL ')}) AS matches
      ORDER BY received_at, created_at, (rule = 'email') DESC, id LIMIT 1`,
    params,
  };
}
