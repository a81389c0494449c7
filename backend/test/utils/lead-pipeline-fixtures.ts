import { startSandbox } from '@legeai/meta-sandbox';
import { AddressInfo, createServer } from 'node:net';
import { createHmac } from 'node:crypto';
import { MetaGraphClient } from '../../src/infra/meta-graph';
import { createTestApp, type TestApp } from './create-test-app';
import { FIRST_ADMIN, login, type SignedInUser } from './identity-fixtures';
import { connectMeta, META_APP, type MetaTestEnv } from './meta-connect-fixtures';

/** A synced lead's timeline row, as the tests read it. */
export interface SyncRow {
  id: string;
  organisation_id: string;
  leadgen_id: string;
  state: string;
  lead_id: string | null;
  attempts: number;
  replays: number;
  error_kind: string | null;
  error_code: number | null;
  hint: string | null;
  fetched_at: Date | null;
  mapped_at: Date | null;
  stored_at: Date | null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The app on a real port (the sandbox delivers webhooks to it) against an in-process sandbox, like
 * startMetaTestEnv, with the Graph client's pauses shortened: a rate limit without a regain time pauses calls for a
 * second instead of a minute, so a throttled lead can be seen delayed and then stored within a test.
 */
export async function startPipelineEnv(): Promise<MetaTestEnv> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'lead-pipeline-e2e',
    appId: META_APP.id,
    appSecret: META_APP.secret,
    verifyToken: META_APP.verifyToken,
    redirectUris: [`${publicUrl}/v1/integrations/meta/callback`],
    webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: 5000 },
  });
  let t: TestApp;
  try {
    t = await createTestApp({
      env: {
        PUBLIC_URL: publicUrl,
        META_APP_ID: META_APP.id,
        META_APP_SECRET: META_APP.secret,
        META_VERIFY_TOKEN: META_APP.verifyToken,
        META_REDIRECT_URI: `${publicUrl}/v1/integrations/meta/callback`,
        META_GRAPH_URL: sandbox.url,
        META_DIALOG_URL: sandbox.url,
        META_API_VERSION: META_APP.version,
      },
      configure: (builder) =>
        builder.overrideProvider(MetaGraphClient).useValue(
          new MetaGraphClient({
            graphUrl: sandbox.url,
            apiVersion: META_APP.version,
            appSecret: META_APP.secret,
            timeoutMs: 5000,
            metrics: false,
            retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
            pacing: { thresholdPct: 90, minPauseMs: 1000, rateLimitPauseMs: 1000 },
          }),
        ),
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  await t.app.listen(port, '127.0.0.1');
  const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  return {
    t,
    sandbox,
    publicUrl,
    admin,
    logs: [],
    async close() {
      await t.close();
      await sandbox.close();
    },
  };
}

/** Connects the admin's organisation and checks the console would show it connected. */
export async function connectOrganisation(env: MetaTestEnv, user?: SignedInUser): Promise<void> {
  const { landing } = await connectMeta(env, { user });
  if (landing.searchParams.get('result') !== 'connected') throw new Error(`connect landed on ${landing.href}`);
}

/** Polls until `check` answers something truthy; fails with the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

export async function syncRows(t: TestApp, leadgenIds: string[]): Promise<SyncRow[]> {
  return t.dataSource.query(`SELECT * FROM meta_lead_syncs WHERE leadgen_id = ANY($1) ORDER BY leadgen_id, organisation_id`, [leadgenIds]);
}

/** Waits until every lead has a timeline row in one of `states`. */
export function waitForStates(t: TestApp, leadgenIds: string[], states: string[], timeoutMs?: number): Promise<SyncRow[]> {
  return waitFor(
    `${leadgenIds.length} lead(s) in ${states.join('/')}`,
    async () => {
      const rows = await syncRows(t, leadgenIds);
      return rows.length >= leadgenIds.length && rows.every((row) => states.includes(row.state)) ? rows : null;
    },
    timeoutMs,
  );
}

/** Leads stored for one Meta lead (through meta_lead_mappings), per organisation. */
export async function storedLeadCount(t: TestApp, leadgenId: string, organisationId?: string): Promise<number> {
  const rows = (await t.dataSource.query(
    `SELECT count(*)::int AS n FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id
      WHERE m.meta_lead_id = $1 AND ($2::uuid IS NULL OR m.organisation_id = $2)`,
    [leadgenId, organisationId ?? null],
  )) as { n: number }[];
  return rows[0].n;
}

/** A webhook delivery signed with the app secret, as Meta sends it. */
export function signedDelivery(body: string): { body: string; signature: string } {
  return { body, signature: `sha256=${createHmac('sha256', META_APP.secret).update(body).digest('hex')}` };
}

export function leadgenDelivery(changes: { pageId: string; leadgenId: string; formId: string }[], time = 1764400000): string {
  const byPage = new Map<string, typeof changes>();
  for (const change of changes) byPage.set(change.pageId, [...(byPage.get(change.pageId) ?? []), change]);
  return JSON.stringify({
    object: 'page',
    entry: [...byPage].map(([pageId, list]) => ({
      id: pageId,
      time,
      changes: list.map((c) => ({ field: 'leadgen', value: { leadgen_id: c.leadgenId, page_id: c.pageId, form_id: c.formId, created_time: time } })),
    })),
  });
}
