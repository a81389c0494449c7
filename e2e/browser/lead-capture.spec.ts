import path from 'node:path';
import { Page } from 'playwright-core';

import { connectMetaIfNeeded, RESULTS_DIR, useConsoleSession } from './browser';

/**
 * A lead's way in, watched from the production console against the real backend in sandbox mode: connect Meta,
 * send a test lead to a form, see each pipeline step complete, open the stored lead, and find its delivery on the
 * Activity page.
 */
describe('console: capture a lead', () => {
  const session = useConsoleSession({ width: 1366, height: 1600 });
  const { screenshotOnFailure } = session;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const leadForms = () => page.getByRole('table', { name: 'Lead forms' });

  it('connects Meta through the sandbox consent page', () =>
    screenshotOnFailure('lead-capture-connect', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
    }));

  it('sends a test lead to a form and watches each step complete', () =>
    screenshotOnFailure('lead-capture-test-lead', async () => {
      const form = leadForms().getByRole('row').nth(1);
      await form.getByRole('button', { name: /^Actions for / }).click();
      await page.getByRole('menuitem', { name: 'Send test lead' }).click();

      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Send test lead' }).click();
      // The dialog polls the pipeline; the webhook, the Graph fetch, the mapping and the store follow within seconds.
      await dialog.getByText('The test lead arrived').waitFor({ timeout: 60_000 });
      const steps = dialog.getByRole('list', { name: 'Test lead progress' }).getByRole('listitem');
      expect(await steps.count()).toBe(5);
      for (const label of await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))) {
        expect(label).toBe('done');
      }
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-capture-test-lead.png') });

      await dialog.getByRole('link', { name: 'Open the lead' }).click();
      await page.waitForURL(/\/leads\?.*lead=/);
      const drawer = page.locator('mat-drawer');
      // Meta fills a test lead's answers with placeholders; the mapping put them into the name and email fields.
      await drawer.getByRole('heading', { name: /dummy data for full_name/ }).waitFor();
      expect(await drawer.textContent()).toContain('dummy data for email');
      expect(await drawer.textContent()).toContain('test lead');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-capture-lead.png') });
    }));

  it('shows the delivery and the stored sync on the Activity page', () =>
    screenshotOnFailure('lead-capture-activity', async () => {
      await page.goto('/activity');
      await page.getByRole('heading', { name: 'Activity' }).waitFor();
      const deliveries = page.getByRole('table', { name: 'Recent deliveries' });
      await deliveries.getByRole('row').nth(1).waitFor();
      expect(await deliveries.textContent()).toMatch(/Processed|Queued/);
      const stored = page.getByTestId('sync-counts').locator('li[data-label="stored"] .value');
      expect(Number(await stored.textContent())).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-capture-activity.png'), fullPage: true });
    }));

  it("opens the form's mapping and previews it on the test lead", () =>
    screenshotOnFailure('lead-capture-mapping', async () => {
      await page.goto('/integrations/meta');
      const form = leadForms().getByRole('row').nth(1);
      await form.getByRole('button', { name: /^Actions for / }).click();
      await page.getByRole('menuitem', { name: 'Edit mapping' }).click();
      await page.waitForURL(/\/integrations\/meta\/forms\/[^/]+\/mapping$/);

      await page.getByRole('table', { name: 'Questions' }).getByRole('row').nth(1).waitFor();
      const preview = page.getByTestId('mapping-preview');
      await preview.getByText('On the most recent lead of this form').waitFor();
      expect(await preview.textContent()).toContain('dummy data for full_name');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-capture-mapping.png'), fullPage: true });
    }));
});
