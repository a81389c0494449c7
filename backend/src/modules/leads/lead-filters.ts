import { DuplicateStateFilter, LeadListQuery } from '@legeai/contracts';
import type { FieldCondition } from './custom-fields/custom-field-values';

/** A list query with its custom field filters already read against the definitions (`LeadCustomValues.conditions`). */
export type LeadRowsFilter = LeadListQuery & { fieldConditions?: readonly FieldCondition[] };

/** A WHERE clause over `leads l` with positional parameters ($1, $2, ...), ready for a raw query. */
export interface SqlFilter {
  where: string;
  params: unknown[];
  /**
   * With a text search: its clause, and the rest of the WHERE clause, whose parameters are the first `baseParams` of
   * `params` (the search's come after them).
   */
  search?: { clause: string; base: string; baseParams: number };
}

/**
 * Expressions the search matches against. They must stay identical to the trigram indexes of the lead-search
 * migration, or Postgres cannot use them.
 */
export const NAME_EXPR = `(coalesce(l.full_name, '') || ' ' || coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, ''))`;
export const PHONE_DIGITS_EXPR = `regexp_replace(coalesce(l.phone, ''), '\\D', '', 'g')`;

/** Fixed SQL per duplicate state; the linked states read the partial index `ix_leads_org_linked`. */
const DUPLICATE_STATE_CLAUSES: Record<DuplicateStateFilter, string> = {
  duplicate: 'l.duplicate_of_id IS NOT NULL AND l.possible_duplicate = false',
  possible: 'l.duplicate_of_id IS NOT NULL AND l.possible_duplicate = true',
  none: 'l.duplicate_of_id IS NULL',
};

/** A search term worth matching against phone numbers: fewer digits would match nearly every lead. */
const MIN_PHONE_DIGITS = 3;
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;

/**
 * Turns a list query into SQL: always scoped to the organisation, test leads left out unless asked for. Every value
 * travels as a parameter; only fixed SQL text is concatenated.
 */
export function buildLeadFilter(organisationId: string, query: LeadRowsFilter): SqlFilter {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [`l.organisation_id = ${p(organisationId)}`];

  if (!query.includeTest) clauses.push('l.is_test = false');
  if (query.status) clauses.push(`l.status = ${p(query.status)}`);
  if (query.formId) clauses.push(`l.form_id = ${p(query.formId)}`);
  if (query.campaignId) clauses.push(`l.campaign_id = ${p(query.campaignId)}`);
  if (query.duplicate !== undefined) {
    clauses.push(query.duplicate ? 'l.duplicate_of_id IS NOT NULL' : 'l.duplicate_of_id IS NULL');
  }
  if (query.duplicateState) clauses.push(DUPLICATE_STATE_CLAUSES[query.duplicateState]);
  if (query.needsReview !== undefined) clauses.push(`l.needs_review = ${p(query.needsReview)}`);
  if (query.from) clauses.push(`l.received_at >= ${p(query.from)}`);
  if (query.to) clauses.push(`l.received_at <= ${p(query.to)}`);

  for (const c of query.fieldConditions ?? []) {
    clauses.push(
      'contains' in c
        ? `l.custom_fields @> ${p(JSON.stringify(c.contains))}::jsonb`
        : `lower(l.custom_fields->>${p(c.key)}) = lower(${p(c.textEquals)})`,
    );
  }

  const base = clauses.join(' AND ');
  const search = query.q?.trim();
  if (!search) return { where: base, params };
  const baseParams = params.length;
  const clause = searchClause(search, p);
  return { where: `${base} AND ${clause}`, params, search: { clause, base, baseParams } };
}

/**
 * Case-insensitive substring search. A phone-looking query ("+1 (555) 123", "555-1234") matches on digits alone,
 * so the formatting of the stored number does not matter; otherwise every word must appear in the name or email.
 */
function searchClause(search: string, p: (value: unknown) => string): string {
  const digits = search.replace(/\D/g, '');
  if (PHONE_LIKE.test(search) && digits.length >= MIN_PHONE_DIGITS) {
    const digitsLike = p(`%${digits}%`);
    const textLike = p(likePattern(search));
    return `(${PHONE_DIGITS_EXPR} LIKE ${digitsLike} OR l.phone_e164 LIKE ${digitsLike} OR ${NAME_EXPR} ILIKE ${textLike} OR l.email ILIKE ${textLike})`;
  }
  const terms = search.split(/\s+/).slice(0, 8);
  const perTerm = terms.map((term) => {
    const like = p(likePattern(term));
    return `(${NAME_EXPR} ILIKE ${like} OR l.email ILIKE ${like})`;
  });
  return `(${perTerm.join(' AND ')})`;
}

/** `%term%` with LIKE's wildcards escaped, so "50%" or "a_b" are searched literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
