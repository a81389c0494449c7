import { appsecretProofParams } from './appsecret-proof';

describe('appsecretProofParams', () => {
  // Expected values computed independently: printf %s "$msg" | openssl dgst -sha256 -hmac "$secret"
  it('classic form is the HMAC-SHA256 hex of the token keyed by the app secret', () => {
    expect(appsecretProofParams('token-abc', 'app-secret', 'classic')).toEqual({
      appsecret_proof: '64ad4b31c7b1a1447bd689c4c0b82425f01d8a3da1ce7a8eb468cc17c0e9d787',
    });
  });

  it('timed form signs token|unix_time and sends the time', () => {
    const out = appsecretProofParams('token-abc', 'app-secret', 'timed', 1_764_400_000_999);
    expect(out.appsecret_time).toBe('1764400000');
    expect(out.appsecret_proof).toBe('e928655875e25bc69309d834e320be44dbc6a775925f8768714c5f2cdb38eca8');
  });

  it('differs per token and per secret', () => {
    const a = appsecretProofParams('t1', 's', 'classic').appsecret_proof;
    expect(appsecretProofParams('t2', 's', 'classic').appsecret_proof).not.toBe(a);
    expect(appsecretProofParams('t1', 's2', 'classic').appsecret_proof).not.toBe(a);
  });
});
