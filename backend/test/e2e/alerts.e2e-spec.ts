import { getQueueToken } from '@nestjs/bullmq';
import { DEMO_IDS } from '@legeai/meta-sandbox';
import {
  AlertEventType,
  LeadSyncState,
  Role,
  type AlertListDto,
  type MailMessageDto,
  type MailSummaryDto,
  type NotificationDto,
  type NotificationPreferencesDto,
} from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { ALERTS_JOBS, ALERTS_QUEUE_NAME } from '../../src/modules/alerts';
import { AlertEvaluatorService } from '../../src/modules/alerts/evaluate/alert-evaluator.service';
import { MailOutboxRepository } from '../../src/modules/alerts/delivery/mail-outbox.repository';
import { NewLeadNoticesService } from '../../src/modules/alerts/new-leads/new-lead-notices.service';
import { createUserAndLogin, type SignedInUser } from '../utils/identity-fixtures';
import { waitForStates } from '../utils/lead-sync-rows';
import { connectMeta, connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(240_000);

/**
 * Alerts end to end against the sandbox over HTTP, with no SMTP server configured: every mail is kept in the outbox.
 * Evaluations are run at once through the evaluator (the every-minute schedule may also run one meanwhile: every
 * assertion counts rows, which the de-duplication keeps exact whoever evaluates).
 */
describe('Alerts: conditions, notifications, mail outbox, new-lead notices (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let queue: Queue;
  const http = () => env.t.http;
  const org = () => env.admin.organisationId;
  const evaluate = () => env.t.app.get(AlertEvaluatorService).evaluate(org());

  const alerts = async (): Promise<AlertListDto> => (await http().get('/v1/alerts').set(env.admin.auth).expect(200)).body;
  const notifications = async (user: SignedInUser): Promise<NotificationDto[]> =>
    (await http().get('/v1/notifications').query({ limit: 200 }).set(user.auth).expect(200)).body.items;
  const unread = async (user: SignedInUser): Promise<number> =>
    (await http().get('/v1/notifications/unread-count').set(user.auth).expect(200)).body.unread;
  const mails = async (): Promise<MailSummaryDto[]> =>
    (await http().get('/v1/mail-outbox').query({ limit: 200 }).set(env.admin.auth).expect(200)).body.items;
  const mailsTo = async (user: SignedInUser, subject: string | RegExp) =>
    (await mails()).filter((m) => m.to === user.email && (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)));
  const ofType = (list: NotificationDto[], type: AlertEventType, kind?: NotificationDto['kind']) =>
    list.filter((n) => n.eventType === type && (!kind || n.kind === kind));
  const storedLeads = async (count: number) => {
    const created = env.sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count });
    await env.sandbox.control.flushWebhooks();
    return waitForStates(
      env.t,
      created.map((c) => c.id),
      [LeadSyncState.Stored],
    );
  };

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'alerts-e2e', fastGraphPauses: true });
    await connectOrganisation(env);
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    queue = env.t.app.get<Queue>(getQueueToken(ALERTS_QUEUE_NAME));
  });
  afterEach(() => env?.sandbox.control.clearFaults());
  afterAll(() => env?.close());

  it('a healthy connection raises nothing', async () => {
    await evaluate();
    expect((await alerts()).open).toEqual([]);
    expect(await unread(env.admin)).toBe(0);
  });

  it('a token Meta refuses raises one reauth alert (in the console and by mail), no second while it holds, one "resolved" after the reconnect', async () => {
    env.sandbox.control.invalidateTokens({ userId: env.sandbox.control.world().userId!, reason: 'password_changed' });
    await http().post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200);

    // Through the queue: the schedule's job queues one evaluation per organisation.
    await queue.add(ALERTS_JOBS.evaluateAll, {});
    const open = await waitFor('the reauth alert', async () => (await alerts()).open.find((a) => a.conditionKey === 'reauth_required'));
    expect(open).toMatchObject({ eventType: AlertEventType.ReauthRequired, state: 'open', link: '/integrations/meta' });

    // Role defaults: the admin in the console and by email, the manager and the viewer in the console only.
    const adminNotice = ofType(await notifications(env.admin), AlertEventType.ReauthRequired, 'raised');
    expect(adminNotice).toHaveLength(1);
    expect(adminNotice[0]).toMatchObject({ title: 'Meta needs a reconnect', alertId: open.id, readAt: null });
    expect(ofType(await notifications(manager), AlertEventType.ReauthRequired)).toHaveLength(1);
    expect(ofType(await notifications(viewer), AlertEventType.ReauthRequired)).toHaveLength(1);
    const [mail] = await waitFor('the admin mail kept in the outbox', async () => {
      const found = await mailsTo(env.admin, '[LEGEAI] Meta needs a reconnect');
      return found.length && found.every((m) => m.state === 'kept') ? found : null;
    });
    expect(await mailsTo(manager, /reconnect/)).toEqual([]);
    const opened = (await http().get(`/v1/mail-outbox/${mail.id}`).set(env.admin.auth).expect(200)).body as MailMessageDto;
    expect(opened.text).toContain('until an admin reconnects on Integrations → Meta');
    expect(opened.text).toContain(`${env.publicUrl}/integrations/meta`);
    expect(opened.text).not.toMatch(/EAAG/);

    // Evaluated again, twice: the same alert, no second notification or mail.
    await evaluate();
    await evaluate();
    expect((await alerts()).open.filter((a) => a.conditionKey === 'reauth_required')).toHaveLength(1);
    expect(ofType(await notifications(env.admin), AlertEventType.ReauthRequired)).toHaveLength(1);
    expect(await mailsTo(env.admin, /reconnect/)).toHaveLength(1);

    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe('connected');
    await evaluate();
    await evaluate();
    const after = await alerts();
    expect(after.open.find((a) => a.conditionKey === 'reauth_required')).toBeUndefined();
    expect(after.recent.filter((a) => a.id === open.id)).toEqual([
      expect.objectContaining({ state: 'resolved', resolvedAt: expect.any(String) }),
    ]);
    expect(ofType(await notifications(env.admin), AlertEventType.ReauthRequired, 'resolved')).toHaveLength(1);
    await waitFor('the "resolved" mail', async () => (await mailsTo(env.admin, '[LEGEAI] Resolved: Meta needs a reconnect')).length === 1);
  });

  it('a token that expires within 7 days raises one alert, resolved once the expiry moves away', async () => {
    const setExpiry = (sql: string) =>
      env.t.dataSource.query(`UPDATE meta_integrations SET token_expires_at = ${sql} WHERE organisation_id = $1 AND status = 'active'`, [
        org(),
      ]);
    await setExpiry(`now() + interval '3 days'`);
    await evaluate();
    await evaluate();
    const open = (await alerts()).open.filter((a) => a.eventType === AlertEventType.TokenExpiring);
    expect(open).toHaveLength(1);
    expect(open[0].title).toBe("The Meta connection's access ends soon");
    expect(ofType(await notifications(env.admin), AlertEventType.TokenExpiring, 'raised')).toHaveLength(1);

    await setExpiry(`now() + interval '60 days'`);
    await evaluate();
    expect((await alerts()).open.filter((a) => a.eventType === AlertEventType.TokenExpiring)).toEqual([]);
    expect(ofType(await notifications(env.admin), AlertEventType.TokenExpiring, 'resolved')).toHaveLength(1);
  });

  it('a Page whose lead webhook stays off raises one alert naming it, resolved once it is subscribed again', async () => {
    const [page] = (await env.t.dataSource.query(
      `SELECT page_id, page_name FROM meta_pages WHERE organisation_id = $1 AND is_active AND webhook_subscribed ORDER BY page_id LIMIT 1`,
      [org()],
    )) as { page_id: string; page_name: string }[];
    const setSubscribed = (on: boolean) =>
      env.t.dataSource.query(`UPDATE meta_pages SET webhook_subscribed = $3 WHERE organisation_id = $1 AND page_id = $2`, [
        org(),
        page.page_id,
        on,
      ]);
    await setSubscribed(false);
    await evaluate();
    await evaluate();
    const open = (await alerts()).open.filter((a) => a.eventType === AlertEventType.PageSubscriptionLost);
    expect(open).toHaveLength(1);
    expect(open[0].body).toContain(page.page_name);
    expect(ofType(await notifications(env.admin), AlertEventType.PageSubscriptionLost, 'raised')).toHaveLength(1);

    await setSubscribed(true);
    await evaluate();
    expect((await alerts()).open.filter((a) => a.eventType === AlertEventType.PageSubscriptionLost)).toEqual([]);
    expect(ofType(await notifications(env.admin), AlertEventType.PageSubscriptionLost, 'resolved')).toHaveLength(1);
  });

  it('thresholds: admins change them (audited), others may not, and bad values are refused', async () => {
    expect((await http().get('/v1/alert-settings').set(viewer.auth).expect(200)).body).toEqual({
      failedLeadsThreshold: 5,
      parkedLeadsThreshold: 1,
      failedLeadsWindowHours: 24,
      syncFailuresInARow: 3,
    });
    await http().put('/v1/alert-settings').set(manager.auth).send({ failedLeadsThreshold: 2 }).expect(403);
    const bad = await http().put('/v1/alert-settings').set(env.admin.auth).send({ failedLeadsThreshold: 0, extra: 1 }).expect(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const saved = await http().put('/v1/alert-settings').set(env.admin.auth).send({ failedLeadsThreshold: 2 }).expect(200);
    expect(saved.body).toMatchObject({ failedLeadsThreshold: 2, parkedLeadsThreshold: 1 });
    const [entry] = await env.t.dataSource.query(`SELECT details FROM audit_log WHERE action = 'alerts.settings_updated'`);
    expect(entry.details).toMatchObject({ before: { failedLeadsThreshold: 5 }, after: { failedLeadsThreshold: 2 } });
  });

  it('leads failed beyond the threshold raise one alert, resolved when the threshold is raised past them', async () => {
    env.sandbox.control.setFaults({ errors: [{ code: 10, rate: 1 }] });
    const created = env.sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count: 2 });
    await env.sandbox.control.flushWebhooks();
    await waitForStates(
      env.t,
      created.map((c) => c.id),
      [LeadSyncState.Failed],
    );
    env.sandbox.control.clearFaults();
    await evaluate();
    await evaluate();
    const open = (await alerts()).open.filter((a) => a.conditionKey === 'leads_failed');
    expect(open).toEqual([
      expect.objectContaining({ eventType: AlertEventType.LeadsFailing, title: '2 leads failed in the last 24 hours' }),
    ]);
    expect(ofType(await notifications(env.admin), AlertEventType.LeadsFailing, 'raised')).toHaveLength(1);
    await waitFor(
      'the failed leads mail',
      async () => (await mailsTo(env.admin, '[LEGEAI] 2 leads failed in the last 24 hours')).length === 1,
    );

    await http().put('/v1/alert-settings').set(env.admin.auth).send({ failedLeadsThreshold: 10 }).expect(200);
    await evaluate();
    expect((await alerts()).open.filter((a) => a.conditionKey === 'leads_failed')).toEqual([]);
    expect(ofType(await notifications(env.admin), AlertEventType.LeadsFailing, 'resolved')).toHaveLength(1);
  });

  it('new leads: an immediate notice for who asked, an hourly digest when due, nothing for who did not ask', async () => {
    const prefs = (user: SignedInUser, body: object) =>
      http().put('/v1/notification-preferences').set(user.auth).send(body).expect(200) as unknown as Promise<{
        body: NotificationPreferencesDto;
      }>;
    const adminPrefs = await prefs(env.admin, {
      events: [{ eventType: AlertEventType.NewLead, inApp: true, email: true }],
      newLeadFrequency: 'hourly',
    });
    expect(adminPrefs.body.newLeadFrequency).toBe('hourly');
    expect(adminPrefs.body.events.find((e) => e.eventType === AlertEventType.NewLead)).toEqual({
      eventType: AlertEventType.NewLead,
      inApp: true,
      email: true,
    });
    await prefs(manager, { events: [], newLeadFrequency: 'immediate' });

    await storedLeads(3);
    // The manager: one notice for the leads a dispatch took (one or more notices, three leads in all).
    const notices = await waitFor('the immediate notices', async () => {
      const found = ofType(await notifications(manager), AlertEventType.NewLead, 'new_lead');
      const total = found.reduce((sum, n) => sum + (n.title === 'New lead' ? 1 : Number(/^(\d+) new leads$/.exec(n.title)?.[1] ?? 0)), 0);
      return total === 3 ? found : null;
    });
    expect(notices.every((n) => n.link === '/leads')).toBe(true);
    expect(ofType(await notifications(viewer), AlertEventType.NewLead)).toEqual([]);
    // The admin's hourly digest is not due yet.
    const digests = env.t.app.get(NewLeadNoticesService);
    await digests.sendDigests();
    expect(ofType(await notifications(env.admin), AlertEventType.NewLead)).toEqual([]);

    // An hour later (the last digest moved back), the digest counts the three leads, once.
    await env.t.dataSource.query(
      `UPDATE notification_digests SET last_sent_at = now() - interval '61 minutes' WHERE user_id = $1 AND organisation_id = $2`,
      [env.admin.id, org()],
    );
    await digests.sendDigests();
    await digests.sendDigests();
    const digest = ofType(await notifications(env.admin), AlertEventType.NewLead, 'digest');
    expect(digest).toEqual([expect.objectContaining({ title: '3 new leads', link: '/leads' })]);
    await waitFor('the digest mail', async () => (await mailsTo(env.admin, '[LEGEAI] 3 new leads')).length === 1);
  });

  it('a crash between commit and send still delivers: the sweep queues the mails and notices nobody queued', async () => {
    const outbox = env.t.app.get(MailOutboxRepository);
    // What a crash right after the commit leaves: the rows, no job.
    const [mail] = await env.t.dataSource.transaction((m) =>
      outbox.insertMany(m, [
        {
          organisationId: org(),
          userId: env.admin.id,
          to: env.admin.email,
          from: 'alerts@legeai.localhost',
          subject: 'Crash test',
          text: 'Body',
        },
      ]),
    );
    await env.t.dataSource.query(`UPDATE mail_outbox SET next_attempt_at = now() - interval '1 minute' WHERE id = $1`, [mail.id]);
    await env.t.dataSource.query(
      `INSERT INTO alert_lead_events (organisation_id, lead_id, created_at) SELECT organisation_id, id, now() - interval '1 minute' FROM leads
        WHERE organisation_id = $1 LIMIT 1`,
      [org()],
    );
    const before = ofType(await notifications(manager), AlertEventType.NewLead).length;

    await queue.add(ALERTS_JOBS.sweep, {});
    await waitFor('the swept mail kept', async () => (await mails()).find((m) => m.id === mail.id && m.state === 'kept'));
    await waitFor(
      'the swept new-lead notice',
      async () => ofType(await notifications(manager), AlertEventType.NewLead).length === before + 1,
    );
    const [{ undispatched }] = await env.t.dataSource.query(
      `SELECT count(*)::int AS undispatched FROM alert_lead_events WHERE organisation_id = $1 AND dispatched_at IS NULL`,
      [org()],
    );
    expect(undispatched).toBe(0);
  });

  it('marks one notification read, then all, and counts the unread', async () => {
    const list = await notifications(env.admin);
    const before = await unread(env.admin);
    expect(before).toBe(list.filter((n) => !n.readAt).length);
    expect(before).toBeGreaterThan(1);
    const read = await http().post(`/v1/notifications/${list[0].id}/read`).set(env.admin.auth).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(await unread(env.admin)).toBe(before - 1);
    expect((await http().get('/v1/notifications').query({ unreadOnly: true }).set(env.admin.auth).expect(200)).body.total).toBe(before - 1);

    // Another user's notification is not there for this one.
    await http().post(`/v1/notifications/${list[0].id}/read`).set(manager.auth).expect(404);
    const all = await http().post('/v1/notifications/read-all').set(env.admin.auth).expect(200);
    expect(all.body.marked).toBe(before - 1);
    expect(await unread(env.admin)).toBe(0);
  });

  it('refuses bad input with 400 and admin-only reads to others with 403', async () => {
    await http().post('/v1/notifications/not-a-uuid/read').set(env.admin.auth).expect(400);
    await http().get('/v1/notifications').query({ unreadOnly: 'maybe' }).set(env.admin.auth).expect(400);
    const unknownEvent = await http()
      .put('/v1/notification-preferences')
      .set(env.admin.auth)
      .send({ events: [{ eventType: 'nope', inApp: true, email: true }], newLeadFrequency: 'off' })
      .expect(400);
    expect(unknownEvent.body.error.code).toBe('validation_failed');
    await http().put('/v1/notification-preferences').set(env.admin.auth).send({ events: [], newLeadFrequency: 'weekly' }).expect(400);
    await http().get('/v1/alerts').set(manager.auth).expect(403);
    await http().get('/v1/mail-outbox').set(viewer.auth).expect(403);
    await http().get('/v1/mail-outbox/00000000-0000-4000-8000-000000000000').set(env.admin.auth).expect(404);
  });

  it("a viewer's preferences start from the role's defaults and a choice sticks", async () => {
    const initial = (await http().get('/v1/notification-preferences').set(viewer.auth).expect(200)).body as NotificationPreferencesDto;
    expect(initial.events.find((e) => e.eventType === AlertEventType.ReauthRequired)).toMatchObject({ inApp: true, email: false });
    expect(initial.events.find((e) => e.eventType === AlertEventType.SyncFailing)).toMatchObject({ inApp: false, email: false });
    await http()
      .put('/v1/notification-preferences')
      .set(viewer.auth)
      .send({ events: [{ eventType: AlertEventType.SyncFailing, inApp: true, email: true }], newLeadFrequency: 'daily' })
      .expect(200);
    const after = (await http().get('/v1/notification-preferences').set(viewer.auth).expect(200)).body as NotificationPreferencesDto;
    expect(after.events.find((e) => e.eventType === AlertEventType.SyncFailing)).toMatchObject({ inApp: true, email: true });
    expect(after.events.find((e) => e.eventType === AlertEventType.ReauthRequired)).toMatchObject({ inApp: true, email: false });
    expect(after.newLeadFrequency).toBe('daily');
  });
});
