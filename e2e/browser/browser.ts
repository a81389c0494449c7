import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';

/** Where screenshots go, at the repository root (ignored by git). */
export const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

/** Debian's chromium; `apt-get install -y chromium` provides it. Browsers are never downloaded. */
const CHROMIUM = process.env['E2E_CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A host name the browser resolves to this machine: an address it does not trust as it trusts localhost. */
const LAN_HOST = 'console.lan.test';

export function launchChromium(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A LAN-style host name for the server under test (see lanBaseUrl), resolved without touching DNS.
      `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
    ],
  });
}

/** A required setting of the browser tests, with a message naming it when it is missing. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests need a running server and its admin login.`);
  }
  return value;
}

/** Calls the sandbox's control surface (`/__sandbox`): creates leads, breaks tokens, injects faults. */
export async function sandbox<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${requiredEnv('E2E_SANDBOX_URL')}/__sandbox${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${route} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * The open Material dialog, once its opening animation is over and it has moved focus inside. Typing before then
 * races the dialog's own autofocus, which can pull the caret into the first field halfway through a fill.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  await page.waitForFunction(() => {
    const container = document.querySelector('mat-dialog-container');
    return !!container && !container.classList.contains('mdc-dialog--opening') && container.contains(document.activeElement);
  });
  return page.getByRole('dialog');
}

/**
 * Opens Integrations → Meta and, unless a connection is shown already (the browser specs share one server, and
 * another spec may have connected or disconnected), connects through the sandbox's consent page. Ends on the
 * connected Meta page with its lead forms listed.
 */
export async function connectMetaIfNeeded(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Meta' }).click();
  await page.waitForURL(/\/integrations\/meta$/);
  const connectionCard = page.getByTestId('connection-card');
  const connect = page.getByRole('button', { name: 'Connect Meta account' });
  await Promise.race([connect.waitFor(), connectionCard.waitFor()]);
  if (await connect.isVisible()) {
    await connect.click();
    await page.waitForURL(/\/dialog\/oauth/);
    await page.getByRole('button', { name: /^Continue/ }).click();
    await page.waitForURL(/\/integrations\/meta/);
  }
  await connectionCard.waitFor();
  // A spec before this one left Meta refusing the token (specs share the server): reconnect, as an admin would.
  if (await page.getByTestId('status-chip').getByText('Reconnect needed').isVisible()) {
    await connectionCard.getByRole('button', { name: 'Reconnect' }).first().click();
    await page.waitForURL(/\/dialog\/oauth/);
    await page.getByRole('button', { name: /^Continue/ }).click();
    await page.waitForURL((url) => url.pathname === '/integrations/meta');
    await page.getByTestId('status-chip').getByText('Active').waitFor();
  }
  await page.getByRole('table', { name: 'Lead forms' }).getByRole('row').nth(1).waitFor();
}

/**
 * The server under test addressed as 127.0.0.1 instead of localhost. It runs without PUBLIC_URL, as `npm start` does,
 * so everything, the Meta connect round trip included, must work at either address.
 */
export function loopbackBaseUrl(baseURL = requiredEnv('E2E_BASE_URL')): string {
  const url = new URL(baseURL);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}

/**
 * The server under test at a LAN-style host name over plain HTTP, as a colleague opening the console from another
 * machine sees it: unlike localhost and 127.0.0.1, not a secure context for the browser (no COOP, no secure-only
 * APIs), and a host the server has never been told about.
 */
export function lanBaseUrl(baseURL = requiredEnv('E2E_BASE_URL')): string {
  const url = new URL(baseURL);
  url.hostname = LAN_HOST;
  return url.origin;
}

export interface ConsoleSession {
  readonly baseURL: string;
  readonly adminEmail: string;
  /** The page of this describe block's browser context; set once its `beforeAll` has run. */
  readonly page: Page;
  /** Opens the console signed out (it lands on the login page), signs in as the admin and waits for the welcome page. */
  signIn(): Promise<void>;
  /** Runs the steps and, when one fails, keeps a full-page screenshot as `<name>-failure.png` before rethrowing. */
  screenshotOnFailure(name: string, steps: () => Promise<void>): Promise<void>;
}

/**
 * One browser, context and page for a describe block against the server under test (E2E_BASE_URL and its admin
 * login), opened in `beforeAll` and closed in `afterAll`. Call it at the top of the describe block.
 */
export function useConsoleSession(
  viewport = { width: 1366, height: 860 },
  { baseURL = requiredEnv('E2E_BASE_URL'), locale }: { baseURL?: string; locale?: string } = {},
): ConsoleSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ baseURL, viewport, ...(locale && { locale }) });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const adminEmail = requiredEnv('E2E_ADMIN_EMAIL');
  const adminPassword = requiredEnv('E2E_ADMIN_PASSWORD');
  const openPage = (): Page => {
    if (!page) throw new Error('the console session opens in beforeAll; use its page inside tests');
    return page;
  };

  return {
    baseURL,
    adminEmail,
    get page(): Page {
      return openPage();
    },
    async signIn() {
      const current = openPage();
      await current.goto('/');
      await current.waitForURL(/\/login/);
      await current.getByLabel('Email').fill(adminEmail);
      await current.getByLabel('Password', { exact: true }).fill(adminPassword);
      await current.getByRole('button', { name: 'Sign in' }).click();
      await current.getByRole('heading', { name: /^Welcome/ }).waitFor();
    },
    async screenshotOnFailure(name, steps) {
      try {
        await steps();
      } catch (error) {
        await page?.screenshot({ path: path.join(RESULTS_DIR, `${name}-failure.png`), fullPage: true });
        throw error;
      }
    },
  };
}
