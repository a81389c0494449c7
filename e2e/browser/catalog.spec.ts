import { Page } from 'playwright-core';

import { connectMetaIfNeeded, useConsoleSession } from './browser';

const SITE = 'https://harborpoint-insurance.example';
const stamp = Date.now().toString(36).toUpperCase();
const CSV = [
  'retailer_id,name,description,brand,line_of_business,price,currency,landing_url,image_url,custom_label_0',
  `BR-AUTO-${stamp},Browser auto policy,Auto cover from the listed premium,Harbor Point,auto,39.90,USD,${SITE}/a,${SITE}/a.jpg,TX`,
  `BR-HOME-${stamp},Browser home policy,Home cover from the listed premium,Harbor Point,home,54.00,USD,${SITE}/h,${SITE}/h.jpg,CA`,
  `BR-BAD-${stamp},Broken price,Text,Harbor Point,home,twelve,USD,${SITE}/b,${SITE}/b.jpg,TX`,
].join('\n');

/**
 * The Catalog page against the real backend in sandbox mode: link the demo catalog (admin), import a CSV with one
 * bad row and read the row report, press "Sync now", follow its progress to the end and see the products synced.
 */
describe('console: catalog import and sync', () => {
  const session = useConsoleSession({ width: 1280, height: 1400 });
  const { screenshotOnFailure } = session;
  let page: Page;

  beforeAll(() => {
    page = session.page;
  });

  it('imports a CSV, reports the bad row, syncs and shows the products synced', () =>
    screenshotOnFailure('catalog-import-sync', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Catalog', exact: true }).click();
      await page.waitForURL(/\/catalog$/);
      await page.getByRole('heading', { name: 'Catalog', exact: true }).waitFor();

      // Link a catalog unless an earlier run did.
      const picker = page.getByTestId('catalog-picker');
      const linked = page.getByText(/items in the catalog/);
      await Promise.race([picker.waitFor(), linked.waitFor()]);
      if (await picker.isVisible()) {
        await picker.click();
        await page
          .getByRole('option', { name: /Harbor Point/ })
          .first()
          .click();
        await page.getByTestId('link-catalog').click();
        await linked.waitFor();
      }

      await page.getByTestId('import-button').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      const summary = page.getByTestId('import-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(/3 rows read: 2 new, 0 changed, 0 unchanged, 1 not imported/);
      const problems = page.getByTestId('import-problems');
      expect(await problems.textContent()).toMatch(/4\s*price\s*"twelve" is not a price/);
      await page.getByRole('button', { name: 'Done' }).click();

      const table = page.getByTestId('products-table');
      await table.getByText('Browser auto policy').waitFor();
      const autoRow = table.getByRole('row').filter({ hasText: `BR-AUTO-${stamp}` });
      expect(await autoRow.getByTestId('product-state').textContent()).toMatch(/Waiting for the next sync/);

      await page.getByTestId('sync-now').click();
      await page.getByTestId('sync-status').waitFor();
      // Followed to the end: the products read again once Meta finished the batch.
      await autoRow.getByTestId('product-state').filter({ hasText: 'Synced' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('sync-history').getByRole('row').filter({ hasText: 'Done' }).first().waitFor();
      expect(await page.getByTestId('sync-history').textContent()).toMatch(/2 added/);
    }));
});
