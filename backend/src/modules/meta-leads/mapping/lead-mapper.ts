import { LeadFieldValue, LeadSource } from '@legeai/contracts';
import { coerceAnswer, type ConsentResponse, type FieldShape, type Lead, type LeadAnswer } from '../../leads';
import type { GraphLead } from '../graph/graph-lead';
import { parseGraphTime } from '../graph/graph-time';
import { joinName, normalizeCountry, normalizeDateOfBirth, parseChecked, splitFullName } from './answer-values';
import { normalizeEmail, normalizePhone } from './contact-normalizer';
import { readFormMapping, resolveTarget } from './effective-mapping';
import { customFieldKey, FormMapping } from './form-mapping';
import { FormQuestion, readFormQuestions } from './form-question';
import { LEAD_FIELD_MAX_LENGTH, LeadField } from './lead-field';

export interface LeadFormInput {
  /** Meta's form id. */
  formId: string;
  /** Meta's page id. */
  pageId: string;
  /** The form's `questions` jsonb, as stored. */
  questions: unknown[];
  mapping: FormMapping | null;
  /** The organisation's custom fields that are not archived: the `custom:<key>` targets answers can fill. */
  customFields?: readonly FieldShape[];
}

export interface MappedLead {
  /** Contact fields, normalised email and phone, answers, consent, attribution, review flags and `receivedAt`. */
  lead: Partial<Lead>;
  /** Custom field values, typed (also on `lead.customFields`). */
  customFields: Record<string, LeadFieldValue>;
  missingRequired: LeadField[];
  /** Answered or asked questions that neither the form's mapping nor the defaults cover. */
  unmappedQuestions: string[];
}

const MAX_LENGTH = LEAD_FIELD_MAX_LENGTH;

/** Meta's Lead Ads Testing Tool and `POST /{form-id}/test_leads` fill unanswered questions with this placeholder. */
const TEST_LEAD_VALUE = /^<?test lead: dummy data for /i;

const clip = (value: string | null | undefined, max: number): string | null => (value ? Array.from(value).slice(0, max).join('') : null);

/**
 * Turns a Graph lead into the columns of a LEGEAI lead: answers through the form's mapping (or Meta's standard
 * defaults), per-form default values, normalised email and phone, consent, attribution. Pure: no I/O, no clock.
 * A lead that lacks a required field or has an unusable email, phone or date of birth is flagged for review,
 * never dropped; every raw answer is kept as received.
 */
export function mapGraphLead(graphLead: GraphLead, form: LeadFormInput, opts: { defaultCountry: string }): MappedLead {
  const questions = readFormQuestions(form.questions);
  const mapping = readFormMapping(form.mapping);
  const rawAnswers = readAnswers(graphLead.field_data);
  const { values, unmapped, custom } = collectFieldValues(rawAnswers, questions, mapping);

  for (const [field, value] of Object.entries(mapping?.defaults ?? {}) as [LeadField, string][]) {
    if (!values.has(field)) values.set(field, value.trim());
  }
  completeNames(values);

  const notes: string[] = [];
  const countryAnswer = values.get('country') ?? null;
  const country = normalizeCountry(countryAnswer);
  const email = clip(values.get('email'), MAX_LENGTH.email);
  const emailNormalized = normalizeEmail(email);
  if (email && !emailNormalized) notes.push(`email "${email}" is not a valid address`);
  const phone = clip(values.get('phone'), MAX_LENGTH.phone);
  const phoneE164 = normalizePhone(phone, country ?? opts.defaultCountry);
  if (phone && !phoneE164) notes.push(`phone "${phone}" could not be read as a valid number (kept as given)`);
  const dobAnswer = values.get('dateOfBirth') ?? null;
  const dateOfBirth = normalizeDateOfBirth(dobAnswer);
  if (dobAnswer && !dateOfBirth) notes.push(`date of birth "${dobAnswer}" is not a valid date`);
  const customFields = customFieldValues(custom, form.customFields ?? [], notes);

  const lead: Partial<Lead> = {
    fullName: clip(values.get('fullName'), MAX_LENGTH.fullName),
    firstName: clip(values.get('firstName'), MAX_LENGTH.firstName),
    lastName: clip(values.get('lastName'), MAX_LENGTH.lastName),
    email,
    emailNormalized,
    phone,
    phoneE164,
    streetAddress: clip(values.get('streetAddress'), MAX_LENGTH.streetAddress),
    city: clip(values.get('city'), MAX_LENGTH.city),
    state: clip(values.get('state'), MAX_LENGTH.state),
    zipCode: clip(values.get('zipCode'), MAX_LENGTH.zipCode),
    country,
    dateOfBirth,
    productInterest: clip(values.get('productInterest'), MAX_LENGTH.productInterest),
    customFields,
    rawAnswers,
    consentResponses: readConsent(graphLead.custom_disclaimer_responses),
    ...attribution(graphLead, form),
    isTest: rawAnswers.some((answer) => answer.values.some((value) => TEST_LEAD_VALUE.test(value))),
    source: LeadSource.MetaLeadAds,
  };
  const receivedAt = parseGraphTime(graphLead.created_time);
  if (receivedAt) lead.receivedAt = receivedAt;

  const missingRequired = (mapping?.required ?? []).filter((field) => !lead[field]);
  if (missingRequired.length > 0) notes.unshift(`missing required ${missingRequired.join(', ')}`);
  lead.needsReview = notes.length > 0;
  lead.reviewReason = notes.length > 0 ? capitalise(notes.join('; ')) : null;

  const asked = questions.map((question) => question.key);
  const unmappedQuestions = [...new Set([...asked.filter((key) => unmapped.has(key)), ...unmapped])];
  return { lead, customFields, missingRequired, unmappedQuestions };
}

/** `field_data` kept whole (every value of a multi-select), values as strings, in Meta's order. */
function readAnswers(fieldData: GraphLead['field_data'] | undefined): LeadAnswer[] {
  return (fieldData ?? [])
    .filter((answer) => answer && typeof answer.name === 'string')
    .map((answer) => ({
      name: answer.name,
      values: (Array.isArray(answer.values) ? answer.values : []).map((value) => (value == null ? '' : String(value))),
    }));
}

/**
 * Each lead field's value from the answers. An explicit mapping or a primary default beats a fallback default
 * (`email` beats `work_email`); among equals the first answer wins. Multi-select answers fill a field with all
 * their values joined; the raw answer keeps them apart.
 */
function collectFieldValues(
  answers: LeadAnswer[],
  questions: FormQuestion[],
  mapping: FormMapping | null,
): { values: Map<LeadField, string>; unmapped: Set<string>; custom: CustomAnswer[] } {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const unmapped = new Set<string>();
  const candidates: { field: LeadField; strong: boolean; value: string }[] = [];
  const custom: CustomAnswer[] = [];
  for (const answer of answers) {
    const question = byKey.get(answer.name);
    const resolved = resolveTarget(answer.name, question, mapping);
    if (!resolved) {
      unmapped.add(answer.name);
      continue;
    }
    if (resolved.target === 'ignore') continue;
    const customKey = customFieldKey(resolved.target);
    if (customKey) {
      custom.push({ key: customKey, question: question?.label ?? answer.name, values: answer.values });
      continue;
    }
    const texts = answer.values.map((value) => value.trim()).filter(Boolean);
    if (texts.length === 0) continue;
    // A product is stored by its option key ("auto"), whichever of key or label Meta sent
    // (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving).
    const shown = resolved.target === 'productInterest' && question ? texts.map((text) => optionKey(question, text)) : texts;
    candidates.push({ field: resolved.target as LeadField, strong: resolved.origin !== 'fallback', value: shown.join(', ') });
  }
  for (const question of questions) if (!resolveTarget(question.key, question, mapping)) unmapped.add(question.key);

  const values = new Map<LeadField, string>();
  for (const candidate of [...candidates.filter((c) => c.strong), ...candidates.filter((c) => !c.strong)]) {
    if (!values.has(candidate.field)) values.set(candidate.field, candidate.value);
  }
  return { values, unmapped, custom };
}

/** An answer mapped to a custom field: the field's key, the question as the person saw it, the values as sent. */
interface CustomAnswer {
  key: string;
  question: string;
  values: string[];
}

/**
 * Custom field values from their answers, converted to each field's type (the first answer with a value wins). An
 * answer that does not fit leaves the field empty and adds a note for the reviewer; its raw answer stays on the lead.
 * A target whose field is unknown or archived is left alone, like 'ignore'.
 */
function customFieldValues(answers: CustomAnswer[], fields: readonly FieldShape[], notes: string[]): Record<string, LeadFieldValue> {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const values: Record<string, LeadFieldValue> = {};
  for (const answer of answers) {
    const field = byKey.get(answer.key);
    if (!field || Object.hasOwn(values, field.key)) continue;
    // Meta's test leads answer every question with a placeholder: nothing to convert, nothing to review.
    if (answer.values.some((value) => TEST_LEAD_VALUE.test(value))) continue;
    const coerced = coerceAnswer(field, answer.values);
    if (!coerced.ok) notes.push(`${field.label} left empty: ${coerced.problem} (the answer to "${answer.question}" is kept)`);
    else if (coerced.value !== null) values[field.key] = coerced.value;
  }
  return values;
}

const optionKey = (question: FormQuestion, text: string): string =>
  question.options.find((option) => option.key === text || option.value === text)?.key ?? text;

/** Fills the full name from its halves, or the halves from the full name, when only one side was asked. */
function completeNames(values: Map<LeadField, string>): void {
  const full = values.get('fullName');
  const first = values.get('firstName');
  const last = values.get('lastName');
  if (full && !first && !last) {
    const split = splitFullName(full);
    if (split.firstName) values.set('firstName', split.firstName);
    if (split.lastName) values.set('lastName', split.lastName);
  } else if (!full && (first || last)) {
    const joined = joinName(first ?? null, last ?? null);
    if (joined) values.set('fullName', joined);
  }
}

function readConsent(responses: GraphLead['custom_disclaimer_responses']): ConsentResponse[] {
  if (!Array.isArray(responses)) return [];
  return responses
    .filter((response) => response && typeof response.checkbox_key === 'string')
    .map((response) => ({ checkboxKey: response.checkbox_key, isChecked: parseChecked(response.is_checked) }));
}

function attribution(graphLead: GraphLead, form: LeadFormInput): Partial<Lead> {
  const id = (value: string | undefined | null): string | null => clip(value ? String(value) : null, 100);
  const name = (value: string | undefined | null): string | null => clip(value ? String(value) : null, 255);
  return {
    pageId: id(form.pageId),
    formId: id(graphLead.form_id ?? form.formId),
    adId: id(graphLead.ad_id),
    adName: name(graphLead.ad_name),
    adsetId: id(graphLead.adset_id),
    adsetName: name(graphLead.adset_name),
    campaignId: id(graphLead.campaign_id),
    campaignName: name(graphLead.campaign_name),
    platform: clip(graphLead.platform ? String(graphLead.platform) : null, 20),
    // Meta says so when it can; without ads_management the ad fields are absent and no ad id means organic.
    isOrganic: typeof graphLead.is_organic === 'boolean' ? graphLead.is_organic : !graphLead.ad_id,
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
