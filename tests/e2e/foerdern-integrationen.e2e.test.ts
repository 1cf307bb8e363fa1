import { describe, expect, it } from 'vitest';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, useBrowserTestbed } from '../helpers/testbed.ts';
import { sql } from 'drizzle-orm';

/**
 * Issue 13, point 7 in Chromium: the Integrationsfachkraft records a job start (a contradictory Minijob first: the
 * message stands at the field); the Leistung caseworker opens the proposal from the Fallakte and applies it on the
 * existing Mitteilung page. Every page passes axe.
 */
describe.skipIf(!browserAvailable)('Beschäftigungsaufnahme in Chromium', () => {
  const bed = useBrowserTestbed();

  it('Integration erfasst eine Arbeitsaufnahme, die Leistung übernimmt das Einkommen', async () => {
    const leistungJar = await signIn(bed.t.app, 'leistung@musterland.example');
    const kommunen = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await bed.t.app.inject({ method: 'POST', url: '/api/faelle', headers: { cookie: leistungJar.header(), 'content-type': 'application/json' }, payload: erstantrag(kommunen.rows[0]!.id, 'Jobstart') });
    expect(fall.statusCode, fall.body).toBe(201);
    const bgId = fall.json().bg.id as string;
    const ben = fall.json().personIds.b as string;

    const page = await bed.signedIn('integration@musterland.example', DESKTOP);
    page.setDefaultTimeout(8000);
    await page.goto(`${bed.base}/integration/personen/${ben}/integrationen`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Beschäftigungsaufnahmen – Ben Jobstart');
    await expectAccessible(page);

    await page.getByLabel('Art der Beschäftigung').selectOption({ label: 'Minijob (geringfügig)' });
    await page.getByLabel('Beginn').fill('2027-01-15');
    await page.getByLabel('Arbeitgeber (bei Selbständigkeit: Tätigkeit)').fill('Spedition Nord');
    await page.getByLabel('Wochenstunden').fill('25');
    await page.getByRole('button', { name: 'Beschäftigungsaufnahme speichern' }).click();
    expect(await page.locator('#fehler').textContent()).toContain('Ein Minijob mit mehr als 15 Wochenstunden');
    expect(await page.getByLabel('Arbeitgeber (bei Selbständigkeit: Tätigkeit)').inputValue()).toBe('Spedition Nord');
    await expectAccessible(page);

    await page.getByLabel('Art der Beschäftigung').selectOption({ label: 'sozialversicherungspflichtig, Teilzeit' });
    await page.getByLabel('Erwartetes Brutto im Monat (Euro) – optional').fill('1.800,00');
    await page.getByLabel('Erwartetes Netto im Monat (Euro) – optional').fill('1400');
    await page.getByRole('button', { name: 'Beschäftigungsaufnahme speichern' }).click();
    const main = await page.locator('main').textContent();
    expect(main).toContain('Die Beschäftigungsaufnahme ist erfasst (zählt als Integration)');
    expect(main).toContain('15.07.2027');
    expect(main).toContain('Spedition Nord – sozialversicherungspflichtig, Teilzeit');
    await expectAccessible(page);

    const leistung = await bed.signedIn('leistung@musterland.example', DESKTOP);
    leistung.setDefaultTimeout(8000);
    await leistung.goto(`${bed.base}/faelle/${bgId}`);
    expect(await leistung.locator('main').textContent()).toContain('intern (Integration)');
    await leistung.getByRole('link', { name: /Vorschlag der Integration prüfen und übernehmen/ }).first().click();
    expect(await leistung.getByRole('heading', { level: 1 }).textContent()).toBe('Veränderungsmitteilung prüfen und übernehmen');
    expect(await leistung.locator('main').textContent()).toContain('Angaben der Integrationsfachkraft');
    expect(await leistung.getByRole('textbox', { name: 'Gültig ab' }).inputValue()).toBe('2027-01-01');
    await expectAccessible(leistung);
    await Promise.all([leistung.waitForURL(new RegExp(`/faelle/${bgId}$`)), leistung.getByRole('button', { name: 'Geprüfte Änderungen in die Fallakte übernehmen' }).click()]);
    expect(await leistung.locator('main').textContent()).toContain('Die Veränderungsmitteilung wurde übernommen');
    const einkommen = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ gueltig_von: string; brutto_cent: number }>(sql`select gueltig_von::text, brutto_cent from person_einkommen where person_id = ${ben}`));
    expect(einkommen.rows).toEqual([{ gueltig_von: '2027-01-01', brutto_cent: 180_000 }]);
  }, 60_000);
});
