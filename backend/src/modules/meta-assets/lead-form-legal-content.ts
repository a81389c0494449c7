/**
 * A lead form's legal content as stored here: the custom disclaimer (title, body, consent checkboxes) and the
 * privacy policy link the person saw above the submit button
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create). A published form cannot be edited at
 * Meta (changes make a new form), so the content read at sync time is the content every lead of the form agreed to.
 */
export interface LeadFormLegalContent {
  disclaimerTitle: string | null;
  disclaimerBody: string | null;
  checkboxes: { key: string; text: string | null; isRequired: boolean; isCheckedByDefault: boolean }[];
  privacyPolicyUrl: string | null;
  privacyPolicyLinkText: string | null;
}

/** The Graph `fields` that read it: nested objects answer only their id unless their fields are named. */
export const LEGAL_CONTENT_FIELDS =
  'privacy_policy_url,legal_content{custom_disclaimer{title,body{text},checkboxes{key,text,is_required,is_checked_by_default}},privacy_policy{url,link_text}}';

export interface GraphLegalContentFields {
  privacy_policy_url?: string;
  legal_content?: {
    custom_disclaimer?: {
      title?: string;
      body?: { text?: string } | string;
      checkboxes?: { key?: string; text?: string; is_required?: boolean; is_checked_by_default?: boolean }[];
    };
    privacy_policy?: { url?: string; link_text?: string };
  };
}

/** Meta's shape to ours; null when the form carries neither a disclaimer nor a privacy policy. */
export function toLegalContent(form: GraphLegalContentFields): LeadFormLegalContent | null {
  const disclaimer = form.legal_content?.custom_disclaimer;
  const policy = form.legal_content?.privacy_policy;
  const body = typeof disclaimer?.body === 'string' ? disclaimer.body : disclaimer?.body?.text;
  const content: LeadFormLegalContent = {
    disclaimerTitle: text(disclaimer?.title),
    disclaimerBody: text(body),
    checkboxes: (disclaimer?.checkboxes ?? [])
      .filter((box) => typeof box.key === 'string' && box.key !== '')
      .map((box) => ({
        key: box.key!,
        text: text(box.text),
        isRequired: box.is_required === true,
        isCheckedByDefault: box.is_checked_by_default === true,
      })),
    privacyPolicyUrl: text(policy?.url) ?? text(form.privacy_policy_url),
    privacyPolicyLinkText: text(policy?.link_text),
  };
  const empty = !content.disclaimerTitle && !content.disclaimerBody && content.checkboxes.length === 0 && !content.privacyPolicyUrl;
  return empty ? null : content;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
