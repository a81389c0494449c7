import { getQueueToken } from '@nestjs/bullmq';
import { DuplicateSettingsDto, LeadDetailDto, LeadDuplicatesDto, LeadSummaryDto, LeadSyncState, Page, Role } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { LeadIngestService } from '../../src/modules/meta-leads/ingest/lead-ingest.service';
import { leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { syncRows, waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(180_000);

/** The sandbox's auto form (full name, email, phone): the leads below are submitted there and arrive by webhook. */
const AUTO_FORM = '555000000000101';
const MAIN_PAGE = '153125381133001';

/**
 * Duplicates an agent can trust, through the real pipeline: each lead is submitted to the Meta sandbox, announced by
 * its webhook, read from the Graph API, mapped and stored, and matched by the organisation's rule on the way in.
 */
describe('lead duplicates (e2e)', () => {
  let env: MetaTestEnv;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let rival: SignedInUser;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'lead-duplicates-e2e', webhookTimeoutMs: 5000 });
    await connectOrganisation(env);
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    rival = (await createOrganisationWithAdmin(env.t, 'Rival Brokers')).admin;
  });
  afterAll(() => env?.close());

  const http = () => env.t.http;
  /** One person submitting the auto form; resolves with the stored lead's id and its sync. */
  const submit = async (answers: { full_name: string; email: string; phone_number: string }) => {
    const [created] = env.sandbox.control.createLeads({ formId: AUTO_FORM, count: 1, answers });
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    return { id: sync.lead_id!, leadgenId: created.id, syncId: sync.id };
  };
  const detail = async (id: string, who: SignedInUser = manager) =>
    (await http().get(`/v1/leads/${id}`).set(who.auth).expect(200)).body as LeadDetailDto;
  const links = async (id: string, who: SignedInUser = manager) =>
    (await http().get(`/v1/leads/${id}/duplicates`).set(who.auth).expect(200)).body as LeadDuplicatesDto;
  const notDuplicate = (id: string, body: object, who: SignedInUser = manager) =>
    http().post(`/v1/leads/${id}/not-duplicate`).set(who.auth).send(body);
  const confirm = (id: string, who: SignedInUser = manager) => http().post(`/v1/leads/${id}/duplicate/confirm`).set(who.auth).send({});
  const listIds = async (query: Record<string, string>) =>
    (
      (
        await http()
          .get('/v1/leads')
          .query({ limit: '200', ...query })
          .set(manager.auth)
          .expect(200)
      ).body as Page<LeadSummaryDto>
    ).items.map((l) => l.id);
  const audit = async (action: string, id: string) =>
    (
      (await auditActions(env.t, env.admin.organisationId)) as unknown as {
        action: string;
        target_id: string;
        details: Record<string, unknown>;
      }[]
    ).filter((a) => a.action === action && a.target_id === id);
  const putRule = (body: object, who: SignedInUser = env.admin) => http().put('/v1/lead-duplicate-settings').set(who.auth).send(body);

  // Ana submits twice (same email), her husband Radu shares her phone, and Ana again from another address.
  let ana: Awaited<ReturnType<typeof submit>>;
  let anaAgain: Awaited<ReturnType<typeof submit>>;
  let radu: Awaited<ReturnType<typeof submit>>;
  let anaOtherEmail: Awaited<ReturnType<typeof submit>>;

  describe('with the default rule', () => {
    beforeAll(async () => {
      ana = await submit({ full_name: 'Ana Popescu', email: 'ana.popescu@example.com', phone_number: '+40 721 000 111' });
      anaAgain = await submit({ full_name: 'Ana Popescu', email: 'Ana.Popescu@example.com', phone_number: '+40 744 999 888' });
      radu = await submit({ full_name: 'Radu Popescu', email: 'radu.p@example.com', phone_number: '+40721000111' });
      anaOtherEmail = await submit({ full_name: 'ANA  popescu', email: 'ana.work@example.com', phone_number: '+40 721 000 111' });
    });

    it('links by email or by phone and name as duplicates, and a shared phone alone as a possible duplicate', async () => {
      const again = await detail(anaAgain.id);
      expect(again).toMatchObject({ duplicateOfId: ana.id, duplicateRule: 'email', duplicateState: 'duplicate' });
      expect(again.duplicateLinks.duplicateOf).toMatchObject({
        id: ana.id,
        fullName: 'Ana Popescu',
        state: 'duplicate',
        ruleLabel: 'Same email',
      });
      expect(await detail(radu.id)).toMatchObject({ duplicateOfId: ana.id, duplicateRule: 'phone', duplicateState: 'possible' });
      expect((await detail(radu.id)).duplicateLinks.duplicateOf).toMatchObject({
        id: ana.id,
        state: 'possible',
        ruleLabel: 'Same phone only',
      });
      expect(await detail(anaOtherEmail.id)).toMatchObject({
        duplicateOfId: ana.id,
        duplicateRule: 'phone_name',
        duplicateState: 'duplicate',
      });
    });

    it('lists the duplicates on the original, oldest first, in the detail and on their own', async () => {
      const original = await detail(ana.id);
      expect(original.duplicateOfId).toBeNull();
      expect(original.duplicateLinks.duplicateOf).toBeNull();
      expect(original.duplicateLinks.duplicates.map((d) => [d.id, d.state, d.ruleLabel])).toEqual([
        [anaAgain.id, 'duplicate', 'Same email'],
        [radu.id, 'possible', 'Same phone only'],
        [anaOtherEmail.id, 'duplicate', 'Same phone and name'],
      ]);
      expect(original.duplicateLinks.duplicatesTotal).toBe(3);
      // A viewer reads them too (names only: no contact details in a link).
      expect(await links(ana.id, viewer)).toEqual(original.duplicateLinks);
    });

    it('filters the list by duplicates, possible duplicates and leads linked to none', async () => {
      const duplicates = await listIds({ duplicateState: 'duplicate' });
      expect(duplicates).toEqual(expect.arrayContaining([anaAgain.id, anaOtherEmail.id]));
      expect(duplicates).not.toContain(radu.id);
      expect(await listIds({ duplicateState: 'possible' })).toEqual([radu.id]);
      const none = await listIds({ duplicateState: 'none' });
      expect(none).toContain(ana.id);
      expect(none).not.toEqual(expect.arrayContaining([anaAgain.id]));
      const row = (
        (await http().get('/v1/leads').query({ duplicateState: 'possible' }).set(manager.auth).expect(200)).body as Page<LeadSummaryDto>
      ).items[0];
      expect(row).toMatchObject({ id: radu.id, duplicateState: 'possible', duplicateRule: 'phone' });
      await http().get('/v1/leads').query({ duplicateState: 'maybe' }).set(manager.auth).expect(400);
    });
  });

  describe('not a duplicate', () => {
    it('is refused to viewers, and needs a lead id and a short reason without control characters', async () => {
      await notDuplicate(anaAgain.id, { otherLeadId: ana.id }, viewer).expect(403);
      await confirm(radu.id, viewer).expect(403);
      await notDuplicate(anaAgain.id, { otherLeadId: 'not-a-uuid' }).expect(400);
      await notDuplicate(anaAgain.id, { otherLeadId: ana.id, reason: 'x'.repeat(501) }).expect(400);
      await notDuplicate(anaAgain.id, { otherLeadId: ana.id, reason: 'bad\u0000reason' }).expect(400);
      await notDuplicate(anaAgain.id, { otherLeadId: anaAgain.id }).expect(400);
      expect((await detail(anaAgain.id)).duplicateOfId).toBe(ana.id);
    });

    it('unlinks a pair from the original side, audited with before and after, and 409 once they are apart', async () => {
      const res = await notDuplicate(ana.id, { otherLeadId: anaAgain.id, reason: 'Her sister uses the same address' }).expect(200);
      const original = res.body as LeadDetailDto;
      expect(original.id).toBe(ana.id);
      expect(original.duplicateLinks.duplicates.map((d) => d.id)).toEqual([radu.id, anaOtherEmail.id]);
      expect(await detail(anaAgain.id)).toMatchObject({ duplicateOfId: null, duplicateRule: null, duplicateState: null });

      const [entry] = await audit('lead.duplicate_dismissed', anaAgain.id);
      expect(entry.details).toMatchObject({
        originalId: ana.id,
        reason: 'Her sister uses the same address',
        before: { duplicateOfId: ana.id, duplicateRule: 'email', duplicateState: 'duplicate' },
        after: { duplicateOfId: null, duplicateRule: null, duplicateState: null },
      });
      await notDuplicate(anaAgain.id, { otherLeadId: ana.id }).expect(409);
    });

    it('sticks: running the lead through the pipeline again does not link it back', async () => {
      const queue = env.t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
      await http().post(`/v1/integrations/meta/lead-syncs/${anaAgain.syncId}/replay`).set(env.admin.auth).expect(200);
      await waitFor('the replay to finish', async () =>
        (await queue.getJob(`${leadgenJobId(MAIN_PAGE, anaAgain.leadgenId)}-r1`))?.isCompleted(),
      );
      const [sync] = await syncRows(env.t, [anaAgain.leadgenId]);
      expect(sync).toMatchObject({ state: LeadSyncState.Stored, lead_id: anaAgain.id, replays: 1 });
      expect((await detail(anaAgain.id)).duplicateOfId).toBeNull();
      const remembered = (await env.t.dataSource.query(
        `SELECT reason FROM lead_duplicate_dismissals WHERE organisation_id = $1 AND lead_low_id = least($2::uuid, $3::uuid) AND lead_high_id = greatest($2::uuid, $3::uuid)`,
        [env.admin.organisationId, ana.id, anaAgain.id],
      )) as { reason: string }[];
      expect(remembered).toEqual([{ reason: 'Her sister uses the same address' }]);
    });

    it('dismisses a possible duplicate from its own side; confirming turns one into a duplicate', async () => {
      await confirm(anaOtherEmail.id).expect(409);
      await notDuplicate(radu.id, { otherLeadId: ana.id }).expect(200);
      expect((await detail(radu.id)).duplicateState).toBeNull();
      const [dismissed] = await audit('lead.duplicate_dismissed', radu.id);
      expect(dismissed.details).toMatchObject({ reason: null, before: { duplicateState: 'possible' }, after: { duplicateState: null } });

      const neighbour = await submit({ full_name: 'Ion Vecinu', email: 'ion.v@example.com', phone_number: '+40 721 000 111' });
      expect((await detail(neighbour.id)).duplicateState).toBe('possible');
      const confirmed = (await confirm(neighbour.id).expect(200)).body as LeadDetailDto;
      expect(confirmed).toMatchObject({ duplicateOfId: ana.id, duplicateState: 'duplicate', duplicateRule: 'phone' });
      const [entry] = await audit('lead.duplicate_confirmed', neighbour.id);
      expect(entry.details).toMatchObject({ before: { duplicateState: 'possible' }, after: { duplicateState: 'duplicate' } });
    });
  });

  describe("the organisation's rule", () => {
    it('starts as the default and is changed by admins only, validated, audited with before and after', async () => {
      const initial = (await http().get('/v1/lead-duplicate-settings').set(viewer.auth).expect(200)).body as DuplicateSettingsDto;
      expect(initial).toMatchObject({
        email: 'duplicate',
        phoneAndName: 'duplicate',
        phoneOnly: 'possible',
        isDefault: true,
        updatedAt: null,
      });
      const rule = { email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'duplicate', windowDays: 60 };
      await putRule(rule, manager).expect(403);
      await putRule(rule, viewer).expect(403);
      await putRule({ ...rule, phoneAndName: 'possible' }).expect(400);
      await putRule({ ...rule, windowDays: 0 }).expect(400);
      await putRule({ ...rule, windowDays: 366 }).expect(400);
      await putRule({ ...rule, email: 'maybe' }).expect(400);
      await putRule({ ...rule, extra: 1 }).expect(400);

      const saved = (await putRule(rule).expect(200)).body as DuplicateSettingsDto;
      expect(saved).toMatchObject({ ...rule, isDefault: false });
      expect(Date.parse(saved.updatedAt!)).toBeGreaterThan(Date.now() - 60_000);
      const entries = (await auditActions(env.t, env.admin.organisationId)) as unknown as {
        action: string;
        details: Record<string, unknown>;
      }[];
      const entry = entries.find((a) => a.action === 'lead_duplicate_settings.updated')!;
      expect(entry.details).toEqual({
        before: { email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'possible', windowDays: initial.windowDays },
        after: { email: 'duplicate', phoneAndName: 'duplicate', phoneOnly: 'duplicate', windowDays: 60 },
      });
    });

    it('applies to leads arriving after the change; stored leads keep their links', async () => {
      const cousin = await submit({ full_name: 'Dan Marin', email: 'dan.m@example.com', phone_number: '+40 721 000 111' });
      expect(await detail(cousin.id)).toMatchObject({ duplicateOfId: ana.id, duplicateRule: 'phone', duplicateState: 'duplicate' });
      // Radu, matched under the old rule and dismissed, stays apart.
      expect((await detail(radu.id)).duplicateOfId).toBeNull();

      await putRule({ email: 'ignore', phoneAndName: 'possible', phoneOnly: 'ignore', windowDays: 30 }).expect(200);
      const byEmail = await submit({ full_name: 'Ana P.', email: 'ana.popescu@example.com', phone_number: '+40 755 123 456' });
      expect((await detail(byEmail.id)).duplicateOfId).toBeNull();
      const byPhoneAndName = await submit({ full_name: 'Dan Marin', email: 'dan.other@example.com', phone_number: '+40721000111' });
      expect(await detail(byPhoneAndName.id)).toMatchObject({
        duplicateOfId: cousin.id,
        duplicateRule: 'phone_name',
        duplicateState: 'possible',
      });
    });
  });

  describe('isolation', () => {
    it('never shows, unlinks or matches across organisations, and each has its own rule', async () => {
      await http().get(`/v1/leads/${ana.id}/duplicates`).set(rival.auth).expect(404);
      await notDuplicate(anaOtherEmail.id, { otherLeadId: ana.id }, rival).expect(404);
      await confirm(anaOtherEmail.id, rival).expect(404);
      const theirs = (await http().get('/v1/lead-duplicate-settings').set(rival.auth).expect(200)).body as DuplicateSettingsDto;
      expect(theirs).toMatchObject({ isDefault: true, phoneOnly: 'possible' });
      expect((await detail(anaOtherEmail.id)).duplicateOfId).toBe(ana.id);

      // The same person at the rival (stored by the same ingest) is their original, not a duplicate of ours.
      const ingest = env.t.app.get(LeadIngestService);
      const stored = await ingest.ingest({
        organisationId: rival.organisationId,
        pageId: MAIN_PAGE,
        source: 'backfill',
        graphLead: {
          id: '993000000000001',
          created_time: new Date().toISOString().replace(/\.\d+Z$/, '+0000'),
          form_id: AUTO_FORM,
          field_data: [
            { name: 'full_name', values: ['Ana Popescu'] },
            { name: 'email', values: ['ana.popescu@example.com'] },
            { name: 'phone_number', values: ['+40 721 000 111'] },
          ],
        },
      });
      expect(stored).toMatchObject({ outcome: 'created', duplicateOfId: null });
    });
  });
});
