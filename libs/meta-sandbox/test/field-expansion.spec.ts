import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { graph } from './support/graph';
import { loginAs } from './support/login';

/** Field expansion with `.limit()` and nested cursors (https://developers.facebook.com/docs/graph-api/field-expansion/). */
describe('field expansion', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox);
  });

  it('gives a nested edge a next link that serves the following page with the same sub-fields', async () => {
    const first = await graph(sandbox, 'GET', 'me', { token, params: { fields: 'name,accounts.limit(1){id,name}' } });
    const pages = [first.body.accounts];
    while (pages[pages.length - 1].paging?.next) {
      const next = await fetch(pages[pages.length - 1].paging.next);
      expect(next.status).toBe(200);
      pages.push(await next.json());
    }
    const seen = pages.flatMap((page) => page.data);
    expect(seen.map((page: { id: string }) => page.id)).toEqual(Object.values(DEMO_IDS.pages));
    expect(seen.every((page: Record<string, unknown>) => Object.keys(page).sort().join() === 'id,name')).toBe(true);
    const link = new URL(pages[0].paging.next);
    expect(link.pathname).toBe(`/v25.0/${DEMO_IDS.userId}/accounts`);
    expect(link.searchParams.get('limit')).toBe('1');
    expect(link.searchParams.get('fields')).toBe('id,name');
  });

  it('keeps nested expansion and modifiers in the nested link', async () => {
    const res = await graph(sandbox, 'GET', 'me', { token, params: { fields: 'accounts.limit(2){name,leadgen_forms.limit(1){id}}' } });
    const link = new URL(res.body.accounts.paging.next);
    expect(link.searchParams.get('fields')).toBe('name,leadgen_forms.limit(1){id}');
    const next = (await (await fetch(link)).json()) as any;
    expect(next.data[0].leadgen_forms.data).toHaveLength(1);
  });
});
