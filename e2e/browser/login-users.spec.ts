import path from 'node:path';
import { Page } from 'playwright-core';

import { RESULTS_DIR, openedDialog, useConsoleSession } from './browser';

/**
 * The console's main path on the production build served by the real backend: sign in as the admin, open Users,
 * create a user and see it in the table.
 */
describe('console: sign in and manage users', () => {
  const session = useConsoleSession({ width: 1366, height: 860 });
  const { adminEmail, screenshotOnFailure } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('signs in, opens Users, creates a user and sees it listed', () =>
    screenshotOnFailure('login-users', async () => {
      const newEmail = `browser-test-${Date.now()}@example.com`;

      await session.signIn();
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
