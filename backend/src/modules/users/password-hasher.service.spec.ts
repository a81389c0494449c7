import { PasswordHasher } from './password-hasher.service';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher();

  it('produces an argon2id hash that verifies the same password only', async () => {
    const stored = await sut.hash('a long enough password');
    // Argon2id with the chosen cost (19 MiB, 2 passes, 1 lane), not whatever the library would default to.
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
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
