import { isPrivateAddress, urlProblem } from './target-address-policy';

describe('webhook target address policy', () => {
  const production = { allowHttp: false, allowPrivateTargets: false };
  const open = { allowHttp: true, allowPrivateTargets: true };

  it('accepts a public https URL', () => {
    expect(urlProblem('https://hooks.example.com/legeai?x=1', production)).toBeNull();
  });

  it('requires https unless http is allowed', () => {
    expect(urlProblem('http://hooks.example.com/', production)).toBe('must use https');
    expect(urlProblem('http://hooks.example.com/', open)).toBeNull();
  });

  it('refuses what is not an http(s) URL, credentials and fragments', () => {
    expect(urlProblem('hooks.example.com', production)).toBe('must be an absolute URL');
    expect(urlProblem('ftp://hooks.example.com/', production)).toBe('must be an http(s) URL');
    expect(urlProblem('https://u:p@hooks.example.com/', production)).toBe('must not carry credentials');
    expect(urlProblem('https://hooks.example.com/#x', production)).toBe('must not have a fragment');
  });

  it.each([
    'https://127.0.0.1/',
    'https://10.1.2.3/',
    'https://172.20.0.1/',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/',
    'https://[fd00::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://localhost/',
    'https://db.internal/',
  ])('refuses the private target %s in production, allows it when private targets are allowed', (url) => {
    expect(urlProblem(url, production)).toBe('must not point at a private, loopback or link-local address');
    expect(urlProblem(url, open)).toBeNull();
  });

  it('tells private addresses from public ones', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });
});
