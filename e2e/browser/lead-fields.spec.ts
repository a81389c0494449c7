import { Page } from 'playwright-core';

import { connectMetaIfNeeded, openedDialog, sandbox, useConsoleSession } from './browser';

/**
 * An organisation's own lead fields, on the production console against the backend in sandbox mode: an admin defines
 * a choice field and a text field on the Lead fields page, maps a question of the sandbox's auto form to the choice,
 * and a lead arriving through the sandbox shows both in its drawer (the mapped answer under the field's label), where
 * the text field is filled in by hand. The page works at 390 px wide.
 */
describe('console: custom lead fields', () => {
  const session = useConsoleSession({ width: 1280, height: 1400 }, { locale: 'en-US' });
  const { screenshotOnFailure } = session;
  const run = Date.now().toString(36);
  const coverageLabel = `Coverage wanted ${run}`;
  const carrierLabel = `Current carrier ${run}`;
  let page: Page;
  let autoForm: string;
  /** What the question was mapped to before this spec, put back at its end: other specs share the server. */
  let mappedBefore = 'Not mapped';

  beforeAll(async () => {
    page = session.page;
    const world = await sandbox<{ forms: { id: string; name: string; status: string }[] }>('GET', '/world');
    autoForm = world.forms.find((f) => f.name === 'Auto insurance quote 2026')!.id;
  });

  const drawer = () => page.locator('mat-drawer');

  async function addField(label: string, type: string, options: string[] = []): Promise<void> {
    await page.getByRole('button', { name: 'New field' }).first().click();
    const dialog = await openedDialog(page);
    await dialog.getByRole('textbox', { name: 'Label' }).fill(label);
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: type, exact: true }).click();
    for (const [i, option] of options.entries()) {
      if (i >= 2) await dialog.getByRole('button', { name: 'Add option' }).click();
      await dialog.getByRole('textbox', { name: `Option ${i + 1}` }).fill(option);
    }
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/v1/lead-fields'));
    await dialog.getByRole('button', { name: 'Add field' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByRole('table', { name: 'Lead fields' }).getByRole('row').filter({ hasText: label }).waitFor();
  }

  it('defines a multiple-choice and a text field on the Lead fields page', () =>
    screenshotOnFailure('lead-fields-define', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Lead fields', exact: true }).click();
      await page.getByRole('heading', { name: 'Lead fields', exact: true }).waitFor();
      await page.locator('lg-empty-state, table').first().waitFor();

      await addField(coverageLabel, 'Multiple choice', ['Liability', 'Collision', 'Comprehensive', 'Roadside assistance']);
      await addField(carrierLabel, 'Text');
      const row = page.getByRole('table', { name: 'Lead fields' }).getByRole('row').filter({ hasText: coverageLabel });
      expect(await row.textContent()).toContain('Liability, Collision, Comprehensive, Roadside assistance');
      expect(await row.textContent()).toContain('Multiple choice');
    }));

  it('maps a question of the auto form to the choice field', () =>
    screenshotOnFailure('lead-fields-map', async () => {
      await page.goto('/integrations/meta');
      await page.getByRole('button', { name: 'Actions for Auto insurance quote 2026' }).click();
      await page.getByRole('menuitem', { name: 'Edit mapping' }).click();
      await page.waitForURL(/\/integrations\/meta\/forms\/[^/]+\/mapping$/);
      await page.getByRole('table', { name: 'Questions' }).getByRole('row').nth(1).waitFor();
      const target = page.getByRole('combobox', { name: 'Lead field for Which coverages are you interested in?' });
      mappedBefore = (await target.textContent())?.trim() ?? 'Not mapped';
      await target.click();
      await page.getByRole('option', { name: coverageLabel }).click();
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/mapping'));
      await page.getByRole('button', { name: 'Save mapping' }).click();
      const response = await saved;
      expect(response.status()).toBe(200);
      expect(Object.values((await response.json()).mapping.fields)).toContain(`custom:coverage_wanted_${run}`);
    }));

  it("shows a new lead's mapped answer in its drawer, and fills in the text field by hand", () =>
    screenshotOnFailure('lead-fields-drawer', async () => {
      await page.goto(`/leads?form=${autoForm}`);
      await page.getByRole('heading', { name: 'Leads' }).waitFor();
      await page.locator('lg-empty-state, table').first().waitFor();

      await sandbox('POST', '/leads', { formId: autoForm, count: 1 });
      const offer = page.getByTestId('new-leads');
      await offer.waitFor({ timeout: 60_000 });
      await offer.click();
      await page.locator('tr.lead-row.fresh').first().click();
      await page.waitForURL(/[?&]lead=/);

      const fields = drawer().locator('lg-lead-custom-fields');
      await fields.getByText(coverageLabel).waitFor();
      const coverage = await fields.getByTestId(`custom-field-coverage_wanted_${run}`).textContent();
      // The value is shown by its options' labels, as the person answered on the form.
      const answered = await drawer().locator('section.answers').textContent();
      for (const label of coverage!.split(', ')) {
        expect(['Liability', 'Collision', 'Comprehensive', 'Roadside assistance']).toContain(label.trim());
        expect(answered).toContain(label.trim());
      }
      expect(await fields.getByTestId(`custom-field-current_carrier_${run}`).textContent()).toBe('—');

      await fields.getByRole('button', { name: 'Edit' }).click();
      await fields.getByRole('textbox', { name: carrierLabel }).fill('Harbor Mutual');
      await fields.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Lead fields saved.').waitFor();
      await fields.getByTestId(`custom-field-current_carrier_${run}`).getByText('Harbor Mutual').waitFor();

      await page.reload();
      await drawer().locator('lg-lead-custom-fields').getByText('Harbor Mutual').waitFor();
    }));

  it('puts the mapping of the auto form back as it was', () =>
    screenshotOnFailure('lead-fields-unmap', async () => {
      await page.goto('/integrations/meta');
      await page.getByRole('button', { name: 'Actions for Auto insurance quote 2026' }).click();
      await page.getByRole('menuitem', { name: 'Edit mapping' }).click();
      await page.getByRole('table', { name: 'Questions' }).getByRole('row').nth(1).waitFor();
      await page.getByRole('combobox', { name: 'Lead field for Which coverages are you interested in?' }).click();
      await page.getByRole('option', { name: mappedBefore, exact: true }).click();
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/mapping'));
      await page.getByRole('button', { name: 'Save mapping' }).click();
      expect((await saved).status()).toBe(200);
    }));

  it('fits the Lead fields page on a 390 px wide screen', () =>
    screenshotOnFailure('lead-fields-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/lead-fields');
      await page.getByRole('heading', { name: 'Lead fields', exact: true }).waitFor();
      await page.locator('table').waitFor();
      const overflowing = await page.evaluate(() =>
        [document.documentElement, ...Array.from(document.querySelectorAll('.panel, table, .mat-drawer-content'))]
          .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')}`),
      );
      expect(overflowing).toEqual([]);
    }));
});
