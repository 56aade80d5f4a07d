// Opens an orchlab HTML report in Debian's headless Chromium (/usr/bin/chromium) through
// playwright-core, which downloads no browser. Every request other than the file itself is
// aborted and recorded, as are console errors, so callers can prove the report is self-contained.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenReport {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[];
  /** URLs the page tried to load that are not file: URLs (all aborted). */
  readonly blocked: string[];
  /** document.body.dataset.rendered once it was set: '1', or 'error'. */
  readonly rendered: string;
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function openReport(
  file: string,
  options: { width?: number; height?: number; timeoutMs?: number } = {},
): Promise<OpenReport> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1100, height: options.height ?? 900 },
    });
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(resolve(file)).href);
    // Strings, not functions: they run in the page, and this project's TypeScript has no DOM types.
    const handle = await page.waitForFunction('document.body && document.body.dataset.rendered', undefined, {
      timeout: options.timeoutMs ?? 20_000,
    });
    const rendered = String(await handle.jsonValue());
    return { browser, page, errors, blocked, rendered };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
