import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { euroText } from '../../src/domain/berechnung/geld.ts';
import { clockStartingAt } from '../../src/server/clock.ts';
import { signIn, type CookieJar } from '../helpers/app.ts';
import { pdfText } from '../helpers/api.ts';
import { browserAvailable, expectAccessible, expectNoHorizontalScroll } from '../helpers/browser.ts';
import { DESKTOP, PHONE, useBrowserTestbed, type Testbed } from '../helpers/testbed.ts';

/**
 * Issue 14, "Done when": from a missed Meldetermin to the reduced payment in the SEPA file, in Chromium, axe clean on
 * every page visited and without sideways scrolling at 390 px.
 * 1. Ivo Integration records on the Termine page that Max Mustermann did not come to his Meldetermin (ohne wichtigen
 *    Grund) and how the invitation reached him (Zugang), and opens the Minderungsverfahren from there.
 * 2. He sends the Anhörung (written, and in person: a repeated Meldeversäumnis); Max reads it in the portal on his
 *    phone and answers there.
 * 3. Ivo decides: no wichtiger Grund, no außergewöhnliche Härte → the Minderungsbescheid (PDF) is issued. It is the
 *    second Meldeversäumnis in a row under the law from 1.7.2026: 30 % of the Regelbedarf for one month.
 * 4. Lena Leistung runs the Zahllauf: the SEPA file (pain.001) pays the month of the Minderung reduced by exactly
 *    the Minderung, the other months in full.
 *
 * Set-up through the API (the real use cases): the Fall with an approved Bewilligung, the Träger's account, and the
 * first missed appointment (Einladung, outcome, Zugang) a month earlier. The injected clock is fixed to the days of
 * the story (autumn 2026) and moved on between the steps; nothing depends on the real date.
 */

const ZEIT = (tag: string, uhr = '09:30') => `${tag}T${uhr}:00+02:00`;
const ANTRAG = '2026-08-03';
const ERSTER_TERMIN = '2026-09-10';
const ZWEITER_TERMIN = '2026-10-13';
const ANTWORT_TAG = '2026-10-16';
const PERSOENLICH = '2026-10-19';
const ENTSCHEIDUNG = '2026-10-20';
const ZAHLTAG = '2026-10-26';
const MINDERUNGSMONAT = '2026-11';

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

type Vorbereitung = { bgId: string; personId: string; einladungId: string; anliegenId: string; standortId: string; buergerId: string };

async function vorbereiten(bed: Testbed): Promise<Vorbereitung> {
  const t = bed.t;
  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(query))).rows;
  const api = async (jar: CookieJar, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: { cookie: jar.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: payload as object } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const uhr = (tag: string, zeit = '09:30') => {
    t.ctx.clock = clockStartingAt(ZEIT(tag, zeit));
  };
  uhr(plusTage(ANTRAG, 17));
  const [kommune] = await q<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`);
  const [standort] = await q<{ id: string }>(sql`select id from standorte where name = 'Jobcenter Musterstadt'`);
  const [anliegen] = await q<{ id: string }>(sql`select id from termin_anliegen where schluessel = 'beratung_integration'`);
  const [buerger] = await q<{ id: string }>(sql`select id from users where email = 'buerger@musterland.example'`);

  // the Träger's account for the SEPA file; no second approval for an Erstbewilligung
  const admin = await signIn(t.app, 'admin@musterland.example');
  const regeln = { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: null, ablehnung: false, aufhebung: false, erstbewilligung: false };
  await api(admin, 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });

  // the Fall of Max Mustermann (the demo citizen's name), one eLb in Musterstadt, Bewilligung approved
  const leistung = await signIn(t.app, 'leistung@musterland.example');
  const fall = await api(leistung, 'POST', '/api/faelle', {
    antragsdatum: ANTRAG,
    eingangskanal: 'papier',
    personen: [{ ref: 'max', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1992-03-14', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', email: 'buerger@musterland.example' }],
    adresse: { strasse: 'Lindenweg', hausnummer: '4a', plz: '12345', ort: 'Musterstadt', kommuneId: kommune!.id },
    bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
    unterkunft: { grundmieteCent: 39_000, nebenkostenCent: 8_500, heizkostenCent: 6_000 },
  });
  const bgId = fall.bg.id as string;
  const personId = fall.personIds.max as string;
  const b = (await api(leistung, 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).bewilligung;
  const fr = await api(leistung, 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
  expect(fr.bewilligung.status).toBe('bewilligt');
  // the portal links an account to a case through the Antrag it sent (applying online is the Bürgerreise's journey)
  await t.ctx.db.withSystem((tx) => tx.execute(sql`update antraege set eingereicht_von = ${buerger!.id} where bg_id = ${bgId}`));

  // the first missed Meldetermin (no procedure: under the law from 1.7.2026 the first one has no consequence)
  const ivo = await signIn(t.app, 'integration@musterland.example');
  const einladen = async (tag: string, thema: string) => {
    await api(ivo, 'POST', '/api/termine/personal/einladungen', {
      anliegenId: anliegen!.id,
      kanal: 'vor_ort',
      beginn: ZEIT(tag, '10:00'),
      standortId: standort!.id,
      buergerUserId: buerger!.id,
      name: 'Max Mustermann',
      personId,
      bgId,
      zweck: 'vermittlung',
      thema,
    });
    const [e] = await q<{ id: string }>(sql`select e.id from einladungen e join termine t on t.id = e.termin_id where e.person_id = ${personId} and t.beginn = ${ZEIT(tag, '10:00')}::timestamptz`);
    return e!.id;
  };
  uhr(plusTage(ERSTER_TERMIN, -14));
  const erste = await einladen(ERSTER_TERMIN, 'Stellenangebote in der Lagerlogistik');
  uhr(ERSTER_TERMIN, '11:00');
  const e1 = (await api(ivo, 'GET', `/api/termine/personal/einladungen/${erste}`)).einladung;
  await api(ivo, 'POST', `/api/termine/personal/einladungen/${erste}/ergebnis`, { ergebnis: 'nicht_erschienen_ohne_wichtigen_grund', begruendung: 'Nicht erschienen, nicht abgesagt.', version: e1.version });
  // the second invitation, for the appointment the journey starts with
  uhr(plusTage(ZWEITER_TERMIN, -12));
  const einladungId = await einladen(ZWEITER_TERMIN, 'Vermittlungsvorschläge Lager');
  return { bgId, personId, einladungId, anliegenId: anliegen!.id, standortId: standort!.id, buergerId: buerger!.id };
}

function plusTage(t: string, n: number): string {
  const d = new Date(`${t}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable)('Fordern: vom versäumten Meldetermin bis zur geminderten Zahlung in Chromium', () => {
  const bed = useBrowserTestbed();

  it('nicht erschienen, Zugang, Verfahren, Anhörung, Antwort im Portal, Entscheidung mit Bescheid, Zahllauf mit geminderter SEPA-Zahlung', async () => {
    const base = bed.base;
    const t = bed.t;
    const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(query))).rows;
    const uhr = (tag: string, zeit = '09:30') => {
      t.ctx.clock = clockStartingAt(ZEIT(tag, zeit));
    };
    const v = await vorbereiten(bed);
    /** every staff page of the journey also at 390 px: no sideways scrolling, axe clean */
    const telefon = new Map<string, Page>();
    const amTelefon = async (email: string, url: string, wo: string) => {
      let p = telefon.get(email);
      if (!p) {
        p = await bed.signedIn(email, PHONE);
        telefon.set(email, p);
      }
      await p.goto(url);
      await pruefe(p, `${wo} (390 px)`);
      await expectNoHorizontalScroll(p);
    };

    // ---------------------------------------------------------------------------------------- 1. Termine: nicht erschienen
    uhr(ZWEITER_TERMIN, '11:15');
    const ifk = await bed.signedIn('integration@musterland.example', DESKTOP);
    ifk.setDefaultTimeout(15_000);
    const einladungUrl = `${base}/termine/einladungen/${v.einladungId}`;
    // the day's appointments in the Termine calendar → the invitation with its outcome
    await ifk.goto(`${base}/termine/kalender`);
    await pruefe(ifk, 'Terminkalender');
    await amTelefon('integration@musterland.example', `${base}/termine/kalender`, 'Terminkalender');
    const terminZeile = ifk.getByRole('row').filter({ hasText: 'Mustermann' });
    await expect.poll(() => terminZeile.count()).toBe(1);
    await senden(ifk, terminZeile.getByRole('link', { name: 'Einladung und Ergebnis' }));
    expect(ifk.url()).toBe(einladungUrl);
    await pruefe(ifk, 'Einladung');
    expect(await ifk.getByRole('heading', { level: 1 }).innerText()).toContain('Einladung zum Termin am');
    expect(await ifk.locator('main').innerText()).toContain('§ 32 SGB II');
    await ifk.getByLabel('Ergebnis', { exact: true }).selectOption('nicht_erschienen_ohne_wichtigen_grund');
    await ifk.getByLabel('Begründung (bei „nicht erschienen“)').fill('Nicht erschienen, keine Nachricht, telefonisch nicht erreichbar.');
    await senden(ifk, ifk.getByRole('button', { name: 'Ergebnis speichern' }));
    await pruefe(ifk, 'Ergebnis gespeichert');
    expect(await ifk.locator('main').innerText()).toContain('Nicht erschienen – kein wichtiger Grund dargelegt oder nachgewiesen');

    // the Zugang of the invitation (per Post, three days after it was sent)
    const zugangAm = plusTage(ZWEITER_TERMIN, -8);
    await ifk.locator('summary', { hasText: 'Zugang erfassen' }).click();
    const zugang = ifk.getByRole('form', { name: 'Zugang der Einladung erfassen' });
    await zugang.getByLabel('Wie hat die Einladung die Person erreicht?').selectOption('post');
    await zugang.getByLabel('Zugegangen am').fill(zugangAm);
    await zugang.getByLabel('Nachweis').fill('Versand per Post mit Absendevermerk, kein Rücklauf');
    await senden(ifk, zugang.getByRole('button', { name: 'Zugang speichern' }));
    await pruefe(ifk, 'Zugang gespeichert');
    expect(await ifk.locator('main').innerText()).toContain(`per Post am ${de(zugangAm)}`);
    await amTelefon('integration@musterland.example', einladungUrl, 'Einladung');

    // ---------------------------------------------------------------------------------------- 2. the procedure
    await senden(ifk, ifk.getByRole('link', { name: 'Minderungsverfahren eröffnen' }));
    expect(new URL(ifk.url()).pathname).toBe('/fordern/neu');
    await pruefe(ifk, 'Minderungsverfahren eröffnen');
    await amTelefon('integration@musterland.example', ifk.url(), 'Minderungsverfahren eröffnen');
    await senden(ifk, ifk.getByRole('button', { name: 'Verfahren eröffnen' }));
    expect(new URL(ifk.url()).pathname, await ifk.locator('main').innerText()).toMatch(/^\/fordern\/verfahren\/[0-9a-f-]{36}$/);
    const verfahrenUrl = `${base}${new URL(ifk.url()).pathname}`;
    const verfahrenId = verfahrenUrl.split('/').pop()!;
    await pruefe(ifk, 'Minderungsverfahren');
    expect(await ifk.locator('main').innerText()).toContain(de(ZWEITER_TERMIN));
    await amTelefon('integration@musterland.example', verfahrenUrl, 'Minderungsverfahren');

    // the Anhörung: written (he can answer in the portal) and – a repeated Meldeversäumnis, § 31a Abs. 2 S. 2 – in person
    const anhoerung = ifk.getByRole('form', { name: 'Anhörung versenden' });
    expect(await anhoerung.innerText()).toContain('Persönliche Anhörung erforderlich');
    await anhoerung.getByLabel('Art der Anhörung').selectOption('schriftlich');
    await anhoerung.getByLabel('Tag der persönlichen Anhörung').fill(PERSOENLICH);
    await senden(ifk, anhoerung.getByRole('button', { name: 'Anhörung versenden' }));
    await pruefe(ifk, 'Anhörung versandt');
    const [nachAnhoerung] = await q<{ status: string; anhoerung_frist: string }>(sql`select status, anhoerung_frist::text from minderungsverfahren where id = ${verfahrenId}`);
    expect(nachAnhoerung!.status, await ifk.locator('main').innerText()).toBe('anhoerung');
    expect(await ifk.locator('main').innerText()).toContain(de(nachAnhoerung!.anhoerung_frist));
    const anhoerungPdf = await ifk.request.get(`${base}/api/fordern/verfahren/${verfahrenId}/anhoerung.pdf`);
    expect(anhoerungPdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfText(await anhoerungPdf.body())).toContain('Anhörung');

    // ---------------------------------------------------------------------------------------- 3. the citizen answers
    uhr(ANTWORT_TAG, '19:00');
    const buerger = await bed.signedIn('buerger@musterland.example', PHONE);
    buerger.setDefaultTimeout(15_000);
    expect(new URL(buerger.url()).pathname).toBe('/portal');
    await pruefe(buerger, 'Portal');
    await expectNoHorizontalScroll(buerger);
    await senden(buerger, buerger.locator(`main a[href^="/portal/anhoerungen/${verfahrenId}"]`).first());
    await pruefe(buerger, 'Anhörung im Portal');
    await expectNoHorizontalScroll(buerger);
    await buerger.locator('textarea[name="text"]').fill('Ich habe den Termin leider vergessen. Das tut mir leid, ich komme zum nächsten Termin.');
    await senden(buerger, buerger.locator('main form[action$="/antwort"] button[type="submit"]'));
    await pruefe(buerger, 'Antwort gesendet');
    await expectNoHorizontalScroll(buerger);
    const [nachAntwort] = await q<{ antwort_kanal: string | null }>(sql`select antwort_kanal from minderungsverfahren where id = ${verfahrenId}`);
    expect(nachAntwort!.antwort_kanal).toBe('portal');

    // ---------------------------------------------------------------------------------------- 4. the decision
    uhr(ENTSCHEIDUNG, '10:00');
    await ifk.goto(verfahrenUrl);
    await pruefe(ifk, 'Verfahren mit Antwort');
    expect(await ifk.locator('main').innerText()).toContain('Ich habe den Termin leider vergessen.');
    const entscheiden = ifk.getByRole('form', { name: 'Über die Minderung entscheiden' });
    await entscheiden.getByRole('radiogroup', { name: 'Hat die Person einen wichtigen Grund dargelegt und nachgewiesen?' }).getByLabel('Nein').check();
    await entscheiden.getByLabel('Würdigung: warum liegt ein wichtiger Grund vor oder nicht?').fill('Vergessen ist kein wichtiger Grund; die Einladung mit Rechtsfolgenbelehrung ist ihm per Post zugegangen.');
    await entscheiden.getByRole('radiogroup', { name: /außergewöhnliche Härte/ }).getByLabel('Nein').check();
    await entscheiden.getByLabel('Würdigung der Härte').fill('Keine Anhaltspunkte: alleinstehend, Unterkunftskosten bleiben unberührt.');
    await senden(ifk, entscheiden.getByRole('button', { name: 'Entscheiden' }));
    await pruefe(ifk, 'Minderung festgestellt');
    const [m] = await q<{ prozent: number; betrag_cent: string; von_monat: string; bis_monat: string }>(
      sql`select prozent, betrag_cent, von_monat, bis_monat from leistungsminderungen where verfahren_id = ${verfahrenId}`,
    );
    // second Meldeversäumnis in a row from 1.7.2026: 30 % of the Regelbedarf (563,00 €) for one month
    expect(m).toMatchObject({ prozent: 30, von_monat: MINDERUNGSMONAT, bis_monat: MINDERUNGSMONAT });
    expect(Number(m!.betrag_cent)).toBe(16_890);
    const festgestellt = await ifk.locator('main').innerText();
    expect(festgestellt).toContain(euroText(16_890));
    await amTelefon('integration@musterland.example', verfahrenUrl, 'Verfahren festgestellt');
    const bescheidLink = ifk.locator(`a[href="/api/fordern/verfahren/${verfahrenId}/bescheid.pdf"]`);
    expect(await bescheidLink.count()).toBe(1);
    const bescheid = await ifk.request.get(`${base}/api/fordern/verfahren/${verfahrenId}/bescheid.pdf`);
    expect(bescheid.headers()['content-type']).toBe('application/pdf');
    const bescheidText = pdfText(await bescheid.body());
    expect(bescheidText).toContain('168,90');
    expect(bescheidText).toMatch(/aufschiebende Wirkung/);

    // ---------------------------------------------------------------------------------------- 5. the Zahllauf
    uhr(ZAHLTAG, '08:00');
    const leistung = await bed.signedIn('leistung@musterland.example', DESKTOP);
    leistung.setDefaultTimeout(15_000);
    await senden(leistung, leistung.getByRole('link', { name: 'Zahlung' }).first());
    await pruefe(leistung, 'Zahlung');
    await amTelefon('leistung@musterland.example', leistung.url(), 'Zahlung');
    const zahlmonat = ZAHLTAG.slice(0, 7);
    await leistung.getByLabel('Zahlmonat (JJJJ-MM)').fill(zahlmonat);
    await senden(leistung, leistung.getByRole('button', { name: 'Zahllauf ausführen' }));
    await pruefe(leistung, 'Zahllauf ausgeführt');
    const xml = await (await leistung.request.get(`${base}${await leistung.getByRole('link', { name: `pain.001 ${zahlmonat} herunterladen` }).getAttribute('href')}`)).text();

    // the month of the Minderung is paid reduced by exactly the Minderung; the months before in full
    const betraege = await q<{ monat: string; voll: string; gezahlt: string; e2e: string }>(sql`
      select z.leistungsmonat monat, a.auszahlung_cent voll, z.betrag_cent gezahlt, z.end_to_end_id e2e
      from zahlungen z
      join bewilligungen e on e.bg_id = z.bg_id and e.vorgang = 'erstbewilligung'
      join bewilligung_monate a on a.bewilligung_id = e.id and a.monat = z.leistungsmonat
      where z.bg_id = ${v.bgId} and z.art = 'laufend'
      order by z.leistungsmonat`);
    expect(betraege.map((b) => b.monat)).toContain(MINDERUNGSMONAT);
    for (const b of betraege) {
      const erwartet = Number(b.voll) - (b.monat === MINDERUNGSMONAT ? 16_890 : 0);
      expect(Number(b.gezahlt), b.monat).toBe(erwartet);
      const inDatei = new RegExp(`<EndToEndId>${b.e2e}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">([0-9.]+)</InstdAmt>`).exec(xml);
      expect(inDatei?.[1], `${b.monat} in der pain.001`).toBe((erwartet / 100).toFixed(2));
    }
  }, 300_000);
});
