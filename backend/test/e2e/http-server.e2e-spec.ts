import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { RawConnection } from '../utils/raw-connection';

const HEADERS_TIMEOUT_MS = 400;
const REQUEST_TIMEOUT_MS = 800;

/**
 * What Node's HTTP server answers before a request reaches Fastify: oversized headers, slow clients, bytes that are
 * not HTTP. Raw sockets, because an HTTP client cannot send any of it.
 */
describe('HTTP server limits (e2e)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: { HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
    });
    const server = t.app.getHttpServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  const expectEnvelope = (conn: RawConnection, status: number, code: string) => {
    const res = conn.response();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toEqual({ error: { status, code, message: expect.any(String), requestId: expect.any(String) } });
  };

  it('answers headers over the size limit with a 431 envelope and closes the connection', async () => {
    const conn = await RawConnection.open(port);
    conn.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    await conn.closed;
    expectEnvelope(conn, 431, 'request_header_fields_too_large');
  });

  it('answers bytes that are not HTTP with a 400 envelope', async () => {
    const conn = await RawConnection.open(port);
    conn.write('HELLO THERE\r\n\r\n');
    await conn.closed;
    expectEnvelope(conn, 400, 'bad_request');
  });

  it('disconnects a client whose headers do not arrive within HTTP_HEADERS_TIMEOUT_MS, with a 408 envelope', async () => {
    const slow = await Promise.all(Array.from({ length: 40 }, () => RawConnection.open(port)));
    for (const conn of slow) conn.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    // Node's defaults kept such connections for 60 s (plus up to 30 s before it checked); bounded here by a few seconds.
    await expect(Promise.all(slow.map((c) => c.closed)).then(() => 'closed')).resolves.toBe('closed');
    for (const conn of slow) expectEnvelope(conn, 408, 'request_timeout');
  }, 10_000);

  it('disconnects a client whose body does not arrive within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const conn = await RawConnection.open(port);
    conn.write('POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email"');
    await conn.closed;
    expectEnvelope(conn, 408, 'request_timeout');
  }, 10_000);

  it('still serves a client that sends its request in pieces within the limits', async () => {
    const conn = await RawConnection.open(port);
    conn.write('GET /health HTTP/1.1\r\n');
    await new Promise((done) => setTimeout(done, HEADERS_TIMEOUT_MS / 4));
    conn.write('Host: x\r\nConnection: close\r\n\r\n');
    await conn.closed;
    expect(conn.response().status).toBe(200);
  });
});
