import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wochentagVon } from '../../src/domain/termine/index.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * Issue 10, Termine seen on screen: on-site times only while the Standort is open, the booking page grouped by day,
 * English pages with translated appointment types and English dates, the address on the appointment page, and the
 * booked time never offered as a move target. Every time is taken from what the system offers at the application's
 * clock (VORORT_TEST_CLOCK), so weekends and holidays never make this fail.
 */
let t: TestApp;
let buerger: CookieJar;

type Zeit = { beginn: string; datum: string; standortId: string; kanaele: string[] };

async function freieZeiten(anliegen: string, kanal: string, von?: string): Promise<{ zeiten: Zeit[]; weiterAb: string | null }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/termine/freie-zeiten?anliegen=${anliegen}&kanal=${kanal}${von ? `&von=${von}` : ''}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.ready();
  buerger = await signIn(t.app, 'buerger@musterland.example');
}, 60_000);
afterAll(() => t.close());

describe('Termine: Öffnungszeiten, Anzeige je Tag, Sprache, Anschrift, Verschieben', () => {
  it('vor Ort nur während der Öffnungszeiten des Standorts (Musterstadt: mittwochs geschlossen); Telefon auch mittwochs', async () => {
    // four weeks: always holds Wednesdays that are no public holiday
    const vorOrt = [...(await freieZeiten('erstgespraech', 'vor_ort')).zeiten];
    const telefon = [...(await freieZeiten('erstgespraech', 'telefon')).zeiten];
    const weiter = (await freieZeiten('erstgespraech', 'vor_ort')).weiterAb;
    if (weiter) {
      vorOrt.push(...(await freieZeiten('erstgespraech', 'vor_ort', weiter)).zeiten);
      telefon.push(...(await freieZeiten('erstgespraech', 'telefon', weiter)).zeiten);
    }
    expect(vorOrt.length).toBeGreaterThan(0);
    expect(vorOrt.filter((z) => wochentagVon(z.datum) === 3)).toEqual([]);
    expect(telefon.some((z) => wochentagVon(z.datum) === 3)).toBe(true);
    // and the desk's hours are kept: on site between 08:00 and 12:00 (opening hours Mo, Di, Do, Fr 8:00–12:00)
    const uhrzeiten = vorOrt.map((z) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(z.beginn)));
    expect(uhrzeiten.every((u) => u >= '08:00' && u < '12:00')).toBe(true);
  });

  it('die Buchungsseite gruppiert die Zeiten je Tag (Überschrift je Tag, kompaktes Raster), mit Anschrift und „Spätere Zeiten“', async () => {
    const { zeiten } = await freieZeiten('beratung_integration', 'vor_ort');
    const res = await t.app.inject({ method: 'GET', url: '/termine/buchen?anliegen=beratung_integration&kanal=vor_ort' });
    expect(res.statusCode).toBe(200);
    const tage = new Set(zeiten.map((z) => z.datum));
    expect(tage.size).toBeGreaterThan(1);
    // one heading per day, every offered time a radio button
    expect(res.body.match(/<fieldset class="zeit-tag"/g)?.length).toBe(tage.size);
    expect(res.body.match(/name="beginn"/g)?.length).toBe(zeiten.length);
    expect(res.body).toContain('Bahnhofstraße 12, 12345 Musterstadt');
    expect(res.body).toContain('Spätere Zeiten anzeigen');
    // the time is the label, the day is the heading (no "Montag, 7. Dezember 2026, 08:00 Uhr – Jobcenter …" list)
    expect(res.body).not.toMatch(/Uhr – Jobcenter/);
  });

  it('auf Englisch: Anliegen übersetzt, Datum englisch (Buchung, eigener Termin, Übersicht)', async () => {
    const seite = await t.app.inject({ method: 'GET', url: '/termine/buchen?anliegen=erstgespraech&kanal=telefon&lang=en' });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Initial consultation');
    expect(seite.body).not.toContain('Erstgespräch');
    expect(seite.body).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday), \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
    expect(seite.body).not.toMatch(/(Montag|Dienstag|Mittwoch|Donnerstag|Freitag), \d/);

    const { zeiten } = await freieZeiten('erstgespraech', 'telefon');
    const r = await t.app.inject({ method: 'POST', url: '/api/termine', headers: { cookie: buerger.header(), 'content-type': 'application/json' }, payload: JSON.stringify({ anliegenId: 'erstgespraech', kanal: 'telefon', beginn: zeiten.at(-1)!.beginn }) });
    expect(r.statusCode, r.body).toBe(201);
    const detail = await t.app.inject({ method: 'GET', url: `/termine/${r.json().id}?lang=en`, headers: { cookie: buerger.header() } });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Initial consultation');
    expect(detail.body).not.toContain(' Uhr');
    const uebersicht = await t.app.inject({ method: 'GET', url: '/termine?lang=en', headers: { cookie: buerger.header() } });
    expect(uebersicht.body).toContain('Questions about your benefits');
    expect(uebersicht.body).toContain('Initial consultation');
  });

  it('eigener Termin vor Ort: Anschrift des Standorts; die gebuchte Zeit ist nie ein Ziel zum Verschieben; dieselbe Zeit → 422', async () => {
    // Erstgespräch: two desks at Musterstadt, so the booked time itself stays "free" at the other desk
    const ab = t.ctx.clock.now().getTime() + 26 * 3_600_000;
    const zeit = (await freieZeiten('erstgespraech', 'vor_ort')).zeiten.find((z) => new Date(z.beginn).getTime() >= ab)!;
    expect(zeit).toBeDefined();
    const r = await t.app.inject({ method: 'POST', url: '/api/termine', headers: { cookie: buerger.header(), 'content-type': 'application/json' }, payload: JSON.stringify({ anliegenId: 'erstgespraech', kanal: 'vor_ort', beginn: zeit.beginn }) });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    const beginn = new Date(zeit.beginn).toISOString();
    // the other desk is still free at that time: the time is offered for booking …
    expect((await freieZeiten('erstgespraech', 'vor_ort')).zeiten.some((z) => new Date(z.beginn).toISOString() === beginn)).toBe(true);
    // … but not as the target of moving this appointment
    const seite = await t.app.inject({ method: 'GET', url: `/termine/${id}`, headers: { cookie: buerger.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Jobcenter Musterstadt, Bahnhofstraße 12, 12345 Musterstadt');
    expect(seite.body).toContain('name="beginn"');
    expect(seite.body).not.toContain(`value="${beginn}"`);
    const gleich = await postForm(t.app, buerger, `/termine/${id}`, { _aktion: 'verschieben', beginn });
    expect(gleich.statusCode).toBe(422);
    expect(gleich.body).toContain('Ihr Termin liegt bereits zu dieser Zeit');
    const api = await t.app.inject({ method: 'POST', url: `/api/termine/${id}/verschieben`, headers: { cookie: buerger.header(), 'content-type': 'application/json' }, payload: JSON.stringify({ beginn }) });
    expect(api.statusCode).toBe(422);
    expect(api.json().error).toBe('gleiche_zeit');
  });
});
