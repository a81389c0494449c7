import path from 'node:path';
import { Page } from 'playwright-core';

import { connectMetaIfNeeded, RESULTS_DIR, sandbox, useConsoleSession } from './browser';

/**
 * Conversions to Meta on the production console against the backend in sandbox mode: an admin picks the ad
 * account's dataset and turns sending on; a Meta lead moved to qualified shows "Qualified Lead" accepted by Meta on
 * its timeline, and the Conversions page counts it in its overview.
 */
describe('console: conversions to Meta', () => {
  const session = useConsoleSession({ width: 1280, height: 1400 }, { locale: 'en-US' });
  const { screenshotOnFailure } = session;
  let page: Page;
  let formId: string;
  let accountName: string;

  /** Chooses `option` in the Material select labelled `label`. */
  async function choose(label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('listbox').getByRole('option').filter({ hasText: option }).first().click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    page = session.page;
    const world = await sandbox<{ forms: { id: string; status: string; locale: string }[]; adAccounts: { name: string }[] }>(
      'GET',
      '/world',
    );
    formId = world.forms.find((f) => f.status === 'ACTIVE' && f.locale !== 'ES_LA')!.id;
    accountName = world.adAccounts[0].name;
  });

  const drawer = () => page.locator('mat-drawer');
  const timeline = () => drawer().getByRole('list', { name: 'Timeline' });

  it('an admin picks the dataset and turns sending on', () =>
    screenshotOnFailure('conversions-setup', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Conversions' }).click();
      await page.getByRole('heading', { name: 'Conversions to Meta' }).waitFor();
      await page.getByTestId('capi-sending').getByText('Sending is off').waitFor();

      await choose('Ad account', accountName);
      await choose('Dataset', 'Harbor Point CRM');
      await page.getByRole('switch', { name: 'Send lead stages to Meta' }).click();
      await page.getByRole('button', { name: 'Save setup' }).click();
      await page.getByText('Setup saved').waitFor();
      await page.getByTestId('capi-sending').getByText('Sending is on').waitFor();
    }));

  it('moves a Meta lead to qualified and sees the event accepted by Meta on its timeline', () =>
    screenshotOnFailure('conversions-timeline', async () => {
      await page.goto(`/leads?formId=${formId}`);
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      await page.locator('lg-empty-state, table').first().waitFor();
      await sandbox('POST', '/leads', { formId, count: 1, organic: false });
      const offer = page.getByTestId('new-leads');
      await offer.waitFor({ timeout: 60_000 });
      await offer.click();
      await page.locator('tr.lead-row.fresh').first().click();
      await page.waitForURL(/[?&]lead=/);

      // The lead itself is the funnel's first stage.
      await timeline().getByText('“Lead” accepted by Meta').waitFor({ timeout: 30_000 });
      await drawer().getByLabel('Move to').click();
      await page.getByRole('option', { name: 'Qualified' }).click();
      await drawer().getByRole('button', { name: 'Change status' }).click();
      await page.getByText('Lead moved to Qualified.').waitFor();
      await timeline().getByText('“Qualified Lead” accepted by Meta').waitFor({ timeout: 30_000 });
      const text = (await timeline().textContent())!.replace(/\s+/g, ' ');
      expect(text).toMatch(/Moved to Qualified.*“Qualified Lead” accepted by Meta/);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'conversions-timeline.png') });
    }));

  it('sees the accepted events in the overview', () =>
    screenshotOnFailure('conversions-overview', async () => {
      await page.goto('/conversions');
      const overview = page.getByTestId('capi-overview');
      const qualified = overview.getByTestId('capi-overview-row').filter({ hasText: 'Qualified Lead' });
      await qualified.waitFor();
      expect(Number(await page.getByTestId('capi-total-accepted').textContent())).toBeGreaterThanOrEqual(2);
      expect((await qualified.textContent())!.replace(/\s+/g, ' ')).toMatch(/Qualified.*Qualified Lead.*1.*1/);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'conversions-overview.png'), fullPage: true });
    }));
});
