import { InsightRowDto } from '@legeai/contracts';
import { Fmt } from './insight-kpis';

/** A share of the stored leads ("50%"), or "No value" when the campaign has none (a null rate). */
export function rate(value: number | null, opts: Fmt = {}): string {
  if (value === null) return 'No value';
  return new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** The campaign table's lead quality cell: qualified rate, then won rate, of the campaign's stored leads. */
export function leadQuality(row: InsightRowDto, opts: Fmt = {}): { qualified: string; won: string } {
  return { qualified: rate(row.metrics.qualifiedRate, opts), won: rate(row.metrics.wonRate, opts) };
}

/**
 * What the Conversions API told Meta about the campaign's leads: "4 of 5 accepted", "None sent" when nothing went
 * (sending off, or no stage change yet), "No value" where the row carries no events (not a campaign row).
 */
export function conversionsSent(row: InsightRowDto, opts: Fmt = {}): string {
  const c = row.conversions;
  if (!c) return 'No value';
  if (c.sent === 0) return 'None sent';
  const n = new Intl.NumberFormat(opts.locale);
  return `${n.format(c.accepted)} of ${n.format(c.sent)} accepted`;
}
