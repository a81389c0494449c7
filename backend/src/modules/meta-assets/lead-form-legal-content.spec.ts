import { toLegalContent } from './lead-form-legal-content';

describe('toLegalContent', () => {
  it('keeps the disclaimer, its checkboxes and the privacy policy', () => {
    expect(
      toLegalContent({
        privacy_policy_url: 'https://old.example/privacy',
        legal_content: {
          custom_disclaimer: {
            title: 'Consent to contact',
            body: { text: 'We will call you.' },
            checkboxes: [
              { key: 'tcpa', text: 'I agree to be called', is_required: true, is_checked_by_default: false },
              { text: 'no key' },
            ],
          },
          privacy_policy: { url: 'https://agency.example/privacy', link_text: 'Privacy' },
        },
      }),
    ).toEqual({
      disclaimerTitle: 'Consent to contact',
      disclaimerBody: 'We will call you.',
      checkboxes: [{ key: 'tcpa', text: 'I agree to be called', isRequired: true, isCheckedByDefault: false }],
      privacyPolicyUrl: 'https://agency.example/privacy',
      privacyPolicyLinkText: 'Privacy',
    });
  });

  it('falls back to privacy_policy_url, and is null when the form has nothing', () => {
    expect(toLegalContent({ privacy_policy_url: 'https://a.example/p' })?.privacyPolicyUrl).toBe('https://a.example/p');
    expect(toLegalContent({})).toBeNull();
    expect(toLegalContent({ legal_content: { custom_disclaimer: { title: ' ' } } })).toBeNull();
  });
});
