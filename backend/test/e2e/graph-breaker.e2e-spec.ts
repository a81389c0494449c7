import { Registry } from 'prom-client';
import type { MetaConnectionStatus } from '@legeai/contracts';
import { graphBreakerConfig, type GraphBreakerConfig } from '../../src/config/graph-breaker.config';
import { MetaGraphError } from '../../src/infra/meta-graph';
import type { MetricsService } from '../../src/infra/metrics/metrics.service';
import { ConnectionBreakerStore } from '../../src/modules/meta-auth/graph-breaker/connection-breaker.store';
import {
  ConnectionBreakers,
  type CallAdmission,
  type ClosedBreaker,
} from '../../src/modules/meta-auth/graph-breaker/connection-breakers.service';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { FIRST_ADMIN, login, type SignedInUser } from '../utils/identity-fixtures';

jest.setTimeout(60_000);

const transient = () =>
  new MetaGraphError({ kind: 'transient', code: 2, httpStatus: 503, message: '(#2) Service temporarily unavailable' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The connection breakers of two worker processes: the app's own, and a second instance on the same database (what
 * another worker holds). They must count each other's failures, pause together, let only one of them probe, and
 * leave the database alone on the happy path.
 */
describe('Connection breakers shared by workers (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let settings: GraphBreakerConfig;
  let first: ConnectionBreakers;
  let second: ConnectionBreakers;
  let integrationId: string;
  const closed: ClosedBreaker[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        META_BREAKER_THRESHOLD: '3',
        META_BREAKER_FIRST_WAIT_MS: '400',
        META_BREAKER_MAX_WAIT_MS: '1000',
        META_BREAKER_REFRESH_MS: '50',
      },
    });
    admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
    [{ id: integrationId }] = await t.dataSource.query(
      `INSERT INTO meta_integrations (organisation_id, access_token_ciphertext, access_token_key_id) VALUES ($1, 'x', 'test') RETURNING id`,
      [admin.organisationId],
    );
    settings = t.app.get(graphBreakerConfig.KEY);
    first = t.app.get(ConnectionBreakers);
    second = new ConnectionBreakers(t.app.get(ConnectionBreakerStore), settings, { registry: new Registry() } as MetricsService);
    for (const breakers of [first, second]) breakers.onClosed((c) => closed.push(c));
  });
  afterAll(() => t?.close());

  const row = async () =>
    (
      await t.dataSource.query(`SELECT state, failures, wait_ms, updated_at FROM meta_graph_breakers WHERE integration_id = $1`, [
        integrationId,
      ])
    )[0] as { state: string; failures: number; wait_ms: number; updated_at: Date } | undefined;
  const status = async () => (await t.http.get('/v1/integrations/meta/status').set(admin.auth).expect(200)).body as MetaConnectionStatus;
  /** Waits until both copies are older than the refresh interval, so the next admit reads the database. */
  const refreshed = () => sleep(settings.refreshMs + 20);
  const untilProbeTime = async () => {
    const [{ probe_at }] = await t.dataSource.query(`SELECT probe_at FROM meta_graph_breakers WHERE integration_id = $1`, [integrationId]);
    await sleep(Math.max(0, new Date(probe_at).getTime() - Date.now()) + 5);
  };

  it('leaves the database alone while calls succeed', async () => {
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: false });
    await first.succeeded(integrationId);
    expect(await row()).toBeUndefined();
  });

  it('counts the failures both workers report, pauses both, lets only one probe, and doubles the wait after a failed probe', async () => {
    await first.failed(integrationId, admin.organisationId, transient());
    await second.failed(integrationId, admin.organisationId, transient());
    expect(await row()).toMatchObject({ state: 'closed', failures: 2 });
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: false });
    await first.failed(integrationId, admin.organisationId, transient());
    expect(await row()).toMatchObject({ state: 'open', failures: 3, wait_ms: 400 });

    await refreshed();
    for (const breakers of [first, second]) {
      const held = await breakers.admit(integrationId);
      expect(held).toMatchObject({ go: false, pause: { failures: 3, probing: false, lastError: '(#2) Service temporarily unavailable' } });
      expect((held as Extract<CallAdmission, { go: false }>).delayMs).toBeGreaterThan(0);
    }
    const paused = await status();
    expect(paused.graphPause).toMatchObject({ failures: 3, probing: false });
    expect(paused.checks[0]).toMatchObject({ key: 'graph_calls', level: 'warning' });
    expect(paused.checks[0].message).toMatch(/^Meta calls for this connection are paused since \S+ after 3 failures; next probe at \S+$/);
    expect(paused.overall).toBe('warning');

    await untilProbeTime();
    const claims = await Promise.all([
      first.admit(integrationId),
      second.admit(integrationId),
      first.admit(integrationId),
      second.admit(integrationId),
    ]);
    expect(claims.filter((c) => c.go)).toEqual([{ go: true, probe: true }]);
    expect(claims.filter((c) => !c.go)).toHaveLength(3);
    expect((await status()).graphPause).toMatchObject({ probing: true });

    const prober = claims[0].go ? first : claims[1].go ? second : claims[2].go ? first : second;
    await prober.failedWith(integrationId, admin.organisationId, transient(), { probe: true });
    expect(await row()).toMatchObject({ state: 'open', failures: 4, wait_ms: 800 });
  });

  it('closes on the probe that succeeds, once, and lets both workers call again', async () => {
    await refreshed();
    await untilProbeTime();
    const claims = await Promise.all([first.admit(integrationId), second.admit(integrationId)]);
    expect(claims.filter((c) => c.go)).toEqual([{ go: true, probe: true }]);
    const prober = claims[0].go ? first : second;
    await prober.succeeded(integrationId);

    expect(await row()).toMatchObject({ state: 'closed', failures: 0 });
    await sleep(10); // the closed listeners are called after the close, not awaited by it
    expect(closed).toEqual([{ integrationId, organisationId: admin.organisationId }]);
    await refreshed();
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: false });
    expect(await second.admit(integrationId)).toEqual({ go: true, probe: false });
    const healthy = await status();
    expect(healthy.graphPause).toBeNull();
    expect(healthy.checks.map((c) => c.key)).not.toContain('graph_calls');

    // Clean again: successes write nothing.
    const before = await row();
    await Promise.all([first.succeeded(integrationId), second.succeeded(integrationId)]);
    expect((await row())!.updated_at).toEqual(before!.updated_at);
  });

  it('does not count failures that a success of the same worker interrupted', async () => {
    await first.failed(integrationId, admin.organisationId, transient());
    await first.failed(integrationId, admin.organisationId, transient());
    await first.succeeded(integrationId);
    await second.failed(integrationId, admin.organisationId, transient());
    await second.failed(integrationId, admin.organisationId, transient());
    expect(await row()).toMatchObject({ state: 'closed', failures: 2 });
  });

  it('counts only the failures after the last success of a batch answer: a batch with successes is not a run of failures', async () => {
    await refreshed();
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: false });
    await first.succeeded(integrationId);
    expect(await row()).toMatchObject({ state: 'closed', failures: 0 });
    // One turn, as a batch answer's reads report: five failures, a success, two failures (the threshold is three).
    const reports = [...Array.from({ length: 5 }, () => first.failed(integrationId, admin.organisationId, transient()))];
    reports.push(first.succeeded(integrationId));
    reports.push(
      first.failed(integrationId, admin.organisationId, transient()),
      first.failed(integrationId, admin.organisationId, transient()),
    );
    await Promise.all(reports);
    expect(await row()).toMatchObject({ state: 'closed', failures: 2 });
  });

  it('closes when Meta answers with another error: it is up, whatever it refused', async () => {
    // The failures above were counted by the other worker; this one learns of them when its call is admitted.
    await refreshed();
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: false });
    const refused = new MetaGraphError({ kind: 'permission', code: 10, httpStatus: 403, message: '(#10) denied' });
    await first.failedWith(integrationId, admin.organisationId, refused, { probe: false });
    expect(await row()).toMatchObject({ state: 'closed', failures: 0 });
  });

  it('hands a probe that never reached Meta (held back by a rate-limit pause) to the next call at once', async () => {
    for (let i = 0; i < 3; i++) await first.failed(integrationId, admin.organisationId, transient());
    await untilProbeTime();
    expect(await first.admit(integrationId)).toEqual({ go: true, probe: true });
    const heldBack = new MetaGraphError({
      kind: 'rate_limited',
      message: 'Meta calls for business 1 are paused (x-business-use-case-usage)',
    });
    await first.failedWith(integrationId, admin.organisationId, heldBack, { probe: true });
    expect(await row()).toMatchObject({ state: 'open', failures: 3 });
    await refreshed();
    // Without the hand-over, the next probe would wait for the lease (twice META_TIMEOUT_MS).
    expect(await second.admit(integrationId)).toEqual({ go: true, probe: true });
    await second.succeeded(integrationId);
  });
});
