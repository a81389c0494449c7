import { LeadAnswerViewDto, LeadConsentViewDto } from '@legeai/contracts';
import type { LeadFormFacts } from '../meta-assets';
import type { ConsentResponse, LeadAnswer } from './entities/lead.entity';

/**
 * The answers as the person saw the form: in the form's question order, under its own labels (in the form's
 * language). Answers to questions the form no longer lists, or of a form not known here, follow under their key.
 */
export function answersView(answers: readonly LeadAnswer[], form: LeadFormFacts | null | undefined): LeadAnswerViewDto[] {
  const questions = form?.questions ?? [];
  const byKey = new Map(answers.map((a) => [a.name, a]));
  const shown = new Set<string>();
  const view: LeadAnswerViewDto[] = [];
  for (const question of questions) {
    const answer = byKey.get(question.key);
    if (!answer || shown.has(question.key)) continue;
    shown.add(question.key);
    view.push({ key: question.key, label: question.label, type: question.type, values: [...answer.values] });
  }
  for (const answer of answers) {
    if (shown.has(answer.name)) continue;
    shown.add(answer.name);
    view.push({ key: answer.name, label: null, type: null, values: [...answer.values] });
  }
  return view;
}

/**
 * What the person agreed to and when: the form's disclaimer and privacy policy, and each checkbox with its text and
 * whether it was ticked. Null when the lead answered no checkbox and its form has no known legal content.
 */
export function consentView(
  responses: readonly ConsentResponse[],
  form: LeadFormFacts | null | undefined,
  receivedAt: Date,
): LeadConsentViewDto | null {
  const legal = form?.legalContent ?? null;
  if (responses.length === 0 && !legal) return null;
  const boxes = new Map((legal?.checkboxes ?? []).map((box) => [box.key, box]));
  const answered = new Set(responses.map((r) => r.checkboxKey));
  const checkboxes = responses.map((r) => ({
    key: r.checkboxKey,
    text: boxes.get(r.checkboxKey)?.text ?? null,
    isRequired: boxes.get(r.checkboxKey)?.isRequired ?? null,
    isChecked: r.isChecked,
  }));
  // Checkboxes Meta did not report are unchecked: it sends responses for the boxes of the form it showed.
  for (const box of legal?.checkboxes ?? []) {
    if (!answered.has(box.key)) checkboxes.push({ key: box.key, text: box.text, isRequired: box.isRequired, isChecked: false });
  }
  return {
    agreedAt: receivedAt.toISOString(),
    disclaimerTitle: legal?.disclaimerTitle ?? null,
    disclaimerBody: legal?.disclaimerBody ?? null,
    checkboxes,
    privacyPolicyUrl: legal?.privacyPolicyUrl ?? null,
    privacyPolicyLinkText: legal?.privacyPolicyLinkText ?? null,
  };
}
