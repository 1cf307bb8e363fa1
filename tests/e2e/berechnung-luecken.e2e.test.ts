import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/** The text of everything a field's aria-describedby points at (hint and error message). */
async function beschreibung(feld: Locator): Promise<string> {
  return feld.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
}

/** Fills a portal step by field names (text, select, radio value, checkbox) and presses "Speichern und weiter"; axe first. */
async function schritt(page: Page, felder: Record<string, string | boolean>) {
  await expectAccessible(page);
  for (const [name, wert] of Object.entries(felder)) {
    const feld = page.locator(`main form [name="${name}"]`).first();
    const typ = await feld.getAttribute('type');
    const tag = await feld.evaluate((e) => e.tagName.toLowerCase());
    if (tag === 'select') await feld.selectOption(String(wert));
    else if (typ === 'radio') await page.locator(`main form input[name="${name}"][value="${String(wert)}"]`).check();
    else if (typ === 'checkbox') await feld.check();
    else await feld.fill(String(wert));
  }
  const vorher = page.url();
  await page.locator('main form button[value=weiter]').click();
  await page.waitForURL((u) => u.toString() !== vorher);
}

/** An "add" button of a list step (a plain submit button); axe first. */
async function hinzufuegen(page: Page, liste: string, ziel: RegExp) {
  await expectAccessible(page);
  await Promise.all([page.waitForURL(ziel), page.locator(`button[value="hinzufuegen:${liste}"]`).click()]);
}

/**
 * Issue #16 in Chromium on a phone (390 px), axe on every page: the caseworker records Selbständigkeit with Gewinn
 * and Gewinn nach Steuern (netto above Gewinn is refused at the field) and a one-off income in the Fallakte, and the
 * Bewilligung's Rechenweg shows both; the citizen answers the Selbstständigkeit page with Einnahmen, Ausgaben and
 * Steuern (Steuern above the Gewinn refused at the field) and a one-off payment, and finds them in the summary.
 * All dates are fixed past days: nothing depends on the (injected) clock's today.
 */
describe.skipIf(!browserAvailable)('Neue Berechnungsregeln (issue #16) in Chromium', () => {
  const bed = useBrowserTestbed();

  it('caseworker: Selbständigkeit and einmalige Einnahme in the Fallakte, both in the Rechenweg of the Bewilligung', async () => {
    const page = await bed.signedIn('leistung@musterland.example', PHONE);
    page.setDefaultTimeout(10_000);
    const kommune = (await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where name = 'Musterstadt'`))).rows[0]!.id;
    const fall = await page.request.post(`${bed.base}/api/faelle`, {
      data: {
        antragsdatum: '2024-06-03',
        eingangskanal: 'papier',
        personen: [{ ref: 'a', vorname: 'Selma', nachname: 'Selbst', geburtsdatum: '1979-04-04', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
        adresse: { strasse: 'Bahnhofstraße', hausnummer: '7', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
        bank: { iban: 'DE02100100100006820101', kontoinhaber: 'Selma Selbst' },
        unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
      },
    });
    expect(fall.status(), await fall.text()).toBe(201);
    const bgId = (await fall.json()).bg.id as string;
    const akteUrl = `${bed.base}/faelle/${bgId}`;
    await page.goto(akteUrl);
    await expectAccessible(page);

    // Selbständigkeit: first the Gewinn nach Steuern above the Gewinn
    await page.locator('summary', { hasText: 'Einkommen ab einem Tag ändern' }).click();
    let form = page.getByRole('form', { name: 'Einkommen ändern' });
    await form.getByLabel('Person').selectOption({ label: 'Selma Selbst' });
    await form.locator('[name=ek_ab]').fill('2024-06-01');
    await form.getByLabel('Art').selectOption('selbststaendigkeit');
    await form.locator('[name=ek_bezeichnung]').fill('Grafikbüro');
    await form.locator('[name=ek_gewinn]').fill('800');
    await form.locator('[name=ek_gewinn_netto]').fill('900');
    await form.getByRole('button', { name: 'Einkommensänderung speichern' }).click();
    const fehler = 'Der Gewinn nach Steuern und Pflichtbeiträgen darf nicht höher sein als der Gewinn.';
    form = page.getByRole('form', { name: 'Einkommen ändern' });
    await form.locator('[name=ek_gewinn_netto][aria-invalid=true]').waitFor();
    expect(await beschreibung(form.locator('[name=ek_gewinn_netto]'))).toContain(fehler);
    expect(await form.locator('[name=ek_gewinn]').getAttribute('aria-invalid')).toBeNull();
    // the typed values are kept
    expect(await form.locator('[name=ek_gewinn]').inputValue()).toBe('800');
    expect(await form.locator('[name=ek_gewinn_netto]').inputValue()).toBe('900');
    expect(await form.locator('[name=ek_bezeichnung]').inputValue()).toBe('Grafikbüro');
    expect(await form.getByLabel('Art').inputValue()).toBe('selbststaendigkeit');
    await expectAccessible(page);
    await form.locator('[name=ek_gewinn_netto]').fill('700');
    await form.getByRole('button', { name: 'Einkommensänderung speichern' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Einkommensänderung ab 01.06.2024 wurde gespeichert.');
    await expectAccessible(page);

    // a one-off income: "Gültig ab" stays empty, it counts from its Zuflussdatum
    await page.locator('summary', { hasText: 'Einkommen ab einem Tag ändern' }).click();
    form = page.getByRole('form', { name: 'Einkommen ändern' });
    await form.getByLabel('Person').selectOption({ label: 'Selma Selbst' });
    await form.getByLabel('Art').selectOption('einmalig');
    await form.locator('[name=ek_bezeichnung]').fill('Steuererstattung');
    await form.locator('[name=ek_betrag]').fill('600');
    await form.locator('[name=ek_zufluss]').fill('2024-08-15');
    await form.getByRole('button', { name: 'Einkommensänderung speichern' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Einkommensänderung ab 15.08.2024 wurde gespeichert.');
    await expectAccessible(page);

    // both in the Fallakte on a day in August 2024
    await page.goto(`${akteUrl}?stichtag=2024-08-20`);
    const einkommen = (await page.locator('section[aria-labelledby=einkommen]').textContent()) ?? '';
    expect(einkommen).toContain('Grafikbüro');
    expect(einkommen).toContain('Gewinn 800,00 €, nach Steuern und Pflichtbeiträgen 700,00 €');
    expect(einkommen).toContain('Steuererstattung');
    expect(einkommen).toContain('600,00 € einmalig, zugeflossen am 15.08.2024');
    await expectAccessible(page);

    // the Bewilligung and its Rechenweg
    await page.goto(akteUrl);
    await page.getByText('Neue Bewilligung berechnen').click();
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/#bewilligung$/), page.getByRole('button', { name: 'Bewilligung berechnen' }).click()]);
    const abschnitt = page.locator('#bewilligung').locator('..');
    expect(await abschnitt.textContent()).toContain('Erstbewilligung 06/2024 – 05/2025: Entwurf');
    const august = abschnitt.locator('details', { has: page.locator('summary', { hasText: 'Erläuterung 08/2024' }) }).first();
    await august.locator('summary').click();
    const rechenweg = (await august.textContent()) ?? '';
    expect(rechenweg).toContain('Darin Einkommen aus Selbständigkeit');
    expect(rechenweg).toContain('Gewinn (Betriebseinnahmen abzüglich notwendiger Betriebsausgaben) 800,00 €, nach Steuern und Pflichtbeiträgen 700,00 €');
    expect(rechenweg).toContain('Einmalige Einnahme „Steuererstattung“');
    expect(rechenweg).toContain('zugeflossen am 15.8.2024');
    await expectAccessible(page);
  }, 120_000);

  it('citizen: Selbstständigkeit with Einnahmen, Ausgaben and Steuern and a one-off payment, listed in the summary', async () => {
    const page = await bed.signedIn('buerger@musterland.example', PHONE);
    page.setDefaultTimeout(10_000);
    await page.goto(`${bed.base}/portal`);
    await expectAccessible(page);
    await page.locator('main form:has(input[value=erstantrag]) button').click();
    await page.waitForURL(/\/schritt\/antrag$/);
    await schritt(page, { beantragt: true });
    await schritt(page, { vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1980-02-02', geschlecht: 'm', staatsangehoerigkeit: 'DE' });
    await schritt(page, { familienstand: 'ledig' });
    await schritt(page, { strasse: 'Lindenweg', hausnummer: '3', plz: '12345', ort: 'Musterstadt' });
    await schritt(page, {});
    await schritt(page, { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Max Mustermann' });
    await schritt(page, { partner: 'nein', kinder: 'nein', weiterePersonen: 'nein' });
    await schritt(page, { wohnform: 'ohne_kosten' });
    expect(page.url()).toMatch(/\/schritt\/einkommen-frage$/);
    expect(await page.locator('main').textContent()).toContain('einmalige Zahlung');
    await schritt(page, { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'ja' });
    await hinzufuegen(page, 'einkommen', /einkommen\/e1\/einkommen-art$/);
    await schritt(page, { person: 'antragsteller', art: 'selbststaendigkeit' });
    expect(page.url()).toMatch(/einkommen\/e1\/einkommen-selbststaendig$/);

    // Steuern above the Gewinn (600 − 100 = 500): refused at the field, the input kept
    await expectAccessible(page);
    const felder = { taetigkeit: 'Nachhilfe', einnahmenCent: '600', ausgabenCent: '100', steuernCent: '600' };
    for (const [name, wert] of Object.entries(felder)) await page.locator(`main form [name="${name}"]`).fill(wert);
    const vorher = page.url();
    await page.locator('main form button[value=weiter]').click();
    const steuern = page.locator('main form [name=steuernCent]');
    await steuern.and(page.locator('[aria-invalid=true]')).waitFor();
    expect(page.url().split('?')[0]).toBe(vorher.split('?')[0]);
    expect(await beschreibung(steuern)).toContain('Steuern und Pflichtbeiträge können nicht höher sein als der Gewinn');
    expect(await page.locator('a[href="#feld-steuernCent"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main form [name=einnahmenCent]').inputValue()).toBe('600');
    expect(await steuern.inputValue()).toBe('600');
    await schritt(page, { steuernCent: '80' });
    expect(page.url()).toMatch(/\/schritt\/einkommen$/);
    await schritt(page, {});

    // the one-off payment
    expect(page.url()).toMatch(/\/schritt\/einmalzahlungen$/);
    await hinzufuegen(page, 'einmalzahlungen', /einmalzahlungen\/z1\/einmalzahlung$/);
    await schritt(page, { person: 'antragsteller', art: 'steuererstattung', einmalbetragCent: '300', zuflussDatum: '2025-02-01' });
    await schritt(page, {});
    expect(page.url()).toMatch(/\/schritt\/vermoegen-frage$/);
    await schritt(page, { vermoegenVorhanden: 'nein' });
    await schritt(page, {});
    await schritt(page, { vorhanden: 'nein' });

    // the summary lists what was entered
    expect(page.url()).toMatch(/\/schritt\/zusammenfassung$/);
    await expectAccessible(page);
    const zusammenfassung = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    for (const erwartet of [
      /Welche Tätigkeit\? ?Nachhilfe/,
      /Betriebseinnahmen im Monat in Euro ?600,00 €/,
      /Betriebsausgaben im Monat in Euro ?100,00 €/,
      /Steuern und Pflichtbeiträge im Monat in Euro ?80,00 €/,
      /einmalige Zahlung erhalten, oder erwarten Sie eine [^?]*\? ?Ja/,
      /Art ?Steuererstattung ?Betrag in Euro ?300,00 € ?Tag der Zahlung ?01\.02\.2025/,
    ]) {
      expect(zusammenfassung).toMatch(erwartet);
    }
  }, 120_000);
});
