import { requestOrigin } from './request-origin';

describe('requestOrigin', () => {
  it('keeps the host and port the browser used', () => {
    expect(requestOrigin({ protocol: 'http', host: '127.0.0.1:3000' })).toBe('http://127.0.0.1:3000');
    expect(requestOrigin({ protocol: 'https', host: 'Crm.Example.com' })).toBe('https://crm.example.com');
    expect(requestOrigin({ protocol: 'http', host: '[::1]:3000' })).toBe('http://[::1]:3000');
  });

  it('refuses hosts that would smuggle a path, credentials or another scheme', () => {
    for (const host of ['evil.com/path', 'user@evil.com', 'evil.com:80:81', 'a b', '', 'evil.com\\x', 'javascript:alert(1)']) {
      expect(requestOrigin({ protocol: 'http', host })).toBeNull();
    }
    expect(requestOrigin({ protocol: 'http' })).toBeNull();
  });

  it('never yields a scheme other than http or https', () => {
    expect(requestOrigin({ protocol: 'ftp', host: 'example.com' })).toBe('http://example.com');
  });
});
