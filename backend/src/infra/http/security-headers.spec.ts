import type { IncomingMessage } from 'node:http';
import { isTrustworthyOrigin, securityHeadersForNodeRequest } from './security-headers';

const COOP = 'Cross-Origin-Opener-Policy';
const OAC = 'Origin-Agent-Cluster';

describe('isTrustworthyOrigin', () => {
  it.each([
    ['https', 'console.example.com'],
    ['http', 'localhost'],
    ['http', 'app.localhost'],
    ['http', '127.0.0.1'],
    ['http', '127.10.0.3'],
    ['http', '[::1]'],
    ['http', 'LOCALHOST'],
  ])('trusts %s://%s', (protocol, host) => expect(isTrustworthyOrigin(protocol, host)).toBe(true));

  it.each([
    ['http', '192.168.1.20'],
    ['http', 'console.lan'],
    ['http', 'localhost.example.com'],
    ['http', '127.0.0.1.nip.io'],
    ['http', '[fd00::2]'],
  ])('does not trust %s://%s', (protocol, host) => expect(isTrustworthyOrigin(protocol, host)).toBe(false));
});

describe('securityHeadersForNodeRequest', () => {
  const request = (headers: Record<string, string>, encrypted = false) =>
    ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

  it('drops COOP and Origin-Agent-Cluster for plain HTTP at a LAN host name, keeping the CSP', () => {
    const headers = securityHeadersForNodeRequest(request({ host: '192.168.1.20:3000' }));
    expect(headers[COOP]).toBeUndefined();
    expect(headers[OAC]).toBeUndefined();
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
  });

  it('keeps COOP and Origin-Agent-Cluster on loopback, over TLS and behind a proxy that terminated HTTPS', () => {
    expect(securityHeadersForNodeRequest(request({ host: '127.0.0.1:3000' }))[COOP]).toBe('same-origin');
    expect(securityHeadersForNodeRequest(request({ host: '127.0.0.1:3000' }))[OAC]).toBe('?1');
    expect(securityHeadersForNodeRequest(request({ host: 'console.lan' }, true))[OAC]).toBe('?1');
    expect(securityHeadersForNodeRequest(request({ host: 'console.lan' }, true))[COOP]).toBe('same-origin');
    expect(securityHeadersForNodeRequest(request({ host: 'console.lan', 'x-forwarded-proto': 'https, http' }))[COOP]).toBe('same-origin');
  });
});
