import { LeadDetailDto, LeadStatus, LeadSummaryDto, LeadSyncState, Page, Role } from '@legeai/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { insertLead } from '../utils/lead-factory';
import { waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(120_000);

/** The sandbox's Spanish auto form, on the Page "Harbor Point Seguros", whose business buys ads in USD. */
const SPANISH_FORM = '555000000000201';
const SPANISH_PAGE = '153125381133002';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Working a lead the way an agency does, against the app connected to the Meta sandbox: the drawer reads like the
 * form the person filled in, won needs a premium in the right currency, a closed lead is reopened with a reason, the
 * timeline keeps every change, and exports carry everything under the form's labels to those allowed to see
 * contact details.
 */
describe('leads as an agency works them (e2e)', () => {
  let env: MetaTestEnv;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let leadId: string;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'lead-work-e2e', webhookTimeoutMs: 5000 });
    await connectOrganisation(env);
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    const [created] = env.sandbox.control.createLeads({ formId: SPANISH_FORM, count: 1, platform: 'ig' });
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    leadId = sync.lead_id!;
  });
  afterAll(() => env?.close());

  const http = () => env.t.http;
  const detail = async (who: SignedInUser = manager, id = leadId) =>
    (await http().get(`/v1/leads/${id}`).set(who.auth).expect(200)).body as LeadDetailDto;
  const patchStatus = (body: object, who: SignedInUser = manager, id = leadId) =>
    http().patch(`/v1/leads/${id}/status`).set(who.auth).send(body);
  const reopen = (body: object, who: SignedInUser = manager, id = leadId) => http().post(`/v1/leads/${id}/reopen`).set(who.auth).send(body);
  const actionsOn = async (organisationId: string, id: string) =>
    (await auditActions(env.t, organisationId)).filter((a) => a.target_id === id) as unknown as {
      action: string;
      details: Record<string, unknown>;
    }[];

  describe('the drawer reads like the form', () => {
    it("shows the answers under the form's own labels, in the form's language, in the form's order", async () => {
      const lead = await detail();
      expect(lead.formLocale).toBe('ES_LA');
      expect(lead.answers.map((a) => a.label)).toEqual([
        'Nombre completo',
        'Correo electrónico',
        'Número de teléfono',
        'Código postal',
        '¿Qué cobertura le interesa?',
        '¿Cuándo prefiere que lo llamemos?',
      ]);
      expect(lead.answers.find((a) => a.key === 'mejor_horario')!.values[0]).toMatch(/^(Mañana|Tarde|Noche)$/);
    });

    it('shows the consent text that was agreed to, and when; the Page by name', async () => {
      const lead = await detail();
      expect(lead.pageName).toBe('Harbor Point Seguros');
      expect(lead.attribution.pageId).toBe(SPANISH_PAGE);
      expect(lead.consent).toMatchObject({
        agreedAt: lead.receivedAt,
        disclaimerTitle: 'Consentimiento',
        disclaimerBody: 'Usaremos sus respuestas para preparar una cotización.',
        privacyPolicyUrl: 'https://harborpoint-insurance.example/privacy',
        checkboxes: [
          {
            key: 'consentimiento_tcpa',
            isChecked: true,
            isRequired: true,
            text: 'Acepto que Harbor Point Seguros me contacte por teléfono, mensaje de texto o correo electrónico.',
          },
        ],
      });
    });

    it('audits each view of the contact details', async () => {
      const before = (await actionsOn(env.admin.organisationId, leadId)).filter((a) => a.action === 'lead.contact_viewed').length;
      await detail(manager);
      const after = (await actionsOn(env.admin.organisationId, leadId)).filter((a) => a.action === 'lead.contact_viewed').length;
      expect(after).toBe(before + 1);
    });
  });

  describe('status and premium', () => {
    it("offers the currency of the Page's ad accounts", async () => {
      expect((await detail()).currency).toEqual({ code: 'USD', source: 'ad_account' });
    });

    it('refuses won without a premium or an explicit "not known yet", changing nothing', async () => {
      const res = await patchStatus({ status: 'won' }).expect(400);
      expect(res.body.error.fields).toEqual([{ field: 'premiumValue', messages: [expect.stringMatching(/premiumUnknown/)] }]);
      const both = await patchStatus({ status: 'won', premiumValue: '10', premiumUnknown: true }).expect(400);
      expect(both.body.error.fields[0].field).toBe('premiumUnknown');
      expect((await detail()).status).toBe('new');
    });

    it("marks won with a premium in the lead's currency", async () => {
      const res = await patchStatus({ status: 'won', premiumValue: '1250.50' }).expect(200);
      expect(res.body).toMatchObject({ status: 'won', premiumValue: '1250.50', premiumCurrency: 'USD', premiumUnknown: false });
    });

    it('lets a manager reopen a won lead only with a reason, to the status it had, audited with before and after', async () => {
      await reopen({ reason: 'policy cancelled' }, viewer).expect(403);
      const missing = await reopen({}).expect(400);
      expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
      await reopen({ reason: '  ' }).expect(400);
      await patchStatus({ status: 'new' }).expect(409);

      const res = await reopen({ reason: 'Policy cancelled in the cooling-off period' }).expect(200);
      expect(res.body).toMatchObject({ status: 'new', premiumValue: '1250.50', premiumCurrency: 'USD' });
      const entry = (await actionsOn(env.admin.organisationId, leadId)).find((a) => a.action === 'lead.reopened')!;
      expect(entry.details).toMatchObject({
        reason: 'Policy cancelled in the cooling-off period',
        before: { status: 'won', premiumValue: '1250.50', premiumCurrency: 'USD' },
        after: { status: 'new', premiumValue: '1250.50', premiumCurrency: 'USD' },
      });
      const again = await reopen({ reason: 'twice' }).expect(409);
      expect(again.body.error.message).toMatch(/Only won or lost leads are reopened/);
    });

    it('keeps every status change in the timeline, with who and why, not only the last ones', async () => {
      await patchStatus({ status: 'contacted' }).expect(200);
      await patchStatus({ status: 'quoted', premiumValue: '1300', premiumCurrency: 'usd' }).expect(200);
      await patchStatus({ status: 'lost' }).expect(200);
      await reopen({ reason: 'Called back', status: 'qualified' }, env.admin).expect(200);
      await patchStatus({ status: 'won', premiumUnknown: true }).expect(200);

      const lead = await detail();
      expect(lead).toMatchObject({ status: 'won', premiumValue: null, premiumUnknown: true });
      expect(lead.statusHistory.map((c) => [c.kind, c.from, c.to])).toEqual([
        ['status', 'new', 'won'],
        ['reopen', 'won', 'new'],
        ['status', 'new', 'contacted'],
        ['status', 'contacted', 'quoted'],
        ['status', 'quoted', 'lost'],
        ['reopen', 'lost', 'qualified'],
        ['status', 'qualified', 'won'],
      ]);
      expect(lead.statusHistory[0]).toMatchObject({
        premiumValue: '1250.50',
        premiumCurrency: 'USD',
        actor: { type: 'user', name: 'Test manager' },
      });
      expect(lead.statusHistory[5]).toMatchObject({ reason: 'Called back', actor: { name: 'Administrator' } });
      expect(lead.statusHistory[6]).toMatchObject({ premiumUnknown: true, premiumValue: null });
      const times = lead.statusHistory.map((c) => Date.parse(c.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it("uses the organisation's default currency when no ad account prices the lead, and asks for one when neither does", async () => {
      const { org, admin } = await createOrganisationWithAdmin(env.t, 'Currencyless Agency');
      const lead = await insertLead(env.t.dataSource, org.id, { status: LeadStatus.Quoted, pageId: 'no-such-page' });
      const refused = await patchStatus({ status: 'won', premiumValue: '99' }, admin, lead.id).expect(400);
      expect(refused.body.error.fields[0].field).toBe('premiumCurrency');

      await http().patch('/v1/organisation').set(admin.auth).send({ defaultCurrency: 'xyz' }).expect(400);
      const org1 = await http().patch('/v1/organisation').set(admin.auth).send({ defaultCurrency: 'cad' }).expect(200);
      expect(org1.body.defaultCurrency).toBe('CAD');
      expect((await detail(admin, lead.id)).currency).toEqual({ code: 'CAD', source: 'organisation' });
      const won = await patchStatus({ status: 'won', premiumValue: '1250.50' }, admin, lead.id).expect(200);
      expect(won.body).toMatchObject({ premiumValue: '1250.50', premiumCurrency: 'CAD' });
      const updated = (await auditActions(env.t, org.id)).find((a) => a.action === 'organisation.updated') as unknown as {
        details: unknown;
      };
      expect(updated.details).toEqual({ before: { defaultCurrency: null }, after: { defaultCurrency: 'CAD' } });
    });
  });

  describe('exports and the contact details permission', () => {
    let phoneLeadId: string;

    beforeAll(async () => {
      const phoneLead = await insertLead(env.t.dataSource, env.admin.organisationId, {
        fullName: '=HYPERLINK("http://evil.test","click")',
        email: 'ana@example.test',
        phone: '+17185550179',
        phoneE164: '+17185550179',
        formId: SPANISH_FORM,
        pageId: SPANISH_PAGE,
        platform: 'fb',
        campaignId: 'C9',
        campaignName: 'Auto ES',
        adsetId: 'S9',
        adsetName: 'Hispanic US',
        adId: 'A9',
        adName: 'Cotiza hoy',
        rawAnswers: [
          { name: 'mejor_horario', values: ['Tarde'] },
          { name: 'tipo_de_cobertura', values: ['Choque', 'Cobertura amplia'] },
        ],
        consentResponses: [{ checkboxKey: 'consentimiento_tcpa', isChecked: true }],
        receivedAt: new Date('2026-03-01T10:00:00Z'),
      });
      phoneLeadId = phoneLead.id;
    });

    const download = (format: 'csv' | 'xlsx', who: SignedInUser) =>
      http()
        .get(`/v1/leads/export.${format}`)
        .query({ formId: SPANISH_FORM })
        .set(who.auth)
        .buffer(true)
        .parse((res, done) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => done(null, Buffer.concat(parts)));
        });

    it('exports CSV with every answer under its question label, consent with text and time, attribution by name and id', async () => {
      const res = await download('csv', manager).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const records = parse((res.body as Buffer).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
      const row = records.find((r) => r['id'] === phoneLeadId)!;
      expect(row).toMatchObject({
        phone: '+17185550179',
        phone_e164: '+17185550179',
        full_name: `'=HYPERLINK("http://evil.test","click")`,
        platform: 'fb',
        page_id: SPANISH_PAGE,
        page_name: 'Harbor Point Seguros',
        form_id: SPANISH_FORM,
        form_name: 'Cotización de seguro de auto',
        campaign_id: 'C9',
        campaign_name: 'Auto ES',
        adset_id: 'S9',
        adset_name: 'Hispanic US',
        ad_id: 'A9',
        ad_name: 'Cotiza hoy',
        consent_at: '2026-03-01T10:00:00.000Z',
        consent_disclaimer: 'Consentimiento: Usaremos sus respuestas para preparar una cotización.',
        consent_checkboxes: '[x] Acepto que Harbor Point Seguros me contacte por teléfono, mensaje de texto o correo electrónico.',
        privacy_policy_url: 'https://harborpoint-insurance.example/privacy',
        '¿Cuándo prefiere que lo llamemos?': 'Tarde',
        '¿Qué cobertura le interesa?': 'Choque; Cobertura amplia',
      });
      // The webhook lead of the same form is there too, with its answers under the same labels.
      expect(records.find((r) => r['id'] === leadId)!['Nombre completo']).toBeTruthy();
    });

    it('exports XLSX whose cells are text: the phone and the formula-looking name open as they are', async () => {
      const res = await download('xlsx', manager).expect(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=leads-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const book = new ExcelJS.Workbook();
      // ExcelJS types its input as its own Buffer (an ArrayBuffer), which Node's Buffer type no longer matches.
      await book.xlsx.load(res.body as Parameters<ExcelJS.Xlsx['load']>[0]);
      const sheet = book.getWorksheet('Leads')!;
      const headers = sheet.getRow(1).values as string[];
      let found = 0;
      sheet.eachRow((row, n) => {
        if (n === 1 || row.getCell(headers.indexOf('id')).value !== phoneLeadId) return;
        found++;
        const phone = row.getCell(headers.indexOf('phone'));
        expect(phone.value).toBe('+17185550179');
        expect(phone.type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(headers.indexOf('full_name')).value).toBe('=HYPERLINK("http://evil.test","click")');
        expect(row.getCell(headers.indexOf('full_name')).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(headers.indexOf('¿Qué cobertura le interesa?')).value).toBe('Choque; Cobertura amplia');
      });
      expect(found).toBe(1);
      const exported = (await auditActions(env.t, env.admin.organisationId)).filter((a) => a.action === 'lead.exported');
      expect(exported.at(-1)).toMatchObject({
        actor_type: 'user',
        details: { format: 'xlsx', rows: 2, complete: true, contactDetails: true, filter: { formId: SPANISH_FORM } },
      });
    });

    it('refuses a viewer the export and masks their contact details, until an admin grants the permission', async () => {
      const before = (await auditActions(env.t, env.admin.organisationId)).length;
      for (const format of ['csv', 'xlsx'] as const) {
        const res = await download(format, viewer).expect(403);
        expect(JSON.parse((res.body as Buffer).toString('utf8')).error.message).toMatch(/contact details/);
      }
      const masked = await detail(viewer, phoneLeadId);
      expect(masked).toMatchObject({ contactMasked: true, email: 'a•••@example.test', phone: '•••79', fullName: expect.any(String) });
      const page = (await http().get('/v1/leads').query({ formId: SPANISH_FORM }).set(viewer.auth).expect(200))
        .body as Page<LeadSummaryDto>;
      expect(page.items.find((l) => l.id === phoneLeadId)).toMatchObject({ email: 'a•••@example.test', phoneE164: '•••79' });
      // Neither the refused exports nor the masked views are recorded as views of contact details.
      const since = (await auditActions(env.t, env.admin.organisationId)).slice(before);
      expect(since.filter((a) => a.action === 'lead.contact_viewed' || a.action === 'lead.exported')).toEqual([]);

      const grant = await http().patch(`/v1/users/${viewer.id}`).set(env.admin.auth).send({ canExportContacts: true }).expect(200);
      expect(grant.body.canExportContacts).toBe(true);
      const granted = (await auditActions(env.t, env.admin.organisationId)).filter((a) => a.action === 'user.updated').at(-1);
      expect(granted).toMatchObject({ details: { before: { canExportContacts: false }, after: { canExportContacts: true } } });
      expect((await http().get('/v1/auth/me').set(viewer.auth).expect(200)).body.canSeeContacts).toBe(true);

      await download('csv', viewer).expect(200);
      expect(await detail(viewer, phoneLeadId)).toMatchObject({ contactMasked: false, email: 'ana@example.test', phone: '+17185550179' });
      const viewed = (await actionsOn(env.admin.organisationId, phoneLeadId)).filter((a) => a.action === 'lead.contact_viewed');
      expect(viewed.length).toBeGreaterThan(0);

      await http().patch(`/v1/users/${viewer.id}`).set(env.admin.auth).send({ canExportContacts: false }).expect(200);
      await download('csv', viewer).expect(403);
    });
  });
});
