/**
 * SQL for the ISO 8601 UTC text of a timestamptz column, exactly as JavaScript's `toISOString()` writes it
 * (milliseconds, truncated as `new Date()` truncates PostgreSQL's microseconds). Reading it as text saves the driver
 * parsing each value into a Date only for the mapper to format it back.
 */
export const isoTimestampSql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
