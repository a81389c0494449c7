import { createHmac, timingSafeEqual } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import {
  LeadStatus,
  type AlertListDto,
  LeadSyncState,
  Role,
  type CreatedWebhookEndpointDto,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookLeadSnapshot,
} from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { AlertEvaluatorService } from '../../src/modules/alerts/evaluate/alert-evaluator.service';
import { OUTGOING_WEBHOOKS_QUEUE_NAME } from '../../src/modules/outgoing-webhooks';
import { WebhookOutboxRepository } from '../../src/modules/outgoing-webhooks/outbox/webhook-outbox.repository';
import { createOrganisationWithAdmin, createUserAndLogin, type SignedInUser } from '../utils/identity-fixtures';
import { waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { workerOf } from '../utils/queue-workers';
import { waitFor } from '../utils/wait-for';
import { WebhookReceiver, type ReceivedWebhook } from '../utils/webhook-receiver';

jest.setTimeout(180_000);

/** The sandbox's auto form (full name, email, phone): leads submitted there arrive by webhook. */
const AUTO_FORM = '555000000000101';
const ALL: WebhookEventType[] = ['lead.created', 'lead.updated', 'lead.status_changed', 'lead.duplicate_detected'];

/** The receiver's check, step by step as docs/outgoing-webhooks.md tells API consumers to write it. */
function verifyAsDocumented(header: string | undefined, secret: string, rawBody: string, toleranceSeconds = 300): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('outgoing webhooks (e2e, local receiver)', () => {
  let env: MetaTestEnv;
  let receiver: WebhookReceiver;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let rival: SignedInUser;
  const base = '/v1/webhooks';
  const http = () => env.t.http;
  const evaluateAlerts = () => env.t.app.get(AlertEvaluatorService).evaluate(admin.organisationId);
  const openAlertKeys = async (): Promise<string[]> =>
    ((await http().get('/v1/alerts').set(admin.auth).expect(200)).body as AlertListDto).open.map((a) => a.conditionKey);

  const createEndpoint = async (path: string, eventTypes: WebhookEventType[] = ALL): Promise<CreatedWebhookEndpointDto> =>
    (
      await http()
        .post(`${base}/endpoints`)
        .set(admin.auth)
        .send({ url: `${receiver.url}${path}`, eventTypes, description: path })
        .expect(201)
    ).body;
  const removeEndpoint = (id: string) => http().delete(`${base}/endpoints/${id}`).set(admin.auth).expect(204);
  const endpoint = async (id: string): Promise<WebhookEndpointDto> =>
    (await http().get(`${base}/endpoints/${id}`).set(admin.auth).expect(200)).body;
  const deliveries = async (query: Record<string, string>): Promise<WebhookDeliveryDto[]> =>
    (await http().get(`${base}/deliveries`).query(query).set(admin.auth).expect(200)).body.items;
  const detail = async (id: string): Promise<WebhookDeliveryDetailDto> =>
    (await http().get(`${base}/deliveries/${id}`).set(admin.auth).expect(200)).body;
  const eventsAt = (path: string, type?: string) => receiver.at(path).filter((r) => !type || r.headers['legeai-event-type'] === type);
  const parsed = <D>(r: ReceivedWebhook) => JSON.parse(r.body) as WebhookEvent<WebhookEventType, D & { lead: WebhookLeadSnapshot }>;

  /** One person submitting the auto form; resolves with the stored lead's id. */
  const submit = async (answers?: { full_name: string; email: string; phone_number: string }): Promise<string> => {
    const [created] = env.sandbox.control.createLeads({ formId: AUTO_FORM, count: 1, ...(answers && { answers }) });
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    return sync.lead_id!;
  };
  /** A lead stored straight in the table (no lifecycle event), for the tests that need only later changes. */
  const quietLead = async (): Promise<string> => {
    const [row] = (await env.t.dataSource.query(
      `INSERT INTO leads (organisation_id, full_name, email, source, status) VALUES ($1, 'Quiet Lead', 'quiet@example.test', 'manual', 'new') RETURNING id`,
      [admin.organisationId],
    )) as { id: string }[];
    return row.id;
  };
  const moveTo = (leadId: string, status: LeadStatus) =>
    http().patch(`/v1/leads/${leadId}/status`).set(manager.auth).send({ status }).expect(200);

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    env = await startMetaTestEnv({
      seed: 'outgoing-webhooks-e2e',
      webhookTimeoutMs: 5000,
      env: {
        OUTGOING_WEBHOOKS_SWEEP_EVERY_MS: '300',
        OUTGOING_WEBHOOKS_RETRY_BASE_MS: '50',
        OUTGOING_WEBHOOKS_RETRY_MAX_MS: '200',
        OUTGOING_WEBHOOKS_MAX_ATTEMPTS: '4',
        OUTGOING_WEBHOOKS_TIMEOUT_MS: '2000',
      },
    });
    admin = env.admin;
    manager = await createUserAndLogin(env.t, admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, admin, Role.Viewer);
    rival = (await createOrganisationWithAdmin(env.t, 'Rival Hooks')).admin;
    await connectOrganisation(env);
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  describe('endpoints API', () => {
    it('refuses bad input with 400 and the error envelope', async () => {
      const post = (body: object) => http().post(`${base}/endpoints`).set(admin.auth).send(body).expect(400);
      const noScheme = await post({ url: 'hooks.example.com', eventTypes: ['lead.created'] });
      expect(noScheme.body.error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'url' }] });
      await post({ url: 'ftp://hooks.example.com/', eventTypes: ['lead.created'] });
      await post({ url: 'https://hooks.example.com/', eventTypes: [] });
      await post({ url: 'https://hooks.example.com/', eventTypes: ['lead.deleted'] });
      await post({ url: 'https://hooks.example.com/', eventTypes: ['lead.created'], secret: 'mine' });
      await post({ url: 'x'.repeat(3000), eventTypes: ['lead.created'] });
      await http().get(`${base}/endpoints/not-a-uuid`).set(admin.auth).expect(400);
      await http().get(`${base}/deliveries`).query({ state: 'lost' }).set(admin.auth).expect(400);
      await http().get(`${base}/deliveries`).query({ limit: '1000' }).set(admin.auth).expect(400);
      const created = await createEndpoint('/bad-input', ['lead.created']);
      await http().post(`${base}/endpoints/${created.id}/rotate-secret`).set(admin.auth).send({ overlapHours: 500 }).expect(400);
      await http().patch(`${base}/endpoints/${created.id}`).set(admin.auth).send({ eventTypes: [] }).expect(400);
      await removeEndpoint(created.id);
    });

    it('is for admins only: managers and viewers get 403', async () => {
      const created = await createEndpoint('/roles', ['lead.created']);
      for (const who of [manager, viewer]) {
        await http().get(`${base}/endpoints`).set(who.auth).expect(403);
        await http()
          .post(`${base}/endpoints`)
          .set(who.auth)
          .send({ url: `${receiver.url}/x`, eventTypes: ['lead.created'] })
          .expect(403);
        await http().post(`${base}/endpoints/${created.id}/test`).set(who.auth).expect(403);
        await http().get(`${base}/deliveries`).set(who.auth).expect(403);
      }
      await removeEndpoint(created.id);
    });

    it("answers 404 for another organisation's endpoint and delivery ids", async () => {
      const created = await createEndpoint('/isolation', ['lead.created']);
      const test = (await http().post(`${base}/endpoints/${created.id}/test`).set(admin.auth).expect(200)).body as WebhookDeliveryDetailDto;
      await http().get(`${base}/endpoints/${created.id}`).set(rival.auth).expect(404);
      await http().patch(`${base}/endpoints/${created.id}`).set(rival.auth).send({ description: 'mine' }).expect(404);
      await http().post(`${base}/endpoints/${created.id}/rotate-secret`).set(rival.auth).send({}).expect(404);
      await http().post(`${base}/endpoints/${created.id}/test`).set(rival.auth).expect(404);
      await http().post(`${base}/endpoints/${created.id}/disable`).set(rival.auth).send({}).expect(404);
      await http().delete(`${base}/endpoints/${created.id}`).set(rival.auth).expect(404);
      await http().get(`${base}/deliveries/${test.id}`).set(rival.auth).expect(404);
      await http().post(`${base}/deliveries/${test.id}/replay`).set(rival.auth).expect(404);
      expect((await http().get(`${base}/endpoints`).set(rival.auth).expect(200)).body).toEqual([]);
      expect((await http().get(`${base}/deliveries`).set(rival.auth).expect(200)).body.total).toBe(0);
      expect((await endpoint(created.id)).description).toBe('/isolation');
      await removeEndpoint(created.id);
    });

    it('shows the secret once, at creation; never in the list or the database in clear', async () => {
      const created = await createEndpoint('/secret-once', ['lead.created']);
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const listed = (await http().get(`${base}/endpoints`).set(admin.auth).expect(200)).body as WebhookEndpointDto[];
      expect(JSON.stringify(listed)).not.toContain(created.secret);
      expect(JSON.stringify(await endpoint(created.id))).not.toContain('whsec_');
      const [row] = await env.t.dataSource.query(`SELECT secret_ciphertext FROM outgoing_webhook_endpoints WHERE id = $1`, [created.id]);
      expect(row.secret_ciphertext).not.toContain(created.secret);
      await removeEndpoint(created.id);
    });
  });

  describe('delivery of lead events', () => {
    let hook: CreatedWebhookEndpointDto;
    let leadId: string;
    const path = '/lead-events';

    beforeAll(async () => {
      hook = await createEndpoint(path);
    });
    afterAll(() => removeEndpoint(hook.id));

    it('lead.created: the stored lead as a snapshot, signed as documented, with the event headers', async () => {
      leadId = await submit({ full_name: 'Ada Hooks', email: 'ada.hooks@example.test', phone_number: '+15550001111' });
      const [got] = await waitFor('lead.created', async () => {
        const found = eventsAt(path, 'lead.created').filter((r) => parsed(r).data.lead.id === leadId);
        return found.length ? found : undefined;
      });
      const event = parsed(got);
      expect(event).toMatchObject({ type: 'lead.created', organisationId: admin.organisationId });
      expect(event.data.lead).toMatchObject({ id: leadId, status: 'new', email: 'ada.hooks@example.test', fullName: 'Ada Hooks' });
      expect(event.data.lead.metaLeadId).toMatch(/^\d+$/);
      expect(got.headers['legeai-event-id']).toBe(event.id);
      expect(got.headers['content-type']).toBe('application/json');
      expect(Number(got.headers['legeai-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
      expect(verifyAsDocumented(got.headers['legeai-signature'] as string, hook.secret, got.body)).toBe(true);
      expect(verifyAsDocumented(got.headers['legeai-signature'] as string, 'whsec_wrong', got.body)).toBe(false);
      expect(verifyAsDocumented(got.headers['legeai-signature'] as string, hook.secret, got.body.replace('Ada', 'Eve'))).toBe(false);

      const [logged] = await deliveries({ eventId: event.id });
      expect(logged).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200, eventType: 'lead.created', endpointId: hook.id });
      const full = await detail(logged.id);
      expect(full.attemptLog).toHaveLength(1);
      expect(full.attemptLog[0]).toMatchObject({ success: true, response: { status: 200, bodyExcerpt: '{"ok":true}' } });
      expect(full.attemptLog[0].request.body).toBe(got.body);
      expect(full.attemptLog[0].request.headers['LegeAI-Signature']).toBe(got.headers['legeai-signature']);
    });

    it('lead.status_changed: the previous status and the lead after the change', async () => {
      await moveTo(leadId, LeadStatus.Contacted);
      const got = await waitFor('lead.status_changed', async () =>
        eventsAt(path, 'lead.status_changed').find((r) => parsed(r).data.lead.id === leadId),
      );
      const event = parsed<{ previousStatus: string; change: string }>(got);
      expect(event.data).toMatchObject({ previousStatus: 'new', change: 'status', lead: { status: 'contacted' } });
      expect(verifyAsDocumented(got.headers['legeai-signature'] as string, hook.secret, got.body)).toBe(true);
    });

    it('lead.updated: a custom field edit names the fields that changed', async () => {
      await http().post('/v1/lead-fields').set(admin.auth).send({ key: 'policy_number', label: 'Policy number', type: 'text' }).expect(201);
      await http()
        .patch(`/v1/leads/${leadId}/custom-fields`)
        .set(manager.auth)
        .send({ values: { policy_number: 'PN-42' } })
        .expect(200);
      const got = await waitFor('lead.updated', async () => eventsAt(path, 'lead.updated').find((r) => parsed(r).data.lead.id === leadId));
      const event = parsed<{ changedFields: string[] }>(got);
      expect(event.data.changedFields).toEqual(['customFields.policy_number']);
      expect(event.data.lead.customFields).toEqual({ policy_number: 'PN-42' });
    });

    it('lead.duplicate_detected: the same person again, linked to the earlier lead', async () => {
      const again = await submit({ full_name: 'Ada Hooks', email: 'ada.hooks@example.test', phone_number: '+15550001111' });
      const got = await waitFor('lead.duplicate_detected', async () =>
        eventsAt(path, 'lead.duplicate_detected').find((r) => parsed(r).data.lead.id === again),
      );
      const event = parsed<{ duplicateOfId: string; rule: string; possible: boolean }>(got);
      expect(event.data).toMatchObject({ duplicateOfId: leadId, rule: 'email', possible: false, lead: { duplicateOfId: leadId } });
      // Its creation was told too, as its own event with its own id.
      const created = await waitFor('its lead.created', async () =>
        eventsAt(path, 'lead.created').find((r) => parsed(r).data.lead.id === again),
      );
      expect(parsed(created).id).not.toBe(event.id);
    });

    it('an endpoint gets only the event types it subscribes to', async () => {
      const only = await createEndpoint('/only-status', ['lead.status_changed']);
      const lead = await quietLead();
      await moveTo(lead, LeadStatus.Contacted);
      await http().post('/v1/lead-fields').set(admin.auth).send({ key: 'note_only', label: 'Note', type: 'text' }).expect(201);
      await http()
        .patch(`/v1/leads/${lead}/custom-fields`)
        .set(manager.auth)
        .send({ values: { note_only: 'x' } })
        .expect(200);
      await waitFor('the status change', async () => eventsAt('/only-status', 'lead.status_changed').length > 0);
      await waitFor('the update at the all-events endpoint', async () =>
        eventsAt(path, 'lead.updated').some((r) => parsed(r).data.lead.id === lead),
      );
      expect(eventsAt('/only-status').map((r) => r.headers['legeai-event-type'])).toEqual(['lead.status_changed']);
      await removeEndpoint(only.id);
    });
  });

  describe('reliability', () => {
    it('a crash between commit and send (the job lost, the worker not running): the sweep delivers it exactly once', async () => {
      const hook = await createEndpoint('/crash', ['lead.status_changed']);
      const worker = workerOf(env.t.app, OUTGOING_WEBHOOKS_QUEUE_NAME);
      const queue = env.t.app.get<Queue>(getQueueToken(OUTGOING_WEBHOOKS_QUEUE_NAME));
      await worker.pause();
      try {
        const lead = await quietLead();
        await moveTo(lead, LeadStatus.Contacted);
        // The commit queued its send; a crash would have lost it: the queue forgets it.
        await new Promise((r) => setTimeout(r, 200));
        await queue.drain(true);
        const [pending] = await deliveries({ endpointId: hook.id });
        expect(pending).toMatchObject({ state: 'pending', attempts: 0 });
        expect(receiver.at('/crash')).toHaveLength(0);
      } finally {
        await worker.resume();
      }
      const [delivered] = await waitFor('the swept delivery', async () => {
        const rows = await deliveries({ endpointId: hook.id, state: 'delivered' });
        return rows.length ? rows : undefined;
      });
      await new Promise((r) => setTimeout(r, 1000)); // several sweeps later
      expect(receiver.at('/crash')).toHaveLength(1);
      expect(receiver.at('/crash')[0].headers['legeai-event-id']).toBe(delivered.eventId);
      expect((await detail(delivered.id)).attemptLog).toHaveLength(1);
      await removeEndpoint(hook.id);
    });

    it('retries with backoff, then succeeds: every attempt logged with its answer', async () => {
      receiver.respond('/flaky', (n) => (n <= 2 ? { status: 503, body: 'busy, try later' } : { status: 200, body: 'ok' }));
      const hook = await createEndpoint('/flaky', ['lead.status_changed']);
      await moveTo(await quietLead(), LeadStatus.Contacted);
      const [delivered] = await waitFor('the retried delivery', async () => {
        const rows = await deliveries({ endpointId: hook.id, state: 'delivered' });
        return rows.length ? rows : undefined;
      });
      expect(delivered.attempts).toBe(3);
      const log = (await detail(delivered.id)).attemptLog;
      expect(log.map((a) => a.response?.status)).toEqual([503, 503, 200]);
      expect(log[0]).toMatchObject({ success: false, error: 'HTTP 503', response: { bodyExcerpt: 'busy, try later' } });
      expect(new Set(receiver.at('/flaky').map((r) => r.headers['legeai-event-id'])).size).toBe(1);
      expect(new Set(receiver.at('/flaky').map((r) => r.body)).size).toBe(1);
      expect(await endpoint(hook.id)).toMatchObject({ enabled: true, failingSince: null });
      await removeEndpoint(hook.id);
    });

    it('disables the endpoint after every attempt of an event failed; once re-enabled, a replay delivers it', async () => {
      let down = true;
      receiver.respond('/down', () => (down ? { status: 500, body: 'x'.repeat(5000) } : { status: 204 }));
      const hook = await createEndpoint('/down', ['lead.status_changed']);
      await moveTo(await quietLead(), LeadStatus.Contacted);
      const disabled = await waitFor('the disabled endpoint', async () => {
        const now = await endpoint(hook.id);
        return now.enabled ? undefined : now;
      });
      expect(disabled.disabledReason).toMatch(/^All 4 attempts of event [0-9a-f-]{36} failed \(last: HTTP 500\)$/);
      const [failed] = await deliveries({ endpointId: hook.id });
      expect(failed).toMatchObject({ state: 'failed', attempts: 4, lastStatus: 500 });
      expect((await detail(failed.id)).attemptLog[0].response?.bodyExcerpt).toHaveLength(2048);
      const [row] = await env.t.dataSource.query(`SELECT disabled_reason FROM outgoing_webhook_endpoints WHERE id = $1`, [hook.id]);
      expect(row.disabled_reason).toBe(disabled.disabledReason);
      // The organisation's admins are alerted: one open alert for this endpoint until someone enables it again.
      const conditionKey = `webhook_endpoint_disabled:${hook.id}`;
      await evaluateAlerts();
      expect(await openAlertKeys()).toContain(conditionKey);

      // Disabled: a new change writes nothing for it.
      await moveTo(await quietLead(), LeadStatus.Contacted);
      await new Promise((r) => setTimeout(r, 500));
      expect(await deliveries({ endpointId: hook.id })).toHaveLength(1);
      await http().post(`${base}/deliveries/${failed.id}/replay`).set(admin.auth).expect(409);

      down = false;
      const enabled = (await http().post(`${base}/endpoints/${hook.id}/enable`).set(admin.auth).expect(200)).body as WebhookEndpointDto;
      expect(enabled).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
      await evaluateAlerts();
      expect(await openAlertKeys()).not.toContain(conditionKey);
      const replayed = (await http().post(`${base}/deliveries/${failed.id}/replay`).set(admin.auth).expect(200))
        .body as WebhookDeliveryDetailDto;
      expect(replayed).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204 });
      expect(replayed.attemptLog).toHaveLength(5);
      await removeEndpoint(hook.id);
    });

    it('an endpoint an admin disables on purpose is no alert', async () => {
      const hook = await createEndpoint('/quiet', ['lead.status_changed']);
      await http().post(`${base}/endpoints/${hook.id}/disable`).set(admin.auth).send({ reason: 'Receiver moving' }).expect(200);
      await evaluateAlerts();
      expect(await openAlertKeys()).not.toContain(`webhook_endpoint_disabled:${hook.id}`);
      await removeEndpoint(hook.id);
    });

    it('disables the endpoint after 24 h of failures with no success', async () => {
      receiver.respond('/day', () => ({ status: 502 }));
      const hook = await createEndpoint('/day', ['lead.status_changed']);
      await env.t.dataSource.query(`UPDATE outgoing_webhook_endpoints SET failing_since = now() - interval '25 hours' WHERE id = $1`, [
        hook.id,
      ]);
      await moveTo(await quietLead(), LeadStatus.Contacted);
      const disabled = await waitFor('the disabled endpoint', async () => {
        const now = await endpoint(hook.id);
        return now.enabled ? undefined : now;
      });
      expect(disabled.disabledReason).toBe('Every delivery failed for 24 h with no success (last: HTTP 502)');
      const [pending] = await deliveries({ endpointId: hook.id });
      expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
      await removeEndpoint(hook.id);
    });
  });

  it('disables an endpoint whose secret cannot be decrypted any more (its key left TOKEN_ENCRYPTION_KEYS)', async () => {
    const hook = await createEndpoint('/lost-key', ['lead.status_changed']);
    await env.t.dataSource.query(`UPDATE outgoing_webhook_endpoints SET secret_key_id = 'retired' WHERE id = $1`, [hook.id]);
    await moveTo(await quietLead(), LeadStatus.Contacted);
    const disabled = await waitFor('the disabled endpoint', async () => {
      const now = await endpoint(hook.id);
      return now.enabled ? undefined : now;
    });
    expect(disabled.disabledReason).toMatch(
      /^Its signing secret cannot be decrypted \(.*"retired".*\): rotate the secret, then enable it$/,
    );
    expect(receiver.at('/lost-key')).toHaveLength(0);
    const [waiting] = await deliveries({ endpointId: hook.id });
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0 });
    await removeEndpoint(hook.id);
  });

  it('prunes finished deliveries past the retention with their attempts and events; keeps waiting ones', async () => {
    const hook = await createEndpoint('/prune', ['lead.status_changed']);
    await moveTo(await quietLead(), LeadStatus.Contacted);
    await moveTo(await quietLead(), LeadStatus.Contacted);
    const [done, waiting] = await waitFor('two deliveries', async () => {
      const rows = await deliveries({ endpointId: hook.id, state: 'delivered' });
      return rows.length === 2 ? rows : undefined;
    });
    const old = `now() - interval '31 days'`;
    await env.t.dataSource.query(`UPDATE outgoing_webhook_deliveries SET updated_at = ${old} WHERE id = $1`, [done.id]);
    await env.t.dataSource.query(
      `UPDATE outgoing_webhook_deliveries SET state = 'pending', updated_at = ${old}, next_attempt_at = now() + interval '1 day' WHERE id = $1`,
      [waiting.id],
    );
    await env.t.dataSource.query(`UPDATE outgoing_webhook_events SET created_at = ${old} WHERE id = ANY($1::uuid[])`, [
      [done.eventId, waiting.eventId],
    ]);

    expect(await env.t.app.get(WebhookOutboxRepository).prune(30)).toEqual({ deliveries: 1, events: 1 });
    await http().get(`${base}/deliveries/${done.id}`).set(admin.auth).expect(404);
    expect((await detail(waiting.id)).state).toBe('pending');
    const [{ count }] = await env.t.dataSource.query(
      `SELECT count(*)::int AS count FROM outgoing_webhook_attempts WHERE delivery_id = $1`,
      [done.id],
    );
    expect(count).toBe(0);
    await removeEndpoint(hook.id);
  });

  describe('secret rotation, test event, replay', () => {
    it('signs with both secrets during the overlap, with the new one only after it', async () => {
      const hook = await createEndpoint('/rotate', ['lead.status_changed']);
      const rotated = (
        await http().post(`${base}/endpoints/${hook.id}/rotate-secret`).set(admin.auth).send({ overlapHours: 2 }).expect(200)
      ).body as { secret: string; previousSecretExpiresAt: string };
      expect(rotated.secret).not.toBe(hook.secret);
      expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(7_100_000);
      await moveTo(await quietLead(), LeadStatus.Contacted);
      const first = await waitFor('a delivery', async () => receiver.at('/rotate')[0]);
      const header = first.headers['legeai-signature'] as string;
      expect(header.match(/v1=/g)).toHaveLength(2);
      expect(verifyAsDocumented(header, rotated.secret, first.body)).toBe(true);
      expect(verifyAsDocumented(header, hook.secret, first.body)).toBe(true);

      const again = (await http().post(`${base}/endpoints/${hook.id}/rotate-secret`).set(admin.auth).send({ overlapHours: 0 }).expect(200))
        .body as { secret: string; previousSecretExpiresAt: string | null };
      expect(again.previousSecretExpiresAt).toBeNull();
      await moveTo(await quietLead(), LeadStatus.Contacted);
      const second = await waitFor('a second delivery', async () => receiver.at('/rotate')[1]);
      const after = second.headers['legeai-signature'] as string;
      expect(after.match(/v1=/g)).toHaveLength(1);
      expect(verifyAsDocumented(after, again.secret, second.body)).toBe(true);
      expect(verifyAsDocumented(after, rotated.secret, second.body)).toBe(false);
      await removeEndpoint(hook.id);
    });

    it('sends a test event now and logs it; replay sends the same event again', async () => {
      const hook = await createEndpoint('/test-event', ['lead.created']);
      const sent = (await http().post(`${base}/endpoints/${hook.id}/test`).set(admin.auth).expect(200)).body as WebhookDeliveryDetailDto;
      expect(sent).toMatchObject({ eventType: 'webhook.test', state: 'delivered', test: true, attempts: 1 });
      expect(sent.attemptLog[0]).toMatchObject({ success: true, response: { status: 200 } });
      const [got] = receiver.at('/test-event');
      expect(JSON.parse(got.body)).toMatchObject({ id: sent.eventId, type: 'webhook.test', data: { endpointId: hook.id } });
      expect(verifyAsDocumented(got.headers['legeai-signature'] as string, hook.secret, got.body)).toBe(true);

      const replayed = (await http().post(`${base}/deliveries/${sent.id}/replay`).set(admin.auth).expect(200))
        .body as WebhookDeliveryDetailDto;
      expect(replayed.attemptLog).toHaveLength(2);
      const both = receiver.at('/test-event');
      expect(both).toHaveLength(2);
      expect(both[1].headers['legeai-event-id']).toBe(sent.eventId);
      expect(both[1].body).toBe(both[0].body);
      expect((await deliveries({ endpointId: hook.id, eventType: 'webhook.test' })).map((d) => d.id)).toEqual([sent.id]);

      // A failing test event is one attempt, and never disables the endpoint.
      receiver.respond('/test-event', () => ({ status: 500 }));
      const failed = (await http().post(`${base}/endpoints/${hook.id}/test`).set(admin.auth).expect(200)).body as WebhookDeliveryDetailDto;
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 500 });
      expect((await endpoint(hook.id)).enabled).toBe(true);
      await removeEndpoint(hook.id);
    });
  });
});
