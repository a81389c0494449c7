import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { RESULTS_DIR, launchChromium, loopbackBaseUrl, requiredEnv } from './browser';

/**
 * Roles without dead ends, on the production console: a viewer who opens an admin page is told it is not for them
 * (at the address they asked for, not redirected), and read-only views say so and show their controls disabled.
 */
describe('console: roles without dead ends', () => {
  const baseURL = loopbackBaseUrl();
  const viewer = { email: `viewer-${Date.now()}@example.com`, password: `Pw-${randomBytes(9).toString('base64url')}` };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function api<T>(method: string, route: string, token: string | null, body?: unknown): Promise<T> {
    const res = await fetch(`${baseURL}/v1/${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /v1/${route} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(RESULTS_DIR, `roles-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    const admin = await api<{ accessToken: string }>('POST', 'auth/login', null, {
      email: requiredEnv('E2E_ADMIN_EMAIL'),
      password: requiredEnv('E2E_ADMIN_PASSWORD'),
    });
    await api('POST', 'users', admin.accessToken, { ...viewer, name: 'Vera Viewer', role: 'viewer' });

    browser = await launchChromium();
    context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password', { exact: true }).fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it.each([
    ['/users', 'Users'],
    ['/audit-log', 'Audit log'],
  ])('tells a viewer who opens %s that it is for admins, and stays at that address', async (url, label) => {
    await page.goto(url);
    const notAllowed = page.getByTestId('not-allowed');
    await notAllowed.waitFor();
    await screenshot(`not-allowed${url.replace('/', '-')}`);

    expect(new URL(page.url()).pathname).toBe(url);
    const text = (await notAllowed.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(`You can't open ${label}`);
    expect(text).toContain(`${label} is for admins. You are signed in as ${viewer.email}, whose role is Viewer.`);

    await notAllowed.getByRole('link', { name: 'Go to the overview' }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  it('says the Meta page is read-only for a viewer and shows its actions disabled', async () => {
    await page.goto('/integrations/meta');
    const hint = page.getByTestId('read-only-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('Read-only: your role is Viewer.');

    // Connected or not (specs share the server), the page's main action is there and disabled.
    const action = page.getByRole('button', { name: /Connect Meta account|Run check now/ });
    await action.first().waitFor();
    expect(await action.first().isDisabled()).toBe(true);
    await screenshot('meta-viewer');
  });
});
