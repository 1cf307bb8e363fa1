import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { monatPlus } from '../../src/domain/bewilligung/monat.ts';
import { erzeugeStatistikDemo } from '../../src/db/seed/statistik-demo.ts';
import { heute } from '../../src/server/clock.ts';
import { baueFehlendeSnapshots } from '../../src/server/statistik/snapshot-bauen.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 15, item 5 in Chromium: controlling@musterland.example imports the fictional sample file of published
 * Kennzahlen (with the own key), sees the ranking with "Platz x von n" nationally, in the Vergleichstyp and in the
 * Land, its own live value beside the published one, and the rejected rows of a bad file. axe on every page; no
 * horizontal scrolling at 390 px.
 */
const BEISPIEL = fileURLToPath(new URL('../../demo/vergleich/kennzahlen-fiktiv.csv', import.meta.url));

describe.skipIf(!browserAvailable)('Steuerung: Vergleich mit allen Jobcentern in Chromium', () => {
  const bed = useBrowserTestbed();

  beforeAll(async () => {
    const t = bed.t;
    const tag = heute(t.ctx.clock.now());
    const demo = await erzeugeStatistikDemo(t.ctx.db, { bg: 20, monate: 15, bis: monatPlus(tag.slice(0, 7), -1) });
    if ('abgelehnt' in demo) throw new Error(demo.abgelehnt);
    await baueFehlendeSnapshots({ ctx: t.ctx, traegerId: demo.traegerId, heute: tag });
  }, 300_000);

  it('controlling importiert die Beispieldatei und sieht „Platz x von n“', async () => {
    const page = await bed.signedIn('controlling@musterland.example');
    page.setDefaultTimeout(15_000);
    await page.goto(`${bed.base}/steuerung/vergleich`);
    expect(await page.locator('h1').textContent()).toBe('Vergleich mit allen Jobcentern');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Dateien importieren' }).click();
    await page.waitForURL(/\/steuerung\/vergleich\/import$/);
    await expectAccessible(page);
    const form = page.getByRole('form', { name: 'Hochladen einer Datei' });
    await form.getByLabel('Datei mit Kennzahlen').setInputFiles(BEISPIEL);
    await form.getByLabel('Schlüssel des eigenen Jobcenters').fill('05999');
    await form.getByLabel('Fiktive Beispieldaten').check();
    await form.getByRole('button', { name: 'Datei importieren' }).click();
    await page.waitForURL(/import=/);
    expect(await page.getByText('kennzahlen-fiktiv.csv: 440 Werte übernommen').count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Zum Vergleich' }).first().click();
    await page.waitForURL(/\/steuerung\/vergleich$/);
    expect(await page.getByText('Fiktive Beispieldaten', { exact: true }).count()).toBe(1);
    expect(await page.locator('[data-platz="national"]').innerText()).toMatch(/^Platz \d+ von \d+$/);
    expect(await page.locator('[data-platz="vergleichstyp"]').innerText()).toMatch(/^Platz \d+ von \d+$/);
    expect(await page.locator('[data-platz="land"]').innerText()).toMatch(/^Platz \d+ von \d+$/);
    expect(await page.getByRole('table', { name: /^Rangliste K2 / }).getByRole('row').count()).toBe(41);
    expect(await page.locator('tr[data-eigener="ja"]').count()).toBe(1);
    // the own live value from the demo history's snapshots, beside the published one
    expect(await page.locator('[data-live]').innerText()).toMatch(/^-?\d+,\d %$/);
    await expectAccessible(page);

    // another Kennzahl through the GET form
    const wahl = page.getByRole('form', { name: 'Kennzahl und Monat wählen' });
    await wahl.getByLabel('Kennzahl').selectOption('K3');
    await wahl.getByLabel('Berichtsmonat').selectOption('2026-10');
    await wahl.getByRole('button', { name: 'Vergleich anzeigen' }).click();
    await page.waitForURL(/kennzahl=K3&monat=2026-10/);
    expect(await page.getByRole('heading', { level: 2, name: 'K3 im Oktober 2026: Ihr Jobcenter' }).count()).toBe(1);
    expect(await page.locator('[data-platz="national"]').innerText()).toMatch(/^Platz \d+ von \d+$/);
  });

  it('eine fehlerhafte Datei: nichts übernommen, jede abgelehnte Zeile auf der Seite (Telefon, 390 px)', async () => {
    const page = await bed.signedIn('controlling@musterland.example', PHONE);
    page.setDefaultTimeout(15_000);
    await page.goto(`${bed.base}/steuerung/vergleich/import`);
    await expectNoHorizontalScroll(page);
    const form = page.getByRole('form', { name: 'Hochladen einer Datei' });
    await form.getByLabel('Datei mit Kennzahlen').setInputFiles({
      name: 'fehlerhaft.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Berichtsmonat;Schlüssel;Kennzahl;Wert\n2026-11;05999;K2;viel\n2026-11;05999;K9;1,0\n'),
    });
    await form.getByRole('button', { name: 'Datei importieren' }).click();
    await page.waitForURL(/import=/);
    expect(await page.getByRole('alert').filter({ hasText: 'nichts übernommen, 2 Zeilen abgelehnt' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Abgelehnte Zeilen von fehlerhaft.csv' }).getByRole('row').count()).toBe(3);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.goto(`${bed.base}/steuerung/vergleich?kennzahl=K2&monat=2026-11`);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
