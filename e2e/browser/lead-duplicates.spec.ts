import path from 'node:path';
import { Page } from 'playwright-core';

import { connectMetaIfNeeded, openedDialog, RESULTS_DIR, requiredEnv, useConsoleSession } from './browser';

/**
 * Duplicates an agent can trust, on the production console against the backend in sandbox mode: the same person
 * submits the sandbox's auto form twice (same email, the name written differently); the original's drawer lists the
 * later lead as its duplicate, which links back to it, and "Not a duplicate" unlinks the pair for good.
 */
describe('console: lead duplicates', () => {
  const session = useConsoleSession({ width: 1280, height: 1400 }, { locale: 'en-US' });
  const { screenshotOnFailure } = session;
  const sandboxUrl = requiredEnv('E2E_SANDBOX_URL');
  let page: Page;
  const email = `mara.${Date.now().toString(36)}@example.com`;

  async function submit(answers: Record<string, string>): Promise<void> {
    const res = await fetch(`${sandboxUrl}/__sandbox/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formId: '555000000000101', count: 1, answers }),
    });
    if (!res.ok) throw new Error(`sandbox POST /leads answered ${res.status}: ${await res.text()}`);
  }

  beforeAll(() => {
    page = session.page;
  });

  const drawer = () => page.locator('mat-drawer');
  const duplicates = () => drawer().getByTestId('duplicates');
  const row = (name: string) => page.locator('tr.lead-row', { hasText: name });

  /** Reads the list again until both leads of the person are there (they arrive by webhook). */
  async function waitForBothLeads(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.goto(`/leads?q=${encodeURIComponent(email)}`);
      await page.locator('lg-empty-state, table').first().waitFor();
      if ((await page.locator('tr.lead-row').count()) === 2) return;
      if (Date.now() > deadline) throw new Error('The two sandbox leads did not arrive within a minute');
      await page.waitForTimeout(1000);
    }
  }

  it("lists the later lead in the original's drawer, each linking to the other", () =>
    screenshotOnFailure('lead-duplicates-listed', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      await submit({ full_name: 'Mara Ionescu', email, phone_number: '+40 722 333 444' });
      // A second apart, so the original is the earlier by its submission time too.
      await page.waitForTimeout(1100);
      await submit({ full_name: 'M. Ionescu', email: email.toUpperCase(), phone_number: '+40 733 555 666' });
      await waitForBothLeads();
      await row('M. Ionescu').getByText('Duplicate').waitFor();

      await row('Mara Ionescu').click();
      await drawer().getByRole('heading', { name: 'Mara Ionescu' }).waitFor();
      const listed = duplicates().getByTestId('duplicate-list');
      await listed.getByRole('link', { name: 'M. Ionescu' }).waitFor();
      expect((await listed.textContent())!.replace(/\s+/g, ' ')).toMatch(/M\. Ionescu Duplicate Same email · received/);

      await listed.getByRole('link', { name: 'M. Ionescu' }).click();
      await drawer().getByRole('heading', { name: 'M. Ionescu' }).waitFor();
      const original = duplicates().getByTestId('duplicate-of');
      expect((await original.textContent())!.replace(/\s+/g, ' ')).toMatch(/Duplicate of Mara Ionescu, received .+Reason: Same email/);
      await original.getByRole('link', { name: 'Mara Ionescu' }).click();
      await drawer().getByRole('heading', { name: 'Mara Ionescu' }).waitFor();
    }));

  it('unlinks the pair with "Not a duplicate", and it stays apart after a reload', () =>
    screenshotOnFailure('lead-duplicates-unlinked', async () => {
      await duplicates().getByRole('button', { name: 'Not a duplicate' }).click();
      const dialog = await openedDialog(page);
      await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill('Her mother, who shares the inbox');
      await dialog.getByRole('button', { name: 'Unlink' }).click();
      await page.getByText('The two leads are no longer linked.').waitFor();
      await duplicates().waitFor({ state: 'detached' });

      await page.reload();
      await drawer().getByRole('heading', { name: 'Mara Ionescu' }).waitFor();
      await drawer().getByRole('heading', { name: 'Consent' }).waitFor();
      expect(await duplicates().count()).toBe(0);
      expect(await row('M. Ionescu').getByText('Duplicate').count()).toBe(0);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-duplicates-unlinked.png') });
    }));

  it("at phone width, shows a shared phone alone as a possible duplicate with its reason, filterable, and the admins' rule page", () =>
    screenshotOnFailure('lead-duplicates-phone', async () => {
      const phone = `+40 744 ${String(Date.now() % 1_000_000).padStart(6, '0')}`;
      const household = `pop.${Date.now().toString(36)}`;
      await submit({ full_name: 'Elena Pop', email: `${household}.elena@example.com`, phone_number: phone });
      await page.waitForTimeout(1100);
      await submit({ full_name: 'Victor Pop', email: `${household}.victor@example.com`, phone_number: phone });
      await page.setViewportSize({ width: 390, height: 844 });

      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.goto(`/leads?duplicate=possible&q=${encodeURIComponent(household)}`);
        await page.locator('lg-empty-state, table').first().waitFor();
        if ((await row('Victor Pop').count()) === 1) break;
        if (Date.now() > deadline) throw new Error('The possible duplicate did not arrive within a minute');
        await page.waitForTimeout(1000);
      }
      // The filter keeps the original (not a possible duplicate itself) out.
      expect(await row('Elena Pop').count()).toBe(0);
      await row('Victor Pop').getByText('Possible duplicate').waitFor();

      await row('Victor Pop').click();
      const original = duplicates().getByTestId('duplicate-of');
      await original.waitFor();
      expect((await original.textContent())!.replace(/\s+/g, ' ')).toMatch(
        /Possible duplicate of Elena Pop, received .+Reason: Same phone only/,
      );
      await original.getByRole('button', { name: 'Confirm duplicate' }).waitFor();
      expect(await noSidewaysScroll()).toBe(true);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-duplicates-phone-drawer.png') });

      await page.goto('/leads/duplicate-rule');
      await page.getByRole('heading', { name: 'Duplicate rule' }).waitFor();
      await page.getByText('A change applies to leads arriving after you save it').waitFor();
      expect(await noSidewaysScroll()).toBe(true);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'lead-duplicates-phone-rule.png') });
    }));

  /** Whether the page and the drawer fit the screen's width. */
  function noSidewaysScroll(): Promise<boolean> {
    return page.evaluate(() =>
      [document.documentElement, ...Array.from(document.querySelectorAll('.mat-drawer-inner-container, .mat-drawer-content'))].every(
        (el) => el.scrollWidth <= el.clientWidth + 1,
      ),
    );
  }
});
