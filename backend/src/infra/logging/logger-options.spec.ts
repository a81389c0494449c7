import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS } from './logger-options';

/** Logs one object through pino with our redaction and returns the line as written. */
function logged(obj: Record<string, unknown>): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink).info(obj, 'msg');
  return out;
}

describe('log redaction', () => {
  it('removes credentials from request and response headers', () => {
    const line = logged({
      req: { headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'lg_refresh=abc', 'x-api-key': 'lgk_123', host: 'h' } },
      res: { headers: { 'set-cookie': 'lg_refresh=def' } },
    });
    expect(line).not.toMatch(/eyJhbGciOi|lg_refresh=|lgk_123/);
    expect(line).toContain('"host":"h"');
  });

  it('removes passwords, tokens and secrets from logged objects', () => {
    const line = logged({
      password: 'hunter2',
      body: { password: 'hunter3', accessToken: 'EAAB1', appSecret: 'app-s3cret' },
      user: { email: 'a@b.c' },
    });
    expect(line).not.toMatch(/hunter2|hunter3|EAAB1|app-s3cret/);
    expect(line).toContain('a@b.c');
  });

  it('removes sensitive query parameters parsed by the request serializer', () => {
    const line = logged({ req: { query: { access_token: 'EAAC', code: 'AQB', page: '2' } } });
    expect(line).not.toMatch(/EAAC|AQB/);
    expect(line).toContain('"page":"2"');
  });
});
