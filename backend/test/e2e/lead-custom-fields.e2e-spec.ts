import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  LeadDetailDto,
  LeadFieldDefinitionDto,
  LeadFormMappingDto,
  LeadSummaryDto,
  LeadSyncState,
  MetaLeadFormDto,
  Page,
  Role,
} from '@legeai/contracts';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(180_000);

const AUTO_FORM = '555000000000101';
const HEALTH_FORM = '555000000000104';

interface LeadRow {
  id: string;
  custom_fields: Record<string, unknown>;
  raw_answers: { name: string; values: string[] }[];
  needs_review: boolean;
  review_reason: string | null;
}

const answer = (lead: LeadRow, name: string): string[] => lead.raw_answers.find((a) => a.name === name)?.values ?? [];

describe('custom lead fields (e2e)', () => {
  let env: MetaTestEnv;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let rival: SignedInUser;
  const fields: Record<string, LeadFieldDefinitionDto> = {};
  let autoLeads: LeadRow[] = [];
  let healthLeads: LeadRow[] = [];

  const http = () => env.t.http;
  const leadRows = (ids: string[]) =>
    env.t.dataSource.query<LeadRow[]>(
      `SELECT l.id, l.custom_fields, l.raw_answers, l.needs_review, l.review_reason
         FROM meta_lead_syncs s JOIN leads l ON l.id = s.lead_id WHERE s.leadgen_id = ANY($1::text[])`,
      [ids],
    );
  const formUuid = async (metaFormId: string) =>
    ((await http().get('/v1/integrations/meta/lead-forms').set(admin.auth).expect(200)).body as MetaLeadFormDto[]).find(
      (f) => f.formId === metaFormId,
    )!.id;
  const ingest = async (formId: string, count: number): Promise<LeadRow[]> => {
    const created = env.sandbox.control.createLeads({ formId, count });
    await env.sandbox.control.flushWebhooks();
    const ids = created.map((l) => l.id);
    await waitForStates(env.t, ids, [LeadSyncState.Stored], 60_000);
    return leadRows(ids);
  };

  beforeAll(async () => {
    env = await startMetaTestEnv({
      seed: 'lead-custom-fields-e2e',
      webhookTimeoutMs: 5000,
      fastGraphPauses: true,
      env: { LOGIN_RATE_LIMIT: '1000' },
    });
    await connectOrganisation(env);
    admin = env.admin;
    manager = await createUserAndLogin(env.t, admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, admin, Role.Viewer);
    rival = (await createOrganisationWithAdmin(env.t, 'Rival Insurance')).admin;
  });
  afterAll(() => env?.close());

  describe('definitions', () => {
    it('refuses bad definitions with a 400 naming the field', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ key: 'Vehicle Year', label: 'Vehicle year', type: 'number' }, 'key'],
        [{ key: '9lives', label: 'Lives', type: 'number' }, 'key'],
        [{ key: 'carrier', label: '', type: 'text' }, 'label'],
        [{ key: 'carrier', label: 'Carrier', type: 'colour' }, 'type'],
        [{ key: 'coverage', label: 'Coverage', type: 'choice' }, 'options'],
        [{ key: 'coverage', label: 'Coverage', type: 'multi_choice', options: [{ key: 'a', label: 'A' }] }, 'options'],
        [
          {
            key: 'carrier',
            label: 'Carrier',
            type: 'text',
            options: [
              { key: 'a', label: 'A' },
              { key: 'b', label: 'B' },
            ],
          },
          'options',
        ],
        [
          {
            key: 'coverage',
            label: 'Coverage',
            type: 'choice',
            options: [
              { key: 'a', label: 'A' },
              { key: 'a', label: 'B' },
            ],
          },
          'options.1.key',
        ],
        [
          {
            key: 'coverage',
            label: 'Coverage',
            type: 'choice',
            options: [
              { key: 'a', label: 'Same' },
              { key: 'b', label: 'same' },
            ],
          },
          'options.1.label',
        ],
        [
          {
            key: 'coverage',
            label: 'Coverage',
            type: 'choice',
            options: [
              { key: 'A B', label: 'A' },
              { key: 'b', label: 'B' },
            ],
          },
          'options.0.key',
        ],
        [{ key: 'carrier', label: 'Carrier', type: 'text', colour: 'red' }, 'colour'],
        [{ key: 'carrier', label: 'Car\u0000rier', type: 'text' }, 'label'],
      ];
      for (const [body, field] of bad) {
        const res = await http().post('/v1/lead-fields').set(admin.auth).send(body).expect(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      expect((await http().get('/v1/lead-fields').set(admin.auth).expect(200)).body).toEqual([]);
    });

    it('lets admins define fields, everyone read them, and no one else change them', async () => {
      const defs = [
        {
          key: 'vehicle_year',
          label: 'Vehicle year',
          type: 'choice',
          options: [
            { key: '2026', label: '2026' },
            { key: '2024_2025', label: '2024–2025' },
            { key: '2019_2023', label: '2019–2023' },
            { key: 'older', label: '2018 or older' },
          ],
        },
        {
          key: 'coverage_wanted',
          label: 'Coverage wanted',
          type: 'multi_choice',
          options: [
            { key: 'liability', label: 'Liability' },
            { key: 'collision', label: 'Collision' },
            { key: 'comprehensive', label: 'Comprehensive' },
            { key: 'roadside', label: 'Roadside assistance' },
          ],
        },
        { key: 'current_carrier', label: 'Current carrier', type: 'text' },
        { key: 'household_size', label: 'Household size', type: 'number' },
        { key: 'renewal_date', label: 'Renewal date', type: 'date' },
      ];
      await http().post('/v1/lead-fields').set(manager.auth).send(defs[2]).expect(403);
      await http().post('/v1/lead-fields').set(viewer.auth).send(defs[2]).expect(403);
      for (const def of defs) {
        const res = await http().post('/v1/lead-fields').set(admin.auth).send(def).expect(201);
        expect(res.body).toMatchObject({ ...def, options: def.options ?? [], archived: false, inUse: false });
        fields[def.key] = res.body;
      }
      expect(fields['household_size'].position).toBeGreaterThan(fields['vehicle_year'].position);
      await http().post('/v1/lead-fields').set(admin.auth).send(defs[2]).expect(409);

      const list = (await http().get('/v1/lead-fields').set(viewer.auth).expect(200)).body as LeadFieldDefinitionDto[];
      expect(list.map((f) => f.key)).toEqual(defs.map((d) => d.key));
      await http().patch(`/v1/lead-fields/${fields['current_carrier'].id}`).set(manager.auth).send({ label: 'Carrier' }).expect(403);
      await http().delete(`/v1/lead-fields/${fields['current_carrier'].id}`).set(viewer.auth).expect(403);
      const created = (await auditActions(env.t, admin.organisationId)).filter((a) => a.action === 'lead_field.created');
      expect(created).toHaveLength(defs.length);
    });

    it('keeps organisations apart: another organisation neither sees nor changes them, and may reuse a key', async () => {
      expect((await http().get('/v1/lead-fields').set(rival.auth).expect(200)).body).toEqual([]);
      await http().patch(`/v1/lead-fields/${fields['current_carrier'].id}`).set(rival.auth).send({ label: 'Mine' }).expect(404);
      await http().delete(`/v1/lead-fields/${fields['current_carrier'].id}`).set(rival.auth).expect(404);
      await http().post('/v1/lead-fields').set(rival.auth).send({ key: 'current_carrier', label: 'Carrier', type: 'text' }).expect(201);
      const res = await http().get('/v1/leads').query({ 'field.vehicle_year': 'older' }).set(rival.auth).expect(400);
      expect(res.body.error.fields[0].field).toBe('field.vehicle_year');
    });
  });

  describe('mapping and ingest through the sandbox', () => {
    it('maps form questions to custom fields; an unknown custom field is a 400', async () => {
      const auto = await formUuid(AUTO_FORM);
      const bad = await http()
        .put(`/v1/integrations/meta/lead-forms/${auto}/mapping`)
        .set(admin.auth)
        .send({ fields: { vehicle_year: 'custom:no_such_field' }, defaults: {}, required: [] })
        .expect(400);
      expect(bad.body.error.fields[0].field).toBe('fields.vehicle_year');

      const res = await http()
        .put(`/v1/integrations/meta/lead-forms/${auto}/mapping`)
        .set(admin.auth)
        .send({
          fields: {
            vehicle_year: 'custom:vehicle_year',
            coverage_needs: 'custom:coverage_wanted',
            current_insurer: 'custom:current_carrier',
          },
          defaults: {},
          required: [],
        })
        .expect(200);
      const body = res.body as LeadFormMappingDto;
      expect(body.mapping.fields['coverage_needs']).toBe('custom:coverage_wanted');
      expect(body.customFields.map((f) => f.key)).toContain('household_size');
      expect(body.unmappedQuestions).toEqual([]);

      const health = await formUuid(HEALTH_FORM);
      await http()
        .put(`/v1/integrations/meta/lead-forms/${health}/mapping`)
        .set(admin.auth)
        .send({ fields: { household_size: 'custom:household_size' }, defaults: {}, required: [] })
        .expect(200);
    });

    it('stores each mapped answer typed: choices as option keys, multi-choices as keys, text as given', async () => {
      autoLeads = await ingest(AUTO_FORM, 6);
      expect(autoLeads).toHaveLength(6);
      const yearKeys: Record<string, string> = {
        '2026': '2026',
        '2024–2025': '2024_2025',
        '2019–2023': '2019_2023',
        '2018 or older': 'older',
      };
      const coverageKeys: Record<string, string> = {
        Liability: 'liability',
        Collision: 'collision',
        Comprehensive: 'comprehensive',
        'Roadside assistance': 'roadside',
      };
      const order = Object.values(coverageKeys);
      for (const lead of autoLeads) {
        expect(lead.custom_fields['vehicle_year']).toBe(yearKeys[answer(lead, 'vehicle_year')[0]]);
        const coverage = answer(lead, 'coverage_needs').map((v) => coverageKeys[v]);
        expect(lead.custom_fields['coverage_wanted']).toEqual(order.filter((k) => coverage.includes(k)));
        expect(lead.custom_fields['current_carrier']).toBe(answer(lead, 'current_insurer')[0]);
        expect(lead.needs_review).toBe(false);
      }
    });

    it('makes a number answer a number, and keeps one that is not in the raw answers with the lead marked for review', async () => {
      healthLeads = await ingest(HEALTH_FORM, 12);
      const fits = healthLeads.filter((l) => answer(l, 'household_size')[0] === '2');
      const misfits = healthLeads.filter((l) => answer(l, 'household_size')[0] !== '2');
      // The sandbox answers one of four options at random: with 12 leads both kinds are all but certain.
      expect(fits.length).toBeGreaterThan(0);
      expect(misfits.length).toBeGreaterThan(0);
      for (const lead of fits) {
        expect(lead.custom_fields).toEqual({ household_size: 2 });
        expect(lead.review_reason ?? '').not.toContain('Household size');
      }
      for (const lead of misfits) {
        expect(lead.custom_fields).toEqual({});
        expect(lead.needs_review).toBe(true);
        const given = answer(lead, 'household_size')[0];
        expect(lead.review_reason).toContain(
          `Household size left empty: "${given}" is not a number (the answer to "How many people need coverage?" is kept)`,
        );
      }
    });
  });

  describe('the lead, its edits, the list filters and the exports', () => {
    it("shows the fields in the drawer in the organisation's order, with labels and display values", async () => {
      const lead = autoLeads[0];
      const res = await http().get(`/v1/leads/${lead.id}`).set(viewer.auth).expect(200);
      const detail = res.body as LeadDetailDto;
      expect(detail.customFields.map((f) => f.key)).toEqual([
        'vehicle_year',
        'coverage_wanted',
        'current_carrier',
        'household_size',
        'renewal_date',
      ]);
      const year = detail.customFields[0];
      expect(year).toMatchObject({ label: 'Vehicle year', type: 'choice', value: lead.custom_fields['vehicle_year'], archived: false });
      expect(year.display).toBe(answer(lead, 'vehicle_year')[0]);
      expect(detail.customFields[1].display).toBe(
        fields['coverage_wanted'].options
          .filter((o) => (lead.custom_fields['coverage_wanted'] as string[]).includes(o.key))
          .map((o) => o.label)
          .join(', '),
      );
      expect(detail.customFields[3]).toMatchObject({ value: null, display: null });
    });

    it('lets managers and admins edit values, typed and audited; viewers may not', async () => {
      const id = autoLeads[1].id;
      const url = `/v1/leads/${id}/custom-fields`;
      await http()
        .patch(url)
        .set(viewer.auth)
        .send({ values: { household_size: 4 } })
        .expect(403);
      const bad = await http()
        .patch(url)
        .set(manager.auth)
        .send({ values: { household_size: '4', renewal_date: '04/01/2027', vehicle_year: '2018 or older', nope: 'x' } })
        .expect(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['values.household_size', 'values.nope', 'values.renewal_date', 'values.vehicle_year'].sort(),
      );
      await http().patch(url).set(manager.auth).send({ values: 'x' }).expect(400);

      const before = autoLeads[1].custom_fields['current_carrier'];
      const res = await http()
        .patch(url)
        .set(manager.auth)
        .send({ values: { household_size: 4, renewal_date: '2027-04-01', current_carrier: null } })
        .expect(200);
      const byKey = Object.fromEntries((res.body as LeadDetailDto).customFields.map((f) => [f.key, f]));
      expect(byKey['household_size']).toMatchObject({ value: 4, display: '4' });
      expect(byKey['renewal_date'].value).toBe('2027-04-01');
      expect(byKey['current_carrier'].value).toBeNull();
      const [stored] = await env.t.dataSource.query<{ custom_fields: Record<string, unknown> }[]>(
        `SELECT custom_fields FROM leads WHERE id = $1`,
        [id],
      );
      expect(stored.custom_fields['household_size']).toBe(4);
      expect(stored.custom_fields).not.toHaveProperty('current_carrier');
      const audit = (await auditActions(env.t, admin.organisationId)).filter((a) => a.action === 'lead.custom_fields_changed');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        target_id: id,
        details: {
          before: { household_size: null, renewal_date: null, current_carrier: before },
          after: { household_size: 4, renewal_date: '2027-04-01', current_carrier: null },
        },
      });
      // The same values again change nothing and record nothing.
      await http()
        .patch(url)
        .set(admin.auth)
        .send({ values: { household_size: 4 } })
        .expect(200);
      expect((await auditActions(env.t, admin.organisationId)).filter((a) => a.action === 'lead.custom_fields_changed')).toHaveLength(1);
      // Another organisation's lead answers like a missing one.
      await http()
        .patch(url)
        .set(rival.auth)
        .send({ values: { current_carrier: 'x' } })
        .expect(404);
    });

    it('filters the list by field.<key>=value, checked against the definition', async () => {
      const list = async (query: Record<string, string>) =>
        (
          await http()
            .get('/v1/leads')
            .query({ limit: '100', ...query })
            .set(viewer.auth)
            .expect(200)
        ).body as Page<LeadSummaryDto>;
      const withCollision = autoLeads
        .filter((l) => (l.custom_fields['coverage_wanted'] as string[]).includes('collision'))
        .map((l) => l.id);
      for (const value of ['collision', 'Collision']) {
        const page = await list({ 'field.coverage_wanted': value });
        expect(page.items.map((l) => l.id).sort()).toEqual([...withCollision].sort());
        expect(page.total).toBe(withCollision.length);
      }
      const year = autoLeads[0].custom_fields['vehicle_year'] as string;
      const sameYear = autoLeads.filter((l) => l.custom_fields['vehicle_year'] === year).map((l) => l.id);
      expect((await list({ 'field.vehicle_year': year })).items.map((l) => l.id).sort()).toEqual(sameYear.sort());
      const twos = healthLeads.filter((l) => l.custom_fields['household_size'] === 2).map((l) => l.id);
      expect((await list({ 'field.household_size': '2' })).items.map((l) => l.id).sort()).toEqual(twos.sort());
      const carrier = autoLeads[0].custom_fields['current_carrier'] as string;
      const sameCarrier = autoLeads.filter((l) => l.custom_fields['current_carrier'] === carrier && l.id !== autoLeads[1].id);
      expect((await list({ 'field.current_carrier': carrier.toUpperCase() })).total).toBe(sameCarrier.length);
      // Two filters together: both must hold.
      expect((await list({ 'field.vehicle_year': year, 'field.household_size': '2' })).total).toBe(0);

      const bad: [Record<string, string>, string][] = [
        [{ 'field.no_such': 'x' }, 'field.no_such'],
        [{ 'field.household_size': 'many' }, 'field.household_size'],
        [{ 'field.renewal_date': 'soon' }, 'field.renewal_date'],
        [{ 'field.vehicle_year': '1999' }, 'field.vehicle_year'],
        [{ 'field.bad-name': 'x' }, 'field.bad-name'],
      ];
      for (const [query, field] of bad) {
        const res = await http().get('/v1/leads').query(query).set(viewer.auth).expect(400);
        expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      await http().get('/v1/leads?field.vehicle_year=older&field.vehicle_year=2026').set(viewer.auth).expect(400);
    });

    it('exports one column per field under its label, choices by label, in CSV and XLSX', async () => {
      const download = (format: 'csv' | 'xlsx') =>
        http()
          .get(`/v1/leads/export.${format}`)
          .query({ formId: AUTO_FORM })
          .set(manager.auth)
          .buffer(true)
          .parse((res, done) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () => done(null, Buffer.concat(parts)));
          })
          .expect(200);
      const csv = await download('csv');
      const records = parse((csv.body as Buffer).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(autoLeads.length);
      const labels = ['Vehicle year', 'Coverage wanted', 'Current carrier', 'Household size', 'Renewal date'];
      expect(Object.keys(records[0])).toEqual(expect.arrayContaining(labels));
      for (const lead of autoLeads) {
        const row = records.find((r) => r['id'] === lead.id)!;
        expect(row['Vehicle year']).toBe(lead.custom_fields['vehicle_year'] ? answer(lead, 'vehicle_year')[0] : '');
        expect(row['Coverage wanted'].split('; ').sort()).toEqual([...answer(lead, 'coverage_needs')].sort());
      }
      expect(records.find((r) => r['id'] === autoLeads[1].id)!['Household size']).toBe('4');
      expect(records.find((r) => r['id'] === autoLeads[1].id)!['Renewal date']).toBe('2027-04-01');

      const xlsx = await download('xlsx');
      const book = new ExcelJS.Workbook();
      // ExcelJS types its input as its own Buffer (an ArrayBuffer), which Node's Buffer type no longer matches.
      await book.xlsx.load(xlsx.body as Parameters<ExcelJS.Xlsx['load']>[0]);
      const sheet = book.getWorksheet('Leads')!;
      const headers = sheet.getRow(1).values as string[];
      expect(headers).toEqual(expect.arrayContaining(labels));
      let found = 0;
      sheet.eachRow((row, n) => {
        if (n === 1 || row.getCell(headers.indexOf('id')).value !== autoLeads[1].id) return;
        found++;
        expect(row.getCell(headers.indexOf('Household size')).value).toBe('4');
      });
      expect(found).toBe(1);

      const filtered = await http()
        .get('/v1/leads/export.csv')
        .query({ 'field.coverage_wanted': 'collision', formId: AUTO_FORM })
        .set(manager.auth)
        .expect(200);
      const rows = parse(filtered.text, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.every((r) => r['Coverage wanted'].split('; ').includes('Collision'))).toBe(true);
    });
  });

  describe('once values exist', () => {
    it('refuses a type change and the removal of an option in use, and lets labels change', async () => {
      const year = fields['vehicle_year'];
      const list = (await http().get('/v1/lead-fields').set(admin.auth).expect(200)).body as LeadFieldDefinitionDto[];
      expect(list.find((f) => f.key === 'vehicle_year')!.inUse).toBe(true);
      expect(list.find((f) => f.key === 'renewal_date')!.inUse).toBe(true);

      await http().patch(`/v1/lead-fields/${year.id}`).set(admin.auth).send({ type: 'text' }).expect(409);
      const used = autoLeads[0].custom_fields['vehicle_year'] as string;
      const without = year.options.filter((o) => o.key !== used);
      const refused = await http().patch(`/v1/lead-fields/${year.id}`).set(admin.auth).send({ options: without }).expect(409);
      expect(refused.body.error.message).toContain('rename its label instead');
      const renamed = year.options.map((o) => (o.key === used ? { ...o, label: `${o.label} (model year)` } : o));
      const res = await http()
        .patch(`/v1/lead-fields/${year.id}`)
        .set(admin.auth)
        .send({ label: 'Vehicle model year', options: renamed })
        .expect(200);
      expect(res.body).toMatchObject({ key: 'vehicle_year', label: 'Vehicle model year', type: 'choice' });
      const audit = (await auditActions(env.t, admin.organisationId)).filter((a) => a.action === 'lead_field.updated');
      expect(audit.at(-1)).toMatchObject({
        details: { fieldKey: 'vehicle_year', before: { label: 'Vehicle year' }, after: { label: 'Vehicle model year' } },
      });
      // An unused field may still change type.
      const unused = await http()
        .post('/v1/lead-fields')
        .set(admin.auth)
        .send({ key: 'notes_x', label: 'Scratch', type: 'text' })
        .expect(201);
      await http().patch(`/v1/lead-fields/${unused.body.id}`).set(admin.auth).send({ type: 'number' }).expect(200);
      await http().delete(`/v1/lead-fields/${unused.body.id}`).set(admin.auth).expect(204);
    });

    it('archives instead of deleting a used field: it keeps its values, leaves the mapping targets and new edits', async () => {
      const carrier = fields['current_carrier'];
      const refused = await http().delete(`/v1/lead-fields/${carrier.id}`).set(admin.auth).expect(409);
      expect(refused.body.error.message).toContain('archive it instead');
      await http().patch(`/v1/lead-fields/${carrier.id}`).set(admin.auth).send({ archived: true }).expect(200);
      expect((await auditActions(env.t, admin.organisationId)).some((a) => a.action === 'lead_field.archived')).toBe(true);

      const auto = await formUuid(AUTO_FORM);
      const mapping = (await http().get(`/v1/integrations/meta/lead-forms/${auto}/mapping`).set(admin.auth).expect(200))
        .body as LeadFormMappingDto;
      expect(mapping.customFields.map((f) => f.key)).not.toContain('current_carrier');
      await http()
        .put(`/v1/integrations/meta/lead-forms/${auto}/mapping`)
        .set(admin.auth)
        .send({ fields: { current_insurer: 'custom:current_carrier' }, defaults: {}, required: [] })
        .expect(400);
      await http()
        .patch(`/v1/leads/${autoLeads[2].id}/custom-fields`)
        .set(admin.auth)
        .send({ values: { current_carrier: 'Allstate' } })
        .expect(400);

      const detail = (await http().get(`/v1/leads/${autoLeads[2].id}`).set(admin.auth).expect(200)).body as LeadDetailDto;
      expect(detail.customFields.find((f) => f.key === 'current_carrier')).toMatchObject({
        archived: true,
        value: autoLeads[2].custom_fields['current_carrier'],
      });
      const empty = (await http().get(`/v1/leads/${autoLeads[1].id}`).set(admin.auth).expect(200)).body as LeadDetailDto;
      expect(empty.customFields.find((f) => f.key === 'current_carrier')).toBeUndefined();

      // A lead arriving now leaves the archived field alone; its answer is kept raw and nothing is flagged for it.
      const [fresh] = await ingest(AUTO_FORM, 1);
      expect(fresh.custom_fields).not.toHaveProperty('current_carrier');
      expect(answer(fresh, 'current_insurer')).toHaveLength(1);
      expect(fresh.needs_review).toBe(false);
    });
  });
});
