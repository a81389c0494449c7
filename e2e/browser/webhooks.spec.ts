import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Page } from 'playwright-core';

import { RESULTS_DIR, openedDialog, useConsoleSession } from './browser';

/**
 * Outgoing webhooks from the console: an admin adds an endpoint (a receiver this spec starts), copies its secret
 * from the one screen that shows it, sends a test event, finds it in the delivery log with the request and the
 * receiver's answer, and replays it.
 */
describe('console: outgoing webhooks', () => {
  const session = useConsoleSession({ width: 1366, height: 860 });
  const { screenshotOnFailure } = session;
  let page: Page;
  let receiver: Server;
  let receiverUrl = '';
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

  beforeAll(async () => {
    page = session.page;
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`received #${received.length}`);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/browser`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('creates an endpoint, shows its secret once, sends a test event, logs it and replays it', () =>
    screenshotOnFailure('webhooks', async () => {
      await session.signIn();
      await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
      await page.waitForURL(/\/webhooks$/);
      await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();

      await page.getByRole('button', { name: 'New endpoint' }).first().click();
      const dialog = await openedDialog(page);
      await dialog.getByLabel('URL').fill(receiverUrl);
      await dialog.getByLabel('Description').fill('Browser receiver');
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = (await dialog.getByTestId('webhook-secret').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^whsec_/);
      await dialog.getByRole('button', { name: 'I have stored the secret' }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = page.getByRole('row').filter({ hasText: receiverUrl });
      await row.waitFor();
      // Shown once: nowhere on the page any more.
      expect(await page.content()).not.toContain(secret);

      await row.getByRole('button', { name: 'Send test event' }).click();
      await page.getByText('Test event delivered (HTTP 200).').waitFor();
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0].body)).toMatchObject({ type: 'webhook.test' });
      expect(received[0].headers['legeai-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

      const logged = page.getByTestId('delivery-row').filter({ hasText: 'Test event' });
      await logged.waitFor();
      expect(await logged.textContent()).toContain('Delivered');
      await logged.getByRole('button', { name: /^Open delivery/ }).click();
      const detail = await openedDialog(page);
      await detail.getByText('received #1').waitFor();
      expect(await detail.getByTestId('attempt-request').first().textContent()).toContain('LegeAI-Signature: t=');

      await detail.getByRole('button', { name: 'Replay' }).click();
      await detail.getByText('received #2').waitFor();
      expect(await detail.getByTestId('delivery-attempt').count()).toBe(2);
      expect(received).toHaveLength(2);
      expect(received[1].headers['legeai-event-id']).toBe(received[0].headers['legeai-event-id']);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'webhooks.png'), fullPage: true });
      await detail.getByRole('button', { name: 'Close' }).click();
      await detail.waitFor({ state: 'detached' });
    }));
});
