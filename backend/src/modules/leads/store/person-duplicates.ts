import type { DuplicateMatchLevel, DuplicateRuleSettingsDto, DuplicateSignal, DuplicateState } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';

export type DuplicateRule = DuplicateSignal;

/** What a lead is matched on: its normalised email, E.164 phone and normalised name (`normalizePersonName`). */
export interface PersonKey {
  emailNormalized: string | null;
  phoneE164: string | null;
  nameNormalized: string | null;
}

/** The organisation's rule, as matching reads it. */
export type DuplicateMatchRule = DuplicateRuleSettingsDto;

/** The match levels of the default rule: same email, or same phone and name, is a duplicate; a shared phone alone is a possible one. */
export const DEFAULT_MATCH_LEVELS: Pick<DuplicateMatchRule, 'email' | 'phoneAndName' | 'phoneOnly'> = {
  email: 'duplicate',
  phoneAndName: 'duplicate',
  phoneOnly: 'possible',
};

export interface PersonMatch {
  leadId: string;
  rule: DuplicateRule;
  state: DuplicateState;
}

/** One signal the rule looks for, for this person: the index it walks and the state a match gives. */
export interface DuplicateBranch {
  signal: DuplicateSignal;
  state: DuplicateState;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** On a tie (the same earlier lead matched twice), the stronger signal is recorded: an address is the stronger identity. */
const SIGNAL_PRIORITY: Record<DuplicateSignal, number> = { email: 0, phone_name: 1, phone: 2 };

const stateOf = (level: DuplicateMatchLevel): DuplicateState | null => (level === 'ignore' ? null : level);

/**
 * Which signals the rule looks for, given what this person's lead carries: an email match needs an email; the
 * phone-and-name match needs a phone and a name; the phone-only match needs a phone (and, when the lead has a name,
 * matches only leads whose name differs or is missing, so that it means what it says).
 */
export function duplicateBranches(rule: DuplicateMatchRule, key: PersonKey): DuplicateBranch[] {
  const branches: DuplicateBranch[] = [];
  const add = (signal: DuplicateSignal, level: DuplicateMatchLevel, applies: boolean): void => {
    const state = stateOf(level);
    if (state && applies) branches.push({ signal, state });
  };
  add('email', rule.email, !!key.emailNormalized);
  add('phone_name', rule.phoneAndName, !!key.phoneE164 && !!key.nameNormalized);
  add('phone', rule.phoneOnly, !!key.phoneE164);
  return branches;
}

/**
 * The earlier lead of the same organisation and person received in the rule's window up to `receivedAt`, or null.
 * Never looks across organisations. Test leads are not candidates: a real lead must not be hidden behind a test
 * submission.
 */
export async function findPersonDuplicate(
  manager: EntityManager,
  organisationId: string,
  key: PersonKey,
  receivedAt: Date,
  rule: DuplicateMatchRule,
): Promise<PersonMatch | null> {
  const query = personDuplicateQuery(organisationId, key, receivedAt, rule, 1);
  if (!query) return null;
  const rows = (await manager.query(query.sql, query.params)) as { id: string; rule: DuplicateRule; state: DuplicateState }[];
  const match = rows[0];
  return match ? { leadId: match.id, rule: match.rule, state: match.state } : null;
}

/**
 * The query `findPersonDuplicate` runs (columns `id`, `rule`, `state`; at most one row), with its parameters numbered
 * from `firstParam`, so that it can also be a CTE of a larger statement; null when nothing can match.
 *
 * Each signal is its own `LIMIT 1` branch so that it walks `ix_leads_org_email` / `ix_leads_org_phone` (organisation,
 * value, received_at: the branch's rows in the order it asks for). A duplicate wins over a possible duplicate; then
 * the earlier lead; on a tie the stronger signal is recorded. Only a new lead is ever matched (its id is new, so no
 * pair an agent dismissed can involve it; `lead_duplicate_dismissals` keeps those pairs for any later re-matching).
 */
export function personDuplicateQuery(
  organisationId: string,
  key: PersonKey,
  receivedAt: Date,
  rule: DuplicateMatchRule,
  firstParam: number,
): { sql: string; params: unknown[] } | null {
  const wanted = duplicateBranches(rule, key);
  if (!wanted.length || rule.windowDays <= 0) return null;
  const since = new Date(receivedAt.getTime() - rule.windowDays * DAY_MS);
  const params: unknown[] = [organisationId, since, receivedAt];
  const p = (i: number) => `$${firstParam + i}`;
  const value = (v: unknown): string => {
    params.push(v);
    return p(params.length - 1);
  };
  const branches = wanted.map(({ signal, state }) => {
    let match: string;
    if (signal === 'email') match = `email_normalized = ${value(key.emailNormalized)}`;
    else if (signal === 'phone_name') match = `phone_e164 = ${value(key.phoneE164)} AND name_normalized = ${value(key.nameNormalized)}`;
    else {
      match = `phone_e164 = ${value(key.phoneE164)}`;
      if (key.nameNormalized) match += ` AND name_normalized IS DISTINCT FROM ${value(key.nameNormalized)}`;
    }
    return `(SELECT id, received_at, created_at, '${signal}' AS rule, '${state}' AS state, ${SIGNAL_PRIORITY[signal]} AS priority
         FROM leads
        WHERE organisation_id = ${p(0)} AND ${match}
          AND received_at >= ${p(1)} AND received_at <= ${p(2)} AND is_test = false
        ORDER BY received_at, created_at, id LIMIT 1)`;
  });
  return {
    sql: `SELECT id, rule, state FROM (${branches.join(' UNION ALL ')}) AS matches
      ORDER BY (state = 'duplicate') DESC, received_at, created_at, priority, id LIMIT 1`,
    params,
  };
}
