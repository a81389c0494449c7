import { createHmac } from 'node:crypto';
import { parseSignedRequest, signRequest, SignedRequestError } from './signed-request';

const SECRET = 'app-secret-for-tests';
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
    expect(parseSignedRequest(signRequest(payload, SECRET), SECRET)).toMatchObject({ user_id: '10220000000000000', issued_at: 1764400000 });
  });

  it('verifies the signature over the encoded payload exactly as Meta computes it', () => {
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(encoded).digest('base64url');
    expect(parseSignedRequest(`${sig}.${encoded}`, SECRET).user_id).toBe('10220000000000000');
  });

  it('accepts a numeric user_id and normalises it to a string', () => {
    expect(parseSignedRequest(signRequest({ ...payload, user_id: 42 }, SECRET), SECRET).user_id).toBe('42');
  });

  it('rejects a request signed with another secret', () => {
    expect(problemOf(() => parseSignedRequest(signRequest(payload, 'other'), SECRET))).toBe('bad_signature');
  });

  it('rejects a payload changed after signing', () => {
    const [sig] = signRequest(payload, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, user_id: '1' })).toString('base64url');
    expect(problemOf(() => parseSignedRequest(`${sig}.${forged}`, SECRET))).toBe('bad_signature');
  });

  it('rejects malformed input', () => {
    for (const bad of [undefined, '', 'no-dot', 'a.b.c', '!!.??', 42]) {
      expect(problemOf(() => parseSignedRequest(bad, SECRET))).toBe('malformed');
    }
  });

  it('rejects another algorithm even when correctly signed', () => {
    expect(problemOf(() => parseSignedRequest(signRequest({ ...payload, algorithm: 'none' }, SECRET), SECRET))).toBe('unsupported_algorithm');
  });

  it('rejects a signed payload without a user', () => {
    expect(problemOf(() => parseSignedRequest(signRequest({ algorithm: 'HMAC-SHA256' }, SECRET), SECRET))).toBe('malformed');
  });
});
