// A real headless browser for tests that look at btcfi's pages as a person sees them: Debian's
// Chromium (the `chromium` package, which .ci/run installs), driven by playwright-core, which
// brings no browser of its own. CHROMIUM=/path/to/chrome picks another build.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** Starts the browser, or fails with what to install when there is none. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: the browser tests need one. Install Debian's (apt-get install -y chromium; .ci/run does) ` +
        'or set CHROMIUM to the path of a Chrome or Chromium executable.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM });
}

/** What a page did that it must not: errors on its console or in its code, and requests for anything but itself. */
export interface PageWatch {
  readonly errors: string[];
  readonly requests: string[];
}

/**
 * A new page that may load `url` and nothing else: every other request is recorded and refused
 * before it leaves, and every console error and uncaught exception is recorded.
 */
export async function openWatched(browser: Browser, url: string, options: { readonly width: number; readonly colorScheme?: 'light' | 'dark' }): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const watch: PageWatch = { errors: [], requests: [] };
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested === url) {
      await route.continue();
      return;
    }
    watch.requests.push(requested);
    await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      watch.errors.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}
