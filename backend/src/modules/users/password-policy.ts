/** Length bounds for console passwords. The upper bound keeps one hash cheap enough to not be a DoS lever. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Returns why a password is unacceptable, or null when it is fine. Length is what matters most (NIST SP 800-63B);
 * composition rules are deliberately absent. A password equal to the email is refused because it is the first guess.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'password must not be the email address';
  }
  if (new Set(password).size < 4) return 'password must not be one or two characters repeated';
  return null;
}
