import { Page } from 'playwright-core';

import { lanBaseUrl, loopbackBaseUrl, useConsoleSession } from './browser';

interface Logged {
  text: string;
  url: string;
}

/**
 * Errors and warnings the page writes to the browser console (console.error and console.warn, failed requests and
 * headers the browser ignores, which Chrome always logs, and uncaught exceptions) from now on.
 */
function collectErrors(page: Page): Logged[] {
  const errors: Logged[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      errors.push({ text: `${message.type()}: ${message.text()}`, url: message.location().url });
    }
  });
  page.on('pageerror', (error) => errors.push({ text: `uncaught: ${error.message}`, url: page.url() }));
  return errors;
}

/** A fresh page load of the production console writes no error to the browser console. */
describe('console: browser console on page load', () => {
  const session = useConsoleSession({ width: 1366, height: 860 }, { baseURL: loopbackBaseUrl() });
  const { screenshotOnFailure } = session;

  it('logs no error or warning when a signed-out visitor opens the console, its session probe included', () =>
    screenshotOnFailure('console-errors-signed-out', async () => {
      const page = session.page;
      const errors = collectErrors(page);

      await page.goto('/');
      await page.waitForURL(/\/login/);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.waitForLoadState('networkidle');

      // The session probe (`POST /v1/auth/refresh` without a cookie) is answered 204, which Chrome does not log.
      expect(errors).toEqual([]);
    }));

  it('logs no error or warning at all when a signed-in user reloads a page', () =>
    screenshotOnFailure('console-errors-signed-in', async () => {
      const page = session.page;
      await session.signIn();
      await page.goto('/leads');
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      const errors = collectErrors(page);

      await page.reload();
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      await page.waitForLoadState('networkidle');

      expect(errors).toEqual([]);
    }));
});

/** The same from a LAN address over plain HTTP, where the browser ignores some headers and says so in the console. */
describe('console: browser console on page load at a LAN address', () => {
  const session = useConsoleSession({ width: 1366, height: 860 }, { baseURL: lanBaseUrl() });
  const { screenshotOnFailure } = session;

  it('logs no error or warning when a signed-in user loads pages over plain HTTP at a LAN host name', () =>
    screenshotOnFailure('console-errors-lan', async () => {
      const page = session.page;
      const errors = collectErrors(page);
      await session.signIn();
      for (const [path, heading] of [
        ['/leads', 'Leads'],
        ['/activity', 'Activity'],
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
        await page.waitForLoadState('networkidle');
      }

      expect(new URL(page.url()).hostname).toBe('console.lan.test');
      expect(errors).toEqual([]);
    }));
});
