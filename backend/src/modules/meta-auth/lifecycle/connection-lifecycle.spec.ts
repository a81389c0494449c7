import type { EntityManager } from 'typeorm';
import type { MetaIntegration } from '../entities/meta-integration.entity';
import { ConnectionLifecycle } from './connection-lifecycle';
import type { ConnectionParticipant } from './connection-participant';
import { HealthFact, HealthRun } from './health-run';

const integration = { id: 'i', organisationId: 'o' } as MetaIntegration;
const connection = { integration, userToken: 't', reconnected: true };

describe(ConnectionLifecycle.name, () => {
  let calls: string[];
  let sut: ConnectionLifecycle;

  const participant = (name: string, order: number, extra: Partial<ConnectionParticipant> = {}): ConnectionParticipant => ({
    name,
    order,
    connected: async () => {
      calls.push(`${name}:connected`);
      return { [name]: true };
    },
    ...extra,
  });

  beforeEach(() => {
    calls = [];
    sut = new ConnectionLifecycle();
  });

  it('runs the steps in the participants’ order, whatever order they joined in, one after the other', async () => {
    sut.join(participant('resume', 400));
    sut.join(participant('assets', 100));
    sut.join(participant('health', 300));
    expect(sut.names()).toEqual(['assets', 'health', 'resume']);
    await sut.connected(connection);
    expect(calls).toEqual(['assets:connected', 'health:connected', 'resume:connected']);
  });

  it('merges what the steps answer into one audit record, in order, and skips participants without the step', async () => {
    sut.join(participant('assets', 100, { refresh: async () => ({ pages: 2, forms: 3 }) }));
    sut.join(participant('quiet', 200));
    sut.join(participant('late', 300, { refresh: async () => ({ forms: 4 }) }));
    await expect(sut.refresh(connection)).resolves.toEqual({ pages: 2, forms: 4 });
    await expect(sut.connected(connection)).resolves.toEqual({ assets: true, quiet: true, late: true });
  });

  it('stops at a failing step: the later ones do not run and the error reaches the caller', async () => {
    sut.join(participant('assets', 100, { connected: () => Promise.reject(new Error('Meta refused')) }));
    sut.join(participant('resume', 400));
    await expect(sut.connected(connection)).rejects.toThrow('Meta refused');
    expect(calls).toEqual([]);
  });

  it('refuses two participants in the same place', () => {
    sut.join(participant('assets', 100));
    expect(() => sut.join(participant('other', 100))).toThrow('assets and other both take place 100');
  });

  it('collects health checks in order, sharing the run’s facts with later participants', async () => {
    const FORMS = new HealthFact<number>('forms');
    sut.join(
      participant('webhook', 200, {
        healthChecks: async (_i, run) => [{ key: 'last_webhook', level: 'ok', message: `forms: ${run.get(FORMS)}` }],
        healthChecksWithoutToken: async () => [{ key: 'last_webhook', level: 'ok', message: 'no token' }],
      }),
    );
    sut.join(
      participant('assets', 100, {
        healthChecks: async (_i, run) => {
          run.set(FORMS, 3);
          return [{ key: 'lead_forms', level: 'ok', message: '3 lead forms' }];
        },
      }),
    );
    const now = new Date();
    expect((await sut.healthChecks(integration, new HealthRun(now))).map((c) => `${c.key}: ${c.message}`)).toEqual([
      'lead_forms: 3 lead forms',
      'last_webhook: forms: 3',
    ]);
    expect((await sut.healthChecksWithoutToken(new HealthRun(now))).map((c) => c.key)).toEqual(['last_webhook']);
  });

  it('hands the wipe transaction to every participant, and merges the status facts', async () => {
    const tx = {} as EntityManager;
    const wiped: unknown[] = [];
    sut.join(
      participant('assets', 100, {
        tokensWiped: async (wipe, m) => void wiped.push([wipe, m]),
        status: async () => ({ counts: { adAccounts: 1, pages: 2, leadForms: 3 } }),
      }),
    );
    sut.join(participant('webhook', 200, { status: async () => ({ lastWebhookAt: '2026-11-29T12:00:00.000Z' }) }));
    await sut.tokensWiped({ organisationId: 'o', integrationId: 'i', disconnected: true }, tx);
    expect(wiped).toEqual([[{ organisationId: 'o', integrationId: 'i', disconnected: true }, tx]]);
    await expect(sut.status(integration)).resolves.toEqual({
      counts: { adAccounts: 1, pages: 2, leadForms: 3 },
      lastWebhookAt: '2026-11-29T12:00:00.000Z',
    });
  });
});
