import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Locator, Page, chromium } from 'playwright-core';

/** Where screenshots go, at the repository root (ignored by git). */
export const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

/** Debian's chromium; `apt-get install -y chromium` provides it. Browsers are never downloaded. */
const CHROMIUM = process.env['E2E_CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A required setting of the browser tests, with a message naming it when it is missing. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests need a running server and its admin login.`);
  }
  return value;
}

/**
 * The open Material dialog, once its opening animation is over and it has moved focus inside. Typing before then
 * races the dialog's own autofocus, which can pull the caret into the first field halfway through a fill.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  await page.waitForFunction(() => {
    const container = document.querySelector('mat-dialog-container');
    return !!container && !container.classList.contains('mdc-dialog--opening') && container.contains(document.activeElement);
  });
  return page.getByRole('dialog');
}
