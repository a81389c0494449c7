import { LeadAnswerViewDto, LeadDetailDto, LeadSummaryDto } from '@legeai/contracts';

/**
 * Contact details shown to someone without the contact details permission: enough to tell two leads apart (first
 * letter and domain of an email, last two digits of a phone), not enough to reach the person.
 */
const HIDDEN = '•••';

export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at <= 0) return HIDDEN;
  return `${email[0]}${HIDDEN}${email.slice(at)}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 6 ? `${HIDDEN}${digits.slice(-2)}` : HIDDEN;
}

const hide = (value: string | null): string | null => (value ? HIDDEN : value);

/** Meta question types (and the usual keys of forms not known here) that carry contact details. */
const CONTACT_TYPES = new Set(['EMAIL', 'WORK_EMAIL', 'PHONE', 'WORK_PHONE_NUMBER', 'STREET_ADDRESS', 'DOB', 'DATE_OF_BIRTH']);
const CONTACT_KEYS = /^(e-?mail|work_email|phone(_number)?|work_phone_number|mobile(_phone)?|street_address|address|date_of_birth|dob)$/i;

function isContactAnswer(answer: LeadAnswerViewDto): boolean {
  return answer.type ? CONTACT_TYPES.has(answer.type) : CONTACT_KEYS.test(answer.key);
}

function maskAnswer(answer: LeadAnswerViewDto): LeadAnswerViewDto {
  if (!isContactAnswer(answer)) return answer;
  const kind = (answer.type ?? answer.key).toUpperCase();
  const mask = kind.includes('MAIL') ? maskEmail : kind.includes('PHONE') || kind.includes('MOBILE') ? maskPhone : hide;
  return { ...answer, values: answer.values.map((v) => mask(v) ?? '') };
}

export function maskSummary<T extends LeadSummaryDto>(lead: T): T {
  return { ...lead, email: maskEmail(lead.email), phone: maskPhone(lead.phone), phoneE164: maskPhone(lead.phoneE164) };
}

export function maskDetail(lead: LeadDetailDto): LeadDetailDto {
  const answers = lead.answers.map(maskAnswer);
  const masked = new Map(answers.map((a) => [a.key, a.values]));
  return {
    ...maskSummary(lead),
    emailNormalized: maskEmail(lead.emailNormalized),
    streetAddress: hide(lead.streetAddress),
    dateOfBirth: hide(lead.dateOfBirth),
    answers,
    rawAnswers: lead.rawAnswers.map((a) => ({ name: a.name, values: masked.get(a.name) ?? a.values })),
    contactMasked: true,
  };
}
