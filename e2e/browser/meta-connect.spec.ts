import path from 'node:path';
import { Page } from 'playwright-core';

import { RESULTS_DIR, useConsoleSession } from './browser';

/**
 * The admin's first Meta step on the production build served by the real backend in sandbox mode: open
 * Integrations → Meta, connect through the sandbox's consent page, and see the connected account's health and assets.
 */
describe('console: connect a Meta account', () => {
  const session = useConsoleSession({ width: 1366, height: 2200 });
  const { screenshotOnFailure } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const connectionCard = () => page.getByTestId('connection-card');
  const notConnected = () => page.getByText('No Meta account connected');

  /** Rows of the asset table named `label`, without its header row. */
  async function dataRowCount(label: string): Promise<number> {
    const table = page.getByRole('table', { name: label });
    await table.getByRole('row').nth(1).waitFor();
    return (await table.getByRole('row').count()) - 1;
  }

  async function disconnectThroughTheConsole(): Promise<void> {
    await connectionCard().getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Leads already received and the history are kept').waitFor();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await notConnected().waitFor();
  }

  it('signs in, connects through the sandbox consent page and sees the connection with its assets', () =>
    screenshotOnFailure('meta-connect', async () => {
      await session.signIn();

      await page.getByRole('navigation').getByRole('link', { name: 'Meta' }).click();
      await page.waitForURL(/\/integrations\/meta$/);
      await page.getByRole('heading', { name: /^Meta/ }).waitFor();
      await page.getByTestId('sandbox-mode').waitFor();

      // A server reused across runs may still be connected from the last one; start from the empty state.
      await Promise.race([notConnected().waitFor(), connectionCard().waitFor()]);
      if (await connectionCard().isVisible()) {
        await disconnectThroughTheConsole();
      }

      await page.getByRole('button', { name: 'Connect Meta account' }).click();
      // The sandbox's imitation of Meta's login dialog, on its own origin.
      await page.waitForURL(/\/dialog\/oauth/);
      await page.getByText('Meta sandbox · not Facebook').waitFor();
      await page.getByRole('button', { name: /^Continue/ }).click();

      await page.waitForURL(/\/integrations\/meta/);
      await page.getByTestId('connect-result').getByText('Meta account connected').waitFor();
      // The callback's result is shown once and dropped from the address, so a reload does not repeat it.
      await page.waitForURL(/\/integrations\/meta$/);

      await connectionCard().waitFor();
      expect((await page.getByTestId('status-chip').textContent())?.trim()).toBe('Active');
      expect(await page.getByTestId('missing-scopes').count()).toBe(0);
      expect(await page.getByTestId('granted-scopes').textContent()).toContain('leads_retrieval');
      expect(await connectionCard().getByRole('list', { name: 'Health checks' }).getByRole('listitem').count()).toBeGreaterThan(0);

      expect(await dataRowCount('Ad accounts')).toBeGreaterThan(0);
      expect(await dataRowCount('Pages')).toBeGreaterThan(0);
      expect(await dataRowCount('Lead forms')).toBeGreaterThan(0);
      expect(await page.getByRole('table', { name: 'Pages' }).textContent()).toContain('Subscribed');

      await page.screenshot({ path: path.join(RESULTS_DIR, 'meta-connect.png'), fullPage: true });
    }));

  it("switches a lead form's auto-sync and keeps the setting after a reload", () =>
    screenshotOnFailure('meta-auto-sync', async () => {
      const firstForm = () => page.getByRole('table', { name: 'Lead forms' }).getByRole('row').nth(1);
      const toggle = () => firstForm().getByRole('switch');
      const name = (await firstForm().getByRole('cell').first().textContent())?.trim() ?? '';
      const before = await toggle().getAttribute('aria-checked');

      const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/lead-forms/'));
      await toggle().click();
      // The server accepted the change; the switch alone would show the optimistic state.
      expect((await saved).status()).toBe(200);

      await page.reload();
      await page.getByRole('table', { name: 'Lead forms' }).getByRole('row').filter({ hasText: name }).waitFor();
      expect(await toggle().getAttribute('aria-checked')).toBe(before === 'true' ? 'false' : 'true');
    }));

  it('disconnects after confirmation and offers to connect again', () =>
    screenshotOnFailure('meta-disconnect', async () => {
      await disconnectThroughTheConsole();
      await page.getByRole('button', { name: 'Connect Meta account' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    }));

  it('explains a declined dialog and stays disconnected', () =>
    screenshotOnFailure('meta-denied', async () => {
      await page.getByRole('button', { name: 'Connect Meta account' }).click();
      await page.waitForURL(/\/dialog\/oauth/);
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.waitForURL(/\/integrations\/meta/);
      const banner = page.getByTestId('connect-result');
      await banner.getByText('Connection cancelled').waitFor();
      expect(await banner.textContent()).toContain('nothing was shared with LEGEAI');
      await notConnected().waitFor();
    }));
});
