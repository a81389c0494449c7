import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { RESULTS_DIR, launchChromium, openedDialog, requiredEnv } from './browser';

/**
 * The console's main path on the production build served by the real backend: sign in as the admin, open Users,
 * create a user and see it in the table.
 */
describe('console: sign in and manage users', () => {
  const baseURL = requiredEnv('E2E_BASE_URL');
  const adminEmail = requiredEnv('E2E_ADMIN_EMAIL');
  const adminPassword = requiredEnv('E2E_ADMIN_PASSWORD');

  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 860 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Keeps the page as it was when a step failed, so a failed run can be understood without rerunning it. */
  async function screenshotOnFailure(name: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-failure.png`), fullPage: true });
      throw error;
    }
  }

  it('signs in, opens Users, creates a user and sees it listed', () =>
    screenshotOnFailure('login-users', async () => {
      const newEmail = `browser-test-${Date.now()}@example.com`;

      await page.goto('/');
      // Signed-out visitors land on the login page.
      await page.waitForURL(/\/login/);
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password', { exact: true }).fill(adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
      await page.waitForURL(/\/users$/);
      await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
      await page.getByRole('row').filter({ hasText: adminEmail }).waitFor();

      await page.getByRole('button', { name: 'Add user' }).first().click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('Email').fill(newEmail);
      await dialog.getByLabel('Name').fill('Browser Test');
      await dialog.getByLabel('Initial password').fill('browser-test-password');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = page.getByRole('row').filter({ hasText: newEmail });
      await row.waitFor();
      expect(await row.textContent()).toContain('Browser Test');
      expect(await row.textContent()).toContain('Active');

      // The new user survives a reload, which also proves the session is restored from the refresh cookie.
      await page.reload();
      await page.getByRole('row').filter({ hasText: newEmail }).waitFor();
      expect(page.url()).toMatch(/\/users$/);

      await page.screenshot({ path: path.join(RESULTS_DIR, 'login-users.png'), fullPage: true });
    }));
});
