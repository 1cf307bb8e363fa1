import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Sign-in through the form in Chromium, for every demo role: where each lands and what its start page and
 * navigation offer — only what the role allows. Plus the keyboard-only path and the accessible error state.
 */
type Expectation = {
  email: string;
  landsOn: string;
  areas: string[];
  nav: string[];
  header: string;
};

const STAFF_NAV_ALL = ['Arbeitsplatz', 'Verwaltung', 'Zugriffsprotokoll'];
const AREAS_ALL = ['Leistung', 'Integration', 'Teamleitung', 'Controlling', 'Verwaltung'];

const ROLES: Expectation[] = [
  { email: 'admin@musterland.example', landsOn: '/arbeitsplatz', areas: ['Verwaltung'], nav: ['Arbeitsplatz', 'Verwaltung', 'Zugriffsprotokoll'], header: 'Jobcenter Kreis Musterland' },
  { email: 'leistung@musterland.example', landsOn: '/arbeitsplatz', areas: ['Leistung'], nav: ['Arbeitsplatz'], header: 'Jobcenter Kreis Musterland' },
  { email: 'integration@musterland.example', landsOn: '/arbeitsplatz', areas: ['Integration'], nav: ['Arbeitsplatz'], header: 'Jobcenter Kreis Musterland' },
  { email: 'teamleitung@musterland.example', landsOn: '/arbeitsplatz', areas: ['Leistung', 'Integration', 'Teamleitung'], nav: ['Arbeitsplatz'], header: 'Jobcenter Kreis Musterland' },
  { email: 'controlling@musterland.example', landsOn: '/arbeitsplatz', areas: ['Controlling'], nav: ['Arbeitsplatz'], header: 'Jobcenter Kreis Musterland' },
  { email: 'admin@beispielstadt.example', landsOn: '/arbeitsplatz', areas: ['Verwaltung'], nav: ['Arbeitsplatz', 'Verwaltung', 'Zugriffsprotokoll'], header: 'Jobcenter Stadt Beispielstadt' },
];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allTextContents();

/** Names of the other Träger that must not appear anywhere on a page of this Träger. */
const FOREIGN: Record<string, RegExp> = {
  'Jobcenter Kreis Musterland': /Beispielstadt Mitte|@beispielstadt\.example|Stadt Beispielstadt/,
  'Jobcenter Stadt Beispielstadt': /Musterland|Musterstadt|Beispieldorf|Seeheim/,
};

describe.skipIf(!browserAvailable)('sign-in in Chromium', () => {
  const bed = useBrowserTestbed();
  let base: string;
  beforeAll(() => {
    base = bed.base;
  });

  const newPage = (opts: { phone?: boolean } = {}): Promise<Page> => bed.page(opts.phone ? PHONE : DESKTOP);

  async function signInThroughForm(page: Page, email: string, password = 'vorort-demo') {
    await page.goto(`${base}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await Promise.all([page.waitForLoadState('load'), page.locator('main form').getByRole('button', { name: 'Anmelden' }).click()]);
  }

  for (const role of ROLES) {
    it(`${role.email} signs in and sees only what the role allows`, async () => {
      const page = await newPage();
      await signInThroughForm(page, role.email);
      await page.waitForURL(`${base}${role.landsOn}`);
      expect(await page.locator('h1').textContent()).toBe('Arbeitsplatz');
      expect(await page.locator('.site-header__brand').textContent()).toBe(role.header);

      const areas = await page.locator('main .card-grid h2').allTextContents();
      expect(areas).toEqual(role.areas);
      for (const other of AREAS_ALL.filter((a) => !role.areas.includes(a))) expect(areas).not.toContain(other);

      const nav = (await mainNav(page)).filter((n) => STAFF_NAV_ALL.includes(n));
      expect(nav).toEqual(role.nav);
      expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
      expect(await page.getByText('Angemeldet als').textContent()).toMatch(/^Angemeldet als \S/);
      // Nothing of the other Träger on the whole page; its own Standorte are named.
      expect(await page.content()).not.toMatch(FOREIGN[role.header]!);
      expect(await page.locator('main').innerText()).toContain(role.header === 'Jobcenter Stadt Beispielstadt' ? 'Jobcenter Beispielstadt Mitte' : 'Jobcenter Musterstadt');
      await expectAccessible(page);

      // The admin area opens only for admins; everyone else gets 403, not the content.
      const res = await page.goto(`${base}/verwaltung`);
      expect(res?.status()).toBe(role.nav.includes('Verwaltung') ? 200 : 403);
    });
  }

  it('the citizen lands on the portal, on a phone-sized screen, and cannot open staff pages', async () => {
    const page = await newPage({ phone: true });
    await signInThroughForm(page, 'buerger@musterland.example');
    await page.waitForURL(`${base}/portal`);
    expect(await page.locator('h1').textContent()).toBe('Mein Bereich');
    expect(await page.locator('main').innerText()).toContain('Max Mustermann');
    const nav = await mainNav(page);
    expect(nav).toEqual(expect.arrayContaining(['Mein Bereich', 'Mein Konto']));
    for (const staffOnly of STAFF_NAV_ALL) expect(nav).not.toContain(staffOnly);
    const width = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(width.doc).toBeLessThanOrEqual(width.view);
    await expectAccessible(page);

    // The own account page (sign out everywhere) in German and in English.
    await page.goto(`${base}/konto`);
    expect(await page.locator('h1').textContent()).toBe('Mein Konto');
    await expectAccessible(page);
    await page.goto(`${base}/konto?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('My account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page);
    await page.goto(`${base}/konto?lang=de`);

    const res = await page.goto(`${base}/arbeitsplatz`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('main').innerText()).not.toContain('Arbeitsvorrat');
  });

  it('signs in with the keyboard alone (Tab and Enter)', async () => {
    const page = await newPage();
    await page.goto(`${base}/anmelden`);
    // From the top of the page: the skip link comes first and jumps to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');

    // Tab on until the e-mail field has the focus (no mouse, no direct focus()).
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('name'))) !== 'email') {
      await page.keyboard.press('Tab');
      if (++steps > 30) throw new Error('the e-mail field cannot be reached with Tab');
    }
    await page.keyboard.type('leistung@musterland.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type('vorort-demo');
    await Promise.all([page.waitForURL(`${base}/arbeitsplatz`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Arbeitsplatz');

    // Sign out with the keyboard too: Tab to the button, Enter.
    steps = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Abmelden') {
      await page.keyboard.press('Tab');
      if (++steps > 30) throw new Error('the sign-out button cannot be reached with Tab');
    }
    await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')]);
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);
  });

  it('a failed sign-in shows an announced error summary that links to the field, and passes axe', async () => {
    const page = await newPage();
    await signInThroughForm(page, 'leistung@musterland.example', 'falsches-passwort');
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    const summary = page.locator('[data-error-summary]');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('h2').textContent()).toBe('Bitte korrigieren Sie die folgenden Angaben:');
    // enhance.js moves the focus there, so screen readers read it at once.
    // (enhance.js runs after the page's load event: wait for it, a slow machine may not be there yet)
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary') ?? false)).toBe(true);

    const link = summary.getByRole('link');
    expect(await link.textContent()).toBe('E-Mail-Adresse oder Passwort ist nicht richtig.');
    const target = await link.getAttribute('href');
    expect(target).toBe('#feld-email');
    const field = page.locator(target!);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ')[0]}`).innerText()).toContain('nicht richtig');
    // The address stays filled in, the password does not.
    expect(await field.inputValue()).toBe('leistung@musterland.example');
    expect(await page.getByLabel('Passwort', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page);

    // Following the link puts the focus on the field.
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feld-email');
  });

  it('empty fields get one message each, tied to their field', async () => {
    const page = await newPage();
    await page.goto(`${base}/anmelden`);
    await Promise.all([page.waitForLoadState('load'), page.locator('main form').getByRole('button', { name: 'Anmelden' }).click()]);
    const links = await page.locator('[data-error-summary] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#feld-email', '#feld-password']);
    expect(await page.locator('#feld-password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
  });
});
