import { DEMO_IDS } from '@legeai/meta-sandbox';
import { MetaGraphClient, MetaGraphError } from '../../src/infra/meta-graph';
import { MetaIntegration, MetaIntegrationRepository, MetaReauthService } from '../../src/modules/meta-auth';
import { MetaHealthService } from '../../src/modules/meta-auth/health/meta-health.service';
import { AdsWriteSessions } from '../../src/modules/meta-ads/writes/ads-write-session';
import { auditActions } from '../utils/identity-fixtures';
import { connectMeta, connectOrganisation } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(180_000);

const ACT = `act_${DEMO_IDS.adAccounts.autoHome}`;

/**
 * A job loads the connection (and its token) when it starts. When Meta refuses that token and an admin reconnects
 * while the job is still running, the job's failure arrives after the reconnect: it is about the old token and must
 * leave the reconnected connection active. Each test loads the connection, has Meta refuse its token, reconnects,
 * and only then lets the stale holder fail, as a slow job would.
 */
describe('A refusal of a token replaced by a reconnect (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'reconnect-race' });
    await connectOrganisation(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  const row = async (): Promise<{ status: string; access_token_ciphertext: string | null; health_overall: string | null }> =>
    (
      await env.t.dataSource.query(`SELECT * FROM meta_integrations WHERE organisation_id = $1 AND status <> 'disconnected'`, [
        env.admin.organisationId,
      ])
    )[0];
  const loadIntegration = async (): Promise<MetaIntegration> =>
    (await env.t.app.get(MetaIntegrationRepository).findLive(env.admin.organisationId))!;
  const reauthAudits = async () =>
    (await auditActions(env.t, env.admin.organisationId)).filter((a) => a.action === 'meta.reauth_required').length;

  /** Meta refuses every token issued so far (a password change), then the admin reconnects with a new one. */
  async function refuseAndReconnect(): Promise<void> {
    env.sandbox.control.invalidateTokens({ userId: env.sandbox.control.world().userId!, reason: 'password_changed' });
    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe('connected');
  }

  it('a health check that began with the old token leaves the reconnected connection active, with its new token', async () => {
    const stale = await loadIntegration();
    await refuseAndReconnect();
    const reconnected = await row();
    expect(reconnected.status).toBe('active');
    expect(reconnected.access_token_ciphertext).not.toBe(stale.accessTokenCiphertext);
    const auditsBefore = await reauthAudits();

    // The check asks Meta about the token it loaded: invalid. That verdict concerns a token no longer in use.
    const answered = await env.t.app.get(MetaHealthService).check(stale);

    expect(answered.status).toBe('active');
    const after = await row();
    expect(after.status).toBe('active');
    // A whole-row save of the stale entity would have written the refused token back over the new one.
    expect(after.access_token_ciphertext).toBe(reconnected.access_token_ciphertext);
    expect(await reauthAudits()).toBe(auditsBefore);

    // The next check judges the new token: healthy.
    const fresh = await env.t.app.get(MetaHealthService).check(await loadIntegration());
    expect(fresh.status).toBe('active');
    expect(fresh.healthChecks.find((c) => c.key === 'token')?.level).toBe('ok');
  });

  it('a campaign change whose session opened before the reconnect fails without marking the connection', async () => {
    const session = await env.t.app.get(AdsWriteSessions).open(env.admin.organisationId, ACT);
    await refuseAndReconnect();
    const auditsBefore = await reauthAudits();

    const graph = env.t.app.get(MetaGraphClient);
    // A real Graph call over HTTP with the session's (old) token: Meta refuses it.
    const refused = await session.call((ctx) => graph.get(ACT, { fields: 'id' }, ctx)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MetaGraphError);
    expect((refused as MetaGraphError).kind).toBe('auth');

    expect((await row()).status).toBe('active');
    expect(await reauthAudits()).toBe(auditsBefore);
  });

  it('a refusal of the token still stored marks the connection, audited once', async () => {
    const reauth = env.t.app.get(MetaReauthService);
    const current = await loadIntegration();
    const auditsBefore = await reauthAudits();
    // A stale ciphertext first: nothing moves.
    expect(
      await reauth.markReauthRequired(env.admin.organisationId, current.id, 'stale', {
        during: 'ads_sync',
        failedUserToken: 'not-the-stored-one',
      }),
    ).toBe(false);
    expect((await row()).status).toBe('active');
    // The stored one: it moves, once.
    const options = { during: 'ads_sync' as const, failedUserToken: current.accessTokenCiphertext };
    expect(await reauth.markReauthRequired(env.admin.organisationId, current.id, 'Meta refused it', options)).toBe(true);
    expect(await reauth.markReauthRequired(env.admin.organisationId, current.id, 'Meta refused it', options)).toBe(false);
    expect((await row()).status).toBe('reauth_required');
    expect(await reauthAudits()).toBe(auditsBefore + 1);
  });
});
