import { humanizeKey, inSentence } from './humanize';

describe('humanizeKey', () => {
  it.each([
    ['dateOfBirth', 'Date of birth'],
    ['unknown_page', 'Unknown page'],
    ['FULL_NAME', 'Full name'],
    ['api_key.created', 'API key created'],
    ['tcpa_consent', 'TCPA consent'],
    ['vehicle-type', 'Vehicle type'],
    ['stored', 'Stored'],
  ])('words %s as "%s"', (key, words) => {
    expect(humanizeKey(key)).toBe(words);
  });

  it('leaves a key without words as it is', () => {
    expect(humanizeKey('__')).toBe('__');
  });
});

describe('inSentence', () => {
  it('lowers the first letter of a label, but not of an acronym', () => {
    expect(inSentence('Date of birth')).toBe('date of birth');
    expect(inSentence('ZIP code')).toBe('ZIP code');
  });
});
