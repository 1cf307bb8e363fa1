import { beforeAll, describe, expect, it } from 'vitest';
import { monatPlus } from '../../src/domain/bewilligung/monat.ts';
import { erzeugeStatistikDemo } from '../../src/db/seed/statistik-demo.ts';
import { heute } from '../../src/server/clock.ts';
import { baueFehlendeSnapshots } from '../../src/server/statistik/snapshot-bauen.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 15, item 2 in Chromium: controlling@musterland.example opens the Monatsbericht of the latest month on a small
 * generated demo history (the demo generator and the snapshot builder), finds every part of it, the three charts
 * with their data tables, follows a label to its definition, chooses a Kommune through the form (no JavaScript
 * needed). axe on every page; no horizontal scrolling on a phone (390 px).
 */
describe.skipIf(!browserAvailable)('Steuerung: Monatsbericht in Chromium', () => {
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

  it('controlling: Monatsbericht mit allen Teilen, Diagrammen mit Tabellen, Definition und Auswahl einer Kommune', async () => {
    const page = await bed.signedIn('controlling@musterland.example');
    page.setDefaultTimeout(15_000);
    await page.goto(`${bed.base}/steuerung/monatsbericht`);
    expect(await page.locator('h1').textContent()).toBe('Monatsbericht');
    expect(await page.getByTestId('mb-stand').innerText()).toContain('Datenstand');
    for (const name of [/^Bestand am /, 'Arbeitslosenquote und SGB II-Quote', /^Bewegungen im /, /^Integrationen im /, /^Kosten im /, 'Merkmale', 'Entwicklung']) {
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    const bestand = page.getByRole('table', { name: 'Bestand' });
    expect(await bestand.getByRole('row').count()).toBe(8);
    expect(await bestand.getByRole('link', { name: 'Bedarfsgemeinschaften', exact: true }).getAttribute('href')).toBe('/steuerung/definitionen#bg');
    // three charts, each an image with a name and a table of its data
    const bilder = page.locator('figure svg[role="img"]');
    expect(await bilder.count()).toBe(3);
    for (const i of [0, 1, 2]) expect(await bilder.nth(i).getAttribute('aria-label')).toBeTruthy();
    expect(await page.locator('figure details table').count()).toBe(3);
    // the demo history has Bewilligungen but no Zahllauf: Leistungen laut Bewilligungen, a note instead of booked zeros
    expect(await page.getByRole('heading', { level: 3, name: 'Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch)' }).count()).toBe(1);
    const leistungen = page.getByRole('table', { name: /^Leistungen laut Bewilligungen / });
    const summe = await leistungen.getByRole('row', { name: /Leistungen gesamt/ }).getByRole('cell').first().innerText();
    expect(summe).toMatch(/€$/);
    expect(summe).not.toBe('0,00 €');
    expect(await page.getByText('Für diesen Monat sind keine Auszahlungen gebucht.').count()).toBe(1);
    expect(await page.getByRole('table', { name: /^Gebuchte Auszahlungen / }).count()).toBe(0);
    await page.getByText('Daten als Tabelle: Bedarfsgemeinschaften und eLb über 25 Monate').first().click();
    expect(await page.getByRole('table', { name: /^Bedarfsgemeinschaften und eLb über 25 Monate/ }).getByRole('row').count()).toBe(26);
    expect(await page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href')).toContain('/steuerung/monatsbericht/export?monat=');
    expect(await page.getByRole('link', { name: 'Pressetext entwerfen' }).getAttribute('href')).toContain(`/steuerung/pressetext?monat=${letzter}`);
    await expectAccessible(page);

    // a Kommune through the GET form
    const form = page.getByRole('form', { name: 'Auswahl des Monatsberichts' });
    const bereich = form.getByLabel('Bereich (Träger, Kommune oder Standort)');
    const kommune = await bereich.locator('option', { hasText: /^Kommune / }).first().getAttribute('value');
    await bereich.selectOption(kommune!);
    await form.getByRole('button', { name: 'Bericht anzeigen' }).click();
    await page.waitForURL(/bereich=kommune/);
    expect(await page.getByRole('table', { name: 'Bestand' }).getByRole('row').count()).toBe(8);
    await expectAccessible(page);

    await page.getByRole('table', { name: 'Bestand' }).getByRole('link', { name: 'Erwerbsfähige Leistungsberechtigte (eLb)' }).click();
    await page.waitForURL(/\/steuerung\/definitionen#elb$/);
  });

  it('auf dem Telefon (390 px) ohne waagerechtes Scrollen', async () => {
    const page = await bed.signedIn('controlling@musterland.example', PHONE);
    page.setDefaultTimeout(15_000);
    await page.goto(`${bed.base}/steuerung/monatsbericht?monat=${letzter}`);
    expect(await page.locator('h1').textContent()).toBe('Monatsbericht');
    for (const s of await page.locator('figure details summary').all()) await s.click();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
