import { beforeAll, describe, expect, it } from 'vitest';
import { monatPlus } from '../../src/domain/bewilligung/monat.ts';
import { erzeugeStatistikDemo } from '../../src/db/seed/statistik-demo.ts';
import { heute } from '../../src/server/clock.ts';
import { baueFehlendeSnapshots } from '../../src/server/statistik/snapshot-bauen.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 15, item 6 in Chromium: controlling@musterland.example opens the Steuerung, follows "Kennzahlen" to the
 * § 48a figures of the latest month (table, trend chart, Kommune/Standort comparison) and a label to its
 * definition. A small generated history (the demo generator) with its snapshots makes the pages real. axe on every
 * page; no horizontal scrolling on a phone (390 px).
 */
describe.skipIf(!browserAvailable)('Steuerung: Kennzahlen in Chromium', () => {
  const bed = useBrowserTestbed();
  let letzter = '';

  beforeAll(async () => {
    const t = bed.t;
    const tag = heute(t.ctx.clock.now());
    letzter = monatPlus(tag.slice(0, 7), -1);
    const demo = await erzeugeStatistikDemo(t.ctx.db, { bg: 40, monate: 27, bis: letzter });
    if ('abgelehnt' in demo) throw new Error(demo.abgelehnt);
    await baueFehlendeSnapshots({ ctx: t.ctx, traegerId: demo.traegerId, heute: tag });
  }, 300_000);

  it('controlling: /steuerung → Kennzahlen → Definition', async () => {
    const page = await bed.signedIn('controlling@musterland.example');
    page.setDefaultTimeout(15_000);
    await page.goto(`${bed.base}/steuerung`);
    expect(await page.locator('h1').textContent()).toBe('Steuerung');
    expect(await page.getByRole('heading', { level: 2, name: /^Eckwerte / }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Kennzahlen', exact: true }).click();
    await page.waitForURL(/\/steuerung\/kennzahlen/);
    expect(await page.locator('h1').textContent()).toBe('Kennzahlen nach § 48a SGB II');
    const tabelle = page.getByRole('table', { name: /^Kennzahlen / });
    expect(await tabelle.getByRole('row').count()).toBe(16);
    expect(await page.locator('figure svg[role="img"]').count()).toBe(1);
    expect(await page.getByRole('table', { name: /^Vergleich der Kommunen/ }).getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page);

    // another Kennzahl for the trend, through the form
    const form = page.getByRole('form', { name: 'Auswahl der Kennzahlen' });
    await form.getByLabel('Kennzahl im Verlauf').selectOption('K3');
    await form.getByRole('button', { name: 'Kennzahlen anzeigen' }).click();
    await page.waitForURL(/kennzahl=K3/);
    expect(await page.getByRole('heading', { level: 2, name: 'Verlauf K3 über 25 Monate' }).count()).toBe(1);

    await tabelle.getByRole('link', { name: 'K2 Integrationsquote' }).click();
    await page.waitForURL(/\/steuerung\/definitionen#K2$/);
    expect(await page.locator('#K2 dt').innerText()).toContain('K2 Integrationsquote');
    expect(await page.locator('#K2').innerText()).toContain('§ 5 Abs. 1 KennzV');
    await expectAccessible(page);
  });

  it('auf dem Telefon (390 px) ohne waagerechtes Scrollen', async () => {
    const page = await bed.signedIn('controlling@musterland.example', PHONE);
    page.setDefaultTimeout(15_000);
    const seiten: [string, string][] = [
      ['/steuerung', 'Steuerung'],
      [`/steuerung/kennzahlen?monat=${letzter}`, 'Kennzahlen nach § 48a SGB II'],
      ['/steuerung/definitionen', 'Definitionen'],
    ];
    for (const [pfad, titel] of seiten) {
      await page.goto(`${bed.base}${pfad}`);
      expect(await page.locator('h1').textContent()).toBe(titel);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    }
  });
});
