import { createHmac } from 'node:crypto';
import { checkWebhookSignature } from './webhook-signature';

const SECRET = 'app-secret-for-tests';
const PREVIOUS = 'app-secret-before-the-reset';
const SECRETS = { appSecret: SECRET };
const CURRENT_VALID = { valid: true, secret: 'current' };
const problem = (name: string) => ({ valid: false, problem: name });
const sign = (body: Buffer, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe(checkWebhookSignature.name, () => {
  const body = Buffer.from('{"object":"page","entry":[]}');

  it('accepts the HMAC-SHA256 of the raw body with the app secret', () => {
    expect(checkWebhookSignature(body, sign(body), SECRETS)).toEqual(CURRENT_VALID);
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(
      checkWebhookSignature(
        body,
        `  ${sign(body)
          .replace(/[a-f]/g, (c) => c.toUpperCase())
          .replace('SHA256', 'sha256')} `,
        SECRETS,
      ),
    ).toEqual(CURRENT_VALID);
  });

  describe('during an app secret rotation', () => {
    const rotating = { appSecret: SECRET, previousAppSecret: PREVIOUS };

    it('accepts a signature made with the previous secret and says so', () => {
      expect(checkWebhookSignature(body, sign(body, PREVIOUS), rotating)).toEqual({ valid: true, secret: 'previous' });
    });

    it('still names the current secret for a signature made with it', () => {
      expect(checkWebhookSignature(body, sign(body), rotating)).toEqual(CURRENT_VALID);
    });

    it('rejects a signature made with a third secret', () => {
      expect(checkWebhookSignature(body, sign(body, 'unrelated-secret'), rotating)).toEqual(problem('mismatch'));
    });

    it('rejects the previous secret once it is no longer configured', () => {
      expect(checkWebhookSignature(body, sign(body, PREVIOUS), SECRETS)).toEqual(problem('mismatch'));
    });
  });

  it('reports a missing or empty header', () => {
    expect(checkWebhookSignature(body, undefined, SECRETS)).toEqual(problem('missing'));
    expect(checkWebhookSignature(body, '  ', SECRETS)).toEqual(problem('missing'));
  });

  it('rejects a signature made with another secret', () => {
    expect(checkWebhookSignature(body, sign(body, 'other-secret'), SECRETS)).toEqual(problem('mismatch'));
  });

  it('rejects a signature of a body that was changed afterwards', () => {
    const tampered = Buffer.from('{"object":"page","entry":[1]}');
    expect(checkWebhookSignature(tampered, sign(body), SECRETS)).toEqual(problem('mismatch'));
  });

  it.each([
    ['too short', `sha256=${'a'.repeat(63)}`],
    ['too long', `sha256=${'a'.repeat(66)}`],
    ['non-hex digits', `sha256=${'g'.repeat(64)}`],
    ['the legacy sha1 form', `sha1=${'a'.repeat(40)}`],
    ['no algorithm prefix', 'a'.repeat(64)],
  ])('calls a header with %s malformed instead of throwing', (_what, header) => {
    expect(checkWebhookSignature(body, header, SECRETS)).toEqual(problem('malformed'));
  });

  it('checks the exact bytes of a unicode body, not a re-serialisation of it', () => {
    // Meta escapes non-ASCII characters; the parsed and re-serialised JSON has different bytes.
    const escaped = Buffer.from('{"name":"Jos\\u00e9 \\u30cf\\u30fc\\u30d0\\u30fc","url":"https:\\/\\/x"}');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(escaped.toString())));
    expect(checkWebhookSignature(escaped, sign(escaped), SECRETS)).toEqual(CURRENT_VALID);
    expect(checkWebhookSignature(reserialised, sign(escaped), SECRETS)).toEqual(problem('mismatch'));
  });

  it('checks raw UTF-8 bytes as sent', () => {
    const utf8 = Buffer.from('{"name":"José ハーバー 😀"}', 'utf8');
    expect(checkWebhookSignature(utf8, sign(utf8), SECRETS)).toEqual(CURRENT_VALID);
    expect(checkWebhookSignature(Buffer.from(utf8.toString('latin1'), 'utf8'), sign(utf8), SECRETS)).toEqual(problem('mismatch'));
  });
});
