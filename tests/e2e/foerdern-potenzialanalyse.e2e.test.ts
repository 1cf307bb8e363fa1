import { describe, expect, it } from 'vitest';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';
import { sql } from 'drizzle-orm';

/**
 * The Integrationsfachkraft fills in the Potenzialanalyse in Chromium (on a 390 px phone and on the desktop), a
 * refused entry shows its message at the field, the saved Fassung shows as a summary with the health section
 * marked as special-category data; the Teamleitung keeps the catalogue. axe clean on every page, no sideways scroll.
 */
describe.skipIf(!browserAvailable)('Potenzialanalyse in Chromium', () => {
  const bed = useBrowserTestbed();

  async function vorbereiten(): Promise<string> {
    const app = bed.t.app;
    const inject = async (wer: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const jar = await signIn(app, `${wer}@musterland.example`);
      return app.inject({ method, url, headers: { cookie: jar.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: payload as object } : {}) });
    };
    const k = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await inject('leistung', 'POST', '/api/faelle', erstantrag(k.rows[0]!.id, 'Potenzial'));
    expect(fall.statusCode, fall.body).toBe(201);
    expect((await inject('teamleitung', 'POST', '/api/integration/handlungsbedarfe/standard')).statusCode).toBe(200);
    return fall.json().personIds.a as string;
  }

  it('integration erfasst die Potenzialanalyse auf dem Telefon (390 px)', async () => {
    const personId = await vorbereiten();
    const page = await bed.signedIn('integration@musterland.example', PHONE);
    page.setDefaultTimeout(8000);
    await page.goto(`${bed.base}/integration/personen/${personId}/potenzialanalyse`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Potenzialanalyse Aylin Potenzial');
    expect(await page.locator('main').textContent()).toContain('noch keine Potenzialanalyse');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await page.getByLabel('Stärken (eine je Zeile)').fill('zuverlässig\nKundenkontakt');
    await page.getByLabel('Berufswünsche (einer je Zeile)').fill('Einzelhandel');
    await page.getByLabel('Schulabschluss', { exact: true }).selectOption({ label: 'Mittlerer Schulabschluss' });
    await page.getByLabel('Tätigkeit 1', { exact: true }).fill('Verkaufshilfe');
    await page.getByLabel('Tätigkeit 1: von (Jahr)').fill('2019');
    await page.getByLabel('Tätigkeit 1: bis (Jahr)').fill('2015');
    await page.getByLabel('Deutschkenntnisse', { exact: true }).selectOption('B2');
    await page.getByLabel('B', { exact: true }).check();
    await page.getByLabel('Arbeitsorte mit Bus und Bahn erreichbar').check();
    await page.getByLabel('Gewünschte Wochenstunden').fill('25');
    await page.getByLabel('Spätestes Arbeitsende (HH:MM)').fill('14:00');
    await page.getByLabel('Kinderbetreuung nicht gesichert', { exact: true }).check();
    await page.getByLabel('Bemerkung zu „Kinderbetreuung nicht gesichert“ – optional').fill('Kita-Platz ab März');
    await page.getByLabel('Körperliche Einschränkungen', { exact: true }).check();
    await page.getByLabel('Gesundheitliche Einschränkungen', { exact: true }).fill('kein Heben über 10 kg');
    await page.getByRole('button', { name: 'Potenzialanalyse speichern' }).click();
    // end before start: the message at the field and in the summary; what was typed stays
    expect(await page.locator('#fehler').textContent()).toContain('Das Ende darf nicht vor dem Beginn liegen.');
    expect(await page.getByLabel('Tätigkeit 1: bis (Jahr)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Stärken (eine je Zeile)').inputValue()).toBe('zuverlässig\nKundenkontakt');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel('Tätigkeit 1: bis (Jahr)').fill('2021');
    await page.getByRole('button', { name: 'Potenzialanalyse speichern' }).click();
    await page.waitForSelector('text=Aktuelle Fassung 1');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Fassung 1 der Potenzialanalyse');
    expect(main).toContain('Verkaufshilfe (2019–2021)');
    expect(main).toContain('Kinderbetreuung nicht gesichert – Kita-Platz ab März');
    expect(main).toContain('Besondere Kategorie personenbezogener Daten – nur Integrationsfachkräfte');
    expect(main).toContain('kein Heben über 10 kg');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    // the next Fassung starts from the current one; the history names what changed
    expect(await page.getByLabel('Deutschkenntnisse', { exact: true }).inputValue()).toBe('B2');
    await page.getByLabel('Deutschkenntnisse', { exact: true }).selectOption('C1');
    await page.getByRole('button', { name: 'Fassung 2 speichern' }).click();
    await page.waitForSelector('text=Aktuelle Fassung 2');
    expect(await page.locator('section[aria-labelledby="verlauf"]').textContent()).toContain('Sprache – Deutsch: B2 → C1');
    await expectAccessible(page);
  });

  it('Teamleitung pflegt den Katalog; die Seite ist barrierefrei', async () => {
    const page = await bed.signedIn('teamleitung@musterland.example', DESKTOP);
    page.setDefaultTimeout(8000);
    await page.goto(`${bed.base}/integration/katalog`);
    await expectAccessible(page);
    await page.getByLabel('Bezeichnung', { exact: true }).fill('Sprachkurs noch nicht begonnen');
    await page.getByLabel('Code', { exact: true }).fill('sprachkurs_offen');
    await page.getByLabel('Schlüsselgröße', { exact: true }).selectOption({ label: 'Qualifikation' });
    await page.getByRole('button', { name: 'Aufnehmen' }).click();
    await page.waitForSelector('text=wurde in den Katalog aufgenommen');
    expect(await page.locator('main').textContent()).toContain('sprachkurs_offen');
    await page.getByRole('button', { name: /Deaktivieren.*Sprachkurs noch nicht begonnen/ }).click();
    await page.waitForSelector('text=ist jetzt deaktiviert');
    await expectAccessible(page);
    const telefon = await bed.signedIn('integration@musterland.example', PHONE);
    await telefon.goto(`${bed.base}/integration/katalog`);
    await expectAccessible(telefon);
    await expectNoHorizontalScroll(telefon);
  });
});
