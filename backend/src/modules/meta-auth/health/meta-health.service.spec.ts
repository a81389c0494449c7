import { MetaIntegrationStatus } from '@legeai/contracts';
import { MetaGraphError } from '../../../infra/meta-graph';
import type { MetaAccountApi } from '../connection/meta-account.api';
import type { MetaIntegrationRepository } from '../connection/meta-integration.repository';
import type { MetaReauthService } from '../connection/meta-reauth.service';
import type { MetaIntegration } from '../entities/meta-integration.entity';
import type { ConnectionLifecycle } from '../lifecycle/connection-lifecycle';
import type { MetaTokenVault } from '../token-vault/meta-token-vault.service';
import { MetaHealthService, splitMissing } from './meta-health.service';

const NOW = new Date('2026-12-01T12:00:00Z');
const integration = () =>
  ({ id: 'int-1', organisationId: 'org-1', status: MetaIntegrationStatus.Active, declinedScopes: [] }) as unknown as MetaIntegration;

function setup(opts: { token?: string | null; valid?: boolean; participants?: () => Promise<unknown[]> }) {
  const saved: MetaIntegration[] = [];
  const integrations = {
    storeHealth: async (row: MetaIntegration) => (saved.push({ ...row }), true),
    findAllLive: async () => [],
  } as unknown as MetaIntegrationRepository;
  const api = {
    debugToken: async () => ({
      is_valid: opts.valid ?? true,
      scopes: [],
      expires_at: 0,
      data_access_expires_at: 0,
      error: opts.valid === false ? { message: 'Session expired' } : undefined,
    }),
    permissionStatuses: async () => new Map(),
  } as unknown as MetaAccountApi;
  const vault = { openUserToken: () => (opts.token === undefined ? 'user-token' : opts.token) } as unknown as MetaTokenVault;
  const lifecycle = {
    healthChecks: opts.participants ?? (async () => [{ key: 'pages', level: 'ok', message: 'ok' }]),
    healthChecksWithoutToken: async () => [],
  } as unknown as ConnectionLifecycle;
  const marks: string[] = [];
  const reauth = {
    markReauthRequired: async (_o: string, _i: string, reason: string) => (marks.push(reason), true),
  } as unknown as MetaReauthService;
  const service = new MetaHealthService(integrations, api, vault, lifecycle, reauth, { apiVersion: 'v24.0' } as never);
  return { service, saved, marks };
}

describe(MetaHealthService.name, () => {
  it('stores an active card with the participants’ checks when the token is alive', async () => {
    const t = setup({});
    const checked = await t.service.check(integration(), NOW);
    expect(checked.status).toBe(MetaIntegrationStatus.Active);
    expect(checked.lastValidatedAt).toEqual(NOW);
    expect(checked.healthChecks.map((c) => c.key)).toContain('pages');
    expect(t.marks).toEqual([]);
  });

  it('marks the connection reauth_required when no token is stored', async () => {
    const t = setup({ token: null });
    expect((await t.service.check(integration(), NOW)).status).toBe(MetaIntegrationStatus.ReauthRequired);
    expect(t.marks).toEqual(['No access token is stored']);
  });

  it('marks it when Meta says the token is invalid', async () => {
    const t = setup({ valid: false });
    const checked = await t.service.check(integration(), NOW);
    expect(checked).toMatchObject({ status: MetaIntegrationStatus.ReauthRequired, statusReason: 'Session expired' });
  });

  it('marks it when a participant’s Graph call is refused for the token (the sync policy parks)', async () => {
    const t = setup({
      participants: async () => Promise.reject(new MetaGraphError({ kind: 'auth', code: 190, message: 'Token expired' })),
    });
    expect((await t.service.check(integration(), NOW)).status).toBe(MetaIntegrationStatus.ReauthRequired);
    expect(t.marks).toEqual(['Token expired']);
  });

  it('lets any other participant failure through, storing nothing', async () => {
    const failure = new MetaGraphError({ kind: 'transient', code: 2, message: 'hiccup' });
    const t = setup({ participants: async () => Promise.reject(failure) });
    await expect(t.service.check(integration(), NOW)).rejects.toBe(failure);
    expect(t.saved).toEqual([]);
  });
});

describe(splitMissing.name, () => {
  it('splits missing permissions into declined ones and ones Meta never offered', () => {
    const statuses = new Map([
      ['catalog_management', 'declined'],
      ['ads_read', 'granted'],
    ]);
    expect(splitMissing(['catalog_management', 'leads_retrieval'], statuses)).toEqual({
      declined: ['catalog_management'],
      notOffered: ['leads_retrieval'],
    });
  });

  it('counts everything as declined when Meta listed nothing (nothing to tell apart)', () => {
    expect(splitMissing(['leads_retrieval'], new Map())).toEqual({ declined: ['leads_retrieval'], notOffered: [] });
  });
});
