import type { Rng } from '../core/rng';
import type { World } from '../world/world';
import type { AdRef, LeadFormRecord, LeadRecord, QuestionRecord } from '../world/types';
import { adCandidates, formHasPlannedAds } from './lead-attribution';
import { makePerson, Person } from './lead-people';

const FREE_TEXT: Record<string, string[]> = {
  EN: ['GEICO', 'State Farm', 'Progressive', 'None right now', 'Allstate – renewal next month'],
  ES: ['Por la tarde, por favor', 'Llamar después de las 6'],
  JA: ['子供が生まれたので保障を見直したいです。', '住宅ローンに合わせて検討中です。', '平日の夜に連絡をお願いします。'],
};

function answer(question: QuestionRecord, person: Person, rng: Rng, language: string): string[] {
  switch (question.type) {
    case 'FULL_NAME':
      return [person.fullName];
    case 'FIRST_NAME':
      return [person.firstName];
    case 'LAST_NAME':
      return [person.lastName];
    case 'EMAIL':
      return [person.email];
    case 'PHONE':
      return [person.phone];
    case 'ZIP':
      return [person.zip];
    case 'CITY':
      return [person.city];
    case 'STATE':
      return [person.state];
    case 'STREET_ADDRESS':
      return [person.street];
    case 'DOB':
      return [person.dateOfBirth];
  }
  if (question.options && question.options.length > 0) {
    // Answers carry the option text the person saw; whether Meta sends the option's key or its text is not documented
    // (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving).
    if (question.multiSelect) {
      const chosen = rng.sample(question.options, rng.int(1, question.options.length));
      return chosen.map((option) => option.value);
    }
    return [rng.pick(question.options).value];
  }
  return [rng.pick(FREE_TEXT[language] ?? FREE_TEXT['EN'])];
}

/** A believable lead for a form: answers to every question, consent checkboxes, organic or from an ad. */
export function generateLead(
  world: World,
  form: LeadFormRecord,
  rng: Rng,
  options: { createdTime: number; organic?: boolean; platform?: 'fb' | 'ig'; submittedBy?: string },
): LeadRecord {
  const language = form.locale.slice(0, 2);
  const person = makePerson(rng, form.locale);
  // One draw for organic-or-not and one for the ad, whatever the candidates: the same seed keeps giving the same
  // people, answers and lead ids when campaigns change.
  const candidates = options.organic === true ? [] : adCandidates(world, form, options.createdTime);
  const hasAds = formHasPlannedAds(form) || candidates.length > 0;
  const organicDraw = options.organic ?? (!hasAds || rng.chance(0.25));
  let ad: AdRef | undefined;
  if (!organicDraw) {
    const pick = rng.next();
    ad = candidates.length > 0 ? candidates[Math.floor(pick * candidates.length)] : undefined;
  }
  // Nothing delivering for this form (campaigns paused, ads in review): the person found the form organically.
  const organic = ad === undefined;
  return {
    id: world.ids.next('lead'),
    formId: form.id,
    pageId: form.pageId,
    createdTime: options.createdTime,
    fieldData: form.questions.map((question) => ({ name: question.key, values: answer(question, person, rng, language) })),
    disclaimerResponses: (form.disclaimer?.checkboxes ?? []).map((box) => ({
      checkbox_key: box.key,
      // Required boxes are always ticked (the form cannot be sent otherwise); "1" / "" as Meta sends them.
      is_checked: box.isRequired || rng.chance(0.4) ? '1' : '',
    })),
    isOrganic: organic,
    platform: options.platform ?? (rng.chance(0.3) ? 'ig' : 'fb'),
    ad,
    isTest: false,
    ...(options.submittedBy ? { submittedBy: options.submittedBy } : {}),
  };
}

/**
 * Meta's test leads (the Lead Ads Testing Tool and `POST /{form-id}/test_leads`) fill every question the caller
 * did not answer with a placeholder.
 */
export function testLead(
  world: World,
  form: LeadFormRecord,
  createdTime: number,
  given: { name: string; values: string[] }[],
  disclaimers: { checkbox_key: string; is_checked: string }[] | undefined,
  submittedBy?: string,
): LeadRecord {
  return {
    id: world.ids.next('lead'),
    formId: form.id,
    pageId: form.pageId,
    createdTime,
    fieldData: form.questions.map(
      (question) =>
        given.find((field) => field.name === question.key) ?? {
          name: question.key,
          values: [`test lead: dummy data for ${question.key}`],
        },
    ),
    disclaimerResponses: disclaimers ?? (form.disclaimer?.checkboxes ?? []).map((box) => ({ checkbox_key: box.key, is_checked: '1' })),
    isOrganic: true,
    platform: 'fb',
    isTest: true,
    ...(submittedBy ? { submittedBy } : {}),
  };
}

export function storeLead(world: World, lead: LeadRecord): void {
  world.leads.set(lead.id, lead);
  world.register(lead.id, 'Lead');
}
