import { ErrorCode, Role } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, createUserAndLogin, FIRST_ADMIN, login, SignedInUser } from '../utils/identity-fixtures';

const LIST = '/v1/integrations/meta/lead-syncs';

describe('lead syncs list (e2e)', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  let other: SignedInUser;

  const insertSync = (organisationId: string, leadgenId: string, state = 'stored') =>
    t.dataSource.query(
      `INSERT INTO meta_lead_syncs (organisation_id, page_id, form_id, leadgen_id, state)
       VALUES ($1, '111', '222', $2, $3)`,
      [organisationId, leadgenId, state],
    );

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    viewer = await createUserAndLogin(t, admin, Role.Viewer);
    other = (await createOrganisationWithAdmin(t, 'Other Org')).admin;
    // Many newer syncs, so the one looked up is far outside the first page.
    await insertSync(admin.organisationId, '9000000000000001', 'failed');
    for (let i = 0; i < 60; i++) await insertSync(admin.organisationId, `80000000000${String(i).padStart(5, '0')}`);
    await insertSync(other.organisationId, '9000000000000002');
  });
  afterAll(() => t?.close());

  it("finds one lead's sync by its leadgen id, however old", async () => {
    const res = await t.http.get(LIST).query({ leadgenId: '9000000000000001', limit: 5 }).set(viewer.auth).expect(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ leadgenId: '9000000000000001', state: 'failed' }] });
  });

  it('combines with the state filter', async () => {
    const res = await t.http.get(LIST).query({ leadgenId: '9000000000000001', state: 'stored' }).set(viewer.auth).expect(200);
    expect(res.body).toMatchObject({ total: 0, items: [] });
  });

  it("does not show another organisation's sync", async () => {
    const mine = await t.http.get(LIST).query({ leadgenId: '9000000000000002' }).set(viewer.auth).expect(200);
    expect(mine.body.total).toBe(0);
    const theirs = await t.http.get(LIST).query({ leadgenId: '9000000000000002' }).set(other.auth).expect(200);
    expect(theirs.body.items.map((s: { leadgenId: string }) => s.leadgenId)).toEqual(['9000000000000002']);
  });

  it('refuses a leadgen id that is not numeric with a 400 naming the field', async () => {
    const res = await t.http.get(LIST).query({ leadgenId: 'abc' }).set(viewer.auth).expect(400);
    expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    expect(JSON.stringify(res.body.error)).toContain('leadgenId');
  });
});
