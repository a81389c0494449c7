import { leadFormsCheck, pageSubscriptionsCheck } from './asset-health-rules';

describe('ad asset health rules', () => {
  it('warns when a page subscription had to be re-created, errors when it could not be', () => {
    expect(pageSubscriptionsCheck({ total: 2, resubscribed: ['Acme'], failed: [] })).toMatchObject({ level: 'warning' });
    expect(pageSubscriptionsCheck({ total: 2, resubscribed: [], failed: [{ page: 'Acme', reason: 'no role' }] }).level).toBe('error');
    expect(pageSubscriptionsCheck({ total: 2, resubscribed: [], failed: [] }).level).toBe('ok');
  });

  it('reports new and removed forms', () => {
    expect(leadFormsCheck({ total: 3, added: 1, removed: 2 }).message).toContain('1 new, 2 removed');
    expect(leadFormsCheck({ total: 0, added: 0, removed: 0 }).level).toBe('warning');
  });
});
