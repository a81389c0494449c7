import { Registry } from 'prom-client';
import { createGraphMetrics, pathTemplate } from './graph-metrics';

describe(pathTemplate.name, () => {
  it.each([
    ['/act_123456/campaigns', '/act_{id}/campaigns'],
    ['120210000000000001', '/{id}'],
    ['/v26.0/1234/leads?after=abc', '/{id}/leads'],
    ['/me/adaccounts', '/me/adaccounts'],
    ['/', '/'],
    ['/123_456/comments', '/{id}/comments'],
  ])('%s → %s', (path, template) => expect(pathTemplate(path)).toBe(template));
});

describe(createGraphMetrics.name, () => {
  it('counts calls and reports paused scopes from every tracked client', async () => {
    const registry = new Registry();
    const sut = createGraphMetrics(registry);
    sut.observeCall({ method: 'GET', path: '/{id}', status: '400', kind: 'auth' }, 0.12);
    const untrack = sut.trackPauses(() => [
      { scope: 'ad_account', id: '1', until: Date.now() + 1000, reason: 'x' },
      { scope: 'business', id: '2', until: Date.now() + 1000, reason: 'y' },
      { scope: 'business', id: '3', until: Date.now() + 1000, reason: 'y' },
    ]);
    const text = await registry.metrics();
    expect(text).toContain('meta_graph_requests_total{method="GET",path="/{id}",status="400",kind="auth"} 1');
    expect(text).toContain('meta_graph_request_duration_seconds_count{method="GET",path="/{id}"} 1');
    expect(text).toContain('meta_graph_paused_scopes{scope="business"} 2');
    expect(text).toContain('meta_graph_paused_scopes{scope="ad_account"} 1');
    untrack();
    expect(await registry.metrics()).toContain('meta_graph_paused_scopes{scope="business"} 0');
  });
});
