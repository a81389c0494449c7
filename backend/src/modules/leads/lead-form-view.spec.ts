import type { LeadFormFacts } from '../meta-assets';
import { answersView, consentView } from './lead-form-view';

const spanish: LeadFormFacts = {
  formId: 'F',
  name: 'Cotización',
  locale: 'ES_LA',
  questions: [
    { key: 'full_name', label: 'Nombre completo', type: 'FULL_NAME' },
    { key: 'mejor_horario', label: '¿Cuándo prefiere que lo llamemos?', type: 'CUSTOM' },
  ],
  legalContent: {
    disclaimerTitle: 'Consentimiento',
    disclaimerBody: 'Usaremos sus respuestas.',
    checkboxes: [
      { key: 'tcpa', text: 'Acepto que me contacten', isRequired: true, isCheckedByDefault: false },
      { key: 'news', text: 'Ofertas', isRequired: false, isCheckedByDefault: false },
    ],
    privacyPolicyUrl: 'https://a.example/privacy',
    privacyPolicyLinkText: 'Privacidad',
  },
};

describe('the lead as its form showed it', () => {
  it("orders answers as the form does, under its labels, and keeps answers the form doesn't list under their key", () => {
    const view = answersView(
      [
        { name: 'extra', values: ['x'] },
        { name: 'mejor_horario', values: ['Tarde'] },
        { name: 'full_name', values: ['Ana'] },
      ],
      spanish,
    );
    expect(view).toEqual([
      { key: 'full_name', label: 'Nombre completo', type: 'FULL_NAME', values: ['Ana'] },
      { key: 'mejor_horario', label: '¿Cuándo prefiere que lo llamemos?', type: 'CUSTOM', values: ['Tarde'] },
      { key: 'extra', label: null, type: null, values: ['x'] },
    ]);
    expect(answersView([{ name: 'q', values: [] }], undefined)).toEqual([{ key: 'q', label: null, type: null, values: [] }]);
  });

  it('shows the consent text next to each answered checkbox, the unreported ones unchecked, and when it was given', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(consentView([{ checkboxKey: 'tcpa', isChecked: true }], spanish, at)).toEqual({
      agreedAt: '2026-03-01T10:00:00.000Z',
      disclaimerTitle: 'Consentimiento',
      disclaimerBody: 'Usaremos sus respuestas.',
      checkboxes: [
        { key: 'tcpa', text: 'Acepto que me contacten', isRequired: true, isChecked: true },
        { key: 'news', text: 'Ofertas', isRequired: false, isChecked: false },
      ],
      privacyPolicyUrl: 'https://a.example/privacy',
      privacyPolicyLinkText: 'Privacidad',
    });
  });

  it('is null without consent responses or legal content, and keeps keys when the form is unknown', () => {
    expect(consentView([], undefined, new Date())).toBeNull();
    expect(consentView([{ checkboxKey: 'tos', isChecked: true }], undefined, new Date())?.checkboxes).toEqual([
      { key: 'tos', text: null, isRequired: null, isChecked: true },
    ]);
  });
});
