import { FastRoute, FastRouteRegistry, parseByteLimit } from './fast-routes';

const route = (method: string, path: string): FastRoute => ({ method, path, handle: () => undefined });

describe(FastRouteRegistry.name, () => {
  it('finds a registered route by method and path, a trailing slash being the same path', () => {
    const sut = new FastRouteRegistry();
    const webhook = route('POST', '/v1/integrations/meta/webhook');
    sut.register(webhook);
    expect(sut.find('POST', '/v1/integrations/meta/webhook')).toBe(webhook);
    expect(sut.find('GET', '/v1/integrations/meta/webhook')).toBeUndefined();
    expect(sut.find('POST', '/v1/integrations/meta/webhook/')).toBe(webhook);
    expect(sut.find('POST', '/v1/integrations/meta/webhook//')).toBeUndefined();
    expect(sut.find('POST', '/v1/integrations/meta/webhooks')).toBeUndefined();
    expect(sut.find(undefined, '/v1/integrations/meta/webhook')).toBeUndefined();
  });

  it('refuses a second route for the same method and path', () => {
    const sut = new FastRouteRegistry();
    sut.register(route('POST', '/hook'));
    expect(() => sut.register(route('POST', '/hook'))).toThrow('Two fast routes for POST /hook');
    expect(() => sut.register(route('GET', '/hook'))).not.toThrow();
  });
});

describe(parseByteLimit.name, () => {
  it('reads BODY_LIMIT sizes in 1024 multiples', () => {
    expect(parseByteLimit('512kb')).toBe(512 * 1024);
    expect(parseByteLimit('1mb')).toBe(1024 * 1024);
    expect(() => parseByteLimit('lots')).toThrow();
  });
});
