import { sql } from 'drizzle-orm';
import { composeIBAN, isValidIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRAEGER_KONTO } from '../../src/db/seed/demo.ts';
import type { Actor } from '../../src/server/context.ts';
import { zahlungenDesLaufs } from '../../src/server/zahlung/zahlungen-des-laufs.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/** Issue 10, item 4: the payments of a Zahllauf are visible (filter, pages, CSV, IBAN masked); the demo Träger's account. */
let t: TestApp;
let musterland: string;
let kommuneId: string;
let laufId: string;
const jars: Record<string, CookieJar> = {};
const faelle: Record<string, { bgId: string; iban: string }> = {};

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });

const iban = (konto: string) => composeIBAN({ countryCode: 'DE', bban: `12030000${konto.padStart(10, '0')}` })!;

async function bewilligterFall(nachname: string, kontoinhaber: string, konto: string) {
  const i = iban(konto);
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2024-06-12',
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Alex', nachname, geburtsdatum: '1980-03-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Lindenweg', hausnummer: '4', plz: '12345', ort: 'Musterstadt', kommuneId },
    bank: { iban: i, kontoinhaber },
    unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  const bgId = res.json().bg.id as string;
  const b = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {});
  if (b.statusCode !== 201) throw new Error(`Berechnung: ${b.statusCode} ${b.body}`);
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: b.json().bewilligung.version });
  if (fr.statusCode !== 200 || fr.json().bewilligung.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.statusCode} ${fr.body}`);
  faelle[nachname] = { bgId, iban: i };
}

async function actorFor(email: string): Promise<Actor> {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string; roles: string[] }>(sql`select id, name, roles from users where email = ${email}`));
  const u = r.rows[0]!;
  const s = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select s.id, s.name from user_standorte us join standorte s on s.id = us.standort_id where us.user_id = ${u.id}`));
  return { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: s.rows, sessionId: 'test', requestId: 'test' };
}

beforeAll(async () => {
  // the demo data as shipped: Kreis Musterland has its own account
  t = await createTestApp({ seed: true, traegerKonto: true });
  musterland = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))).rows[0]!.id;
  kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
  for (const who of ['leistung', 'integration', 'teamleitung', 'controlling', 'admin']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  // thresholds that let the late Erstbewilligung through without a second person (the shipped account stays)
  const cur = (await api('admin', 'GET', '/api/admin/traeger-einstellungen')).json();
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', {
    vierAugenRegeln: { ...cur.vierAugenRegeln, nachzahlungAbCent: 10_000_000, monatsbetragAbCent: 10_000_000 },
    iban: cur.iban,
    bic: cur.bic,
    kontoinhaber: cur.kontoinhaber,
    version: cur.version,
  });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
  await bewilligterFall('Zahlmann', 'Alex Zahlmann', '1111');
  await bewilligterFall('Brandt', 'Alex Brandt', '2222');
  await bewilligterFall('Formel', '=HYPERLINK("http://x.example") Formel', '3333');
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('Demo Träger account', () => {
  it('ships a valid, invented IBAN, so the first Zahllauf needs no admin step', async () => {
    expect(isValidIBAN(DEMO_TRAEGER_KONTO.iban)).toBe(true);
    const e = (await api('admin', 'GET', '/api/admin/traeger-einstellungen')).json();
    expect(e.iban).toBe(DEMO_TRAEGER_KONTO.iban);
    const seite = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.leistung!.header() } });
    expect(seite.body).not.toContain('Das Konto des Trägers fehlt');
  });

  it('runs the Zahllauf with the demo account as debtor', async () => {
    const res = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-06' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().neu).toBe(6); // June and July for three cases
    laufId = res.json().lauf.id;
    const xml = (await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/pain001`)).body;
    expect(xml).toContain(DEMO_TRAEGER_KONTO.iban);
  });
});

describe('Payments of a Zahllauf', () => {
  it('lists who, which month, amount and the IBAN masked to its last four characters', async () => {
    const res = await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.treffer).toBe(6);
    expect(d.zahlungen).toHaveLength(6);
    expect(d.summeCent).toBe(d.zahlungen.reduce((s: number, z: { betragCent: number }) => s + z.betragCent, 0));
    expect(d.summeCent).toBe(d.lauf.summeCent);
    expect(d.monate).toEqual(['2024-06', '2024-07']);
    const zahlmann = d.zahlungen.filter((z: { name: string }) => z.name === 'Alex Zahlmann');
    expect(zahlmann.map((z: { leistungsmonat: string }) => z.leistungsmonat)).toEqual(['2024-06', '2024-07']);
    expect(zahlmann[0].betragCent).toBeGreaterThan(0);
    expect(zahlmann[0].bgId).toBe(faelle.Zahlmann!.bgId);
    const i = faelle.Zahlmann!.iban;
    expect(zahlmann[0].iban).toBe(`DE** **** **** **** **${i.slice(-4, -2)} ${i.slice(-2)}`);
    // no full IBAN (nor its check digits) anywhere in the answer
    for (const f of Object.values(faelle)) {
      expect(res.body).not.toContain(f.iban);
      expect(res.body).not.toContain(f.iban.slice(0, 4));
    }
  });

  it('filters by part of the name, month, kind and amount range', async () => {
    const name = (await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?name=zahlm`)).json();
    expect(name.treffer).toBe(2);
    expect(name.zahlungen.every((z: { name: string }) => z.name === 'Alex Zahlmann')).toBe(true);
    // % typed by a person is not a wildcard
    expect((await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?name=%25`)).json().treffer).toBe(0);
    const monat = (await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?monat=2024-07`)).json();
    expect(monat.treffer).toBe(3);
    expect(monat.zahlungen.every((z: { leistungsmonat: string }) => z.leistungsmonat === '2024-07')).toBe(true);
    // June was decided late: it is paid with the run as well, all are "laufend"
    expect((await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?art=nachzahlung`)).json().treffer).toBe(0);
    expect((await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?art=laufend`)).json().treffer).toBe(6);
    const alle = (await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen`)).json();
    const betrag = alle.zahlungen[0].betragCent as number;
    const euro = `${Math.trunc(betrag / 100)},${String(betrag % 100).padStart(2, '0')}`;
    const genau = (await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?betragVon=${encodeURIComponent(euro)}&betragBis=${encodeURIComponent(euro)}`)).json();
    expect(genau.treffer).toBe(alle.zahlungen.filter((z: { betragCent: number }) => z.betragCent === betrag).length);
    expect(genau.zahlungen.every((z: { betragCent: number }) => z.betragCent === betrag)).toBe(true);
    expect((await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?betragVon=999999`)).json().treffer).toBe(0);
  });

  it('answers a wrong filter with field errors (400), never a server error', async () => {
    const r = await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?betragVon=viel&monat=2024-13&art=x`);
    expect(r.statusCode).toBe(400);
    expect(r.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['art', 'betragVon', 'monat']);
    const bereich = await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?betragVon=10&betragBis=5`);
    expect(bereich.json().issues[0].path).toBe('betragBis');
    expect((await api('leistung', 'GET', '/api/zahllaeufe/kein-lauf/zahlungen')).statusCode).toBe(404);
    expect((await api('leistung', 'GET', '/api/zahllaeufe/00000000-0000-4000-8000-000000000000/zahlungen')).statusCode).toBe(404);
  });

  it('pages through the payments', async () => {
    const actor = await actorFor('leistung@musterland.example');
    const s1 = await zahlungenDesLaufs({ ctx: t.ctx, actor, id: laufId, proSeite: 4 });
    const s2 = await zahlungenDesLaufs({ ctx: t.ctx, actor, id: laufId, proSeite: 4, filter: { seite: '2' } });
    expect([s1.seiten, s1.zahlungen.length, s2.seite, s2.zahlungen.length]).toEqual([2, 4, 2, 2]);
    expect(new Set([...s1.zahlungen, ...s2.zahlungen].map((z) => z.id)).size).toBe(6);
    // a page past the end shows the last page
    expect((await zahlungenDesLaufs({ ctx: t.ctx, actor, id: laufId, proSeite: 4, filter: { seite: '99' } })).seite).toBe(2);
  });

  it('only people who run payments see single payments; controlling keeps the sums', async () => {
    for (const who of ['controlling', 'integration', 'admin']) {
      expect((await api(who, 'GET', `/api/zahllaeufe/${laufId}/zahlungen`)).statusCode, who).toBe(403);
      expect((await api(who, 'GET', `/api/zahllaeufe/${laufId}/zahlungen.csv`)).statusCode, who).toBe(403);
    }
    expect((await api('controlling', 'GET', '/api/zahllaeufe')).statusCode).toBe(200);
    const seite = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.controlling!.header() } });
    expect(seite.body).not.toContain(`/zahlung/${laufId}`);
    expect((await t.app.inject({ url: `/zahlung/${laufId}`, headers: { cookie: jars.controlling!.header() } })).statusCode).toBe(403);
    const fremd = await signIn(t.app, 'admin@beispielstadt.example');
    expect((await t.app.inject({ url: `/api/zahllaeufe/${laufId}/zahlungen`, headers: { cookie: fremd.header() } })).statusCode).toBe(403);
  });

  it('writes every read and export to the Zugriffsprotokoll with purpose and cases', async () => {
    await api('teamleitung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen?name=Brandt`);
    await api('teamleitung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen.csv?name=Brandt`);
    const rows = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ action: string; purpose: string; details: { faelle: string[] } }>(
        sql`select a.action, a.purpose, a.details from audit_log a join users u on u.id = a.actor_user_id where u.email = 'teamleitung@musterland.example' and a.object_type = 'zahllauf' and a.object_id = ${laufId} order by a.at`,
      ),
    );
    expect(rows.rows.map((r) => [r.action, r.purpose])).toEqual([
      ['read', 'Zahlungen des Zahllaufs prüfen'],
      ['export', 'Zahlungen des Zahllaufs exportieren'],
    ]);
    for (const r of rows.rows) expect(r.details.faelle).toEqual([faelle.Brandt!.bgId]);
  });

  it('exports the filtered payments as CSV: masked IBAN, formula guard, not cached', async () => {
    const res = await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="zahlungen-2024-06-lauf-1\.csv"$/);
    const zeilen = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(zeilen[0]).toBe('Name;Fallnummer;Leistungsmonat;Art;Betrag (EUR);Aufrechnung (EUR);IBAN');
    expect(zeilen).toHaveLength(7);
    // the name that would run as a formula starts with an apostrophe (and is quoted because of its quotes)
    const formel = zeilen.find((z) => z.includes('HYPERLINK'))!;
    expect(formel.startsWith(`"'=HYPERLINK(""http://x.example"") Formel"`)).toBe(true);
    for (const f of Object.values(faelle)) expect(res.body).not.toContain(f.iban);
    expect(zeilen.filter((z) => z.includes('Alex Zahlmann')).every((z) => /;\d+,\d{2};0,00;DE\*\* \*\*\*\* \*\*\*\* \*\*\*\* \*\*\d\d \d\d$/.test(z))).toBe(true);
    const gefiltert = await api('leistung', 'GET', `/api/zahllaeufe/${laufId}/zahlungen.csv?monat=2024-07&name=Brandt`);
    expect(gefiltert.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('shows the payments on the run page with filter form, CSV link and a scrollable table region', async () => {
    const liste = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.leistung!.header() } });
    expect(liste.body).toContain(`href="/zahlung/${laufId}"`);
    const seite = await t.app.inject({ url: `/zahlung/${laufId}?name=Zahlmann`, headers: { cookie: jars.leistung!.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Alex Zahlmann');
    expect(seite.body).not.toContain('Alex Brandt');
    expect(seite.body).toContain(`DE** **** **** **** **${faelle.Zahlmann!.iban.slice(-4, -2)} ${faelle.Zahlmann!.iban.slice(-2)}`);
    expect(seite.body).toContain(`href="/api/zahllaeufe/${laufId}/zahlungen.csv?name=Zahlmann"`);
    expect(seite.body).toMatch(/<section class="table-wrap" tabindex="0" aria-label="Zahlungen des Zahllaufs">/);
    const falsch = await t.app.inject({ url: `/zahlung/${laufId}?betragVon=viel`, headers: { cookie: jars.leistung!.header() } });
    expect(falsch.statusCode).toBe(200);
    expect(falsch.body).toContain('id="feld-betragVon-fehler"');
    expect(falsch.body).toContain('value="viel"');
  });
});

describe('Zahlmonat of a Zahllauf', () => {
  it('refuses a month after the current one (the run of month M pays M+1) and keeps the entered value at the field', async () => {
    // default test clock: 7.12.2026 → December 2026 is the latest Zahlmonat
    const api400 = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2099-01' });
    expect(api400.statusCode).toBe(400);
    expect(api400.json().issues).toEqual([expect.objectContaining({ path: 'zahlmonat', code: 'zahlmonat_in_zukunft' })]);
    const naechster = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2027-01' });
    expect(naechster.statusCode).toBe(400);
    const vorher = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from zahllaeufe where zahlmonat >= '2027-01'`));
    expect(vorher.rows[0]!.n).toBe(0);
    for (const [wert, text] of [
      ['2099-01', 'Der Zahlmonat darf nicht nach dem laufenden Monat (2026-12) liegen.'],
      ['abc', 'Bitte einen Monat im Format JJJJ-MM angeben.'],
      ['2026-13', 'Bitte einen Monat im Format JJJJ-MM angeben.'],
    ] as const) {
      const r = await postForm(t.app, jars.leistung!, '/zahlung', { zahlmonat: wert });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain(text);
      expect(r.body).toContain(`value="${wert}"`);
      expect(r.body).toContain('aria-invalid="true"');
    }
  });
});

describe('Zahllauf without the Träger account', () => {
  it('explains on the page how to fix it (who, where) instead of a bare error', async () => {
    const gespeichert = await t.ctx.db.withSystem((tx) => tx.execute<{ iban: string }>(sql`select iban from traeger_einstellungen where traeger_id = ${musterland}`));
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update traeger_einstellungen set iban = null where traeger_id = ${musterland}`));
    try {
      const seite = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.leistung!.header() } });
      expect(seite.body).toContain('Das Konto des Trägers fehlt');
      expect(seite.body).toContain('Verwaltung → Träger-Einstellungen');
      const r = await postForm(t.app, jars.leistung!, '/zahlung', { zahlmonat: '2024-08' });
      expect(r.statusCode).toBe(302);
      const danach = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.leistung!.header() } });
      expect(danach.body).toContain('Zahllauf nicht ausgeführt: Für den Zahllauf fehlt das Konto des Trägers');
      const api409 = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' });
      expect(api409.statusCode).toBe(409);
      expect(api409.json().error).toBe('traeger_konto_fehlt');
      // teamleitung (leistung) sees where; controlling too; the admin is not on /zahlung but on the settings page
      const tl = await t.app.inject({ url: '/zahlung', headers: { cookie: jars.teamleitung!.header() } });
      expect(tl.body).toContain('Das Konto des Trägers fehlt');
    } finally {
      await t.ctx.db.withSystem((tx) => tx.execute(sql`update traeger_einstellungen set iban = ${gespeichert.rows[0]!.iban} where traeger_id = ${musterland}`));
    }
  });
});
