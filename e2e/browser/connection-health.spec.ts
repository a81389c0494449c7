import { Page } from 'playwright-core';

import { connectMetaIfNeeded, sandbox, useConsoleSession } from './browser';

/**
 * When Meta refuses the token, the console says so everywhere at once: the banner above every page, the Overview's
 * connection and its pipeline numbers, and the Meta page's card and health checks, without "Run check now".
 */
describe('console: connection health never contradicts itself', () => {
  const session = useConsoleSession({ width: 1366, height: 1400 });
  const { screenshotOnFailure } = session;
  let page: Page;

  beforeAll(() => {
    page = session.page;
  });

  it('a token refused after a green check shows on the banner, the Overview and the health card at once', () =>
    screenshotOnFailure('connection-health', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      // A fresh check, green, as an admin would have seen it minutes before.
      await page.getByRole('button', { name: 'Run check now' }).click();
      await page.getByTestId('overall').getByText('Healthy').waitFor();
      expect(await page.getByTestId('connection-banner').count()).toBe(0);

      const world = await sandbox<{ userId: string; forms: { id: string; status: string }[] }>('GET', '/world');
      await sandbox('POST', '/tokens/invalidate', { userId: world.userId, reason: 'password_changed' });
      // A lead arrives: reading it, the pipeline meets the refused token and parks it.
      await sandbox('POST', '/leads', { formId: world.forms.find((f) => f.status === 'ACTIVE')!.id, count: 1, organic: false });

      // The console looks at the connection every minute: the banner comes on whatever page is open.
      await page.getByTestId('connection-banner').getByText('Meta no longer accepts the access token').waitFor({ timeout: 75_000 });
      await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
      await page.getByTestId('overview-connection-state').getByText('Meta refused the token').waitFor();
      // The banner can come on from the refusal a moment before the lead's parking commits; the Overview's numbers
      // are read again every 30 s.
      const parked = page.locator('[data-count="Today:parked"] a').filter({ hasNotText: /^\s*0\s*$/ });
      await parked.waitFor({ timeout: 45_000 });
      expect(Number(await parked.innerText())).toBeGreaterThanOrEqual(1);

      await parked.click();
      await page.waitForURL(/\/activity#parked-heading$/);

      await page.getByRole('navigation').getByRole('link', { name: 'Meta' }).click();
      const card = page.getByTestId('connection-card');
      await card.getByText('Meta no longer accepts the stored access token').waitFor();
      expect(await page.getByTestId('overall').innerText()).not.toContain('Healthy');
      const tokenCheck = card.locator('[data-check="token"]');
      expect(await tokenCheck.getAttribute('class')).toContain('level-error');

      // Reconnecting makes everything green again and replays the parked lead.
      await card.getByRole('button', { name: 'Reconnect' }).first().click();
      await page.waitForURL(/\/dialog\/oauth/);
      await page.getByRole('button', { name: /^Continue/ }).click();
      await page.waitForURL((url) => url.pathname === '/integrations/meta');
      await card.waitFor();
      await page.getByTestId('status-chip').getByText('Active').waitFor();
      expect(await page.getByTestId('connection-banner').count()).toBe(0);
    }));
});
