import { createHmac } from 'node:crypto';
import { parseSignedRequest, signRequest, SignedRequestError } from './signed-request';

const SECRET = 'app-secret-for-tests';
const SECRETS = { appSecret: SECRET };
const payload = { algorithm: 'HMAC-SHA256', issued_at: 1764400000, user_id: '10220000000000000' };

function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SignedRequestError) return error.problem;
    throw error;
  }
  return undefined;
}

describe(parseSignedRequest.name, () => {
  it('accepts a request signed with the app secret and returns its payload', () => {
    expect(parseSignedRequest(signRequest(payload, SECRET), SECRETS)).toMatchObject({
      payload: { user_id: '10220000000000000', issued_at: 1764400000 },
      secret: 'current',
    });
  });

  it('verifies the signature over the encoded payload exactly as Meta computes it', () => {
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(encoded).digest('base64url');
    expect(parseSignedRequest(`${sig}.${encoded}`, SECRETS).payload.user_id).toBe('10220000000000000');
  });

  it('accepts a numeric user_id and normalises it to a string', () => {
    expect(parseSignedRequest(signRequest({ ...payload, user_id: 42 }, SECRET), SECRETS).payload.user_id).toBe('42');
  });

  it('rejects a request signed with another secret', () => {
    expect(problemOf(() => parseSignedRequest(signRequest(payload, 'other'), SECRETS))).toBe('bad_signature');
  });

  it('accepts, during a rotation, a request signed with the previous secret and says so; not one signed with a third', () => {
    const rotating = { appSecret: SECRET, previousAppSecret: 'app-secret-before-the-reset' };
    expect(parseSignedRequest(signRequest(payload, 'app-secret-before-the-reset'), rotating).secret).toBe('previous');
    expect(parseSignedRequest(signRequest(payload, SECRET), rotating).secret).toBe('current');
    expect(problemOf(() => parseSignedRequest(signRequest(payload, 'other'), rotating))).toBe('bad_signature');
    expect(problemOf(() => parseSignedRequest(signRequest(payload, 'app-secret-before-the-reset'), SECRETS))).toBe('bad_signature');
  });

  it('rejects a payload changed after signing', () => {
    const [sig] = signRequest(payload, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, user_id: '1' })).toString('base64url');
    expect(problemOf(() => parseSignedRequest(`${sig}.${forged}`, SECRETS))).toBe('bad_signature');
  });

  it('rejects malformed input', () => {
    for (const bad of [undefined, '', 'no-dot', 'a.b.c', '!!.??', 42]) {
      expect(problemOf(() => parseSignedRequest(bad, SECRETS))).toBe('malformed');
    }
  });

  it('rejects another algorithm even when correctly signed', () => {
    expect(problemOf(() => parseSignedRequest(signRequest({ ...payload, algorithm: 'none' }, SECRET), SECRETS))).toBe(
      'unsupported_algorithm',
    );
  });

  it('rejects a signed payload without a user', () => {
    expect(problemOf(() => parseSignedRequest(signRequest({ algorithm: 'HMAC-SHA256' }, SECRET), SECRETS))).toBe('malformed');
  });
});
