import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * The admin area in Chromium, seen by the admins of the two demo Träger: each sees only its own Kommunen,
 * Standorte and accounts — nothing of the other Träger, not even through a typed-in id — and every page passes axe.
 */
const MUSTERLAND = [/Musterland/i, /Musterstadt/, /Beispieldorf/, /Seeheim/, /@musterland\.example/];
const BEISPIELSTADT = [/Beispielstadt Mitte/, /@beispielstadt\.example/];
const ADMIN_PAGES = ['/verwaltung', '/verwaltung/benutzer', '/verwaltung/standorte', '/verwaltung/kommunen', '/verwaltung/protokoll', '/verwaltung/traeger-einstellungen', '/verwaltung/kdu-richtwerte'];

describe.skipIf(!browserAvailable)('admin area in Chromium', () => {
  const bed = useBrowserTestbed();
  let t: TestApp;
  let base: string;
  let musterlandIds: { kommune: string; standort: string; user: string };

  beforeAll(async () => {
    t = bed.t;
    base = bed.base;
    const ids = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ kommune: string; standort: string; user: string }>(sql`
        select (select k.id from kommunen k join traeger tr on tr.id = k.traeger_id where tr.slug = 'musterland' limit 1) as kommune,
               (select s.id from standorte s join traeger tr on tr.id = s.traeger_id where tr.slug = 'musterland' limit 1) as standort,
               (select u.id from users u where u.email = 'leistung@musterland.example') as "user"`),
    );
    musterlandIds = ids.rows[0]!;
  });

  const signedIn = (email: string, opts: { phone?: boolean } = {}): Promise<Page> => bed.signedIn(email, opts.phone ? PHONE : DESKTOP);

  it('admin@beispielstadt.example sees nothing of Kreis Musterland on any admin page, and each passes axe', async () => {
    const page = await signedIn('admin@beispielstadt.example');
    for (const path of ADMIN_PAGES) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBe(1);
      const html = await page.content();
      for (const foreign of MUSTERLAND) expect(html, `${path} shows ${foreign}`).not.toMatch(foreign);
      await expectAccessible(page);
    }
    // Its own data is there (so the check above is not passing on an empty page).
    await page.goto(`${base}/verwaltung/standorte`);
    expect(await page.locator('main').innerText()).toContain('Jobcenter Beispielstadt Mitte');
    await page.goto(`${base}/verwaltung/benutzer`);
    expect(await page.locator('main').innerText()).toContain('admin@beispielstadt.example');
    await page.goto(`${base}/verwaltung/kommunen`);
    expect(await page.locator('main').innerText()).toContain('Beispielstadt');
  });

  it('ids of Kreis Musterland typed into the address bar answer 404, not 403', async () => {
    const page = await signedIn('admin@beispielstadt.example');
    for (const path of [
      `/verwaltung/kommunen/${musterlandIds.kommune}`,
      `/verwaltung/standorte/${musterlandIds.standort}`,
      `/verwaltung/benutzer/${musterlandIds.user}`,
    ]) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(404);
      expect(await page.locator('h1').textContent(), path).toBe('Seite nicht gefunden');
      const html = await page.content();
      for (const foreign of MUSTERLAND) expect(html, `${path} shows ${foreign}`).not.toMatch(foreign);
    }
  });

  it('admin@musterland.example sees its own Träger and nothing of Stadt Beispielstadt, also on a phone', async () => {
    const page = await signedIn('admin@musterland.example', { phone: true });
    await page.goto(`${base}/verwaltung/benutzer`);
    const users = await page.locator('main').innerText();
    for (const email of ['leistung@musterland.example', 'integration@musterland.example', 'controlling@musterland.example']) expect(users).toContain(email);
    for (const path of ['/verwaltung/benutzer', '/verwaltung/standorte', '/verwaltung/kommunen']) {
      await page.goto(`${base}${path}`);
      const html = await page.content();
      for (const foreign of BEISPIELSTADT) expect(html, `${path} shows ${foreign}`).not.toMatch(foreign);
      await expectAccessible(page);
    }
    await page.goto(`${base}/verwaltung/standorte`);
    const standorte = await page.locator('main').innerText();
    for (const name of ['Jobcenter Musterstadt', 'Jobcenter Beispieldorf', 'Jobcenter Seeheim']) expect(standorte).toContain(name);
  });

  it('the forms for a new Kommune, Standort and account pass axe', async () => {
    const page = await signedIn('admin@musterland.example');
    for (const path of ['/verwaltung/kommunen/neu', '/verwaltung/standorte/neu', '/verwaltung/benutzer/neu']) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator('main form').count(), path).toBeGreaterThan(0);
      await expectAccessible(page);
    }
  });

  it('staff without the admin role cannot open the admin area', async () => {
    const page = await signedIn('leistung@musterland.example');
    for (const path of ['/verwaltung', '/verwaltung/benutzer', '/verwaltung/protokoll']) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(403);
      expect(await page.locator('main').innerText()).not.toContain('integration@musterland.example');
      await expectAccessible(page);
    }
  });
});
