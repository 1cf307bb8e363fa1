import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { erstantrag } from '../helpers/api.ts';
import { signIn } from '../helpers/app.ts';
import { browserAvailable, expectAccessible } from '../helpers/browser.ts';
import { DESKTOP, useBrowserTestbed } from '../helpers/testbed.ts';

/**
 * Issue 13, point 5 in Chromium: the Teamleitung takes a Maßnahme into the programme and gives it places at a
 * Standort; the Integrationsfachkraft proposes it to a person, assigns it with Rechtsfolgenbelehrung (letter as
 * PDF), records the Eintritt and the Austritt with Arbeitsaufnahme, which leads on to "Integration erfassen".
 * Every page passes axe.
 */
describe.skipIf(!browserAvailable)('Maßnahmen in Chromium', () => {
  const bed = useBrowserTestbed();

  it('vorschlagen, zuweisen, eintreten, austreten', async () => {
    const teamJar = await signIn(bed.t.app, 'teamleitung@musterland.example');
    const leistungJar = await signIn(bed.t.app, 'leistung@musterland.example');
    const api = (jar: typeof teamJar, method: 'POST' | 'PUT', url: string, payload: unknown) =>
      bed.t.app.inject({ method, url, headers: { cookie: jar.header(), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    for (const jahr of [2026, 2027]) expect((await api(teamJar, 'PUT', '/api/integration/budget/soll', { haushaltsjahr: jahr, titel: 'egt_bund', sollCent: 10_000_000 })).statusCode).toBe(200);
    const kommunen = await bed.t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`));
    const fall = await api(leistungJar, 'POST', '/api/faelle', erstantrag(kommunen.rows[0]!.id, 'Massnahme'));
    expect(fall.statusCode, fall.body).toBe(201);
    const aylin = fall.json().personIds.a as string;

    // Teamleitung: catalogue and places
    const team = await bed.signedIn('teamleitung@musterland.example', DESKTOP);
    team.setDefaultTimeout(8000);
    await team.goto(`${bed.base}/integration/massnahmen`);
    expect(await team.getByRole('heading', { level: 1 }).textContent()).toBe('Maßnahmen');
    await expectAccessible(team);
    await team.getByLabel('Bezeichnung').fill('Bewerbungswerkstatt Musterstadt');
    await team.getByLabel('Instrument (Rechtsgrundlage)').selectOption({ label: 'Aktivierung und berufliche Eingliederung bei einem Träger (AVGS-MAT) (§ 16 Abs. 1 SGB II i.V.m. § 45 SGB III)' });
    await team.getByLabel('Maßnahmeträger').fill('Bildungswerk Muster gGmbH');
    await team.getByLabel('Regeldauer einer Teilnahme in Tagen – optional').fill('56');
    await team.getByLabel('Kosten je Platz (Euro)').fill('1.200,00');
    await Promise.all([team.waitForURL(/\/integration\/massnahmen\/[0-9a-f-]{36}$/), team.getByRole('button', { name: 'Maßnahme aufnehmen' }).click()]);
    expect(await team.getByRole('heading', { level: 1 }).textContent()).toBe('Bewerbungswerkstatt Musterstadt');
    await team.getByText('Plätze für einen Standort anlegen').click();
    await team.getByLabel('Standort', { exact: true }).selectOption({ label: 'Jobcenter Musterstadt' });
    await team.getByLabel('Gültig ab').fill('2026-12-01');
    await team.getByLabel('Plätze', { exact: true }).fill('1');
    await team.getByRole('button', { name: 'Plätze anlegen' }).click();
    expect(await team.locator('main').textContent()).toContain('1 Plätze, 0 belegt, 1 frei');
    await expectAccessible(team);

    // Integrationsfachkraft: the person's Maßnahmen
    const page = await bed.signedIn('integration@musterland.example', DESKTOP);
    page.setDefaultTimeout(8000);
    await page.goto(`${bed.base}/integration/personen/${aylin}/massnahmen`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Maßnahmen – Aylin Massnahme');
    await expectAccessible(page);
    await page.getByLabel('Maßnahme', { exact: true }).selectOption({ label: 'Bewerbungswerkstatt Musterstadt (Bildungswerk Muster gGmbH) – 1 von 1 Plätzen frei' });
    await page.getByLabel('Geplanter Beginn').fill('2027-01-04');
    await page.getByRole('button', { name: 'Vorschlagen' }).click();
    expect(await page.locator('main').textContent()).toContain('Die Maßnahme ist vorgeschlagen');

    await page.locator('summary', { hasText: 'Zuweisen' }).click();
    await page.getByLabel('Mit Rechtsfolgenbelehrung').check();
    await page.getByRole('button', { name: 'Zuweisen', exact: true }).click();
    expect(await page.locator('main').textContent()).toContain('Zugewiesen auf Platz 1');
    const pdfLink = page.getByRole('link', { name: 'Zuweisungsschreiben (PDF)' });
    const pdf = await page.request.get(`${bed.base}${await pdfLink.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);

    await page.locator('summary', { hasText: 'Eintritt erfassen' }).click();
    await page.getByLabel('Eintritt am').fill('2027-01-04');
    await page.getByRole('button', { name: 'Eintritt speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('Der Eintritt ist erfasst');

    // Austritt before the Eintritt: the message stands at the field
    await page.locator('summary', { hasText: 'Austritt erfassen' }).click();
    await page.getByLabel('Austritt am').fill('2027-01-03');
    await page.getByLabel('Grund').selectOption({ label: 'Arbeitsaufnahme' });
    await page.getByRole('button', { name: 'Austritt speichern' }).click();
    expect(await page.locator('main').textContent()).toContain('Der Austritt kann nicht vor dem Eintritt am 04.01.2027 liegen.');
    await expectAccessible(page);
    await page.getByLabel('Austritt am').fill('2027-02-12');
    await Promise.all([page.waitForURL(/\/integrationen\?teilnahmeId=/), page.getByRole('button', { name: 'Austritt speichern' }).click()]);
    expect(page.url()).toContain(`/integration/personen/${aylin}/integrationen?teilnahmeId=`);
    expect(page.url()).toContain('beginn=2027-02-12');

    // the provider's list shows the participant
    await team.reload();
    expect(await team.locator('main').textContent()).toContain('Aylin Massnahme');
    await team.goto(`${bed.base}/integration/genehmigungen`);
    expect(await team.getByRole('heading', { level: 1 }).textContent()).toBe('Genehmigungen');
    await expectAccessible(team);
  }, 90_000);
});
