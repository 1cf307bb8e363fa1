import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plusMonate, plusTage } from '../../src/db/seed/faelle-demo.ts';
import { clockStartingAt, heute } from '../../src/server/clock.ts';
import { signIn, type CookieJar } from '../helpers/app.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed, type Testbed } from '../helpers/testbed.ts';

/**
 * Issue 13, "Done when": the whole Fördern journey in Chromium, axe clean on every page visited.
 * 1. The Integrationsfachkraft opens her caseload, the client's Integrationsakte, records the Arbeitsmarktstatus
 *    "arbeitslos", fills the Potenzialanalyse, drafts and agrees a Kooperationsplan.
 * 2. The citizen opens "Mein Kooperationsplan" on a 390 px phone, sees the plan and confirms it (no sideways scroll).
 * 3. A Zuweisung to a Maßnahme binds budget (the budget overview shows it as gebunden), the Eintritt changes the
 *    Arbeitsmarktstatus by itself, the Austritt with reason Arbeitsaufnahme leads to the prefilled "Integration
 *    erfassen" form, which proposes the expected income to the Leistung side.
 * 4. The Leistung caseworker opens the proposal from the Arbeitsvorrat/Fallakte and applies it; the Fallakte shows
 *    the income.
 * 5. The 6-month follow-up is a Wiedervorlage due six months after the job start.
 *
 * Set-up through the API (the real use cases): the Fall (Leistung), Betreuung by Ivo Integration, the Maßnahme with
 * places at Jobcenter Musterstadt and the Eingliederungsbudget (Teamleitung). The portal links an account to a case
 * through the Antrag it sent (`antraege.eingereicht_von`); applying online is the Bürgerreise's journey, so here the
 * Antrag is marked as sent by the demo citizen (as the Kooperationsplan integration test does), who has opted in to
 * the Postfach. Every date follows the injected test clock (tests/helpers/clock.ts); for the follow-up the clock is
 * moved on six months.
 */

const ZIEL = 'Aufnahme einer sozialversicherungspflichtigen Beschäftigung in Lager und Logistik';
const MASSNAHME = 'Bewerbungstraining Reise';
const ARBEITGEBER = 'Spedition Reiseweg GmbH';

/** DD.MM.YYYY of an ISO date */
const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function pruefe(page: Page, wo: string) {
  expect(page.url(), `${wo}: keine Fehlerseite`).not.toMatch(/\/anmelden/);
  await expectAccessible(page);
}

/** Presses a button (or link) and waits for the next page load. */
async function senden(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForEvent('load'), locator.click()]);
}

type Vorbereitung = { bgId: string; personId: string };

async function vorbereiten(bed: Testbed, tag: string): Promise<Vorbereitung> {
  const t = bed.t;
  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(query))).rows;
  const api = async (jar: CookieJar, method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const res = await t.app.inject({ method, url, headers: { cookie: jar.header(), 'content-type': 'application/json' }, payload: payload as object });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const [kommune] = await q<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`);
  const [standort] = await q<{ id: string }>(sql`select id from standorte where name = 'Jobcenter Musterstadt'`);
  const [ivo] = await q<{ id: string }>(sql`select id from users where email = 'integration@musterland.example'`);

  // the Fall of Max Mustermann (the demo citizen's name), one eLb in Musterstadt
  const leistung = await signIn(t.app, 'leistung@musterland.example');
  const fall = await api(leistung, 'POST', '/api/faelle', {
    antragsdatum: plusTage(tag, -60),
    eingangskanal: 'papier',
    personen: [{ ref: 'max', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1992-03-14', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', email: 'buerger@musterland.example' }],
    adresse: { strasse: 'Lindenweg', hausnummer: '4a', plz: '12345', ort: 'Musterstadt', kommuneId: kommune!.id },
    bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
    unterkunft: { grundmieteCent: 39_000, nebenkostenCent: 8_500, heizkostenCent: 6_000 },
  });
  const bgId = fall.bg.id as string;
  const personId = fall.personIds.max as string;
  await t.ctx.db.withSystem(async (tx) => {
    await tx.execute(sql`update antraege set eingereicht_von = (select id from users where email = 'buerger@musterland.example') where bg_id = ${bgId}`);
    await tx.execute(sql`insert into zustellungswuensche (traeger_id, buerger_id, online) select traeger_id, id, true from users where email = 'buerger@musterland.example'
      on conflict (traeger_id, buerger_id) do update set online = true`);
  });

  // Teamleitung: Betreuung by Ivo Integration, the Maßnahme with places, the budget of this and next year
  const tl = await signIn(t.app, 'teamleitung@musterland.example');
  await api(tl, 'POST', `/api/integration/personen/${personId}/betreuung`, { fachkraftId: ivo!.id, ab: plusTage(tag, -30), grund: 'Neuzugang' });
  const jahr = Number(tag.slice(0, 4));
  for (const j of [jahr, jahr + 1]) await api(tl, 'PUT', '/api/integration/budget/soll', { haushaltsjahr: j, titel: 'egt_bund', sollCent: 100_000_000, bemerkung: 'Reise (Test)' });
  const m = await api(tl, 'POST', '/api/integration/massnahmen', {
    bezeichnung: MASSNAHME,
    instrument: 'sgb3_45_mat',
    anbieter: 'Digitalakademie Seeheim GmbH',
    beschreibung: 'Sechs Wochen Online-Bewerbung, Lebenslauf, Vorstellungsgespräch per Video.',
    regeldauerTage: 42,
    kostenJePlatzCent: 89_000,
    kostenart: 'pauschal',
    titel: 'egt_bund',
  });
  await api(tl, 'POST', `/api/integration/massnahmen/${m.id}/kontingente`, { standortId: standort!.id, gueltigVon: plusTage(tag, -30), gueltigBis: plusMonate(tag, 12), plaetze: 10 });
  return { bgId, personId };
}

describe.skipIf(!browserAvailable)('Fördern: die ganze Reise in Chromium', () => {
  const bed = useBrowserTestbed();

  it('Status, Potenzialanalyse, Kooperationsplan, Bestätigung im Portal, Maßnahme mit Budget, Arbeitsaufnahme, Einkommen, Nachfrage', async () => {
    const base = bed.base;
    const tag = heute(bed.t.ctx.clock.now());
    const { bgId, personId } = await vorbereiten(bed, tag);
    const akteUrl = `${base}/integration/personen/${personId}`;

    // ---------------------------------------------------------------------------------------- 1. Integrationsfachkraft
    const ifk = await bed.signedIn('integration@musterland.example', DESKTOP);
    ifk.setDefaultTimeout(15_000);
    expect(new URL(ifk.url()).pathname).toBe('/arbeitsplatz');
    await pruefe(ifk, 'Arbeitsplatz Integration');
    await senden(ifk, ifk.getByRole('link', { name: 'Meine Klientinnen und Klienten' }));
    expect(new URL(ifk.url()).pathname).toBe('/integration');
    await pruefe(ifk, 'Caseload');
    const zeile = ifk.getByRole('row').filter({ hasText: 'Mustermann' });
    await expect.poll(() => zeile.count()).toBe(1);
    await senden(ifk, zeile.getByRole('link').first());
    expect(ifk.url()).toBe(akteUrl);
    await pruefe(ifk, 'Integrationsakte');

    // Arbeitsmarktstatus: arbeitslos since three months
    const arbeitslosAb = plusMonate(tag, -3);
    const statusForm = ifk.getByRole('form', { name: 'Arbeitsmarktstatus erfassen' });
    await statusForm.getByLabel('Status', { exact: true }).selectOption('arbeitslos');
    await statusForm.getByLabel('ab', { exact: true }).fill(arbeitslosAb);
    await senden(ifk, statusForm.getByRole('button', { name: 'Status speichern' }));
    await pruefe(ifk, 'Status erfasst');
    const status = ifk.locator('section[aria-labelledby=status]');
    expect(await status.innerText()).toContain(`Am ${de(tag)}: arbeitslos. Arbeitslos seit ${de(arbeitslosAb)}.`);

    // Potenzialanalyse, from the Integrationsakte's overview
    await senden(ifk, ifk.getByRole('navigation', { name: 'Teile der Integrationsakte' }).getByRole('link', { name: 'Potenzialanalyse' }));
    await pruefe(ifk, 'Potenzialanalyse');
    await ifk.getByLabel('Stärken (eine je Zeile)').fill('zuverlässig\nteamfähig');
    await ifk.getByLabel('Berufswünsche (einer je Zeile)').fill('Lager und Logistik');
    await ifk.getByLabel('Schulabschluss', { exact: true }).selectOption({ label: 'Hauptschulabschluss (Erster Schulabschluss)' });
    await ifk.getByLabel('Tätigkeit 1', { exact: true }).fill('Kommissionierer');
    await ifk.getByLabel('Tätigkeit 1: von (Jahr)').fill('2015');
    await ifk.getByLabel('Tätigkeit 1: bis (Jahr)').fill('2022');
    await ifk.getByLabel('Deutschkenntnisse', { exact: true }).selectOption('muttersprache');
    await ifk.getByLabel('Gewünschte Wochenstunden').fill('39');
    await senden(ifk, ifk.getByRole('button', { name: 'Potenzialanalyse speichern' }));
    await ifk.waitForSelector('text=Aktuelle Fassung 1');
    expect(await ifk.locator('main').innerText()).toContain('Kommissionierer (2015–2022)');
    await pruefe(ifk, 'Potenzialanalyse gespeichert');

    // Kooperationsplan: draft, then agree (review at the latest in six months)
    await ifk.goto(akteUrl);
    await pruefe(ifk, 'Integrationsakte mit Potenzialanalyse');
    expect(await ifk.getByRole('navigation', { name: 'Teile der Integrationsakte' }).innerText()).toMatch(/Potenzialanalyse: Fassung 1 vom/);
    await senden(ifk, ifk.getByRole('navigation', { name: 'Teile der Integrationsakte' }).getByRole('link', { name: 'Kooperationsplan' }));
    await pruefe(ifk, 'Kooperationsplan');
    const entwurf = ifk.getByRole('form', { name: 'Neuen Kooperationsplan entwerfen' });
    await entwurf.getByLabel('Eingliederungsziel').fill(ZIEL);
    await entwurf.getByLabel('Schritt 1: was').fill('Fünf Bewerbungen je Monat in der Logistik schreiben');
    await entwurf.getByLabel('Schritt 1: wer').selectOption('person');
    await entwurf.getByLabel('Schritt 1: bis').fill(plusTage(tag, 30));
    await entwurf.getByLabel('Schritt 2: was').fill('Bewerbungstraining anbieten');
    await entwurf.getByLabel('Schritt 2: wer').selectOption('jobcenter');
    await entwurf.getByLabel('Schritt 2: bis').fill(plusTage(tag, 14));
    await entwurf.getByLabel('Eigenbemühungen je Monat (Anzahl)').fill('5');
    await entwurf.getByLabel('Form des Nachweises').fill('Liste der Bewerbungen, monatlich im Bürgerportal');
    await entwurf.getByLabel('Tätigkeitsbereiche (eine je Zeile)').fill('Lager und Logistik');
    await senden(ifk, entwurf.getByRole('button', { name: 'Entwurf anlegen' }));
    await pruefe(ifk, 'Kooperationsplan Entwurf');
    await senden(ifk, ifk.getByRole('form', { name: 'Plan vereinbaren und aushändigen' }).getByRole('button', { name: 'Plan vereinbaren und aushändigen' }));
    await pruefe(ifk, 'Kooperationsplan vereinbart');
    const geltend = await ifk.locator('section[aria-labelledby=geltend]').innerText();
    expect(geltend).toContain(`Fassung 1: Vereinbart am ${de(tag)}`);
    expect(geltend).toContain(ZIEL);

    // ---------------------------------------------------------------------------------------- 2. the citizen, on a phone
    const buerger = await bed.signedIn('buerger@musterland.example', PHONE);
    buerger.setDefaultTimeout(15_000);
    expect(new URL(buerger.url()).pathname).toBe('/portal');
    await pruefe(buerger, 'Portal');
    await expectNoHorizontalScroll(buerger);
    await senden(buerger, buerger.locator(`main a[href="/portal/kooperationsplan"]`).first());
    await pruefe(buerger, 'Mein Kooperationsplan');
    await expectNoHorizontalScroll(buerger);
    expect(await buerger.getByRole('heading', { level: 1 }).innerText()).toBe('Mein Kooperationsplan');
    const portalText = await buerger.locator('main').innerText();
    expect(portalText).toContain(ZIEL);
    expect(portalText).toContain('Fünf Bewerbungen je Monat in der Logistik schreiben');
    await senden(buerger, buerger.getByRole('button', { name: 'Ich bestätige den Plan' }));
    await pruefe(buerger, 'Plan bestätigt');
    await expectNoHorizontalScroll(buerger);
    expect(await buerger.locator('main').innerText()).toContain(`Sie haben den Plan am ${de(tag)} bestätigt.`);

    // the Integrationsfachkraft sees the confirmation
    await ifk.goto(`${akteUrl}/kooperationsplan`);
    await pruefe(ifk, 'Kooperationsplan bestätigt');
    expect(await ifk.locator('section[aria-labelledby=geltend]').innerText()).toContain('im Bürgerportal bestätigt am');

    // ---------------------------------------------------------------------------------------- 3. Maßnahme, Budget, Integration
    const eintritt = tag;
    const austritt = plusTage(tag, 14);
    const massnahmenUrl = `${akteUrl}/massnahmen`;
    await ifk.goto(akteUrl);
    await senden(ifk, ifk.getByRole('navigation', { name: 'Teile der Integrationsakte' }).getByRole('link', { name: 'Maßnahmen' }));
    expect(ifk.url()).toBe(massnahmenUrl);
    await pruefe(ifk, 'Maßnahmen der Person');
    const vorschlagen = ifk.getByRole('form', { name: 'Maßnahme vorschlagen' });
    await vorschlagen.getByLabel('Maßnahme').selectOption({ label: `${MASSNAHME} (Digitalakademie Seeheim GmbH) – 10 von 10 Plätzen frei` });
    await vorschlagen.getByLabel('Geplanter Beginn').fill(eintritt);
    await senden(ifk, vorschlagen.getByRole('button', { name: 'Vorschlagen' }));
    await pruefe(ifk, 'Maßnahme vorgeschlagen');
    expect(await ifk.locator('main').innerText()).toContain(`${MASSNAHME} – `);

    // Zuweisung: a place, the letter, and the Mittelbindung
    await ifk.locator('summary', { hasText: /^Zuweisen$/ }).click();
    await senden(ifk, ifk.getByRole('form', { name: `Zuweisen: ${MASSNAHME}` }).getByRole('button', { name: 'Zuweisen' }));
    await pruefe(ifk, 'zugewiesen');
    expect(await ifk.getByRole('link', { name: 'Zuweisungsschreiben (PDF)' }).count()).toBe(1);

    // the budget overview shows the Maßnahme's cost as gebunden (pauschal: all of it in the year of the start)
    await ifk.goto(`${base}/integration/budget`);
    await pruefe(ifk, 'Eingliederungsbudget');
    const titelZeile = ifk.getByRole('table', { name: `Soll, gebunden, ausgezahlt und frei je Titel ${eintritt.slice(0, 4)}` }).getByRole('row', { name: /Eingliederungsleistungen des Bundes/ });
    const zellen = await titelZeile.getByRole('cell').allInnerTexts();
    expect(zellen.join(' | '), 'Soll | gebunden | ausgezahlt | frei').toMatch(/1\.000\.000,00.*\| 890,00 € \| 0,00 € \| 999\.110,00/);

    // Eintritt: the Arbeitsmarktstatus follows by itself
    await ifk.goto(massnahmenUrl);
    await ifk.locator('summary', { hasText: /^Eintritt erfassen$/ }).click();
    const eintrittForm = ifk.getByRole('form', { name: `Eintritt erfassen: ${MASSNAHME}` });
    await eintrittForm.getByLabel('Eintritt am').fill(eintritt);
    await senden(ifk, eintrittForm.getByRole('button', { name: 'Eintritt speichern' }));
    await pruefe(ifk, 'eingetreten');
    // the page says what changed by itself
    expect(await ifk.locator('main').innerText()).toMatch(new RegExp(`Der Eintritt ist erfasst\\. .*Eintritt in die Maßnahme „${MASSNAHME}“`));
    await ifk.goto(akteUrl);
    await pruefe(ifk, 'Integrationsakte nach dem Eintritt');
    expect(await status.innerText()).toContain(`Am ${de(tag)}: arbeitsuchend, nicht arbeitslos (Teilnahme an einer Maßnahme).`);
    const verlauf = ifk.getByRole('table', { name: 'Verlauf des Arbeitsmarktstatus' });
    expect(await verlauf.getByRole('row').filter({ hasText: 'automatisch: Eintritt in Maßnahme' }).innerText()).toContain(de(eintritt));
    // the Arbeitslosigkeit recorded above ends the day before the Eintritt
    expect(await verlauf.getByRole('row').filter({ hasText: de(arbeitslosAb) }).innerText()).toMatch(new RegExp(`^${de(arbeitslosAb)} – ${de(plusTage(eintritt, -1))}\\s+arbeitslos\\s`));

    // Austritt with reason Arbeitsaufnahme → "Integration erfassen", prefilled with the Teilnahme and the start
    await ifk.goto(massnahmenUrl);
    await ifk.locator('summary', { hasText: /^Austritt erfassen$/ }).click();
    const austrittForm = ifk.getByRole('form', { name: `Austritt erfassen: ${MASSNAHME}` });
    await austrittForm.getByLabel('Austritt am').fill(austritt);
    await austrittForm.getByLabel('Grund').selectOption('arbeitsaufnahme');
    await senden(ifk, austrittForm.getByRole('button', { name: 'Austritt speichern' }));
    expect(ifk.url()).toContain(`/integration/personen/${personId}/integrationen?`);
    expect(await ifk.locator('main').innerText()).toContain('Bitte erfassen Sie jetzt die Beschäftigungsaufnahme.');
    await pruefe(ifk, 'Integration erfassen (vorbelegt)');
    const erfassen = ifk.getByRole('form', { name: 'Beschäftigungsaufnahme erfassen' });
    expect(await erfassen.getByLabel('Beginn').inputValue()).toBe(austritt);
    await erfassen.getByLabel('Art der Beschäftigung').selectOption({ label: 'sozialversicherungspflichtig, Vollzeit' });
    await erfassen.getByLabel('Arbeitgeber (bei Selbständigkeit: Tätigkeit)').fill(ARBEITGEBER);
    await erfassen.getByLabel('Wochenstunden').fill('39');
    await erfassen.getByLabel('Erwartetes Brutto im Monat (Euro) – optional').fill('2.600,00');
    await erfassen.getByLabel('Erwartetes Netto im Monat (Euro) – optional').fill('1.850,00');
    await senden(ifk, erfassen.getByRole('button', { name: 'Beschäftigungsaufnahme speichern' }));
    await pruefe(ifk, 'Integration erfasst');
    const nachfrageAm = plusMonate(austritt, 6);
    const erfasst = await ifk.locator('main').innerText();
    expect(erfasst).toContain('Die Beschäftigungsaufnahme ist erfasst (zählt als Integration)');
    expect(erfasst).toContain('Die Leistungssachbearbeitung erhält das erwartete Einkommen als Veränderungsmitteilung');
    expect(erfasst).toContain(`${ARBEITGEBER} – sozialversicherungspflichtig, Vollzeit`);
    expect(erfasst).toContain(`vorgemerkt für ${de(nachfrageAm)}`);

    // ---------------------------------------------------------------------------------------- 4. Leistung applies the income
    const leistung = await bed.signedIn('leistung@musterland.example', DESKTOP);
    leistung.setDefaultTimeout(15_000);
    await pruefe(leistung, 'Arbeitsplatz Leistung');
    await senden(leistung, leistung.locator('main').getByRole('link', { name: 'Arbeitsvorrat', exact: true }));
    await pruefe(leistung, 'Arbeitsvorrat');
    const vorschlag = leistung.getByRole('row').filter({ hasText: 'Mustermann' }).filter({ hasText: 'Veränderungsmitteilung' });
    await expect.poll(() => vorschlag.count()).toBe(1);
    await senden(leistung, vorschlag.getByRole('link', { name: /Mustermann/ }));
    expect(leistung.url()).toBe(`${base}/faelle/${bgId}`);
    await pruefe(leistung, 'Fallakte mit Vorschlag');
    await senden(leistung, leistung.getByRole('link', { name: /Vorschlag der Integration prüfen und übernehmen/ }));
    expect(await leistung.getByRole('heading', { level: 1 }).innerText()).toBe('Veränderungsmitteilung prüfen und übernehmen');
    await pruefe(leistung, 'Mitteilung');
    const ab = `${austritt.slice(0, 7)}-01`;
    expect(await leistung.getByRole('textbox', { name: 'Gültig ab' }).inputValue()).toBe(ab);
    await Promise.all([leistung.waitForURL(new RegExp(`/faelle/${bgId}$`)), leistung.getByRole('button', { name: 'Geprüfte Änderungen in die Fallakte übernehmen' }).click()]);
    await pruefe(leistung, 'Fallakte nach der Übernahme');
    expect(await leistung.locator('main').innerText()).toContain('Die Veränderungsmitteilung wurde übernommen');
    await leistung.goto(`${base}/faelle/${bgId}?stichtag=${austritt}`);
    await pruefe(leistung, 'Fallakte am Beginn der Beschäftigung');
    const einkommen = await leistung.getByRole('table', { name: `Einkommen am ${de(austritt)} (monatlich)` }).innerText();
    expect(einkommen).toContain(ARBEITGEBER);
    expect(einkommen).toContain('2.600,00');

    // ---------------------------------------------------------------------------------------- 5. the 6-month follow-up
    // in the Fallakte's Wiedervorlagen: due six months after the start, for the Integrationsfachkraft, with the way there
    const nachfrage = leistung.locator('#wiedervorlagen').locator('xpath=..').getByRole('listitem').filter({ hasText: de(nachfrageAm) });
    expect(await nachfrage.innerText()).toContain('Ivo Integration');
    expect(await nachfrage.getByRole('link', { name: 'Nachfrage zur Beschäftigung erfassen' }).getAttribute('href')).toContain(`/integration/personen/${personId}/integrationen`);

    // the job start ended the Maßnahme's status period: erwerbstätig from the start, shown as automatic
    await ifk.goto(akteUrl);
    await pruefe(ifk, 'Integrationsakte nach der Arbeitsaufnahme');
    const ab15 = await verlauf.getByRole('row').filter({ hasText: 'automatisch: Beschäftigungsaufnahme' }).innerText();
    expect(ab15).toContain(`ab ${de(austritt)}`);
    expect(ab15).toContain('Erwerbstätigkeit ab 15 Stunden');
    expect(await verlauf.getByRole('row').filter({ hasText: 'automatisch: Eintritt in Maßnahme' }).innerText()).toContain(`${de(eintritt)} – ${de(plusTage(austritt, -1))}`);

    // before: two open Wiedervorlagen (the Kooperationsplan's review and the follow-up), none overdue
    await ifk.goto(`${base}/integration`);
    await pruefe(ifk, 'Caseload');
    expect(await ifk.getByRole('row').filter({ hasText: 'Mustermann' }).innerText()).toContain('2 offen (nächste');

    // the day after it is due (the injected clock moves on six months) both are overdue in the caseload
    bed.t.ctx.clock = clockStartingAt(`${plusTage(nachfrageAm, 1)}T09:30:00+01:00`);
    await ifk.goto(`${base}/integration`);
    await pruefe(ifk, 'Caseload nach sechs Monaten');
    const klient = ifk.getByRole('row').filter({ hasText: 'Mustermann' });
    expect(await klient.innerText()).toContain('2 offen, 2 überfällig');
    await senden(ifk, klient.getByRole('link', { name: 'Mustermann, Max' }));
    await pruefe(ifk, 'Integrationsakte nach sechs Monaten');
    await senden(ifk, ifk.getByRole('navigation', { name: 'Teile der Integrationsakte' }).getByRole('link', { name: 'Integrationen' }));
    await pruefe(ifk, 'Nachfrage fällig');
    expect(await ifk.locator('main').innerText()).toContain(`fällig seit ${de(nachfrageAm)}`);
    // the follow-up records whether the person is still employed (K2E3) and closes the Wiedervorlage
    const nachfrageForm = ifk.getByRole('form', { name: `Nachfrage zur Beschäftigung bei ${ARBEITGEBER}` });
    await nachfrageForm.getByLabel('Ergebnis').selectOption({ label: 'noch beschäftigt' });
    await senden(ifk, nachfrageForm.getByRole('button', { name: 'Nachfrage speichern' }));
    await pruefe(ifk, 'Nachfrage erfasst');
    expect(await ifk.locator('main').innerText()).toContain('Die Nachfrage ist erfasst: noch beschäftigt. Die Wiedervorlage ist erledigt.');
    await ifk.goto(`${base}/integration`);
    await pruefe(ifk, 'Caseload nach der Nachfrage');
    expect(await ifk.getByRole('row').filter({ hasText: 'Mustermann' }).innerText()).toContain('1 offen, 1 überfällig');
  }, 240_000);
});
