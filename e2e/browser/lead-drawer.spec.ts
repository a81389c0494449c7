import path from 'node:path';
import { Page } from 'playwright-core';

import { connectMetaIfNeeded, openedDialog, RESULTS_DIR, sandbox, useConsoleSession } from './browser';

/**
 * The lead drawer as an agency uses it, on the production console against the backend in sandbox mode: a lead of
 * the sandbox's Spanish form reads like that form (its own question labels and consent text, its Page by name), is
 * marked won with a premium typed the reader's way ("1,250.50" in en-US, priced in the ad account's USD), reopened
 * with a reason, and its timeline shows every change, also after a reload.
 */
describe('console: the lead drawer', () => {
  const session = useConsoleSession({ width: 1280, height: 1400 }, { locale: 'en-US' });
  const { screenshotOnFailure } = session;
  let page: Page;
  let spanishForm: string;

  beforeAll(async () => {
    page = session.page;
    const world = await sandbox<{ forms: { id: string; status: string; locale: string }[] }>('GET', '/world');
    spanishForm = world.forms.find((f) => f.locale === 'ES_LA' && f.status === 'ACTIVE')!.id;
  });

  const drawer = () => page.locator('mat-drawer');
  const timeline = () => drawer().getByRole('list', { name: 'Timeline' });

  it("shows a lead of the Spanish form with the form's own labels, its consent text and its Page by name", () =>
    screenshotOnFailure('lead-drawer-labels', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      await page.goto(`/leads?formId=${spanishForm}`);
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      await page.locator('lg-empty-state, table').first().waitFor();

      await sandbox('POST', '/leads', { formId: spanishForm, count: 1 });
      const offer = page.getByTestId('new-leads');
      await offer.waitFor({ timeout: 60_000 });
      await offer.click();
      await page.locator('tr.lead-row.fresh').first().click();
      await page.waitForURL(/[?&]lead=/);

      const answers = drawer().locator('section.answers');
      await answers.getByText('¿Qué cobertura le interesa?').waitFor();
      expect(await answers.getAttribute('lang')).toBe('es');
      expect(await answers.textContent()).toContain('¿Cuándo prefiere que lo llamemos?');
      expect(await answers.textContent()).not.toContain('tipo_de_cobertura');
      const consent = drawer().locator('section.consent');
      expect(await consent.textContent()).toContain('Acepto que Harbor Point Seguros me contacte');
      expect(await consent.textContent()).toMatch(/Agreed when the form was sent/);
      expect(await drawer().locator('section.attribution').textContent()).toContain('Harbor Point Seguros');
    }));

  it('marks the lead won with a premium typed the reader’s way, and shows it as money', () =>
    screenshotOnFailure('lead-drawer-won', async () => {
      await drawer().getByLabel('Move to').click();
      await page.getByRole('option', { name: 'Won' }).click();
      await drawer().getByRole('button', { name: 'Change status' }).click();

      const dialog = await openedDialog(page);
      // Neither answer is chosen for the user: won needs a premium or an explicit "not known yet".
      await dialog.getByRole('button', { name: 'Mark as won' }).click();
      await dialog.getByText('Choose whether the premium is known.').waitFor();
      await dialog.getByRole('radio', { name: 'The annual premium is known' }).check();
      await dialog.getByRole('textbox', { name: 'Annual premium' }).fill('1,250.50');
      expect(await dialog.getByRole('textbox', { name: 'Currency' }).inputValue()).toBe('USD');
      await dialog.getByRole('button', { name: 'Mark as won' }).click();

      await page.getByText('Lead moved to Won.').waitFor();
      await drawer().getByTestId('premium').getByText('$1,250.50').waitFor();
    }));

  it('reopens the won lead with a reason and shows every change in the timeline, also after a reload', () =>
    screenshotOnFailure('lead-drawer-reopen', async () => {
      await drawer()
        .getByRole('button', { name: /Reopen/ })
        .click();
      const dialog = await openedDialog(page);
      await dialog.getByRole('button', { name: 'Reopen' }).click();
      await dialog.getByText('Say why the lead is reopened.').waitFor();
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Policy cancelled in the cooling-off period');
      await dialog.getByRole('button', { name: 'Reopen' }).click();
      await page.getByText('Lead reopened as New.').waitFor();

      await drawer().getByLabel('Move to').click();
      await page.getByRole('option', { name: 'Contacted' }).click();
      await drawer().getByRole('button', { name: 'Change status' }).click();
      await page.getByText('Lead moved to Contacted.').waitFor();

      // Reloaded from the API: the whole history is stored, not only the last change.
      await page.reload();
      await timeline().getByText('Reopened from won to new').waitFor();
      const text = (await timeline().textContent())!.replace(/\s+/g, ' ');
      expect(text).toMatch(
        /Received.*Moved to Won by Administrator.*Premium \$1,250\.50.*Reopened from won to new by Administrator.*Reason: Policy cancelled in the cooling-off period.*Moved to Contacted by Administrator/,
      );
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-drawer-timeline.png') });
    }));
});
