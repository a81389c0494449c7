import type { LeadFormFacts } from '../meta-assets';
import { displayValue, type FieldShape } from './custom-fields/custom-field-values';
import type { AnswerKeysOfForm, LeadExportRow } from './lead-export-rows.query';

/** What a cell is read from besides the row: the forms' questions and legal content, the Pages' names. */
export interface ExportContext {
  forms: ReadonlyMap<string, LeadFormFacts>;
  pageNames: ReadonlyMap<string, string>;
}

export interface ExportColumn {
  header: string;
  cell: (row: LeadExportRow, ctx: ExportContext) => string;
}

const text = (value: string | null | undefined): string => value ?? '';
const yesNo = (value: boolean): string => (value ? 'true' : 'false');

/**
 * The fixed columns, in order. Stable snake_case names, so a program reading the CSV finds them; attribution by name
 * and id as Meta's lead carries them (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving).
 */
const FIXED: readonly ExportColumn[] = [
  { header: 'id', cell: (r) => r.id },
  { header: 'received_at', cell: (r) => r.receivedAt.toISOString() },
  { header: 'status', cell: (r) => r.status },
  { header: 'premium_value', cell: (r) => text(r.premiumValue) },
  { header: 'premium_currency', cell: (r) => text(r.premiumCurrency) },
  { header: 'full_name', cell: (r) => text(r.fullName) },
  { header: 'first_name', cell: (r) => text(r.firstName) },
  { header: 'last_name', cell: (r) => text(r.lastName) },
  { header: 'email', cell: (r) => text(r.email) },
  { header: 'phone', cell: (r) => text(r.phone) },
  { header: 'phone_e164', cell: (r) => text(r.phoneE164) },
  { header: 'street_address', cell: (r) => text(r.streetAddress) },
  { header: 'city', cell: (r) => text(r.city) },
  { header: 'state', cell: (r) => text(r.state) },
  { header: 'zip_code', cell: (r) => text(r.zipCode) },
  { header: 'country', cell: (r) => text(r.country) },
  { header: 'date_of_birth', cell: (r) => text(r.dateOfBirth) },
  { header: 'product_interest', cell: (r) => text(r.productInterest) },
  { header: 'source', cell: (r) => r.source },
  { header: 'platform', cell: (r) => text(r.platform) },
  { header: 'is_organic', cell: (r) => yesNo(r.isOrganic) },
  { header: 'is_test', cell: (r) => yesNo(r.isTest) },
  { header: 'page_id', cell: (r) => text(r.pageId) },
  { header: 'page_name', cell: (r, c) => (r.pageId ? text(c.pageNames.get(r.pageId)) : '') },
  { header: 'form_id', cell: (r) => text(r.formId) },
  { header: 'form_name', cell: (r, c) => (r.formId ? text(c.forms.get(r.formId)?.name) : '') },
  { header: 'campaign_id', cell: (r) => text(r.campaignId) },
  { header: 'campaign_name', cell: (r) => text(r.campaignName) },
  { header: 'adset_id', cell: (r) => text(r.adsetId) },
  { header: 'adset_name', cell: (r) => text(r.adsetName) },
  { header: 'ad_id', cell: (r) => text(r.adId) },
  { header: 'ad_name', cell: (r) => text(r.adName) },
  { header: 'meta_lead_id', cell: (r) => text(r.metaLeadId) },
  { header: 'duplicate_of_id', cell: (r) => text(r.duplicateOfId) },
  { header: 'duplicate_rule', cell: (r) => text(r.duplicateRule) },
  { header: 'needs_review', cell: (r) => yesNo(r.needsReview) },
  // Consent is given with the answers: its time is the form's submission time.
  { header: 'consent_at', cell: (r, c) => (hasConsent(r, c) ? r.receivedAt.toISOString() : '') },
  { header: 'consent_disclaimer', cell: (r, c) => disclaimer(r, c) },
  { header: 'consent_checkboxes', cell: (r, c) => checkboxes(r, c) },
  { header: 'privacy_policy_url', cell: (r, c) => (r.formId ? text(c.forms.get(r.formId)?.legalContent?.privacyPolicyUrl) : '') },
];

const legalOf = (r: LeadExportRow, c: ExportContext) => (r.formId ? (c.forms.get(r.formId)?.legalContent ?? null) : null);
const hasConsent = (r: LeadExportRow, c: ExportContext) => r.consentResponses.length > 0 || legalOf(r, c) !== null;

function disclaimer(r: LeadExportRow, c: ExportContext): string {
  const legal = legalOf(r, c);
  return [legal?.disclaimerTitle, legal?.disclaimerBody].filter(Boolean).join(': ');
}

/** "[x] I agree to be contacted… | [ ] Send me offers": each checkbox's own text, ticked or not. */
function checkboxes(r: LeadExportRow, c: ExportContext): string {
  const texts = new Map((legalOf(r, c)?.checkboxes ?? []).map((box) => [box.key, box.text]));
  return r.consentResponses.map((box) => `[${box.isChecked ? 'x' : ' '}] ${texts.get(box.checkboxKey) ?? box.checkboxKey}`).join(' | ');
}

/**
 * One column per custom field, in the organisation's order, under its label ("(archived)" after an archived one's);
 * choices by their option labels. A label that repeats an earlier column's name is marked "(field)".
 */
function customFieldColumns(fields: readonly (FieldShape & { archivedAt?: Date | null })[], taken: Set<string>): ExportColumn[] {
  return fields.map((field) => {
    let header = field.archivedAt ? `${field.label} (archived)` : field.label;
    if (taken.has(header.toLowerCase())) header = `${header} (field)`;
    taken.add(header.toLowerCase());
    return { header, cell: (row) => displayValue(field, row.customFields?.[field.key], '; ') ?? '' };
  });
}

/**
 * The export's columns: the fixed ones, then one per custom field, then one per question label, in the forms' own order (forms by name). The
 * same label on several forms is one column ("Email" is "Email"); an answer whose form is not known here goes under
 * its key. A label that repeats a fixed or custom field column's name is marked "(answer)".
 */
export function exportColumns(
  answerKeys: readonly AnswerKeysOfForm[],
  forms: ReadonlyMap<string, LeadFormFacts>,
  customFields: readonly (FieldShape & { archivedAt?: Date | null })[] = [],
): ExportColumn[] {
  const fixedNames = new Set(FIXED.map((c) => c.header.toLowerCase()));
  const custom = customFieldColumns(customFields, new Set(fixedNames));
  for (const column of custom) fixedNames.add(column.header.toLowerCase());
  const headers: string[] = [];
  const indexOfHeader = new Map<string, number>();
  const byFormAndKey = new Map<string, Map<string, number>>();
  const columnFor = (header: string): number => {
    const name = fixedNames.has(header.toLowerCase()) ? `${header} (answer)` : header;
    let index = indexOfHeader.get(name);
    if (index === undefined) {
      index = headers.length;
      headers.push(name);
      indexOfHeader.set(name, index);
    }
    return index;
  };
  const link = (formId: string | null, key: string, index: number) => {
    const formKey = formId ?? '';
    if (!byFormAndKey.has(formKey)) byFormAndKey.set(formKey, new Map());
    byFormAndKey.get(formKey)!.set(key, index);
  };

  const seenForms = [...new Set(answerKeys.map((a) => a.formId).filter((id): id is string => id !== null))];
  const knownForms = seenForms.map((id) => forms.get(id)).filter((f): f is LeadFormFacts => f !== undefined);
  knownForms.sort((a, b) => (a.name ?? a.formId).localeCompare(b.name ?? b.formId));
  for (const form of knownForms) {
    for (const question of form.questions) link(form.formId, question.key, columnFor(question.label ?? question.key));
  }
  for (const { formId, keys } of answerKeys) {
    for (const key of [...keys].sort()) {
      if (byFormAndKey.get(formId ?? '')?.has(key)) continue;
      const label = formId ? forms.get(formId)?.questions.find((q) => q.key === key)?.label : undefined;
      link(formId, key, columnFor(label ?? key));
    }
  }

  const answerColumns: ExportColumn[] = headers.map((header, index) => ({
    header,
    cell: (row) => {
      const keys = byFormAndKey.get(row.formId ?? '');
      return row.rawAnswers
        .filter((answer) => keys?.get(answer.name) === index)
        .flatMap((answer) => answer.values)
        .join('; ');
    },
  }));
  return [...FIXED, ...custom, ...answerColumns];
}
