import { getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { phoneCountry } from './contact-normalizer';
import { FormQuestion } from './form-question';
import { defaultTarget } from './standard-fields';

/**
 * Made-up answers to a form's questions, for previewing a mapping before the form has any lead: standard questions
 * get a plausible value of their kind, choices their first option, free text a placeholder.
 */
export function exampleAnswers(questions: FormQuestion[], defaultCountry: string): { name: string; values: string[] }[] {
  const country = phoneCountry(defaultCountry) ?? 'US';
  const phone = getExampleNumber(country, examples)?.formatNational() ?? '(201) 555-0142';
  const sample: Record<string, string> = {
    fullName: 'Alex Example',
    firstName: 'Alex',
    lastName: 'Example',
    email: 'alex.example@example.com',
    phone,
    streetAddress: '1 Example Street',
    city: 'Springfield',
    state: 'NJ',
    zipCode: '07081',
    country,
    dateOfBirth: '04/23/1985',
  };
  return questions.map((question) => {
    const standard = defaultTarget(question.key, question.type);
    const value =
      (standard && sample[standard.field]) ?? question.options[0]?.value ?? `Example answer to "${question.label ?? question.key}"`;
    return { name: question.key, values: [value] };
  });
}
