import { Page } from 'playwright-core';

import { lanBaseUrl, useConsoleSession } from './browser';

/**
 * The console opened at an address other than localhost (the server runs without PUBLIC_URL, as `npm start` does):
 * the Meta connect round trip comes back to that address signed in, and Swagger's "Try it out" reaches the API there.
 */
describe('console: works from whatever address it was opened at', () => {
  const baseURL = lanBaseUrl();
  const session = useConsoleSession({ width: 1366, height: 1400 }, { baseURL });
  const { screenshotOnFailure } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('connects Meta from a LAN host name and lands back there, still signed in', () =>
    screenshotOnFailure('any-address-connect', async () => {
      await session.signIn();
      await page.goto('/integrations/meta');
      const card = page.getByTestId('connection-card');
      const connect = page.getByRole('button', { name: 'Connect Meta account' });
      await Promise.race([connect.waitFor(), card.waitFor()]);
      if (await card.isVisible()) {
        // Connected by an earlier suite: disconnect, so this one makes the round trip itself.
        await card.getByRole('button', { name: 'Disconnect' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
        await connect.waitFor();
      }
      await connect.click();
      await page.waitForURL(/\/dialog\/oauth/);
      // The sandbox's dialog is opened on the host name the console was opened at, as a remote browser needs.
      expect(new URL(page.url()).hostname).toBe('console.lan.test');
      expect(new URL(page.url()).searchParams.get('redirect_uri')).toBe(`${baseURL}/v1/integrations/meta/callback`);
      await page.getByRole('button', { name: /^Continue/ }).click();
      await page.waitForURL((url) => url.pathname === '/integrations/meta');
      expect(new URL(page.url()).origin).toBe(baseURL);
      // Signed in: the refresh cookie lives at this address, so the console shows the connection, not the login page.
      await card.waitFor();
      expect(page.url()).not.toMatch(/\/login/);
    }));

  it("Swagger's Try it out calls the API at the same address", () =>
    screenshotOnFailure('any-address-swagger', async () => {
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Failed to fetch/i.test(message.text())) blocked.push(message.text());
      });
      await page.goto('/docs');
      const operation = page.locator('.opblock', { has: page.locator('[data-path="/v1/auth/me"]') }).first();
      await operation.locator('.opblock-summary').click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      await operation.getByRole('button', { name: 'Execute' }).click();
      // Without a token the API answers 401 with its envelope: the request reached it (a CSP block shows no status).
      const requestUrl = operation.locator('.request-url pre');
      await requestUrl.waitFor();
      expect(await requestUrl.innerText()).toBe(`${baseURL}/v1/auth/me`);
      await operation.getByText('Server response').waitFor();
      const response = await operation.locator('.live-responses-table').first().innerText();
      expect(response).toContain('401');
      expect(response).toContain('"code": "unauthenticated"');
      expect(blocked).toEqual([]);
    }));
});
