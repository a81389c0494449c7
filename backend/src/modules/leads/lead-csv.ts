import { LeadSummaryDto } from '@legeai/contracts';
import { stringify } from 'csv-stringify/sync';

/** Columns of the export, in order: header label and how to read the cell from a leads-table row. */
export const LEAD_CSV_COLUMNS: readonly { header: string; cell: (lead: LeadSummaryDto) => string | null }[] = [
  { header: 'id', cell: (l) => l.id },
  { header: 'received_at', cell: (l) => l.receivedAt },
  { header: 'status', cell: (l) => l.status },
  { header: 'full_name', cell: (l) => l.fullName },
  { header: 'email', cell: (l) => l.email },
  { header: 'phone', cell: (l) => l.phone },
  { header: 'phone_e164', cell: (l) => l.phoneE164 },
  { header: 'source', cell: (l) => l.source },
  { header: 'form_id', cell: (l) => l.formId },
  { header: 'form_name', cell: (l) => l.formName },
  { header: 'campaign_id', cell: (l) => l.campaignId },
  { header: 'campaign_name', cell: (l) => l.campaignName },
  { header: 'is_organic', cell: (l) => String(l.isOrganic) },
  { header: 'is_test', cell: (l) => String(l.isTest) },
  { header: 'duplicate_of_id', cell: (l) => l.duplicateOfId },
  { header: 'duplicate_rule', cell: (l) => l.duplicateRule },
  { header: 'needs_review', cell: (l) => String(l.needsReview) },
  { header: 'premium_value', cell: (l) => l.premiumValue },
  { header: 'premium_currency', cell: (l) => l.premiumCurrency },
];

/**
 * RFC 4180 output (CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled). Cells a
 * spreadsheet would run as a formula (leading = + - @, tab or CR; OWASP "CSV injection") get a leading apostrophe,
 * since names and answers are typed by strangers on Facebook.
 */
// csv-stringify quotes only on the record delimiter itself (CRLF here); a bare LF or CR in an answer must be quoted too.
const OPTIONS = { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ } as const;

/** The header line. A UTF-8 byte order mark goes first so Excel reads non-Latin names correctly. */
export function leadCsvHeader(): string {
  return '\uFEFF' + stringify([LEAD_CSV_COLUMNS.map((c) => c.header)], OPTIONS);
}

export function leadCsvRows(leads: readonly LeadSummaryDto[]): string {
  if (leads.length === 0) return '';
  return stringify(
    leads.map((lead) => LEAD_CSV_COLUMNS.map((c) => c.cell(lead) ?? '')),
    OPTIONS,
  );
}
