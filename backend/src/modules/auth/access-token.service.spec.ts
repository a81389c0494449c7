import { JwtService } from '@nestjs/jwt';
import { Role } from '@legeai/contracts';
import { createHmac, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AuthConfig } from '../../config/auth.config';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AccessTokenService } from './access-token.service';
import type { SessionsService } from '../sessions';

const SECRET = 'unit-test-jwt-secret-0123456789abcdef0123';
const TTL = 900;

describe(AccessTokenService.name, () => {
  const userId = randomUUID();
  const sessionId = randomUUID();
  const organisationId = randomUUID();
  // The session is live: every refusal below comes from the token itself.
  const sessions = {
    liveSession: async () => ({ userId, organisationId, role: Role.Admin, platformAdmin: false }),
  } as unknown as SessionsService;
  const sut = new AccessTokenService(new JwtService({ secret: SECRET }), sessions, { accessTtlSeconds: TTL } as AuthConfig);

  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    sub: userId,
    org: organisationId,
    role: Role.Admin,
    sid: sessionId,
    typ: 'access',
    iat: now(),
    exp: now() + TTL,
  });
  /** A token signed with the real secret, as an attacker holding it (or a bug elsewhere) could mint one. */
  const forge = (payload: object, options: jwt.SignOptions = {}) =>
    jwt.sign(payload, SECRET, { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, ...options });
  /** Signed by hand, for payloads jsonwebtoken refuses to sign. */
  const handSigned = (payload: object) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, ...payload })}`;
    return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
  };
  const without = (key: string) => {
    const { [key]: _dropped, ...rest } = claims() as Record<string, unknown>;
    return rest;
  };

  it('accepts the tokens it issues, which carry issuer, audience, iat and exp', async () => {
    const issued = await sut.issue({ userId, organisationId, role: Role.Admin, sessionId });
    const decoded = jwt.decode(issued.token, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload).toMatchObject({
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    await expect(sut.authenticate(issued.token)).resolves.toMatchObject({ kind: 'user', id: userId, sessionId });
  });

  it('accepts a well-formed forgery, so the refusals below test one claim each', async () => {
    await expect(sut.authenticate(forge(claims()))).resolves.not.toBeNull();
    await expect(sut.authenticate(handSigned(claims()))).resolves.not.toBeNull();
  });

  it.each([
    ['no exp', () => forge(without('exp'))],
    ['no iat', () => forge(without('iat'), { noTimestamp: true })],
    ['iat not a number', () => handSigned({ ...claims(), iat: String(now()) })],
    ['a lifetime longer than the access TTL', () => forge({ ...claims(), exp: now() + TTL + 3600 })],
    ['an iat in the future', () => forge({ ...claims(), iat: now() + 3600, exp: now() + 3600 + TTL })],
    ['an expired exp', () => forge({ ...claims(), iat: now() - 2 * TTL, exp: now() - TTL })],
    ['no issuer', () => jwt.sign(claims(), SECRET, { algorithm: 'HS256', audience: ACCESS_TOKEN_AUDIENCE })],
    ['another issuer', () => forge(claims(), { issuer: 'someone-else' })],
    ['no audience', () => jwt.sign(claims(), SECRET, { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER })],
    ['another audience', () => forge(claims(), { audience: 'another-app' })],
    ['alg HS512', () => forge(claims(), { algorithm: 'HS512' })],
    ['alg none', () => forge(claims(), { algorithm: 'none' })],
    ['typ refresh', () => forge({ ...claims(), typ: 'refresh' })],
    ['no typ', () => forge(without('typ'))],
    ['a sub that is not a user id', () => forge({ ...claims(), sub: 'admin' })],
  ])('refuses a token with %s', async (_case, token) => {
    await expect(sut.authenticate(token())).resolves.toBeNull();
  });
});
