import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS, RunningSandbox, SandboxOptions } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { ALL_SCOPES, dialogUrl, exchangeCode, loginWithConfiguration, openDialog, submitDialog } from './support/login';

/**
 * Meta keeps the tokens it issued while the product restarts. With a state file, so does the sandbox: a product in
 * sandbox mode (`npm start`) finds its connection alive after a restart instead of "Reconnect needed".
 */
describe('A sandbox with a state file remembers what Meta remembers', () => {
  let dir: string;
  let stateFile: string;
  const running: RunningSandbox[] = [];

  const start = async (options: SandboxOptions = {}) => {
    const sandbox = await startTestSandbox({ stateFile, ...options });
    running.push(sandbox);
    return sandbox;
  };
  const stop = async (sandbox: RunningSandbox) => {
    running.splice(running.indexOf(sandbox), 1);
    await sandbox.close();
  };

  /** The consent dialog, the code exchange, and the Page token of the main Page, as the product does them. */
  async function connect(sandbox: RunningSandbox): Promise<{ userToken: string; pageToken: string }> {
    const form = await openDialog(dialogUrl(sandbox, ALL_SCOPES));
    const redirect = await submitDialog(sandbox, form, 'continue');
    const exchanged = await exchangeCode(sandbox, redirect.searchParams.get('code')!);
    expect(exchanged.status).toBe(200);
    const userToken: string = exchanged.body.access_token;
    const pages = await graph(sandbox, 'GET', 'me/accounts', { token: userToken, params: { fields: 'id,access_token' } });
    const pageToken: string = pages.body.data.find((p: { id: string }) => p.id === DEMO_IDS.pages.main).access_token;
    return { userToken, pageToken };
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    stateFile = join(dir, 'meta-sandbox-state.json');
  });

  afterEach(async () => {
    for (const sandbox of [...running]) await stop(sandbox);
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the user and Page tokens it issued before a restart, with their grant and the Page installs', async () => {
    const first = await start();
    const { userToken, pageToken } = await connect(first);
    const installed = await graph(first, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, {
      token: pageToken,
      params: { subscribed_fields: 'leadgen' },
    });
    expect(installed.status).toBe(200);
    await stop(first);
    // Only the owner may read the file: it holds tokens.
    expect(statSync(stateFile).mode & 0o077).toBe(0);

    const second = await start();
    const me = await graph(second, 'GET', 'me', { token: userToken, params: { fields: 'id,name' } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(DEMO_IDS.userId);
    const debug = await graph(second, 'GET', 'debug_token', { token: appToken(second), params: { input_token: userToken } });
    expect(debug.body.data).toMatchObject({ is_valid: true, user_id: DEMO_IDS.userId });
    expect(debug.body.data.scopes).toEqual(expect.arrayContaining(['leads_retrieval']));
    const forms = await graph(second, 'GET', `${DEMO_IDS.pages.main}/leadgen_forms`, { token: pageToken, params: { fields: 'id' } });
    expect(forms.status).toBe(200);
    expect(forms.body.data.length).toBeGreaterThan(0);
    const apps = await graph(second, 'GET', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: pageToken });
    expect(apps.body.data).toEqual([expect.objectContaining({ id: second.appId, subscribed_fields: ['leadgen'] })]);
  });

  it("keeps a business's system user and its token (Facebook Login for Business) across a restart", async () => {
    const first = await start();
    const systemUserToken = await loginWithConfiguration(first, DEMO_IDS.loginConfigurations.systemUser);
    const before = await graph(first, 'GET', 'me', { token: systemUserToken, params: { fields: 'id,name' } });
    expect(before.status).toBe(200);
    await stop(first);

    const second = await start();
    const after = await graph(second, 'GET', 'me', { token: systemUserToken, params: { fields: 'id,name' } });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    const debug = await graph(second, 'GET', 'debug_token', { token: appToken(second), params: { input_token: systemUserToken } });
    expect(debug.body.data).toMatchObject({ is_valid: true, type: 'SYSTEM_USER' });
  });

  it('gives leads made after a restart new ids, not those of the leads made before it', async () => {
    const first = await start();
    const before = first.control.createLeads({ count: 3 }).map((lead) => lead.id);
    await stop(first);

    const second = await start();
    const after = second.control.createLeads({ count: 3 }).map((lead) => lead.id);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    // Without the file the same seed would hand out the same ids again.
    const forgetful = await startTestSandbox();
    running.push(forgetful);
    expect(forgetful.control.createLeads({ count: 3 }).map((lead) => lead.id)).toEqual(before);
  });

  it('keeps a refusal too: a token invalidated before the restart stays refused after it', async () => {
    const first = await start();
    const { userToken } = await connect(first);
    first.control.invalidateTokens({ token: userToken, reason: 'password_changed' });
    await stop(first);

    const second = await start();
    const me = await graph(second, 'GET', 'me', { token: userToken });
    expect(me.status).toBe(400);
    expect(me.body.error.code).toBe(190);
    expect(me.body.error.error_subcode).toBe(460);
  });

  it('restores nothing from another world (another seed) or from a file it cannot read, and starts as new', async () => {
    const first = await start();
    const { userToken } = await connect(first);
    await stop(first);

    const otherSeed = await start({ seed: 'another-seed' });
    expect((await graph(otherSeed, 'GET', 'me', { token: userToken })).body.error.code).toBe(190);
    await stop(otherSeed);

    writeFileSync(stateFile, '{ not json');
    const fresh = await start();
    expect((await graph(fresh, 'GET', 'me', { token: userToken })).body.error.code).toBe(190);
    // It writes its own state over the unreadable one once something changes.
    await connect(fresh);
    await stop(fresh);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).tokens.length).toBeGreaterThan(0);
  });

  it('keeps nothing without a state file (tests start a new Meta every time)', async () => {
    const first = await startTestSandbox();
    running.push(first);
    const { userToken } = await connect(first);
    await stop(first);
    const second = await startTestSandbox();
    running.push(second);
    expect((await graph(second, 'GET', 'me', { token: userToken })).body.error.code).toBe(190);
  });
});
