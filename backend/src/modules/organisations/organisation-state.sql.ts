/**
 * SQL text of `organisations` for statements of other modules that must leave suspended organisations out within
 * one statement (the scheduled runs' fan-outs, the lead pipeline's start); the text is this module's, so the table's
 * shape stays its owner's concern.
 */

/** True while the organisation of `organisationIdSql` is suspended. */
export function organisationSuspendedSql(organisationIdSql: string): string {
  return `EXISTS (SELECT 1 FROM organisations o WHERE o.id = ${organisationIdSql} AND o.suspended_at IS NOT NULL)`;
}
