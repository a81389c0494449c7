import { passwordProblem, PASSWORD_MAX_LENGTH } from './password-policy';

describe(passwordProblem.name, () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12/);
  });

  it('counts characters, not UTF-16 units, so 11 emoji are still too short', () => {
    expect(passwordProblem('🔑'.repeat(6) + 'abcde')).toMatch(/at least 12/);
  });

  it('refuses passwords longer than the maximum', () => {
    expect(passwordProblem('ab1-'.repeat(PASSWORD_MAX_LENGTH))).toMatch(/at most/);
  });

  it('refuses the email address as password, whatever the case', () => {
    expect(passwordProblem('Ops.Team@Example.com', 'ops.team@example.com')).toMatch(/email/);
  });

  it('refuses a repeated character', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/repeated/);
  });
});
