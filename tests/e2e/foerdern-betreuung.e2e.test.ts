import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 13, points 1 and 2 in Chromium: the Integrationsfachkraft opens the Integrationsakte from the Fallakte, takes
 * over the Betreuung, records a status (an overlapping one first: the message stands at the field, nothing saved)
 * and a Gesprächsvermerk with the next contact, then finds the person on her caseload. Every page passes axe; the
 * Integrationsakte has no horizontal scroll on a 390 px phone.
 */
describe.skipIf(!browserAvailable)('Betreuung und Arbeitsmarktstatus in Chromium', () => {
  const bed = useBrowserTestbed();

  it('Integration übernimmt, erfasst Status und Gesprächsvermerk', async () => {
    const leistungJar = await signIn(bed.t.app, 'leistung@musterland.example');
    const kommunen = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await bed.t.app.inject({ method: 'POST', url: '/api/faelle', headers: { cookie: leistungJar.header(), 'content-type': 'application/json' }, payload: erstantrag(kommunen.rows[0]!.id, 'Statustest') });
    expect(fall.statusCode, fall.body).toBe(201);
    const bgId = fall.json().bg.id as string;
    const aylin = fall.json().personIds.a as string;

    const page = await bed.signedIn('integration@musterland.example', DESKTOP);
    page.setDefaultTimeout(8000);
    await page.goto(`${bed.base}/faelle/${bgId}`);
    await page.getByRole('link', { name: 'Integration von Aylin Statustest' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Integrationsakte – Aylin Statustest');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Betreuung ab heute übernehmen' }).click();
    expect(await page.locator('main').textContent()).toContain('Ivo Integration ist ab');

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'arbeitslos' });
    await page.getByLabel('ab', { exact: true }).fill('2025-10-01');
    await page.getByRole('button', { name: 'Status speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('Arbeitsmarktstatus „arbeitslos“ ab 01.10.2025 gespeichert');
    expect(await page.locator('main').textContent()).toContain('Langzeitarbeitslos (§ 18 SGB III) seit 01.10.2026');

    // an overlapping period: the message at the field, nothing saved
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'nicht arbeitsuchend' });
    await page.getByLabel('Grund', { exact: true }).selectOption({ label: 'nicht arbeitsuchend: Pflege einer Angehörigen (§ 10 Abs. 1 Nr. 4 SGB II)' });
    await page.getByLabel('ab', { exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Status speichern' }).click();
    expect(await page.locator('#feld-gueltigVon-fehler').textContent()).toContain('überschneidet sich mit „arbeitslos“');
    await expectAccessible(page);
    const zeilen = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) as n from arbeitsmarktstatus where person_id = ${aylin}`));
    expect(Number(zeilen.rows[0]!.n)).toBe(1);

    // the status as of another day
    await page.getByLabel('Stand am').fill('2025-09-30');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    expect(await page.locator('main').textContent()).toContain('Am 30.09.2025 ist kein Status erfasst.');
    await page.goto(`${bed.base}/integration/personen/${aylin}`);

    await page.getByLabel('Datum des Gesprächs').fill('2026-12-07');
    await page.getByLabel('Art des Gesprächs').selectOption({ label: 'Erstgespräch' });
    await page.getByLabel('Inhalt').fill('Erstgespräch: Berufswunsch Verkauf, Kinderbetreuung ab März geklärt.');
    await page.getByLabel('Nächster Kontakt – optional').fill('2027-01-11');
    await page.getByRole('button', { name: 'Vermerk speichern' }).click();
    const main = await page.locator('main').textContent();
    expect(main).toContain('Gesprächsvermerk vom 07.12.2026 gespeichert');
    expect(main).toContain('Wiedervorlage zum nächsten Kontakt am 11.01.2027 angelegt');
    expect(main).toContain('Berufswunsch Verkauf');
    await expectAccessible(page);

    await page.goto(`${bed.base}/arbeitsplatz`);
    await page.getByRole('link', { name: 'Meine Klientinnen und Klienten' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Meine Klientinnen und Klienten');
    const zeile = await page.getByRole('row', { name: /Statustest, Aylin/ }).textContent();
    expect(zeile).toContain('arbeitslos');
    expect(zeile).toContain('11.01.2027');
    await expectAccessible(page);

    // the Teamleitung: the team's caseload and the bulk re-assignment (Aylin to Tara Teamleitung)
    const team = await bed.signedIn('teamleitung@musterland.example', DESKTOP);
    team.setDefaultTimeout(8000);
    await team.goto(`${bed.base}/integration`);
    expect(await team.getByRole('heading', { level: 1 }).textContent()).toBe('Fallbestand des Teams');
    await expectAccessible(team);
    await team.getByRole('link', { name: 'Betreuung umverteilen' }).first().click();
    await expectAccessible(team);
    await team.getByRole('checkbox', { name: 'Statustest, Aylin' }).check();
    await team.getByLabel('Neue Ansprechpartnerin / neuer Ansprechpartner').selectOption({ label: 'Tara Teamleitung' });
    await team.getByLabel('ab', { exact: true }).fill('2027-01-01');
    await team.getByRole('button', { name: 'Umverteilen' }).click();
    expect(await team.locator('main').textContent()).toContain('Eine Person ab 01.01.2027 an Tara Teamleitung übergeben');
    await expectAccessible(team);

    const phone = await bed.signedIn('integration@musterland.example', PHONE);
    phone.setDefaultTimeout(8000);
    await phone.goto(`${bed.base}/integration/personen/${aylin}`);
    await expectNoHorizontalScroll(phone);
    await phone.goto(`${bed.base}/integration`);
    await expectNoHorizontalScroll(phone);
  }, 60_000);
});
