import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { RESULTS_DIR, useConsoleSession } from './browser';

/**
 * The audit log as an auditor uses it, on the production console: narrow it to one person by name, open what they
 * changed to its before → after and request id, share the view by its address, and read it on a phone.
 */
describe('console: audit log', () => {
  const session = useConsoleSession();
  const suffix = randomBytes(4).toString('hex');
  const auditor = {
    email: `bea-${suffix}@example.com`,
    password: `Pw-${randomBytes(9).toString('base64url')}`,
    name: `Bea Auditor ${suffix}`,
  };
  const subject = {
    email: `vic-${suffix}@example.com`,
    password: `Pw-${randomBytes(9).toString('base64url')}`,
    name: `Vic Viewer ${suffix}`,
  };
  let changeRequestId = '';

  async function api<T>(method: string, route: string, token: string | null, body?: unknown): Promise<{ body: T; requestId: string }> {
    const res = await fetch(`${session.baseURL}/v1/${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /v1/${route} answered ${res.status}: ${await res.text()}`);
    return { body: (await res.json()) as T, requestId: res.headers.get('x-request-id') ?? '' };
  }

  beforeAll(async () => {
    // A second admin makes a change of her own: a viewer she adds, then makes a manager.
    const admin = await api<{ accessToken: string }>('POST', 'auth/login', null, {
      email: session.adminEmail,
      password: process.env['E2E_ADMIN_PASSWORD'],
    });
    await api('POST', 'users', admin.body.accessToken, { ...auditor, role: 'admin' });
    const bea = await api<{ accessToken: string }>('POST', 'auth/login', null, { email: auditor.email, password: auditor.password });
    const vic = await api<{ id: string }>('POST', 'users', bea.body.accessToken, { ...subject, role: 'viewer' });
    const change = await api('PATCH', `users/${vic.body.id}`, bea.body.accessToken, { role: 'manager' });
    changeRequestId = change.requestId;
    expect(changeRequestId).not.toBe('');
    await session.signIn();
  });

  it('filters by who acted and opens a change to its before → after and request id', () =>
    session.screenshotOnFailure('audit-log', async () => {
      const page = session.page;
      await page.goto('/audit-log');
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      await page.getByRole('table').getByRole('row').nth(1).waitFor();

      await page.getByTestId('audit-actor-filter').click();
      await page.getByRole('option', { name: new RegExp(auditor.name) }).click();
      await page.waitForURL(/actor=user(:|%3A)/);
      const rows = page.locator('tr.entry-row');
      await page.getByTestId('audit-actor').first().waitFor();
      await expectSoon(
        async () => (await page.getByTestId('audit-actor').allTextContents()).map((t) => t.trim()),
        (names) => names.length === 2 && names.every((n) => n === auditor.name),
      );
      // Changes only: her sign-in is on the Sign-ins tab.
      expect((await page.getByTestId('audit-action').allTextContents()).map((t) => t.trim())).toEqual(['User changed', 'User added']);

      await rows.filter({ hasText: 'User changed' }).getByTestId('audit-open').click();
      const detail = page.getByTestId('audit-detail');
      await detail.waitFor();
      const change = detail.getByTestId('audit-change').filter({ hasText: 'Role' });
      expect((await change.locator('.before').textContent())?.trim()).toBe('Viewer');
      expect((await change.locator('.after').textContent())?.trim()).toBe('Manager');
      expect((await detail.getByTestId('audit-correlation').textContent())?.trim()).toBe(changeRequestId);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'audit-log-change.png'), fullPage: true });

      // The filtered view is its address: opened afresh, it shows the same entries.
      const shared = page.url();
      await page.goto('/');
      await page.goto(shared);
      await expectSoon(
        async () => (await page.getByTestId('audit-actor').allTextContents()).map((t) => t.trim()),
        (names) => names.length === 2 && names.every((n) => n === auditor.name),
      );

      await page.getByRole('tab', { name: 'Sign-ins' }).click();
      await expectSoon(
        async () => (await page.getByTestId('audit-action').allTextContents()).map((t) => t.trim()),
        (actions) => actions.length > 0 && actions.every((a) => a === 'Signed in'),
      );
    }));

  it('reads on a phone without sideways scrolling, an opened change included', () =>
    session.screenshotOnFailure('audit-log-phone', async () => {
      const page = session.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/audit-log');
      await page.getByTestId('audit-open').first().click();
      await page.getByTestId('audit-detail').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'audit-log-phone.png'), fullPage: true });
      const overflow = await page.evaluate(() =>
        [document.documentElement, ...Array.from(document.querySelectorAll('.panel, table, [data-testid="audit-detail"]'))]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
      );
      expect(overflow).toEqual([]);
    }));
});

/** Polls `read` until `done` holds (the list reloads after a filter changes), then asserts it. */
async function expectSoon<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect({ value, done: done(value) }).toEqual({ value, done: true });
}
