import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { kommunen, standorte, users } from '../../src/db/schema/index.ts';
import type { TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * The admin area's forms, detail pages, error states, audit search and the development mailbox in Chromium:
 * plain HTML forms that work as a person uses them, and axe finds nothing on any state of them.
 */
/** Clicks a submit button; the click waits for the navigation to commit, then the new page loads completely. */
async function submit(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

describe.skipIf(!browserAvailable)('admin forms and audit search in Chromium', () => {
  const bed = useBrowserTestbed();
  let t: TestApp;
  let base: string;

  beforeAll(() => {
    t = bed.t;
    base = bed.base;
  });

  const signedIn = (email: string): Promise<Page> => bed.signedIn(email);

  it('creates an account: errors tied to the fields, then success; the mail link opens the password page', async () => {
    const page = await signedIn('admin@musterland.example');
    await page.goto(`${base}/verwaltung/benutzer/neu`);
    await page.getByLabel('Name', { exact: true }).fill('Erika Browser');
    await page.getByLabel('Dienstliche E-Mail-Adresse').fill('erika@musterland.example');
    await page.getByLabel('Leistungssachbearbeitung').check();
    await submit(page, 'Konto anlegen und E-Mail senden');
    // No Standort chosen: the summary links to the field, which is marked invalid.
    const summary = page.locator('[data-error-summary]');
    await expect(summary.innerText()).resolves.toContain('Bitte ordnen Sie mindestens einen Standort zu.');
    await expect(page.locator('#feld-standortIds').getAttribute('aria-describedby')).resolves.toBe('feld-standortIds-fehler');
    await expectAccessible(page);
    // What was typed is still there.
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Erika Browser');
    await page.getByLabel('Jobcenter Musterstadt (Musterstadt)').check();
    await submit(page, 'Konto anlegen und E-Mail senden');
    expect(page.url()).toMatch(/\/verwaltung\/benutzer\/[0-9a-f-]{36}$/);
    await expect(page.locator('main').innerText()).resolves.toContain('Eine E-Mail mit dem Link zum Festlegen des Passworts ist an erika@musterland.example verschickt.');
    await expectAccessible(page);

    // The development mailbox shows the mail; its link leads to the page for setting the password.
    await t.mail.waitFor((m) => m.to.includes('erika@musterland.example'));
    await page.goto(`${base}/entwicklung/post`);
    await expectAccessible(page);
    const link = page.locator('main a[href*="/passwort-neu?token="]').first();
    await Promise.all([page.waitForURL(/\/passwort-neu\?token=/), link.click()]);
    await expect(page.locator('main input[name="password"]').count()).resolves.toBe(1);
  });

  it('detail pages of accounts, Kommunen and Standorte pass axe, also with a conflict shown', async () => {
    const page = await signedIn('admin@musterland.example');
    const [buerger] = await t.ctx.db.withSystem((tx) => tx.select().from(users).where(eq(users.email, 'buerger@musterland.example')));
    const [leistung] = await t.ctx.db.withSystem((tx) => tx.select().from(users).where(eq(users.email, 'leistung@musterland.example')));
    const [kommune] = await t.ctx.db.withSystem((tx) => tx.select().from(kommunen).where(eq(kommunen.name, 'Musterstadt')));
    const [standort] = await t.ctx.db.withSystem((tx) => tx.select().from(standorte).where(eq(standorte.name, 'Jobcenter Seeheim')));
    for (const path of [`/verwaltung/benutzer/${buerger!.id}`, `/verwaltung/benutzer/${leistung!.id}`, `/verwaltung/standorte/${standort!.id}`]) {
      const res = await page.goto(`${base}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      await expectAccessible(page);
    }
    // A Kommune with active Standorte cannot be deactivated: the page says why.
    await page.goto(`${base}/verwaltung/kommunen/${kommune!.id}`);
    await submit(page, 'Kommune deaktivieren');
    await expect(page.locator('main [role="alert"]').innerText()).resolves.toContain('In dieser Kommune gibt es noch aktive Standorte.');
    await expectAccessible(page);
    // Changing a Standort's opening hours through the form.
    await page.goto(`${base}/verwaltung/standorte/${standort!.id}`);
    await page.getByLabel('Öffnungszeiten').fill('Mo–Fr 9:00–12:00');
    await submit(page, 'Änderungen speichern');
    await expect(page.locator('main').innerText()).resolves.toContain('Die Änderungen an „Jobcenter Seeheim“ wurden gespeichert.');
    const [after] = await t.ctx.db.withSystem((tx) => tx.select().from(standorte).where(eq(standorte.id, standort!.id)));
    expect(after).toMatchObject({ oeffnungszeiten: 'Mo–Fr 9:00–12:00', version: 2 });
  });

  it('the audit search shows results in Berlin time and offers matching accounts, accessibly', async () => {
    const page = await signedIn('admin@musterland.example');
    await page.goto(`${base}/verwaltung/protokoll`);
    await expectAccessible(page);
    await page.getByLabel('Betroffene Person').fill('musterland');
    await submit(page, 'Suchen');
    await expect(page.locator('main').innerText()).resolves.toContain('Mehrere Konten passen');
    await expectAccessible(page);
    // Choosing one of them searches for that account (the previous test read Lena's account).
    const [leistung] = await t.ctx.db.withSystem((tx) => tx.select().from(users).where(eq(users.email, 'leistung@musterland.example')));
    await Promise.all([page.waitForURL(new RegExp(`person=${leistung!.id}`)), page.getByRole('link', { name: /Lena Leistung/ }).click()]);
    const table = page.locator('main table');
    await expect(table.innerText()).resolves.toContain('Benutzerverwaltung: Konto ansehen');
    await expect(table.innerText()).resolves.toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
    await expectAccessible(page);
  });
});
