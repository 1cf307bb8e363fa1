import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.ts';
import { lokalesDatum, plusTage } from '../../src/domain/termine/index.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { sendeErinnerungen } from '../../src/server/termine/erinnerungen.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
/** The application's "now" (business clock, VORORT_TEST_CLOCK) `minuten` later – never the wall clock. */
const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);

let buerger: CookieJar;
let musterland: string;

type Zeit = { beginn: string; ende: string; standortId: string; kanaele: string[]; plaetze: number };

const json = (jar: CookieJar | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { ...(jar ? { cookie: jar.header() } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });

async function freieZeiten(anliegen: string, kanal = 'vor_ort', abStunden = 30): Promise<Zeit[]> {
  const heute = lokalesDatum(t.ctx.clock.now());
  const bis = plusTage(lokalesDatum(t.ctx.clock.now()), 30);
  const res = await json(null, 'GET', `/api/termine/freie-zeiten?anliegen=${anliegen}&kanal=${kanal}&von=${heute}&bis=${bis}`);
  expect(res.statusCode).toBe(200);
  return (res.json().zeiten as Zeit[]).filter((z) => new Date(z.beginn).getTime() > t.ctx.clock.now().getTime() + abStunden * 3_600_000);
}

const tokenAus = (text: string, pfad: string) => new RegExp(`${pfad}/([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? '';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  buerger = await signIn(t.app, 'buerger@musterland.example');
  const rows = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
  musterland = rows.rows[0]!.id;
  const passwordHash = await hashPassword('vorort-demo');
  await t.ctx.db.withSystem((tx) =>
    tx.insert(users).values({ traegerId: musterland, art: 'buerger', email: 'zweite@musterland.example', name: 'Zora Zweite', passwordHash, emailVerifiedAt: new Date(), roles: ['buerger'] }),
  );
}, 60_000);
afterAll(() => t.close());

describe('Termine: Buchung unter Konkurrenz (echte PostgreSQL)', () => {
  it('100 gleichzeitige Buchungen für dieselben 3 Zeiten: jede genau einmal vergeben, alle anderen 409', async () => {
    const zeiten = (await freieZeiten('leistungsfragen')).slice(0, 3);
    expect(zeiten).toHaveLength(3);
    const anfragen = Array.from({ length: 100 }, (_, i) => {
      const z = zeiten[i % 3]!;
      return json(buerger, 'POST', '/api/termine', { anliegenId: 'leistungsfragen', kanal: 'vor_ort', beginn: z.beginn, standortId: z.standortId });
    });
    const antworten = await Promise.all(anfragen);
    const status = antworten.map((r) => r.statusCode);
    expect(status.filter((s) => s === 201)).toHaveLength(3);
    expect(status.filter((s) => s === 409)).toHaveLength(97);
    for (const r of antworten.filter((a) => a.statusCode === 409)) {
      const body = r.json();
      expect(body.error).toBe('slot_belegt');
      expect(body.message).toMatch(/vergeben/);
      expect(Array.isArray(body.alternativen)).toBe(true);
    }
    const gebucht = antworten.filter((r) => r.statusCode === 201).map((r) => r.json().beginn as string).sort();
    expect(gebucht).toEqual(zeiten.map((z) => new Date(z.beginn).toISOString()).sort());
    // Alternatives are computed when a request fails; during the burst another time may still have been free then.
    // Once all bookings are in, a further attempt gets fresh alternatives that never name a taken time.
    const spaet = await json(buerger, 'POST', '/api/termine', { anliegenId: 'leistungsfragen', kanal: 'vor_ort', beginn: zeiten[0]!.beginn, standortId: zeiten[0]!.standortId });
    expect(spaet.statusCode).toBe(409);
    const alt = spaet.json().alternativen as Zeit[];
    expect(alt.length).toBeGreaterThan(0);
    for (const a of alt) expect(gebucht).not.toContain(a.beginn);
    const doppelt = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from termine a join termine b on a.ressource_id = b.ressource_id and a.id < b.id
        and tstzrange(a.beginn, a.blockiert_bis) && tstzrange(b.beginn, b.blockiert_bis) where a.status <> 'abgesagt' and b.status <> 'abgesagt'`),
    );
    expect(doppelt.rows[0]!.n).toBe(0);
  });

  it('zwei Ressourcen je Zeit: jede Zeit so oft wie Plätze frei sind (je Ressource einmal)', async () => {
    const zeiten = (await freieZeiten('erstgespraech')).filter((z) => z.kanaele.includes('vor_ort') && z.plaetze === 2).slice(0, 3);
    expect(zeiten).toHaveLength(3);
    const antworten = await Promise.all(
      Array.from({ length: 60 }, (_, i) => json(buerger, 'POST', '/api/termine', { anliegenId: 'erstgespraech', kanal: 'vor_ort', beginn: zeiten[i % 3]!.beginn })),
    );
    const ok = antworten.filter((r) => r.statusCode === 201).map((r) => r.json() as { beginn: string; ressourceId: string });
    expect(ok).toHaveLength(6);
    expect(new Set(ok.map((o) => `${o.ressourceId}|${o.beginn}`)).size).toBe(6);
    const andere = antworten.filter((r) => r.statusCode !== 201 && r.statusCode !== 409);
    expect(andere.map((r) => r.body)).toEqual([]);
    expect(antworten.filter((r) => r.statusCode === 409)).toHaveLength(54);
  });

  it('die Datenbank selbst verweigert eine Doppelbuchung (23P01), auch an der Anwendung vorbei', async () => {
    const res = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; ressource_id: string; beginn: Date }>(sql`select id, ressource_id, beginn from termine where status = 'gebucht' limit 1`));
    const row = res.rows[0]!;
    await expect(
      t.ctx.db.withSystem((tx) =>
        tx.execute(sql`insert into termine (traeger_id, ressource_id, anliegen_id, standort_id, kanal, beginn, ende, blockiert_bis, email)
          select traeger_id, ressource_id, anliegen_id, standort_id, kanal, beginn + interval '5 minutes', ende, blockiert_bis + interval '5 minutes', 'x@y.example' from termine where id = ${row.id}`),
      ),
    ).rejects.toMatchObject({ cause: { code: '23P01' } });
  });
});

describe('Termine: Regeln', () => {
  it('Vergangenheit, außerhalb der Sprechzeit, nicht erlaubter Kanal → 400 mit Code', async () => {
    const gestern = new Date(t.ctx.clock.now().getTime() - 86_400_000).toISOString();
    let r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'leistungsfragen', kanal: 'vor_ort', beginn: gestern });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('termin_in_vergangenheit');
    const zeiten = await freieZeiten('beratung_integration');
    const nachts = new Date(new Date(zeiten[0]!.beginn).getTime() - 6 * 3_600_000).toISOString();
    r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: nachts });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('ausserhalb_sprechzeiten');
    r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'telefon', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('kanal_nicht_erlaubt');
    r = await json(null, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(401);
  });

  it('bestätigen, verschieben (SEQUENCE+1), absagen (CANCEL) – mit .ics; fremde Termine sind 404', async () => {
    const zeiten = await freieZeiten('beratung_integration');
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(201);
    const termin = r.json();
    const bestaetigung = await t.mail.waitFor((m) => m.subject.startsWith('Ihr Termin ist gebucht') && m.to.includes('buerger@musterland.example'));
    expect(bestaetigung.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining(['termin.ics', 'checkin-qr.svg']));
    expect(bestaetigung.attachments.find((a) => a.filename === 'termin.ics')!.contentType).toBe('text/calendar');

    const fremd = await signIn(t.app, 'zweite@musterland.example');
    expect((await json(fremd, 'GET', `/api/termine/${termin.id}`)).statusCode).toBe(404);
    expect((await json(fremd, 'POST', `/api/termine/${termin.id}/verschieben`, { beginn: zeiten[1]!.beginn })).statusCode).toBe(404);
    expect((await json(fremd, 'POST', `/api/termine/${termin.id}/absagen`)).statusCode).toBe(404);
    const andererTraeger = await signIn(t.app, 'admin@beispielstadt.example');
    expect((await json(andererTraeger, 'GET', `/api/termine/${termin.id}`)).statusCode).toBe(404);

    const v = await json(buerger, 'POST', `/api/termine/${termin.id}/verschieben`, { beginn: zeiten[1]!.beginn });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ sequenz: 1, beginn: new Date(zeiten[1]!.beginn).toISOString() });
    const aenderung = await t.mail.waitFor((m) => m.subject.startsWith('Ihr Termin wurde verschoben'));
    expect(aenderung.attachments.some((a) => a.filename === 'termin.ics')).toBe(true);

    const a = await json(buerger, 'POST', `/api/termine/${termin.id}/absagen`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'abgesagt', sequenz: 2 });
    const absage = await t.mail.waitFor((m) => m.subject.startsWith('Ihr Termin wurde abgesagt'));
    expect(absage.attachments.some((x) => x.filename === 'absage.ics')).toBe(true);
    const nochmal = await json(buerger, 'POST', `/api/termine/${termin.id}/absagen`);
    expect(nochmal.statusCode).toBe(409);
    expect(nochmal.json().error).toBe('termin_nicht_aktiv');
  });

  it('verschieben/absagen weniger als 24 h vorher → 400 mit Hinweis auf das Telefon', async () => {
    const zeiten = await freieZeiten('beratung_integration');
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten[2]!.beginn });
    const id = r.json().id as string;
    // the appointment moves close (as if time had passed)
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(180)}, ende = ${spaeter(210)}, blockiert_bis = ${spaeter(210)} where id = ${id}`));
    const v = await json(buerger, 'POST', `/api/termine/${id}/verschieben`, { beginn: zeiten[3]!.beginn });
    expect(v.statusCode).toBe(400);
    expect(v.json().error).toBe('frist_abgelaufen_verschieben');
    const a = await json(buerger, 'POST', `/api/termine/${id}/absagen`);
    expect(a.statusCode).toBe(400);
    expect(a.json()).toMatchObject({ error: 'frist_abgelaufen_absagen', message: expect.stringMatching(/rufen Sie uns an/) });
  });
});

describe('Termine: Double-Opt-in ohne Konto', () => {
  it('bucht erst mit dem Link; verwendeter oder abgelaufener Link → 410 und eine klare Seite', async () => {
    const zeiten = await freieZeiten('erstgespraech', 'telefon');
    const r = await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'erstgespraech', kanal: 'telefon', beginn: zeiten[0]!.beginn, email: 'ohne.konto@example.org', name: 'Olga Ohnekonto' });
    expect(r.statusCode).toBe(202);
    const mail = await t.mail.waitFor((m) => m.to.includes('ohne.konto@example.org') && m.subject.includes('bestätigen'));
    const token = tokenAus(mail.text, '/termine/bestaetigen');
    expect(token.length).toBeGreaterThan(20);
    const vorher = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from termine where email = 'ohne.konto@example.org'`));
    expect(vorher.rows[0]!.n).toBe(0);

    const b = await json(null, 'POST', '/api/termine/bestaetigung', { token });
    expect(b.statusCode).toBe(201);
    await t.mail.waitFor((m) => m.to.includes('ohne.konto@example.org') && m.subject.startsWith('Ihr Termin ist gebucht') && m.attachments.some((a) => a.filename === 'termin.ics'));
    const wieder = await json(null, 'POST', '/api/termine/bestaetigung', { token });
    expect(wieder.statusCode).toBe(410);
    expect(wieder.json().error).toBe('link_verbraucht');
    const seite = await t.app.inject({ method: 'GET', url: `/termine/bestaetigen/${token}`, headers: { accept: 'text/html' } });
    expect(seite.statusCode).toBe(410);
    expect(seite.body).toContain('bereits verwendet');

    const r2 = await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'erstgespraech', kanal: 'telefon', beginn: zeiten[1]!.beginn, email: 'spaet@example.org', name: 'Sam Spät' });
    expect(r2.statusCode).toBe(202);
    const token2 = tokenAus((await t.mail.waitFor((m) => m.to.includes('spaet@example.org'))).text, '/termine/bestaetigen');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termin_bestaetigungen set expires_at = ${spaeter(-1)} where email = 'spaet@example.org'`));
    const abgelaufen = await json(null, 'POST', '/api/termine/bestaetigung', { token: token2 });
    expect(abgelaufen.statusCode).toBe(410);
    expect(abgelaufen.json().error).toBe('link_abgelaufen');
    const seite2 = await t.app.inject({ method: 'GET', url: `/termine/bestaetigen/${token2}`, headers: { accept: 'text/html' } });
    expect(seite2.statusCode).toBe(410);
    expect(seite2.body).toContain('abgelaufen');
    expect((await json(null, 'POST', '/api/termine/bestaetigung', { token: 'x'.repeat(43) })).statusCode).toBe(404);
  });
});

describe('Termine: Warteliste', () => {
  it('eine Absage bietet den Termin der nächsten Person an; Link einmalig; abgelaufenes Angebot → klare Seite', async () => {
    const zeiten = await freieZeiten('beratung_integration');
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(201);
    const termin = r.json();
    for (const [email, name] of [['erste@example.org', 'Erika Erste'], ['zweiter@example.org', 'Zeno Zweiter']]) {
      const w = await json(null, 'POST', '/api/termine/warteliste', { traeger: 'musterland', anliegen: 'beratung_integration', kanaele: ['vor_ort', 'video'], email, name });
      expect(w.statusCode).toBe(201);
    }
    const doppelt = await json(null, 'POST', '/api/termine/warteliste', { traeger: 'musterland', anliegen: 'beratung_integration', kanaele: ['vor_ort'], email: 'erste@example.org' });
    expect(doppelt.statusCode).toBe(409);

    expect((await json(buerger, 'POST', `/api/termine/${termin.id}/absagen`)).statusCode).toBe(200);
    const angebot = await t.mail.waitFor((m) => m.to.includes('erste@example.org') && m.subject.includes('frei geworden'));
    const token = tokenAus(angebot.text, '/termine/angebot');
    const pruefung = await json(null, 'GET', `/api/termine/angebot/${token}`);
    expect(pruefung.statusCode).toBe(200);
    expect(pruefung.json().beginn).toBe(termin.beginn);
    // the offered slot is held: not bookable by others meanwhile
    const andere = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: termin.beginn });
    expect(andere.statusCode).toBe(409);

    const an = await json(null, 'POST', `/api/termine/angebot/${token}/annehmen`);
    expect(an.statusCode).toBe(201);
    expect(an.json().beginn).toBe(termin.beginn);
    await t.mail.waitFor((m) => m.to.includes('erste@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));
    const wieder = await json(null, 'POST', `/api/termine/angebot/${token}/annehmen`);
    expect(wieder.statusCode).toBe(410);
    expect(wieder.json().error).toBe('angebot_beantwortet');

    // Erika cancels (she has no account: staff cancel for her) → offered to Zeno, who lets it expire
    const staff = await signIn(t.app, 'integration@musterland.example');
    expect((await json(staff, 'POST', `/api/termine/${an.json().id}/absagen`)).statusCode).toBe(200);
    const zweites = await t.mail.waitFor((m) => m.to.includes('zweiter@example.org') && m.subject.includes('frei geworden'));
    const token2 = tokenAus(zweites.text, '/termine/angebot');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update warteliste_angebote set gueltig_bis = ${spaeter(-1)} where status = 'offen'`));
    const abgelaufen = await json(null, 'POST', `/api/termine/angebot/${token2}/annehmen`);
    expect(abgelaufen.statusCode).toBe(410);
    expect(abgelaufen.json().error).toBe('angebot_verfallen');
    const seite = await t.app.inject({ method: 'GET', url: `/termine/angebot/${token2}`, headers: { accept: 'text/html' } });
    expect(seite.statusCode).toBe(410);
    expect(seite.body).toContain('abgelaufen');
  });
});

describe('Termine: Erinnerung (pg-boss-Job-Handler)', () => {
  it('sendet 24 h vorher genau eine Erinnerung mit .ics', async () => {
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set erinnerung_gesendet_am = ${spaeter(0)}`));
    const zeiten = await freieZeiten('leistungsfragen', 'telefon', 50);
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'leistungsfragen', kanal: 'telefon', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(201);
    const beginn = new Date(r.json().beginn as string);
    const zuFrueh = await sendeErinnerungen({ ctx: t.ctx, basisUrl: 'http://localhost', jetzt: new Date(beginn.getTime() - 25 * 3_600_000) });
    expect(zuFrueh).toBe(0);
    const jetzt = new Date(beginn.getTime() - 23 * 3_600_000);
    expect(await sendeErinnerungen({ ctx: t.ctx, basisUrl: 'http://localhost', jetzt })).toBeGreaterThanOrEqual(1);
    const mail = await t.mail.waitFor((m) => m.subject.startsWith('Erinnerung an Ihren Termin'));
    expect(mail.attachments.some((a) => a.filename === 'termin.ics')).toBe(true);
    expect(await sendeErinnerungen({ ctx: t.ctx, basisUrl: 'http://localhost', jetzt })).toBe(0);
  });
});

describe('Termine: Seiten ohne JavaScript', () => {
  it('Buchung über das Formular; eine vergebene Zeit zeigt die Meldung am Feld und frische Alternativen (409)', async () => {
    const zeiten = await freieZeiten('leistungsfragen');
    const url = '/termine/buchen?anliegen=leistungsfragen&kanal=vor_ort';
    const seite = await t.app.inject({ method: 'GET', url, headers: { cookie: buerger.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain(`value="${zeiten[0]!.beginn}"`);
    const ok = await postForm(t.app, buerger, url, { beginn: zeiten[0]!.beginn }, { csrf: undefined });
    expect(ok.statusCode).toBe(302);
    expect(ok.headers.location).toMatch(/^\/termine\/[0-9a-f-]{36}$/);
    const wieder = await postForm(t.app, buerger, url, { beginn: zeiten[0]!.beginn });
    expect(wieder.statusCode).toBe(409);
    expect(wieder.body).toContain('schon vergeben');
    expect(wieder.body).toMatch(/feld-beginn-fehler/);
    expect(wieder.body).not.toContain(`value="${zeiten[0]!.beginn}"`);
    expect(wieder.body).toContain(`value="${zeiten[1]!.beginn}"`);
    const ohne = await postForm(t.app, buerger, url, {});
    expect(ohne.statusCode).toBe(400);
  });
});
