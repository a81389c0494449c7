import { ErrorCode, LeadDetailDto, LeadStatus, LeadSummaryDto, Page } from '@legeai/contracts';
import { Lead } from '../../src/modules/leads/entities/lead.entity';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { auditActions, createOrganisationWithAdmin, signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';
import { insertLead, insertLeadForm, insertMetaLeadMapping } from '../utils/lead-factory';

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));

describe('leads (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let other: SignedInUser;
  const leads: Record<string, Lead> = {};

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    ({ admin, manager, viewer } = await signInAdminManagerViewer(t));
    other = (await createOrganisationWithAdmin(t, 'Rival Insurance')).admin;

    const org = admin.organisationId;
    const ds = t.dataSource;
    await insertLeadForm(ds, org, 'F1', 'Car insurance quote');
    // The same Meta form id in another organisation, with another name: never joined across tenants.
    await insertLeadForm(ds, other.organisationId, 'F1', 'Rival form');

    leads.jane = await insertLead(ds, org, {
      fullName: 'Jane Doe',
      email: 'Jane.Doe@Example.com',
      phone: '(555) 010-2000',
      phoneE164: '+15550102000',
      formId: 'F1',
      campaignId: 'C1',
      campaignName: 'Spring',
      receivedAt: at(1),
      pageId: 'P1',
      adId: 'A1',
      rawAnswers: [{ name: 'cover', values: ['home', 'car'] }],
      consentResponses: [{ checkboxKey: 'tos', isChecked: true }],
    });
    leads.zoi = await insertLead(ds, org, {
      fullName: 'Ζωή Παπαδοπούλου',
      email: 'zoi@example.gr',
      formId: 'F2',
      campaignId: 'C2',
      status: LeadStatus.Contacted,
      needsReview: true,
      reviewReason: 'missing phone',
      receivedAt: at(2),
    });
    leads.bob = await insertLead(ds, org, {
      fullName: 'Bob Smith',
      email: 'bob@example.net',
      phone: '555 010 2000',
      formId: 'F1',
      campaignId: 'C1',
      duplicateOfId: leads.jane.id,
      duplicateRule: 'phone',
      receivedAt: at(3),
    });
    leads.test = await insertLead(ds, org, { fullName: 'Tess Test', isTest: true, formId: 'F1', receivedAt: at(4) });
    leads.formula = await insertLead(ds, org, {
      fullName: '=HYPERLINK("http://evil.test","click")',
      email: '@attacker.test',
      receivedAt: at(5),
    });
    leads.quoted = await insertLead(ds, org, { fullName: 'Doe, "Johnny"', email: 'johnny@example.com', receivedAt: at(6) });
    leads.rival = await insertLead(ds, other.organisationId, {
      fullName: 'Jane Doe',
      email: 'jane.rival@example.com',
      formId: 'F1',
      campaignId: 'C1',
      receivedAt: at(1),
    });
    await insertMetaLeadMapping(ds, org, leads.jane.id, '1234567890123', 'F1');
  });
  afterAll(() => t?.close());

  // A manager sees contact details unmasked; what a viewer sees is in lead-work.e2e-spec.ts.
  const list = async (query: Record<string, string | number | boolean>, who = manager) => {
    const res = await t.http.get('/v1/leads').query(query).set(who.auth);
    expect(res.status).toBe(200);
    return res.body as Page<LeadSummaryDto>;
  };
  const names = (page: Page<LeadSummaryDto>) => page.items.map((l) => l.fullName);

  describe('GET /v1/leads', () => {
    it('lists the organisation’s leads newest first, without test leads, with form names of its own forms', async () => {
      const page = await list({});
      expect(names(page)).toEqual(['Doe, "Johnny"', '=HYPERLINK("http://evil.test","click")', 'Bob Smith', 'Ζωή Παπαδοπούλου', 'Jane Doe']);
      expect(page).toMatchObject({ total: 5, limit: 50, offset: 0 });
      const jane = page.items.find((l) => l.id === leads.jane.id)!;
      expect(jane).toMatchObject({
        formId: 'F1',
        formName: 'Car insurance quote',
        campaignId: 'C1',
        status: 'new',
        isTest: false,
        receivedAt: at(1).toISOString(),
        phoneE164: '+15550102000',
      });
      expect(page.items.find((l) => l.id === leads.zoi.id)!.formName).toBeNull();
    });

    it('shows the time PostgreSQL keeps to the microsecond as the API’s ISO text, the same in the list and the detail', async () => {
      await t.dataSource.query(`UPDATE leads SET received_at = received_at + interval '123987 microseconds' WHERE id = $1`, [
        leads.jane.id,
      ]);
      try {
        const listed = (await list({ formId: 'F1' })).items.find((l) => l.id === leads.jane.id)!;
        const detail = await t.http.get(`/v1/leads/${leads.jane.id}`).set(manager.auth).expect(200);
        // Milliseconds, truncated as JavaScript's Date truncates them.
        expect(listed.receivedAt).toBe('2026-03-01T12:00:00.123Z');
        expect(detail.body.receivedAt).toBe(listed.receivedAt);
      } finally {
        await t.dataSource.query(`UPDATE leads SET received_at = $2 WHERE id = $1`, [leads.jane.id, at(1)]);
      }
    });

    it('never lists another organisation’s leads, and the other organisation sees only its own', async () => {
      expect((await list({ q: 'jane' })).items.map((l) => l.id)).toEqual([leads.jane.id]);
      const theirs = await list({}, other);
      expect(theirs.items.map((l) => l.id)).toEqual([leads.rival.id]);
      expect(theirs.items[0].formName).toBe('Rival form');
    });

    it('includes test leads on request', async () => {
      const page = await list({ includeTest: true });
      expect(page.total).toBe(6);
      expect(page.items.find((l) => l.id === leads.test.id)?.isTest).toBe(true);
    });

    it.each([
      ['name, any case', 'jANE', ['Jane Doe']],
      ['every word must match', 'doe johnny', ['Doe, "Johnny"']],
      ['email part', 'example.gr', ['Ζωή Παπαδοπούλου']],
      ['non-Latin name', 'παπαδοπούλου', ['Ζωή Παπαδοπούλου']],
      ['phone digits, formatted differently from the stored number', '555-010-2000', ['Bob Smith', 'Jane Doe']],
      ['E.164 with country code', '+1 555 0102000', ['Jane Doe']],
      ['LIKE wildcards are literal', '%', []],
    ])('searches q: %s', async (_label, q, expected) => {
      expect(names(await list({ q }))).toEqual(expected);
    });

    it.each([
      [{ status: 'contacted' }, ['Ζωή Παπαδοπούλου']],
      [{ formId: 'F1' }, ['Bob Smith', 'Jane Doe']],
      [{ campaignId: 'C2' }, ['Ζωή Παπαδοπούλου']],
      [{ duplicate: true }, ['Bob Smith']],
      [{ duplicate: false, formId: 'F1' }, ['Jane Doe']],
      [{ needsReview: true }, ['Ζωή Παπαδοπούλου']],
      [{ from: at(2).toISOString(), to: at(3).toISOString() }, ['Bob Smith', 'Ζωή Παπαδοπούλου']],
      [{ formId: 'F1', sort: 'receivedAt' }, ['Jane Doe', 'Bob Smith']],
    ])('filters %j', async (query, expected) => {
      expect(names(await list(query))).toEqual(expected);
    });

    it('pages with a stable order and the total of all matches', async () => {
      const first = await list({ limit: 2, offset: 0 });
      const second = await list({ limit: 2, offset: 2 });
      const third = await list({ limit: 2, offset: 4 });
      expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
      expect([...names(first), ...names(second), ...names(third)]).toEqual(names(await list({})));
      expect(third.items).toHaveLength(1);
      expect((await list({ limit: 2, offset: 10 })).items).toEqual([]);
    });

    it.each([
      [{ limit: 201 }, 'limit'],
      [{ limit: 0 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ status: 'pending' }, 'status'],
      [{ duplicate: 'yes' }, 'duplicate'],
      [{ includeTest: '1' }, 'includeTest'],
      [{ from: 'yesterday' }, 'from'],
      [{ sort: 'fullName' }, 'sort'],
      [{ bogus: 'x' }, 'bogus'],
      [{ from: at(3).toISOString(), to: at(1).toISOString() }, 'to'],
    ])('rejects %j with 400 naming %s', async (query, field) => {
      const res = await t.http.get('/v1/leads').query(query).set(viewer.auth).expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('requires credentials', async () => {
      await t.http.get('/v1/leads').expect(401);
    });
  });

  describe('GET /v1/leads/:id', () => {
    it('returns everything about the lead, with its Meta leadgen id', async () => {
      const res = await t.http.get(`/v1/leads/${leads.jane.id}`).set(manager.auth).expect(200);
      const body = res.body as LeadDetailDto;
      expect(body).toMatchObject({
        id: leads.jane.id,
        fullName: 'Jane Doe',
        formName: 'Car insurance quote',
        phone: '(555) 010-2000',
        rawAnswers: [{ name: 'cover', values: ['home', 'car'] }],
        consentResponses: [{ checkboxKey: 'tos', isChecked: true }],
        attribution: { pageId: 'P1', formId: 'F1', adId: 'A1', campaignId: 'C1', metaLeadId: '1234567890123', isTest: false },
      });
      expect(body.statusChangedAt).toEqual(expect.any(String));
    });

    it('answers 404 for another organisation’s lead and for an unknown id, 400 for a non-uuid', async () => {
      const res = await t.http.get(`/v1/leads/${leads.rival.id}`).set(viewer.auth).expect(404);
      expect(res.body.error.code).toBe(ErrorCode.NotFound);
      await t.http.get('/v1/leads/00000000-0000-4000-8000-000000000000').set(viewer.auth).expect(404);
      await t.http.get('/v1/leads/not-a-uuid').set(viewer.auth).expect(400);
    });
  });

  describe('PATCH /v1/leads/:id/status', () => {
    const patch = (id: string, body: object, who: SignedInUser) => t.http.patch(`/v1/leads/${id}/status`).set(who.auth).send(body);

    it('is refused to viewers (403) and changes nothing', async () => {
      const lead = await insertLead(t.dataSource, admin.organisationId, { isTest: true });
      await patch(lead.id, { status: 'contacted' }, viewer).expect(403);
      const [row] = await t.dataSource.query(`SELECT status FROM leads WHERE id = $1`, [lead.id]);
      expect(row.status).toBe('new');
    });

    it('moves a lead forward, stores the premium and time of change, and audits from/to', async () => {
      const lead = await insertLead(t.dataSource, admin.organisationId, { isTest: true, status: LeadStatus.Qualified });
      const before = (await t.dataSource.query(`SELECT status_changed_at FROM leads WHERE id = $1`, [lead.id]))[0];
      const res = await patch(lead.id, { status: 'quoted', premiumValue: '1249.50', premiumCurrency: 'eur' }, manager).expect(200);
      expect(res.body).toMatchObject({ id: lead.id, status: 'quoted', premiumValue: '1249.50', premiumCurrency: 'EUR' });

      const [row] = await t.dataSource.query(`SELECT status, premium_value, premium_currency, status_changed_at FROM leads WHERE id = $1`, [
        lead.id,
      ]);
      expect(row).toMatchObject({ status: 'quoted', premium_value: '1249.50', premium_currency: 'EUR' });
      expect(row.status_changed_at.getTime()).toBeGreaterThan(before.status_changed_at.getTime());

      const entry = (await auditActions(t, admin.organisationId)).filter((a) => a.target_id === lead.id);
      expect(entry).toEqual([
        expect.objectContaining({
          action: 'lead.status_changed',
          actor_type: 'user',
          details: {
            from: 'qualified',
            to: 'quoted',
            premiumValue: '1249.50',
            premiumCurrency: 'EUR',
            before: { status: 'qualified', premiumValue: null, premiumCurrency: null },
            after: { status: 'quoted', premiumValue: '1249.50', premiumCurrency: 'EUR' },
          },
        }),
      ]);
    });

    it('refuses an illegal move with 409 naming the allowed ones, changing nothing', async () => {
      const lead = await insertLead(t.dataSource, admin.organisationId, { isTest: true, status: LeadStatus.Quoted });
      const res = await patch(lead.id, { status: 'contacted' }, manager).expect(409);
      expect(res.body.error.message).toBe('Cannot move a lead from quoted to contacted; allowed: won, lost');
      expect(res.body.error.details.allowed).toEqual(['won', 'lost']);
      const [row] = await t.dataSource.query(`SELECT status FROM leads WHERE id = $1`, [lead.id]);
      expect(row.status).toBe('quoted');
      expect((await auditActions(t, admin.organisationId)).some((a) => a.target_id === lead.id)).toBe(false);
    });

    it('corrects the premium of a quoted or won lead, keeping its status and time of change, and audits both values', async () => {
      for (const status of [LeadStatus.Quoted, LeadStatus.Won]) {
        const lead = await insertLead(t.dataSource, admin.organisationId, {
          isTest: true,
          status,
          premiumValue: '1249.50',
          premiumCurrency: 'EUR',
          statusChangedAt: new Date('2026-01-02T03:04:05Z'),
        });
        const res = await patch(lead.id, { status, premiumValue: '1199', premiumCurrency: 'usd' }, manager).expect(200);
        expect(res.body).toMatchObject({
          status,
          premiumValue: '1199.00',
          premiumCurrency: 'USD',
          statusChangedAt: '2026-01-02T03:04:05.000Z',
        });

        const [row] = await t.dataSource.query(
          `SELECT status, premium_value, premium_currency, status_changed_at FROM leads WHERE id = $1`,
          [lead.id],
        );
        expect(row).toMatchObject({ status, premium_value: '1199.00', premium_currency: 'USD' });
        expect(row.status_changed_at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
        const entries = (await auditActions(t, admin.organisationId)).filter((a) => a.target_id === lead.id);
        expect(entries).toEqual([
          expect.objectContaining({
            action: 'lead.premium_changed',
            actor_type: 'user',
            details: {
              status,
              from: { premiumValue: '1249.50', premiumCurrency: 'EUR' },
              to: { premiumValue: '1199.00', premiumCurrency: 'USD' },
            },
          }),
        ]);
      }
    });

    it('answers the same status with nothing to change with 200 and the lead as it is, writing and auditing nothing', async () => {
      const changedAt = new Date('2026-01-02T03:04:05Z');
      const lead = await insertLead(t.dataSource, admin.organisationId, {
        isTest: true,
        status: LeadStatus.Quoted,
        premiumValue: '1249.50',
        premiumCurrency: 'EUR',
        statusChangedAt: changedAt,
      });
      const bodies = [{ status: 'quoted' }, { status: 'quoted', premiumValue: '1249.5', premiumCurrency: 'eur' }];
      for (const body of bodies) {
        const res = await patch(lead.id, body, manager).expect(200);
        expect(res.body).toMatchObject({ id: lead.id, status: 'quoted', premiumValue: '1249.50', premiumCurrency: 'EUR' });
      }
      const [row] = await t.dataSource.query(`SELECT status_changed_at, updated_at FROM leads WHERE id = $1`, [lead.id]);
      expect(row.status_changed_at.getTime()).toBe(changedAt.getTime());
      expect(row.updated_at.getTime()).toBe(lead.updatedAt.getTime());
      expect((await auditActions(t, admin.organisationId)).some((a) => a.target_id === lead.id)).toBe(false);
    });

    it.each([
      [{ status: 'archived' }, 'status'],
      [{ status: 'won', premiumValue: '-5', premiumCurrency: 'EUR' }, 'premiumValue'],
      [{ status: 'won', premiumValue: '12.345', premiumCurrency: 'EUR' }, 'premiumValue'],
      [{ status: 'won', premiumValue: 100, premiumCurrency: 'EUR' }, 'premiumValue'],
      [{ status: 'won', premiumValue: '100' }, 'premiumCurrency'],
      [{ status: 'won', premiumValue: '100', premiumCurrency: 'EURO' }, 'premiumCurrency'],
      [{ status: 'won', note: 'x' }, 'note'],
    ])('rejects %j with 400 naming %s', async (body, field) => {
      const lead = await insertLead(t.dataSource, admin.organisationId, { isTest: true });
      const res = await patch(lead.id, body, manager).expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    });

    it('answers 404 for another organisation’s lead', async () => {
      await patch(leads.rival.id, { status: 'contacted' }, manager).expect(404);
      const [row] = await t.dataSource.query(`SELECT status FROM leads WHERE id = $1`, [leads.rival.id]);
      expect(row.status).toBe('new');
    });
  });

  describe('GET /v1/leads/export.csv', () => {
    const exportCsv = (query: Record<string, string | boolean> = {}) =>
      t.http
        .get('/v1/leads/export.csv')
        .query(query)
        .set(manager.auth)
        .buffer(true)
        .parse((res, done) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => done(null, Buffer.concat(parts).toString('utf8')));
        });

    it('downloads the filtered leads as UTF-8 CSV with quoting and formula defusing, and audits it', async () => {
      const res = await exportCsv({ from: at(1).toISOString(), to: at(6).toISOString() }).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=leads-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = res.body as string;
      expect(
        text.startsWith(
          '\uFEFFid,received_at,status,premium_value,premium_currency,full_name,first_name,last_name,email,phone,phone_e164,',
        ),
      ).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines).toHaveLength(1 + 5 + 1);
      expect(text).toContain(',"Doe, ""Johnny""",');
      expect(text).toContain(',Ζωή Παπαδοπούλου,');
      expect(text).toContain(`,"'=HYPERLINK(""http://evil.test"",""click"")",,,'@attacker.test,`);
      expect(text).not.toContain('Tess Test');
      expect(text).not.toContain('jane.rival@example.com');

      const exported = (await auditActions(t, admin.organisationId)).filter((a) => a.action === 'lead.exported');
      expect(exported.at(-1)).toMatchObject({
        details: {
          format: 'csv',
          rows: 5,
          complete: true,
          contactDetails: true,
          filter: { from: at(1).toISOString(), to: at(6).toISOString() },
        },
      });
    });

    it('applies the list filters', async () => {
      const text = (await exportCsv({ formId: 'F1', includeTest: true }).expect(200)).body as string;
      const rows = text.slice(1).trimEnd().split('\r\n').slice(1);
      expect(rows.map((r) => r.split(',')[5])).toEqual(['Tess Test', 'Bob Smith', 'Jane Doe']);
    });

    it('writes only the header when nothing matches', async () => {
      const text = (await exportCsv({ q: 'nobody-matches-this' }).expect(200)).body as string;
      expect(text.slice(1).split('\r\n')).toEqual([expect.stringMatching(/^id,/), '']);
    });

    it.each(['-receivedAt', 'receivedAt'])('streams more rows than one chunk, each exactly once (sort %s)', async (sort) => {
      // Many leads share a received_at, and times differ by microseconds: the keyset cursor must lose neither.
      const bulk = await createOrganisationWithAdmin(t, `Bulk ${sort}`);
      await t.dataSource.query(
        `INSERT INTO leads (organisation_id, full_name, received_at)
         SELECT $1, 'Bulk ' || i, timestamptz '2026-04-01 12:00:00.123456+00' + (i % 3) * interval '1 microsecond'
         FROM generate_series(1, 1101) AS i`,
        [bulk.org.id],
      );
      const res = await t.http
        .get('/v1/leads/export.csv')
        .query({ sort })
        .set(bulk.admin.auth)
        .buffer(true)
        .parse((r, done) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => done(null, Buffer.concat(parts).toString('utf8')));
        })
        .expect(200);
      const ids = (res.body as string)
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      const stored = await t.dataSource.query(`SELECT id FROM leads WHERE organisation_id = $1`, [bulk.org.id]);
      expect(ids).toHaveLength(1101);
      expect(new Set(ids)).toEqual(new Set(stored.map((r: { id: string }) => r.id)));
      const exported = (await auditActions(t, bulk.org.id)).filter((a) => a.action === 'lead.exported');
      expect(exported).toEqual([
        expect.objectContaining({ details: { format: 'csv', rows: 1101, complete: true, contactDetails: true, filter: { sort } } }),
      ]);
    });

    it('rejects bad filters with 400 before sending anything', async () => {
      const res = await t.http.get('/v1/leads/export.csv').query({ status: 'nope' }).set(manager.auth).expect(400);
      expect(res.body.error.fields[0].field).toBe('status');
      await t.http.get('/v1/leads/export.csv').query({ limit: 10 }).set(manager.auth).expect(400);
    });
  });

  it('documents every leads route in the OpenAPI document, with auth and error responses', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const ops = [
      doc.paths['/v1/leads'].get,
      doc.paths['/v1/leads/export.csv'].get,
      doc.paths['/v1/leads/export.xlsx'].get,
      doc.paths['/v1/leads/{id}'].get,
      doc.paths['/v1/leads/{id}/status'].patch,
      doc.paths['/v1/leads/{id}/reopen'].post,
    ];
    for (const op of ops) {
      expect(op.security.length).toBeGreaterThan(0);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    }
    expect(Object.keys(doc.paths['/v1/leads/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/v1/leads/export.xlsx'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(doc.paths['/v1/leads/{id}/reopen'].post.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(doc.paths['/v1/leads/{id}/status'].patch.responses)).toEqual(expect.arrayContaining(['404', '409']));
    expect(doc.paths['/v1/leads'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'status',
        'formId',
        'campaignId',
        'duplicate',
        'needsReview',
        'includeTest',
        'from',
        'to',
        'sort',
        'limit',
        'offset',
      ]),
    );
  });
});
