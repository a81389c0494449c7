import { ErrorCode, LeadPage } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';

/**
 * The lead list past 1,000 leads: totals become PostgreSQL's estimate and say so, and deep pages are read by cursor,
 * every lead exactly once in order, also when many leads share the same received time.
 */
describe('lead list at scale (e2e)', () => {
  const COUNT = 1_230;
  let t: TestApp;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    let admin: SignedInUser;
    ({ admin, viewer } = await signInAdminManagerViewer(t));
    // Ten leads per second of received time: cursors must break ties by id.
    await t.dataSource.query(
      `INSERT INTO leads (organisation_id, full_name, status, form_id, received_at)
       SELECT $1, 'Lead ' || i, CASE WHEN i % 10 = 0 THEN 'won'::lead_status ELSE 'new'::lead_status END, 'F' || (i % 3),
              timestamptz '2026-06-01 12:00:00+00' + (i / 10) * interval '1 second'
         FROM generate_series(1, $2::int) i`,
      [admin.organisationId, COUNT],
    );
    await t.dataSource.query('ANALYZE leads');
  });
  afterAll(() => t?.close());

  const list = async (query: Record<string, string | number>): Promise<LeadPage> =>
    (await t.http.get('/v1/leads').query(query).set(viewer.auth).expect(200)).body as LeadPage;

  it('estimates a total over 1,000 and says so; counts exactly below', async () => {
    const all = await list({ limit: 10 });
    expect(all.totalExact).toBe(false);
    expect(all.total).toBeGreaterThan(1_000);
    // The planner's estimate after ANALYZE is close to the real count.
    expect(Math.abs(all.total - COUNT)).toBeLessThan(COUNT * 0.2);

    const won = await list({ limit: 10, status: 'won' });
    expect(won).toMatchObject({ total: 123, totalExact: true });
  });

  it.each(['-receivedAt', 'receivedAt'])('walks every lead exactly once by cursor, sorted %s', async (sort) => {
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: LeadPage = await list({ limit: 200, sort, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((l) => l.id));
      times.push(...page.items.map((l) => l.receivedAt));
      expect(page.offset).toBe(0);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);

    expect(pages).toBe(Math.ceil(COUNT / 200));
    expect(new Set(seen).size).toBe(COUNT);
    const sorted = [...times].sort();
    expect(times).toEqual(sort === 'receivedAt' ? sorted : sorted.reverse());
  });

  it('gives the same page by cursor as by offset', async () => {
    const first = await list({ limit: 50 });
    const byCursor = await list({ limit: 50, cursor: first.nextCursor! });
    const byOffset = await list({ limit: 50, offset: 50 });
    expect(byCursor.items.map((l) => l.id)).toEqual(byOffset.items.map((l) => l.id));
  });

  it('has no next cursor on the last page, whose rows tell the exact total', async () => {
    const last = await list({ limit: 200, offset: 1_200 });
    expect(last.items).toHaveLength(COUNT - 1_200);
    expect(last.nextCursor).toBeNull();
    expect(last).toMatchObject({ total: COUNT, totalExact: true });
  });

  it('counts a text search exactly when the list without it is small enough to search whole', async () => {
    const many = await list({ limit: 10, q: 'Lead' });
    expect(many.items).toHaveLength(10);
    expect(many).toMatchObject({ total: COUNT, totalExact: true });
    // Every word must match: the 63 numbers up to 1,230 with "12" in them.
    const some = await list({ limit: 10, q: 'Lead 12' });
    expect(some).toMatchObject({ total: 63, totalExact: true });

    const one = await list({ limit: 10, q: 'Lead 1229' });
    expect(one.items.map((l) => l.fullName)).toEqual(['Lead 1229']);
    expect(one).toMatchObject({ total: 1, totalExact: true });
  });

  it("estimates a text search over a large list from the search's share of its newest leads, and says so", async () => {
    // 12,000 leads, one in four an Okafor: the planner alone guesses a substring match at a small fixed share.
    const { admin } = await createOrganisationWithAdmin(t, 'Large Agency');
    await t.dataSource.query(
      `INSERT INTO leads (organisation_id, full_name, email, status, received_at)
       SELECT $1, CASE WHEN i % 4 = 0 THEN 'Ada Okafor' ELSE 'Ben Smith' END, 'lead' || i || '@example.com', 'new',
              timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute'
         FROM generate_series(1, 12000) i`,
      [admin.organisationId],
    );
    await t.dataSource.query('ANALYZE leads');
    const searched = (await t.http.get('/v1/leads').query({ limit: 50, q: 'okafor' }).set(admin.auth).expect(200)).body as LeadPage;
    expect(searched.items).toHaveLength(50);
    expect(searched.items.every((l) => l.fullName === 'Ada Okafor')).toBe(true);
    expect(searched.totalExact).toBe(false);
    expect(Math.abs(searched.total - 3_000)).toBeLessThan(3_000 * 0.15);
    // Two words must both match; none of these leads has both.
    const neither = (await t.http.get('/v1/leads').query({ limit: 50, q: 'okafor smith' }).set(admin.auth).expect(200)).body as LeadPage;
    expect(neither).toMatchObject({ items: [], total: 0, totalExact: true });
  });

  it.each([
    [{ cursor: 'not a cursor!' }, 'cursor'],
    [{ cursor: Buffer.from('{"r":"yesterday","i":"x"}').toString('base64url') }, 'cursor'],
    [{ cursor: Buffer.from('[1,2]').toString('base64url') }, 'cursor'],
    [{ cursor: 'x'.repeat(301) }, 'cursor'],
    [
      {
        cursor: Buffer.from('{"r":"2026-06-01 12:00:00+00","i":"00000000-0000-0000-0000-000000000000"}').toString('base64url'),
        offset: 50,
      },
      'offset',
    ],
  ])('rejects %j with 400 naming %s', async (query, field) => {
    const res = await t.http.get('/v1/leads').query(query).set(viewer.auth).expect(400);
    expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  // Last: it adds leads.
  it("reuses a filter's estimate for 30 s, so cursor pages keep the first page's total", async () => {
    const first = await list({ limit: 50, status: 'new' });
    expect(first.totalExact).toBe(false);
    const organisationId = (await t.dataSource.query(`SELECT organisation_id FROM leads LIMIT 1`))[0].organisation_id as string;
    await t.dataSource.query(
      `INSERT INTO leads (organisation_id, full_name, status, received_at)
       SELECT $1, 'Later ' || i, 'new', timestamptz '2026-05-01 12:00:00+00' + i * interval '1 second' FROM generate_series(1, 2000) i`,
      [organisationId],
    );
    await t.dataSource.query('ANALYZE leads');
    const next = await list({ limit: 50, status: 'new', cursor: first.nextCursor! });
    expect(next).toMatchObject({ total: first.total, totalExact: false });
    // Another filter is estimated afresh and sees the new leads.
    const all = await list({ limit: 50, includeTest: 'true' });
    expect(all.total).toBeGreaterThan(COUNT + 1_000);
  });
});
