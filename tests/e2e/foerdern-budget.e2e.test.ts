import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 13, item 6 in Chromium: teamleitung enters the Eingliederungsbudget (Soll) of a Haushaltsjahr from the
 * Arbeitsplatz and sees it in the overview; a wrong amount is refused at the field; controlling sees the sums only
 * (no forms). axe on every page, no horizontal scroll on a phone.
 */
describe.skipIf(!browserAvailable)('Eingliederungsbudget in Chromium', () => {
  const bed = useBrowserTestbed();

  it('teamleitung enters a Soll and sees the overview', async () => {
    const page = await bed.signedIn('teamleitung@musterland.example');
    page.setDefaultTimeout(10_000);
    await page.locator('#inhalt').getByRole('link', { name: 'Eingliederungsbudget', exact: true }).click();
    await page.waitForURL(/\/integration\/budget/);
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'Budget eintragen' });
    await form.getByLabel('Haushaltsjahr').fill('2031');
    await form.getByLabel('Titel').selectOption({ label: 'Eingliederungsleistungen des Bundes (EGT, Kap. 1101 Tit. 685 11)' });
    await form.getByLabel('Soll (Euro)').fill('zwölf');
    await form.getByRole('button', { name: 'Budget speichern' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('form', { name: 'Budget eintragen' }).innerText()).toContain('Bitte den Betrag des Budgets in Euro angeben');
    expect(await page.getByLabel('Soll (Euro)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page.getByRole('form', { name: 'Budget eintragen' }).getByLabel('Soll (Euro)').fill('1.250.000,00');
    await page.getByRole('form', { name: 'Budget eintragen' }).getByLabel('Bemerkung').fill('EinglMV 2031 (Test)');
    await page.getByRole('form', { name: 'Budget eintragen' }).getByRole('button', { name: 'Budget speichern' }).click();
    await page.waitForURL(/jahr=2031/);
    expect(await page.locator('h1').textContent()).toBe('Eingliederungsbudget 2031');
    const tabelle = page.getByRole('table', { name: 'Soll, gebunden, ausgezahlt und frei je Titel 2031' });
    const zeile = tabelle.getByRole('row', { name: /Eingliederungsleistungen des Bundes/ });
    expect(await zeile.innerText()).toContain('1.250.000,00');
    // nothing bound yet: all of it is free
    expect(await zeile.getByRole('cell').last().innerText()).toContain('1.250.000,00');
    await expectAccessible(page);

    // change it: the listed Soll prefills the form (with its version)
    await page.getByRole('link', { name: /Eingliederungsleistungen des Bundes .* – ändern/ }).click();
    await page.waitForURL(/sollJahr=2031/);
    const aendern = page.getByRole('form', { name: 'Budget eintragen' });
    expect(await aendern.getByLabel('Soll (Euro)').inputValue()).toBe('1250000,00');
    await aendern.getByLabel('Soll (Euro)').fill('1.300.000,00');
    await aendern.getByRole('button', { name: 'Budget speichern' }).click();
    await page.waitForURL(/jahr=2031$/);
    expect(await page.getByRole('table', { name: 'Soll, gebunden, ausgezahlt und frei je Titel 2031' }).innerText()).toContain('1.300.000,00');
  });

  it('integration grants a Förderleistung; beyond the free budget the error is at the amount', async () => {
    const t = bed.t;
    const musterland = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))).rows[0]!.id;
    const kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/faelle',
      headers: { cookie: jar.header(), 'content-type': 'application/json' },
      payload: {
        antragsdatum: '2026-11-02',
        eingangskanal: 'papier',
        personen: [{ ref: 'a', vorname: 'Fritzi', nachname: 'Förderfall', geburtsdatum: '1990-02-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
        adresse: { strasse: 'Am Markt', hausnummer: '5', plz: '12345', ort: 'Musterstadt', kommuneId },
        bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Fritzi Förderfall' },
        unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const personId = Object.values(res.json().personIds as Record<string, string>)[0]!;

    const page = await bed.signedIn('integration@musterland.example');
    page.setDefaultTimeout(10_000);
    await page.goto(`${bed.base}/integration/personen/${personId}/foerderleistungen`);
    expect(await page.locator('h1').textContent()).toBe('Förderleistungen – Fritzi Förderfall');
    await expectAccessible(page);
    const form = page.getByRole('form', { name: 'Förderleistung bewilligen' });
    await form.getByLabel('Leistung').selectOption({ label: 'Vermittlungsbudget (§ 16 Abs. 1 SGB II i. V. m. § 44 SGB III)' });
    await form.getByLabel('Einmalzahlung (z. B. Vermittlungsbudget für Bewerbungskosten)').check();
    await form.getByLabel('Betrag (Euro)').fill('250,00');
    await form.getByLabel('Beginn (bei Einmalzahlung: Tag der Zahlung)').fill('2030-03-10');
    await form.getByRole('button', { name: 'Förderleistung bewilligen' }).click();
    await page.waitForLoadState('load');
    // no budget entered for 2030: nothing is free
    expect(await page.getByLabel('Betrag (Euro)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('Das freie Eingliederungsbudget reicht nicht aus');
    await expectAccessible(page);

    await page.getByRole('form', { name: 'Förderleistung bewilligen' }).getByLabel('Beginn (bei Einmalzahlung: Tag der Zahlung)').fill('2031-03-10');
    await page.getByRole('form', { name: 'Förderleistung bewilligen' }).getByRole('button', { name: 'Förderleistung bewilligen' }).click();
    await page.waitForLoadState('load');
    const tabelle = page.getByRole('table', { name: 'Bewilligte Förderleistungen' });
    expect(await tabelle.innerText()).toContain('einmalig am 10.03.2031');
    await expectAccessible(page);
  });

  it('controlling sees the sums without forms, also on a phone', async () => {
    const page = await bed.signedIn('controlling@musterland.example', PHONE);
    page.setDefaultTimeout(10_000);
    await page.goto(`${bed.base}/integration/budget?jahr=2031`);
    expect(await page.locator('h1').textContent()).toBe('Eingliederungsbudget 2031');
    expect(await page.locator('main').innerText()).toContain('1.300.000,00');
    expect(await page.getByRole('form', { name: 'Budget eintragen' }).count()).toBe(0);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  });
});
