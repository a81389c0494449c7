import { PasswordHasher } from './password-hasher.service';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher();

  it('produces an argon2id hash that verifies the same password only', async () => {
    const stored = await sut.hash('a long enough password');
    expect(stored).toMatch(/^\$argon2id\$/);
    await expect(sut.verify(stored, 'a long enough password')).resolves.toBe(true);
    await expect(sut.verify(stored, 'a long enough passwore')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    await expect(sut.verify('not-a-hash', 'whatever password')).resolves.toBe(false);
  });

  it('never accepts a password when there is no account', async () => {
    await expect(sut.verifyAgainstNothing('any password at all')).resolves.toBe(false);
  });
});
