import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { RESULTS_DIR, launchChromium, loopbackBaseUrl, openedDialog, requiredEnv } from './browser';

/**
 * Many organisations on the production console: the platform administrator (the first admin) creates an
 * organisation and invites its first admin; the invitee opens the link signed out, sets a name and password and
 * lands in the organisation; a user of two organisations switches between them from the toolbar.
 */
describe('console: organisations, invitations and the switcher', () => {
  const baseURL = loopbackBaseUrl();
  const orgName = `Harbor Agency ${Date.now()}`;
  const invitee = { email: `harbor-admin-${Date.now()}@example.com`, password: `Pw-${randomBytes(9).toString('base64url')}` };
  let browser: Browser;
  let platformContext: BrowserContext;
  let inviteeContext: BrowserContext;
  let platform: Page;
  let invitationLink: string;

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(RESULTS_DIR, `organisations-${name}.png`), fullPage: true });
  }

  async function onFailure(page: () => Page, name: string, steps: () => Promise<void>): Promise<void> {
    try {
      await steps();
    } catch (error) {
      await page()
        .screenshot({ path: path.join(RESULTS_DIR, `organisations-${name}-failure.png`), fullPage: true })
        .catch(() => undefined);
      throw error;
    }
  }

  beforeAll(async () => {
    browser = await launchChromium();
    platformContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
    inviteeContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    platform = await platformContext.newPage();
    await platform.goto('/');
    await platform.waitForURL(/\/login/);
    await platform.getByLabel('Email').fill(requiredEnv('E2E_ADMIN_EMAIL'));
    await platform.getByLabel('Password', { exact: true }).fill(requiredEnv('E2E_ADMIN_PASSWORD'));
    await platform.getByRole('button', { name: 'Sign in' }).click();
    await platform.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });
  afterAll(async () => {
    await inviteeContext?.close();
    await platformContext?.close();
    await browser?.close();
  });

  it('a platform administrator creates an organisation and invites its first admin, seeing the link once', () =>
    onFailure(
      () => platform,
      'create',
      async () => {
        await platform.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
        await platform.waitForURL(/\/platform\/organisations$/);
        await platform.getByRole('heading', { name: 'Organisations', exact: true }).waitFor();

        await platform.getByRole('button', { name: 'New organisation' }).first().click();
        let dialog = await openedDialog(platform);
        await dialog.getByLabel('Name').fill(orgName);
        await dialog.getByRole('button', { name: 'Create organisation' }).click();
        await platform.getByRole('heading', { name: `Invite an admin of ${orgName}` }).waitFor();
        dialog = await openedDialog(platform);
        await dialog.getByLabel('Email').fill(invitee.email);
        await dialog.getByRole('button', { name: 'Create invitation link' }).click();
        const link = dialog.getByTestId('invitation-link');
        await link.waitFor();
        invitationLink = (await link.textContent())!.trim();
        expect(invitationLink).toMatch(new RegExp(`^${baseURL}/invitation#[A-Za-z0-9_-]{43}$`));
        expect(await dialog.textContent()).toContain("You won't see it again");
        await screenshot(platform, 'invitation-link');
        await dialog.getByRole('button', { name: 'Done' }).click();
        await dialog.waitFor({ state: 'detached' });

        const row = platform.getByRole('row').filter({ hasText: orgName });
        await row.waitFor();
        expect(await row.textContent()).toContain('Active');

        // The pending invitation is listed (a second one, revoked, is gone from the list).
        await row.getByRole('button', { name: `Invite an admin of ${orgName}` }).click();
        dialog = await openedDialog(platform);
        await dialog.getByLabel('Email').fill(`spare-${invitee.email}`);
        await dialog.getByRole('button', { name: 'Create invitation link' }).click();
        await dialog.getByTestId('invitation-link').waitFor();
        await dialog.getByRole('button', { name: 'Done' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByRole('button', { name: `Open invitations of ${orgName}` }).click();
        dialog = await openedDialog(platform);
        await dialog.getByRole('row').filter({ hasText: invitee.email }).first().waitFor();
        await dialog.getByRole('button', { name: `Revoke the invitation of spare-${invitee.email}` }).click();
        await platform.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
        await dialog.getByRole('button', { name: `Revoke the invitation of spare-${invitee.email}` }).waitFor({ state: 'detached' });
        expect(await dialog.getByTestId('pending-invitation').count()).toBe(1);
        await dialog.getByRole('button', { name: 'Close' }).click();
        await platform.getByRole('dialog').waitFor({ state: 'detached' });
      },
    ));

  it('the invitee opens the link signed out, sets a name and password, and lands in the organisation', async () => {
    const page = await inviteeContext.newPage();
    await onFailure(
      () => page,
      'accept',
      async () => {
        await page.goto(invitationLink.replace(baseURL, ''));
        await page.getByTestId('invitation-summary').waitFor();
        expect(await page.getByTestId('invitation-summary').textContent()).toContain(orgName);
        await page.getByLabel('Your name').fill('Hana Harbor');
        await page.getByLabel('Choose a password').fill(invitee.password);
        await page.getByRole('button', { name: 'Create account and join' }).click();
        await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
        await page.getByTestId('user-menu').click();
        await page.getByRole('menu').getByText(orgName).waitFor();
        await screenshot(page, 'accepted');
        await page.keyboard.press('Escape');

        // The link worked once.
        const again = await inviteeContext.newPage();
        await again.goto(invitationLink.replace(baseURL, ''));
        await again.getByTestId('invitation-error').waitFor();
        expect(await again.getByTestId('invitation-error').textContent()).toContain('already used');
        await again.close();

        // The new admin adds the platform administrator (who has an account) to the organisation, without a password.
        await page.goto('/users');
        await page.getByRole('button', { name: 'Add user' }).first().click();
        const dialog = await openedDialog(page);
        await dialog.getByLabel('Email').fill(requiredEnv('E2E_ADMIN_EMAIL'));
        await dialog.getByLabel('Name').fill('Platform admin');
        await dialog.getByRole('button', { name: 'Create user' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page
          .getByRole('row')
          .filter({ hasText: requiredEnv('E2E_ADMIN_EMAIL') })
          .waitFor();
      },
    );
  });

  it('a user of two organisations switches between them from the toolbar', () =>
    onFailure(
      () => platform,
      'switch',
      async () => {
        await platform.goto('/');
        const switcher = platform.getByTestId('organisation-switcher');
        await switcher.waitFor();
        const before = (await switcher.textContent())!;
        expect(before).not.toContain(orgName);
        await switcher.click();
        await platform.getByRole('menuitem', { name: new RegExp(orgName) }).click();
        await platform.getByRole('heading', { name: /^Welcome/ }).waitFor();
        await platform.getByTestId('organisation-switcher').filter({ hasText: orgName }).waitFor();
        await screenshot(platform, 'switched');

        // A reload keeps the organisation: the session's refreshes follow the switch.
        await platform.reload();
        await platform.getByTestId('organisation-switcher').filter({ hasText: orgName }).waitFor();
        // A role per organisation: an admin of the first one, a viewer here, where Users is not theirs to open.
        await platform.goto('/users');
        await platform.getByTestId('not-allowed').waitFor();
      },
    ));
});
