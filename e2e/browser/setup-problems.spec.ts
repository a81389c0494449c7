import { Page } from 'playwright-core';

import { connectMetaIfNeeded, sandbox, useConsoleSession } from './browser';

/**
 * A setup problem of the Meta app (here a Page's Leads Access Manager leaving the app out) shows on the health card
 * with its fix-it hint and a link to Meta's page, and goes once it is fixed at Meta.
 */
describe('console: setup problems on the health card', () => {
  const session = useConsoleSession({ width: 1366, height: 1400 });
  const { screenshotOnFailure } = session;
  let page: Page;

  beforeAll(() => {
    page = session.page;
  });

  it("explains a Leads Access Manager that leaves the app out, with the fix and Meta's page, until it is fixed", () =>
    screenshotOnFailure('setup-problems', async () => {
      await session.signIn();
      await connectMetaIfNeeded(page);
      const world = await sandbox<{ userId: string; pages: { id: string; name: string }[] }>('GET', '/world');
      const restricted = world.pages[0];
      await sandbox('PUT', `/pages/${restricted.id}/leads-access`, { people: [world.userId], crms: [] });
      try {
        const card = page.getByTestId('connection-card');
        await card.getByRole('button', { name: 'Run check now' }).click();
        const line = card.locator('[data-check="leads_access"]');
        await line.waitFor();
        expect(await line.getAttribute('class')).toContain('level-error');
        const text = await line.innerText();
        expect(text).toContain(restricted.name);
        expect(text).toContain('Leads Access Manager leaves out this app');
        expect(text).toContain('add this app under CRMs');
        const link = line.getByRole('link', { name: "Meta's guide" });
        expect(await link.getAttribute('href')).toBe('https://developers.facebook.com/docs/graph-api/reference/has-lead-access/');
        expect(await link.getAttribute('target')).toBe('_blank');
      } finally {
        await sandbox('DELETE', `/pages/${restricted.id}/leads-access`);
      }

      // Fixed at Meta: the next check no longer shows it.
      await page.getByTestId('connection-card').getByRole('button', { name: 'Run check now' }).click();
      await page.getByTestId('connection-card').locator('[data-check="leads_access"]').waitFor({ state: 'detached' });
    }));
});
