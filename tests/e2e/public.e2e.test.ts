import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/** Public pages as a citizen sees them in Chromium: start page, language switch, 404, registration, password help. */
describe.skipIf(!browserAvailable)('public pages in Chromium', () => {
  const bed = useBrowserTestbed();

  async function open(path: string, opts: { phone?: boolean } = {}): Promise<Page> {
    const page = await bed.page(opts.phone ? PHONE : DESKTOP);
    const res = await page.goto(`${bed.base}${path}`);
    expect(res, path).not.toBeNull();
    return page;
  }

  it('the start page shows the Standorte of Kreis Musterland from the database and passes axe', async () => {
    const page = await open('/');
    await expect.poll(() => page.title()).toContain('Jobcenter Kreis Musterland');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expect.poll(() => page.locator('h1').allTextContents()).toEqual(['Willkommen beim Jobcenter Kreis Musterland']);
    const standorte = await page.locator('#standorte ~ .card-grid h3').allTextContents();
    expect(standorte.sort()).toEqual(['Jobcenter Beispieldorf', 'Jobcenter Musterstadt', 'Jobcenter Seeheim']);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Bahnhofstraße 12, 12345 Musterstadt');
    expect(body).toContain('Mo, Mi, Fr 8:30–12:30');
    // The other Träger's office is not on this Jobcenter's page.
    expect(body).not.toContain('Beispielstadt Mitte');
    await expectAccessible(page);
  });

  it('the start page works on a phone-sized screen and passes axe there', async () => {
    const page = await open('/', { phone: true });
    const width = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(width.doc, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(width.view);
    await expect.poll(() => page.locator('h3', { hasText: 'Jobcenter Seeheim' }).isVisible()).toBe(true);
    await expectAccessible(page);
  });

  it.each([
    ['phone', true],
    ['desktop', false],
  ])('the start page links the pre-check and every online service (%s); labels like "Anschrift" never break inside the word', async (_name, phone) => {
    const page = await open('/', { phone });
    const online = page.locator('section[aria-labelledby=online]');
    const links = await online.locator('h3 a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['Anspruch prüfen', '/anspruch-pruefen'],
      ['Antrag online stellen', '/portal'],
      ['Unterlagen hochladen', '/portal'],
      ['Termine buchen', '/termine'],
      ['Bescheide und Nachrichten im Postfach', '/portal/postfach'],
      ['Ein Konto anlegen und sich anmelden', '/registrieren'],
    ]);
    expect(await online.innerText()).toContain('Video-Beratung');
    expect(await page.locator('main').innerText()).not.toContain('In Vorbereitung');
    // every label of the Standort cards stays on one line ("Anschrif t" was broken inside the word)
    const labels = page.locator('#standorte ~ .card-grid dt');
    expect(await labels.count()).toBeGreaterThan(0);
    for (const box of await labels.evaluateAll((dts) => dts.map((d) => ({ text: d.textContent, h: d.getBoundingClientRect().height, line: parseFloat(getComputedStyle(d).lineHeight) })))) {
      expect(box.h, `${box.text}`).toBeLessThan(box.line * 1.5 + 8);
    }
    const width = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(width.doc).toBeLessThanOrEqual(width.view);
    await expectAccessible(page);
    // the same services in English
    const en = await open('/?lang=en', { phone });
    expect(await en.locator('section[aria-labelledby=online] h3 a').first().textContent()).toBe('Check your entitlement');
    await expectAccessible(en);
  });

  it('/favicon.ico answers with an icon', async () => {
    const page = await open('/');
    const res = await page.request.get(`${bed.base}/favicon.ico`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/');
    expect((await res.body()).length).toBeGreaterThan(100);
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/assets/favicon.svg');
    expect((await page.request.get(`${bed.base}/assets/favicon.svg`)).status()).toBe(200);
  });

  it('the language switch turns the citizen pages to English and back, and passes axe', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Welcome to Jobcenter Kreis Musterland');
    expect(await page.getByRole('heading', { level: 2, name: 'Our offices' }).count()).toBe(1);
    await expectAccessible(page);

    // The choice is kept (cookie) on the next page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/anmelden$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.getByLabel('Email address').count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(/lang=de/);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.locator('h1').textContent()).toBe('Anmelden');
  });

  it('an unknown address shows the German 404 page, which passes axe', async () => {
    const page = await open('/gibt-es-nicht');
    expect(await page.locator('h1').textContent()).toBe('Seite nicht gefunden');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getByRole('link', { name: 'Startseite' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('the sign-in page passes axe', async () => {
    const page = await open('/anmelden');
    expect(await page.locator('h1').textContent()).toBe('Anmelden');
    expect(await page.getByLabel('E-Mail-Adresse').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Passwort', { exact: true }).getAttribute('type')).toBe('password');
    await expectAccessible(page);
  });

  it('the registration form passes axe, also with its error messages', async () => {
    const page = await open('/registrieren');
    expect(await page.locator('h1').count()).toBe(1);
    await expectAccessible(page);
    // Sent empty: the server answers with the messages, tied to the fields.
    await page.locator('main form button[type=submit]').first().click();
    await page.waitForLoadState('load');
    const summary = page.locator('[data-error-summary]');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('the forgotten-password page passes axe', async () => {
    const page = await open('/passwort-vergessen');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByLabel('E-Mail-Adresse').count()).toBe(1);
    await expectAccessible(page);
  });

  it('the accessibility statement and privacy pages pass axe', async () => {
    for (const path of ['/barrierefreiheit', '/datenschutz']) {
      const page = await open(path);
      expect(await page.locator('h1').count(), path).toBe(1);
      await expectAccessible(page);
      await page.context().close();
    }
  });
});
