import path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { RESULTS_DIR, launchChromium, lanBaseUrl, openedDialog, requiredEnv, sandbox } from './browser';

/** An iPhone-sized screen, the narrowest the console is made for. */
const PHONE = { width: 390, height: 844 };

/**
 * Elements that scroll sideways although they should not: the page itself, every card, table and the panels holding
 * tables, dialogs and the drawer. Each is named with its tag, classes and test id, and its scroll and client width.
 */
function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const containers = [
      '.mat-mdc-card',
      '.panel',
      'table',
      'mat-expansion-panel',
      'mat-dialog-content',
      '.mat-mdc-dialog-surface',
      '.mat-drawer-inner-container',
      '.mat-drawer-content',
    ];
    const candidates = [document.documentElement, document.body, ...Array.from(document.querySelectorAll(containers.join(',')))];
    const name = (el: Element) =>
      [
        el.tagName.toLowerCase(),
        ...Array.from(el.classList)
          .filter((c) => !c.startsWith('ng-') && !c.startsWith('_ng'))
          .slice(0, 3)
          .map((c) => `.${c}`),
        el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '',
        el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : '',
      ].join('');
    /** The innermost elements reaching past the container's right edge: what to fix. */
    const culprits = (container: Element) => {
      const edge = container.getBoundingClientRect().left + container.clientWidth + 1;
      const sticking = Array.from(container.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > edge);
      return sticking
        .filter((el) => !sticking.some((other) => other !== el && el.contains(other)))
        .slice(0, 3)
        .map(name);
    };
    return [...new Set(candidates)]
      .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${name(el)}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth} (${culprits(el).join(', ')})`);
  });
}

/**
 * Every page of the console at 390 px, opened at a LAN host name over plain HTTP: nothing scrolls sideways, neither
 * the page nor a card, table or dialog. Tables turn into one card per row below the phone breakpoint, so each page is looked at with data in it. Screenshots of each page go to
 * test-results/phone-*.png.
 */
describe('console at phone width', () => {
  const adminEmail = requiredEnv('E2E_ADMIN_EMAIL');
  const adminPassword = requiredEnv('E2E_ADMIN_PASSWORD');
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;

  async function signIn(target: Page): Promise<void> {
    await target.getByLabel('Email').fill(adminEmail);
    await target.getByLabel('Password', { exact: true }).fill(adminPassword);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('heading', { name: /^Welcome/ }).waitFor();
  }

  /** Waits until no progress bar is shown, i.e. the page's reads have answered. */
  async function settled(target: Page = page): Promise<void> {
    await target.waitForFunction(() => document.querySelectorAll('mat-progress-bar').length === 0);
  }

  /** Lists what on the page scrolls sideways, and keeps a screenshot of it as `phone-<name>.png`. */
  async function lookAt(name: string): Promise<{ page: string; overflowing: string[] }> {
    const overflowing = await horizontalOverflow(page);
    await screenshotWhole(name);
    return { page: name, overflowing };
  }

  /**
   * The console scrolls inside its sidenav content (or the drawer), not the document, so a full-page screenshot would
   * stop at the first screen: the screen is made as tall as the content for the picture.
   */
  async function screenshotWhole(name: string): Promise<void> {
    if (await page.locator('mat-dialog-container').count()) {
      // A dialog is centred on the screen and scrolls on its own: it is pictured on the phone's screen.
      await page.screenshot({ path: path.join(RESULTS_DIR, `phone-${name}.png`) });
      return;
    }
    const height = await page.evaluate(() =>
      Math.max(
        document.documentElement.scrollHeight,
        ...Array.from(document.querySelectorAll('.mat-drawer-content, .mat-drawer-inner-container')).map(
          (el) => el.getBoundingClientRect().top + el.scrollHeight + 80,
        ),
      ),
    );
    await page.setViewportSize({ width: PHONE.width, height: Math.min(Math.max(PHONE.height, Math.ceil(height)), 8000) });
    await page.evaluate(() => document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
    await page.screenshot({ path: path.join(RESULTS_DIR, `phone-${name}.png`) });
    await page.setViewportSize(PHONE);
  }

  async function expectNoSidewaysScroll(name: string): Promise<void> {
    expect(await lookAt(name)).toEqual({ page: name, overflowing: [] });
  }

  /** Runs the steps; when one fails, keeps `phone-<name>-failure.png` before rethrowing. */
  async function onPage(name: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await page.screenshot({ path: path.join(RESULTS_DIR, `phone-${name}-failure.png`), fullPage: true });
      throw error;
    }
  }

  const leadForms = () => page.getByRole('table', { name: 'Lead forms' });
  /** Chooses `item` in the first lead form's actions menu. */
  async function chooseFormAction(item: string): Promise<void> {
    await leadForms()
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: /^Actions for / })
      .click();
    await page.getByRole('menuitem', { name: item }).click();
  }
  async function openFormDialog(item: string): Promise<Locator> {
    await chooseFormAction(item);
    return openedDialog(page);
  }

  beforeAll(async () => {
    browser = await launchChromium();
    // Connect Meta first, on a desktop-sized screen at the other address (localhost): the connection is the organisation's.
    const desktop = await browser.newContext({ baseURL: requiredEnv('E2E_BASE_URL'), viewport: { width: 1366, height: 900 } });
    const setup = await desktop.newPage();
    await setup.goto('/');
    await setup.waitForURL(/\/login/);
    await signIn(setup);
    await setup.goto('/integrations/meta');
    const card = setup.getByTestId('connection-card');
    const connect = setup.getByRole('button', { name: 'Connect Meta account' });
    await Promise.race([connect.waitFor(), card.waitFor()]);
    if (await connect.isVisible()) {
      await connect.click();
      await setup.waitForURL(/\/dialog\/oauth/);
      await setup.getByRole('button', { name: /^Continue/ }).click();
    }
    await card.waitFor();
    await desktop.close();

    // Leads to list, and one Meta refuses to hand over, for the Activity page's failed list.
    const world = await sandbox<{ forms: { id: string; status: string }[] }>('GET', '/world');
    const formId = world.forms.find((f) => f.status === 'ACTIVE')!.id;
    await sandbox('POST', '/leads', { formId, count: 3, organic: false });

    phone = await browser.newContext({ baseURL: lanBaseUrl(), viewport: PHONE, isMobile: true, hasTouch: true });
    page = await phone.newPage();
  });
  afterAll(async () => {
    await sandbox('DELETE', '/faults');
    await phone?.close();
    await browser?.close();
  });

  it('login', () =>
    onPage('login', async () => {
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      const login = await lookAt('login');
      await signIn(page);
      expect(login).toEqual({ page: 'login', overflowing: [] });
    }));

  it('overview', () =>
    onPage('overview', async () => {
      await settled();
      await page.getByTestId('organisation').waitFor();
      await expectNoSidewaysScroll('overview');
    }));

  it('leads and the lead drawer', () =>
    onPage('leads', async () => {
      // The sandbox's leads arrive by webhook within seconds; the list is read again until they are there.
      for (let attempt = 0; attempt < 60; attempt++) {
        await page.goto('/leads');
        await settled();
        if ((await page.locator('tr.lead-row').count()) > 0) break;
        await page.waitForTimeout(1000);
      }
      await page.locator('tr.lead-row').first().waitFor();
      await expectNoSidewaysScroll('leads');

      await page.locator('tr.lead-row').first().click();
      await page.waitForURL(/[?&]lead=/);
      const drawer = page.locator('mat-drawer');
      await drawer.getByRole('heading', { name: 'Attribution' }).waitFor();
      // Slid in all the way: its right edge on its container's.
      await page.waitForFunction(() => {
        const opened = document.querySelector('mat-drawer');
        const edge = opened?.parentElement?.getBoundingClientRect().right;
        return !!opened && edge !== undefined && Math.abs(opened.getBoundingClientRect().right - edge) < 1;
      });
      await settled();
      await expectNoSidewaysScroll('lead-drawer');
      await drawer.getByRole('button', { name: 'Close lead details' }).click();
    }));

  it('ads: the campaign table, a campaign and the creation stepper', () =>
    onPage('ads', async () => {
      // The sync that connecting started fills the table; the page reads it again when the sync is done.
      await page.goto('/ads');
      await page.waitForURL(/[?&]account=act_/);
      await page.locator('tr.campaign-row').first().waitFor({ timeout: 60_000 });
      await settled();
      await expectNoSidewaysScroll('ads');

      await page.locator('tr.campaign-row a').first().click();
      await page.waitForURL(/\/ads\/campaigns\//);
      // At phone width the header row is hidden: wait for the first data row.
      await page.getByRole('table', { name: 'Ad sets' }).locator('tbody tr').first().waitFor();
      await settled();
      await expectNoSidewaysScroll('ads-campaign');

      await page.goto('/ads/new');
      await page.getByLabel('Campaign name').waitFor();
      await settled();
      await expectNoSidewaysScroll('ads-new');
    }));

  it('conversions: the setup, the overview and the failed events', () =>
    onPage('conversions', async () => {
      await page.goto('/conversions');
      await page.getByTestId('capi-sending').waitFor();
      await page.getByTestId('capi-failed').locator('lg-empty-state, table').first().waitFor();
      await settled();
      await expectNoSidewaysScroll('conversions');
    }));

  it('catalog: the products, the history and the product dialog', () =>
    onPage('catalog', async () => {
      await page.goto('/catalog');
      await page.getByRole('heading', { name: 'Catalog', exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Sync history' }).waitFor();
      await settled();
      await expectNoSidewaysScroll('catalog');
      await page.getByRole('button', { name: 'New product' }).click();
      await page.getByLabel('Product id').waitFor();
      await settled();
      await expectNoSidewaysScroll('catalog-product-dialog');
      await page.getByRole('button', { name: 'Cancel' }).click();
    }));

  it('activity', () =>
    onPage('activity', async () => {
      await sandbox('PUT', '/faults', { errors: [{ code: 10, rate: 1, method: 'GET' }] });
      const world = await sandbox<{ forms: { id: string; status: string }[] }>('GET', '/world');
      const formId = world.forms.find((f) => f.status === 'ACTIVE')!.id;
      const refused = (await sandbox<{ data: { id: string }[] }>('POST', '/leads', { formId, count: 1, organic: false })).data[0].id;
      await page.goto('/activity');
      const panel = page.getByTestId('failed-list').locator('mat-expansion-panel', { hasText: refused });
      await panel.waitFor({ timeout: 60_000 });
      await sandbox('DELETE', '/faults');
      await panel.locator('mat-expansion-panel-header').click();
      // Opened all the way: its last control is inside the panel (the body grows open).
      await page.waitForFunction((id) => {
        const opened = Array.from(document.querySelectorAll('mat-expansion-panel')).find((p) => p.textContent?.includes(id));
        const last = opened?.querySelector('.timeline + button');
        return !!opened && !!last && last.getBoundingClientRect().bottom <= opened.getBoundingClientRect().bottom;
      }, refused);
      await page.getByRole('table', { name: 'Recent deliveries' }).getByRole('row').nth(1).waitFor();
      await expectNoSidewaysScroll('activity');
    }));

  it('Meta page with its tables', () =>
    onPage('meta', async () => {
      await page.goto('/integrations/meta');
      await page.getByTestId('connection-card').waitFor();
      await leadForms().getByRole('row').nth(1).waitFor();
      await settled();
      await expectNoSidewaysScroll('meta');
    }));

  it('mapping editor', () =>
    onPage('mapping', async () => {
      await chooseFormAction('Edit mapping');
      await page.waitForURL(/\/mapping$/);
      await page.getByRole('table', { name: 'Questions' }).getByRole('row').nth(1).waitFor();
      await page.getByTestId('preview-source').waitFor();
      await settled();
      await expectNoSidewaysScroll('mapping');
    }));

  it('test-lead dialog', () =>
    onPage('test-lead', async () => {
      await page.goto('/integrations/meta');
      await leadForms().getByRole('row').nth(1).waitFor();
      const dialog = await openFormDialog('Send test lead');
      await expectNoSidewaysScroll('test-lead-ready');
      await dialog.getByRole('button', { name: 'Send test lead' }).click();
      await dialog.getByTestId('test-lead-outcome').waitFor({ timeout: 60_000 });
      await expectNoSidewaysScroll('test-lead-done');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    }));

  it('sync dialog', () =>
    onPage('sync', async () => {
      const dialog = await openFormDialog('Sync leads now');
      await expectNoSidewaysScroll('sync-ready');
      await dialog.getByRole('button', { name: 'Sync now' }).click();
      await dialog.getByTestId('sync-result').waitFor({ timeout: 60_000 });
      await expectNoSidewaysScroll('sync-done');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    }));

  it('users', () =>
    onPage('users', async () => {
      await page.goto('/users');
      await page.getByRole('row').filter({ hasText: adminEmail }).waitFor();
      await settled();
      await expectNoSidewaysScroll('users');
    }));

  it('API keys, with a key created in its dialog', () =>
    onPage('api-keys', async () => {
      await page.goto('/api-keys');
      await settled();
      await page.getByRole('button', { name: 'New API key' }).first().click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('Name').fill(`Phone check ${Date.now()}`);
      await dialog.getByRole('button', { name: 'Create key' }).click();
      await dialog.getByTestId('created-key').waitFor();
      await expectNoSidewaysScroll('api-key-created');
      await dialog.getByRole('button', { name: 'I have stored the key' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page
        .getByRole('button', { name: /^Revoke / })
        .first()
        .waitFor();
      await expectNoSidewaysScroll('api-keys');
    }));

  it('webhooks', () =>
    onPage('webhooks', async () => {
      await page.goto('/webhooks');
      await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
      await settled();
      await expectNoSidewaysScroll('webhooks');
      await page.getByRole('button', { name: 'New endpoint' }).first().click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('URL').fill(`https://phone-check-${Date.now()}.example.com/hooks`);
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.getByTestId('webhook-secret').waitFor();
      await expectNoSidewaysScroll('webhook-secret');
      await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Send test event' }).first().waitFor();
      await expectNoSidewaysScroll('webhooks-with-endpoint');
    }));

  it('notifications, their preferences and the mail outbox', () =>
    onPage('notifications', async () => {
      await page.goto('/notifications');
      await page.getByRole('heading', { name: 'Notifications', exact: true }).waitFor();
      await settled();
      await expectNoSidewaysScroll('notifications');
      await page.goto('/notifications/preferences');
      await page.getByRole('checkbox', { name: 'Meta needs a reconnect: by email' }).waitFor();
      await settled();
      await expectNoSidewaysScroll('notification-preferences');
      await page.goto('/mail-outbox');
      await page.getByRole('heading', { name: 'Mail outbox' }).waitFor();
      await settled();
      await expectNoSidewaysScroll('mail-outbox');
    }));

  it('audit log', () =>
    onPage('audit-log', async () => {
      await page.goto('/audit-log');
      await page.getByRole('table').getByRole('row').nth(1).waitFor();
      await settled();
      await expectNoSidewaysScroll('audit-log');
    }));

  it('platform organisations', () =>
    onPage('platform-organisations', async () => {
      await page.goto('/platform/organisations');
      await page.getByRole('table', { name: 'Organisations' }).getByRole('row').filter({ hasText: '(signed in)' }).waitFor();
      await settled();
      await expectNoSidewaysScroll('platform-organisations');
      const row = page.getByRole('table', { name: 'Organisations' }).getByRole('row').filter({ hasText: '(signed in)' });
      await row.getByRole('button', { name: /^Open invitations of / }).click();
      const dialog = await openedDialog(page);
      await dialog
        .getByText(/No open invitations|Revoke/)
        .first()
        .waitFor();
      await expectNoSidewaysScroll('platform-invitations');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    }));
});
