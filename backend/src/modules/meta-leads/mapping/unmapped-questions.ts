import type { MetaLeadForm } from '../../meta-assets';
import { readFormMapping, unmappedQuestionKeys } from './effective-mapping';
import { readFormQuestions } from './form-question';

/**
 * A stored form's questions that neither its mapping nor the standard defaults cover, read from its jsonb columns.
 * The mapping endpoint and the forms list both use this, so the list's count always matches the mapping editor.
 */
export function unmappedQuestionsOf(form: Pick<MetaLeadForm, 'questions' | 'mapping'>): string[] {
  return unmappedQuestionKeys(readFormQuestions(form.questions), readFormMapping(form.mapping));
}
