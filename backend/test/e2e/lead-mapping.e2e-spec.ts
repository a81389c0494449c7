import { ErrorEnvelope, LeadFormMappingDto, MappingPreviewDto, MetaLeadFormDto, Role } from '@legeai/contracts';
import { EntityManager } from 'typeorm';
import { Lead } from '../../src/modules/leads/entities/lead.entity';
import { findPersonDuplicate } from '../../src/modules/meta-leads/mapping/duplicate-finder';
import { createTestApp, TestApp } from '../utils/create-test-app';
import {
  auditActions,
  createOrganisationWithAdmin,
  createUserAndLogin,
  FIRST_ADMIN,
  login,
  SignedInUser,
} from '../utils/identity-fixtures';
import { insertLead, insertLeadForm } from '../utils/lead-factory';

const AUTO_QUESTIONS = [
  { key: 'full_name', label: 'Full name', type: 'FULL_NAME', id: '1' },
  { key: 'email', label: 'Email', type: 'EMAIL', id: '2' },
  { key: 'phone_number', label: 'Phone number', type: 'PHONE', id: '3' },
  { key: 'zip_code', label: 'ZIP code', type: 'ZIP', id: '4' },
  {
    key: 'coverage_needs',
    label: 'Which coverages are you interested in?',
    type: 'CUSTOM',
    options: [
      { key: 'liability', value: 'Liability' },
      { key: 'collision', value: 'Collision' },
    ],
    id: '5',
  },
  { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM', id: '6' },
];

const day = (n: number, hour = 12): Date => new Date(Date.UTC(2026, 2, n, hour));

describe('lead mapping and person duplicates (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let viewer: SignedInUser;
  let rival: SignedInUser;
  let org: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    viewer = await createUserAndLogin(t, admin, Role.Viewer);
    rival = (await createOrganisationWithAdmin(t, 'Rival Insurance')).admin;
    org = admin.organisationId;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('findPersonDuplicate', () => {
    const find = (organisationId: string, key: { emailNormalized?: string; phoneE164?: string }, at: Date, windowDays = 30) =>
      findPersonDuplicate(
        t.dataSource.manager,
        organisationId,
        { emailNormalized: key.emailNormalized ?? null, phoneE164: key.phoneE164 ?? null, nameNormalized: null },
        at,
        // Every signal a duplicate: the lookup itself, apart from the organisation's rule (lead-duplicates.e2e-spec.ts).
        { email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'duplicate', windowDays },
      );

    let first: Lead;
    let second: Lead;
    let byPhone: Lead;

    beforeAll(async () => {
      const ds = t.dataSource;
      // Same person twice (email), an older lead outside any 30-day window, a phone-only match and a test lead.
      await insertLead(ds, org, { emailNormalized: 'ana@example.com', receivedAt: day(1) });
      first = await insertLead(ds, org, { emailNormalized: 'ana@example.com', receivedAt: new Date(day(10).getTime() + 1000) });
      second = await insertLead(ds, org, { emailNormalized: 'ana@example.com', receivedAt: day(20) });
      byPhone = await insertLead(ds, org, { emailNormalized: 'other@example.com', phoneE164: '+12015550142', receivedAt: day(15) });
      await insertLead(ds, org, { emailNormalized: 'qa@example.com', phoneE164: '+12015550199', receivedAt: day(15), isTest: true });
      // Another organisation has the same person, earlier: never a match across tenants.
      await insertLead(ds, rival.organisationId, { emailNormalized: 'ana@example.com', phoneE164: '+12015550142', receivedAt: day(9) });
    });

    it('links to the earliest lead with the same email inside the window', async () => {
      // Window from March 9 12:00 to March 25: the March 1 lead is outside, the March 10 one is the earliest inside.
      await expect(find(org, { emailNormalized: 'ana@example.com' }, day(25), 16)).resolves.toMatchObject({
        leadId: first.id,
        rule: 'email',
      });
    });

    it('finds nothing when the earlier leads are all outside the window', async () => {
      await expect(find(org, { emailNormalized: 'ana@example.com' }, day(25), 4)).resolves.toBeNull();
      await expect(find(org, { emailNormalized: 'ana@example.com' }, day(25), 5)).resolves.toMatchObject({
        leadId: second.id,
        rule: 'email',
      });
    });

    it('ignores leads received after the new one', async () => {
      await expect(find(org, { emailNormalized: 'ana@example.com' }, day(5), 3)).resolves.toBeNull();
    });

    it('matches on the E.164 phone when the email differs, recording the phone rule', async () => {
      await expect(find(org, { emailNormalized: 'new@example.com', phoneE164: '+12015550142' }, day(20))).resolves.toMatchObject({
        leadId: byPhone.id,
        rule: 'phone',
      });
    });

    it('takes the earlier of an email match and a phone match', async () => {
      await expect(find(org, { emailNormalized: 'ana@example.com', phoneE164: '+12015550142' }, day(25), 16)).resolves.toMatchObject({
        leadId: first.id,
        rule: 'email',
      });
      await expect(find(org, { emailNormalized: 'ana@example.com', phoneE164: '+12015550142' }, day(25), 12)).resolves.toMatchObject({
        leadId: byPhone.id,
        rule: 'phone',
      });
    });

    it('never matches another organisation', async () => {
      // The rival's lead (March 9) is earlier than ours (March 10) and inside both windows: each sees only its own.
      await expect(find(org, { emailNormalized: 'ana@example.com', phoneE164: '+12015550142' }, day(12), 4)).resolves.toMatchObject({
        leadId: first.id,
        rule: 'email',
      });
      const theirs = await find(rival.organisationId, { emailNormalized: 'ana@example.com' }, day(12), 4);
      expect(theirs?.leadId).not.toBe(first.id);
      const [row] = await t.dataSource.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM leads WHERE id = $1`, [
        theirs!.leadId,
      ]);
      expect(row.organisation_id).toBe(rival.organisationId);
      await expect(find(rival.organisationId, { emailNormalized: 'ana@example.com' }, day(25), 10)).resolves.toBeNull();
    });

    it('does not link to test leads, and needs an email or a phone', async () => {
      await expect(find(org, { phoneE164: '+12015550199' }, day(20))).resolves.toBeNull();
      await expect(find(org, {}, day(20))).resolves.toBeNull();
      await expect(find(org, { emailNormalized: 'ana@example.com' }, day(25), 0)).resolves.toBeNull();
    });

    it('is answered from the (organisation, email) and (organisation, phone) indexes on a busy organisation', async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        // 20,000 leads of other people in the same weeks, so the planner has a real choice; rolled back afterwards.
        await runner.query(
          `INSERT INTO leads (organisation_id, email_normalized, phone_e164, received_at, source)
           SELECT $1, 'person' || n || '@example.com', '+1201555' || lpad(n::text, 4, '0'),
                  $2::timestamptz + (n || ' minutes')::interval, 'meta_lead_ads'
             FROM generate_series(1, 20000) AS n`,
          [org, day(1)],
        );
        await runner.query('ANALYZE leads');
        const explained: string[] = [];
        // The real connection, but each statement is explained instead of run.
        const explaining = {
          query: async (sql: string, params: unknown[]) => {
            const rows = (await runner.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[];
            explained.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
            return [];
          },
        } as unknown as EntityManager;
        await findPersonDuplicate(
          explaining,
          org,
          { emailNormalized: 'ana@example.com', phoneE164: '+12015550142', nameNormalized: 'ana pop' },
          day(25),
          { email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'possible', windowDays: 30 },
        );
        const plan = explained.join('\n');
        expect(plan).toContain('ix_leads_org_email');
        expect(plan).toContain('ix_leads_org_phone');
        expect(plan).not.toMatch(/Seq Scan/);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('mapping endpoints', () => {
    let formId: string;
    let emptyFormId: string;
    const url = (id: string, suffix = '') => `/v1/integrations/meta/lead-forms/${id}/mapping${suffix}`;

    beforeAll(async () => {
      formId = await insertLeadForm(t.dataSource, org, '9001', 'Auto', AUTO_QUESTIONS);
      emptyFormId = await insertLeadForm(t.dataSource, org, '9002', 'Auto', AUTO_QUESTIONS);
      await insertLead(t.dataSource, org, {
        formId: '9001',
        receivedAt: day(2),
        rawAnswers: [{ name: 'full_name', values: ['Old Lead'] }],
      });
      await insertLead(t.dataSource, org, {
        formId: '9001',
        receivedAt: day(3),
        fullName: 'stored columns are not used by the preview',
        rawAnswers: [
          { name: 'full_name', values: ['Marcus Johnson'] },
          { name: 'email', values: ['Marcus@Example.org'] },
          { name: 'phone_number', values: ['(212) 555-0101'] },
          { name: 'zip_code', values: ['10701'] },
          { name: 'coverage_needs', values: ['Liability', 'Collision'] },
          { name: 'current_insurer', values: ['GEICO'] },
        ],
        consentResponses: [{ checkboxKey: 'tcpa_consent', isChecked: true }],
      });
      // A newer lead of the same Meta form id in another organisation must not be previewed.
      await insertLeadForm(t.dataSource, rival.organisationId, '9001', 'Auto', AUTO_QUESTIONS);
      await insertLead(t.dataSource, rival.organisationId, {
        formId: '9001',
        receivedAt: day(4),
        rawAnswers: [{ name: 'full_name', values: ['Rival Lead'] }],
      });
    });

    it('shows viewers the effective mapping, the questions and the unmapped ones', async () => {
      const res = await t.http.get(url(formId)).set(viewer.auth).expect(200);
      const body = res.body as LeadFormMappingDto;
      expect(body).toMatchObject({
        id: formId,
        formId: '9001',
        customised: false,
        mapping: {
          fields: { full_name: 'fullName', email: 'email', phone_number: 'phone', zip_code: 'zipCode' },
          defaults: {},
          required: [],
        },
        unmappedQuestions: ['coverage_needs', 'current_insurer'],
      });
      expect(body.fields).toContain('productInterest');
      expect(body.questions.find((q) => q.key === 'coverage_needs')?.options).toEqual([
        { key: 'liability', value: 'Liability' },
        { key: 'collision', value: 'Collision' },
      ]);
    });

    it('lets only admins change it', async () => {
      const mapping = { fields: { coverage_needs: 'productInterest' }, defaults: {}, required: [] };
      await t.http.put(url(formId)).set(viewer.auth).send(mapping).expect(403);
      await t.http.put(url(formId)).send(mapping).expect(401);
      const [row] = await t.dataSource.query<{ mapping: unknown }[]>(`SELECT mapping FROM meta_lead_forms WHERE id = $1`, [formId]);
      expect(row.mapping).toBeNull();
    });

    it.each([
      [{ fields: { nope: 'email' }, defaults: {}, required: [] }, 'fields.nope'],
      [{ fields: { current_insurer: 'premium' }, defaults: {}, required: [] }, 'fields.current_insurer'],
      [{ fields: {}, defaults: { productInterest: '' }, required: [] }, 'defaults.productInterest'],
      [{ fields: {}, defaults: { country: 'Atlantis' }, required: [] }, 'defaults.country'],
      [{ fields: {}, defaults: { shoeSize: '44' }, required: [] }, 'defaults.shoeSize'],
      [{ fields: {}, defaults: {}, required: ['email', 'favouriteColour'] }, 'required[1]'],
      [{ fields: [], defaults: {}, required: [] }, 'fields'],
      [{ defaults: {}, required: [] }, 'fields'],
      [{ fields: {}, defaults: {}, required: [], extra: true }, 'extra'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const res = await t.http.put(url(formId)).set(admin.auth).send(body).expect(400);
      const error = (res.body as ErrorEnvelope).error;
      expect(error.fields?.map((f) => f.field)).toContain(field);
    });

    it('stores a valid mapping, audits it and reports what is still unmapped', async () => {
      const res = await t.http
        .put(url(formId))
        .set(admin.auth)
        .send({
          fields: { coverage_needs: 'productInterest', zip_code: 'ignore' },
          defaults: { country: 'us' },
          required: ['email', 'phone', 'email'],
        })
        .expect(200);
      const body = res.body as LeadFormMappingDto;
      expect(body.customised).toBe(true);
      expect(body.mapping.fields).toMatchObject({ coverage_needs: 'productInterest', zip_code: 'ignore', full_name: 'fullName' });
      expect(body.mapping.defaults).toEqual({ country: 'US' });
      expect(body.mapping.required).toEqual(['email', 'phone']);
      expect(body.unmappedQuestions).toEqual(['current_insurer']);

      const [row] = await t.dataSource.query<{ mapping: unknown }[]>(`SELECT mapping FROM meta_lead_forms WHERE id = $1`, [formId]);
      expect(row.mapping).toEqual({
        fields: { coverage_needs: 'productInterest', zip_code: 'ignore' },
        defaults: { country: 'US' },
        required: ['email', 'phone'],
      });
      const audit = await auditActions(t, org);
      expect(audit).toContainEqual(expect.objectContaining({ action: 'meta.lead_form_mapping_updated', target_id: formId }));
      const again = await t.http.get(url(formId)).set(viewer.auth).expect(200);
      expect((again.body as LeadFormMappingDto).unmappedQuestions).toEqual(['current_insurer']);
    });

    it("previews a mapping on the form's most recent stored lead without storing it", async () => {
      const res = await t.http
        .post(url(formId, '/preview'))
        .set(viewer.auth)
        .send({
          mapping: { fields: { current_insurer: 'city', coverage_needs: 'productInterest' }, defaults: {}, required: ['dateOfBirth'] },
        })
        .expect(200);
      const body = res.body as MappingPreviewDto;
      expect(body.source).toBe('lead');
      expect(body.answers.find((a) => a.name === 'coverage_needs')?.values).toEqual(['Liability', 'Collision']);
      expect(body.fields).toMatchObject({
        fullName: 'Marcus Johnson',
        firstName: 'Marcus',
        emailNormalized: 'marcus@example.org',
        phoneE164: '+12125550101',
        city: 'GEICO',
        zipCode: '10701',
        productInterest: 'liability, collision',
      });
      expect(body.missingRequired).toEqual(['dateOfBirth']);
      expect(body.needsReview).toBe(true);
      expect(body.unmappedQuestions).toEqual([]);
      const [row] = await t.dataSource.query<{ mapping: { fields: object } }[]>(`SELECT mapping FROM meta_lead_forms WHERE id = $1`, [
        formId,
      ]);
      expect(row.mapping.fields).not.toHaveProperty('current_insurer');
    });

    it('previews the stored mapping when none is given', async () => {
      const res = await t.http.post(url(formId, '/preview')).set(viewer.auth).send({}).expect(200);
      const body = res.body as MappingPreviewDto;
      expect(body.fields).toMatchObject({ zipCode: null, country: 'US', productInterest: 'liability, collision' });
      expect(body.unmappedQuestions).toEqual(['current_insurer']);
    });

    it('previews on example answers when the form has no lead yet', async () => {
      const res = await t.http.post(url(emptyFormId, '/preview')).set(viewer.auth).send({}).expect(200);
      const body = res.body as MappingPreviewDto;
      expect(body).toMatchObject({ source: 'example', leadId: null });
      expect(body.answers.map((a) => a.name)).toEqual(AUTO_QUESTIONS.map((q) => q.key));
      expect(body.fields.emailNormalized).toMatch(/@example\.com$/);
      expect(body.fields.phoneE164).toMatch(/^\+1\d{10}$/);
    });

    it('validates the previewed mapping like a stored one', async () => {
      const res = await t.http
        .post(url(formId, '/preview'))
        .set(viewer.auth)
        .send({ mapping: { fields: { unknown_question: 'email' }, defaults: {}, required: [] } })
        .expect(400);
      expect((res.body as ErrorEnvelope).error.fields?.map((f) => f.field)).toEqual(['fields.unknown_question']);
    });

    it('keeps organisations apart and answers 400/404 for bad ids', async () => {
      await t.http.get(url(formId)).set(rival.auth).expect(404);
      await t.http.put(url(formId)).set(rival.auth).send({ fields: {}, defaults: {}, required: [] }).expect(404);
      await t.http.post(url(formId, '/preview')).set(rival.auth).send({}).expect(404);
      await t.http.get(url('not-a-uuid')).set(viewer.auth).expect(400);
    });

    it('goes back to the defaults when the mapping is emptied', async () => {
      const res = await t.http.put(url(formId)).set(admin.auth).send({ fields: {}, defaults: {}, required: [] }).expect(200);
      expect((res.body as LeadFormMappingDto).customised).toBe(false);
      const [row] = await t.dataSource.query<{ mapping: unknown }[]>(`SELECT mapping FROM meta_lead_forms WHERE id = $1`, [formId]);
      expect(row.mapping).toBeNull();
    });

    it("counts the same unmapped questions on the forms list as the mapping endpoint, in the caller's organisation", async () => {
      const listed = async (user: SignedInUser) => {
        const res = await t.http.get('/v1/integrations/meta/lead-forms').set(user.auth).expect(200);
        return (res.body as MetaLeadFormDto[]).find((form) => form.id === formId)?.unmappedQuestions;
      };
      const unmapped = async () =>
        ((await t.http.get(url(formId)).set(viewer.auth).expect(200)).body as LeadFormMappingDto).unmappedQuestions;

      expect(await listed(viewer)).toBe(2);
      expect(await unmapped()).toHaveLength(2);
      await t.http
        .put(url(formId))
        .set(admin.auth)
        .send({ fields: { coverage_needs: 'productInterest' }, defaults: {}, required: [] })
        .expect(200);
      expect(await listed(viewer)).toBe(1);
      expect(await unmapped()).toEqual(['current_insurer']);
      expect(await listed(rival)).toBeUndefined();
    });
  });
});
