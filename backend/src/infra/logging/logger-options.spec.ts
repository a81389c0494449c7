import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import pinoPretty from 'pino-pretty';
import { buildLoggerParams, PRETTY_OPTIONS, REDACT_PATHS } from './logger-options';

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

describe('request log lines', () => {
  let server: Server;
  let lines: string[];
  let prettyLines: string[];

  beforeAll(async () => {
    lines = [];
    prettyLines = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // LOG_FORMAT=pretty: the same options, formatted here by pino-pretty as its transport does in a worker thread.
    const pretty = pinoPretty({
      ...PRETTY_OPTIONS,
      colorize: false,
      destination: new Writable({
        write(chunk, _enc, done) {
          prettyLines.push(chunk.toString());
          done();
        },
      }),
      sync: true,
    });
    const { transport, ...prettyParams } = buildLoggerParams('info', 'pretty').pinoHttp as Options;
    expect(transport).toEqual({ target: 'pino-pretty', options: PRETTY_OPTIONS });
    const logRequests = pinoHttp(buildLoggerParams('info').pinoHttp as Options, sink);
    const logPretty = pinoHttp(prettyParams, pretty);
    server = createServer((req, res) => {
      // As Nest's middleware layer on Fastify hands the request over: Fastify's id (the caller's X-Request-Id here) and
      // its client address behind a trusted proxy, copied to Node's request.
      const given = req.headers['x-request-id'];
      if (typeof given === 'string') Object.assign(req, { id: given });
      const forwarded = req.headers['x-forwarded-for'];
      if (typeof forwarded === 'string') Object.assign(req, { ip: forwarded });
      logRequests(req, res);
      logPretty(req, res);
      res.setHeader('content-security-policy', "default-src 'self'");
      res.setHeader('set-cookie', 'lg_refresh=def');
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-length', '11');
      res.end('{"ok":true}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const get = (path: string, headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      request({ host: '127.0.0.1', port, path, headers }, (res) => res.resume().on('end', resolve))
        .on('error', reject)
        .end();
    });

  it('say who asked what and how it went, without headers, credentials or tokens in the URL', async () => {
    await get('/v1/leads?access_token=EAAC&page=2', {
      authorization: 'Bearer eyJhbGciOi',
      cookie: 'lg_refresh=abc',
      'user-agent': 'probe/1.0',
      'x-request-id': 'req-12345678',
    });
    await new Promise((resolve) => setImmediate(resolve));
    const line = JSON.parse(lines.at(-1)!) as { req: Record<string, unknown>; res: Record<string, unknown>; msg: string };
    expect(line.msg).toBe('request completed');
    expect(line.req).toEqual({
      id: 'req-12345678',
      method: 'GET',
      url: '/v1/leads?access_token=[redacted]&page=2',
      remoteAddress: '127.0.0.1',
      userAgent: 'probe/1.0',
    });
    expect(line.res).toEqual({ statusCode: 200, contentLength: '11' });
    expect(lines.at(-1)).not.toMatch(/eyJhbGciOi|lg_refresh|content-security-policy|EAAC/);
  });

  it("name the client Fastify's request.ip names (behind a trusted proxy), not the proxy", async () => {
    await get('/v1/leads', { 'x-forwarded-for': '203.0.113.7' });
    await new Promise((resolve) => setImmediate(resolve));
    expect((JSON.parse(lines.at(-1)!) as { req: { remoteAddress: string } }).req.remoteAddress).toBe('203.0.113.7');
  });

  it('read as one line each in a terminal with LOG_FORMAT=pretty', async () => {
    await get('/v1/leads?access_token=EAAC&page=2', { authorization: 'Bearer eyJhbGciOi' });
    await new Promise((resolve) => setImmediate(resolve));
    const line = prettyLines.at(-1)!;
    expect(line).toMatch(
      /^\[\d{2}:\d{2}:\d{2}\] INFO: request completed: GET \/v1\/leads\?access_token=\[redacted\]&page=2 200 in \d+ ms\n$/,
    );
    expect(line).not.toMatch(/eyJhbGciOi|EAAC/);
  });
});
