import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import { createTestApp, type TestApp } from './app.ts';
import { launchBrowser } from './browser.ts';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'de-DE' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'de-DE' };

export type Testbed = {
  /** the application (valid inside tests and hooks) */
  readonly t: TestApp;
  /** its base URL in the browser */
  readonly base: string;
  readonly browser: Browser;
  /** A new page in its own browser context (closed after the test); default the desktop size in German. */
  page: (options?: BrowserContextOptions) => Promise<Page>;
  /** A page signed in through the sign-in form (demo password unless given); it lands on the work area or the portal. */
  signedIn: (email: string, options?: BrowserContextOptions & { password?: string }) => Promise<Page>;
};

/**
 * The set-up every browser test file shares: one application on a fresh database with a real SMTP catcher, one
 * Chromium, a fresh context per page, everything closed again. Call it once at the top of a `describe`.
 * `config` is read in beforeAll (so it may use values prepared by an earlier hook, e.g. a clamd socket).
 */
export function useBrowserTestbed(opts: { seed?: boolean; config?: () => Partial<Config> | undefined } = {}): Testbed {
  let t: TestApp | undefined;
  let base = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const config = opts.config?.();
    t = await createTestApp({ seed: opts.seed ?? true, ...(config ? { config } : {}) });
    base = await t.listen();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const bed: Testbed = {
    get t() {
      if (!t) throw new Error('Testbed: die Anwendung läuft erst ab beforeAll.');
      return t;
    },
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('Testbed: Chromium läuft erst ab beforeAll.');
      return browser;
    },
    async page(options = DESKTOP) {
      const context = await bed.browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    },
    async signedIn(email, options = {}) {
      const { password = 'vorort-demo', ...contextOptions } = options;
      const page = await bed.page({ ...DESKTOP, ...contextOptions });
      await page.goto(`${base}/anmelden`);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Passwort', { exact: true }).fill(password);
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/anmelden'),
        page.locator('main form').getByRole('button', { name: 'Anmelden' }).click(),
      ]);
      return page;
    },
  };
  return bed;
}
