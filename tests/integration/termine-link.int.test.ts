import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { lokalesDatum, plusTage } from '../../src/domain/termine/index.ts';
import { createTestApp, CookieJar, postForm, signIn, type TestApp } from '../helpers/app.ts';

/**
 * Issue 6, gaps: self-service of a booking without account by the personal link (view, move, cancel, video room),
 * the citizen's Warteliste (see and withdraw, signed in or by link), and the rate limit of anonymous requests.
 */
let t: TestApp;
/** The application's "now" (business clock, VORORT_TEST_CLOCK) `minuten` later – never the wall clock. */
const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);


type Zeit = { beginn: string; standortId: string; kanaele: string[] };

/** JSON request; `ip` sets the client address (each test uses its own so the rate limit does not interfere). */
const json = (jar: CookieJar | null, method: 'GET' | 'POST', url: string, payload?: unknown, ip = '127.0.0.1') =>
  t.app.inject({
    method,
    url,
    remoteAddress: ip,
    headers: { ...(jar ? { cookie: jar.header() } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  });

async function freieZeiten(anliegen: string, kanal: string): Promise<Zeit[]> {
  const heute = lokalesDatum(t.ctx.clock.now());
  const bis = plusTage(lokalesDatum(t.ctx.clock.now()), 30);
  const res = await json(null, 'GET', `/api/termine/freie-zeiten?anliegen=${anliegen}&kanal=${kanal}&von=${heute}&bis=${bis}`);
  expect(res.statusCode).toBe(200);
  return (res.json().zeiten as Zeit[]).filter((z) => new Date(z.beginn).getTime() > t.ctx.clock.now().getTime() + 30 * 3_600_000);
}

const linkAus = (text: string, pfad: string) => new RegExp(`${pfad}/([A-Za-z0-9_.-]+)`).exec(text)?.[1] ?? '';

/** Books without account (double opt-in) and returns the personal link's token from the confirmation mail. */
async function bucheOhneKonto(email: string, anliegen: string, kanal: string, beginn: string, ip: string): Promise<{ token: string; terminId: string }> {
  const r = await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: anliegen, kanal, beginn, email, name: 'Gerda Gast' }, ip);
  expect(r.statusCode, r.body).toBe(202);
  const optin = await t.mail.waitFor((m) => m.to.includes(email) && m.subject.includes('bestätigen'));
  const b = await json(null, 'POST', '/api/termine/bestaetigung', { token: linkAus(optin.text, '/termine/bestaetigen') }, ip);
  expect(b.statusCode).toBe(201);
  const mail = await t.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Ihr Termin ist gebucht'));
  const token = linkAus(mail.text, '/termine/verwalten');
  expect(token.length).toBeGreaterThan(40);
  return { token, terminId: b.json().id as string };
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.ready();
}, 60_000);
afterAll(() => t.close());

describe('Termin ohne Konto: persönlicher Link', () => {
  it('ansehen, verschieben (Formular ohne JS), absagen; falscher Link 404, nach der Absage 410; protokolliert', async () => {
    const zeiten = await freieZeiten('beratung_integration', 'vor_ort');
    const { token, terminId } = await bucheOhneKonto('link.gast@example.org', 'beratung_integration', 'vor_ort', zeiten[0]!.beginn, '10.0.1.1');
    // only the hash is stored
    const gespeichert = (await t.ctx.db.withSystem((tx) => tx.execute<{ h: string | null }>(sql`select verwaltung_token_hash as h from termine where id = ${terminId}`))).rows[0]!;
    expect(gespeichert.h).toBeTruthy();
    expect(gespeichert.h).not.toBe(token);

    const api = await json(null, 'GET', `/api/termine/verwalten/${token}`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ id: terminId, status: 'gebucht', beginn: new Date(zeiten[0]!.beginn).toISOString() });
    const seite = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}` });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Beratung');
    expect(seite.body).toContain('Termin verschieben');

    // guessing: 404, no hint whether anything exists
    const falsch = `${token.slice(0, -4)}AAAA`;
    expect((await json(null, 'GET', `/api/termine/verwalten/${falsch}`)).statusCode).toBe(404);
    expect((await json(null, 'POST', `/api/termine/verwalten/${falsch}/absagen`)).statusCode).toBe(404);
    const falscheSeite = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${falsch}`, headers: { accept: 'text/html' } });
    expect(falscheSeite.statusCode).toBe(404);
    expect(falscheSeite.body).toContain('Seite nicht gefunden');
    // the link is no key to other appointments, and a session is no key to the link's appointment
    const buerger = await signIn(t.app, 'buerger@musterland.example');
    expect((await json(buerger, 'GET', `/api/termine/${terminId}`)).statusCode).toBe(404);

    // move through the no-JS form
    const gast = new CookieJar();
    const leer = await postForm(t.app, gast, `/termine/verwalten/${token}`, { _aktion: 'verschieben' });
    expect(leer.statusCode).toBe(400);
    expect(leer.body).toMatch(/feld-beginn-fehler/);
    const v = await postForm(t.app, gast, `/termine/verwalten/${token}`, { _aktion: 'verschieben', beginn: zeiten[2]!.beginn });
    expect(v.statusCode, v.body.slice(0, 500)).toBe(302);
    expect(v.headers.location).toBe(`/termine/verwalten/${token}`);
    const nachher = (await json(null, 'GET', `/api/termine/verwalten/${token}`)).json();
    expect(nachher).toMatchObject({ sequenz: 1, beginn: new Date(zeiten[2]!.beginn).toISOString() });
    const aenderung = await t.mail.waitFor((m) => m.to.includes('link.gast@example.org') && m.subject.startsWith('Ihr Termin wurde verschoben'));
    expect(aenderung.text).toContain(`/termine/verwalten/${token}`);

    // cancel; afterwards the link is used up
    const a = await json(null, 'POST', `/api/termine/verwalten/${token}/absagen`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'abgesagt' });
    await t.mail.waitFor((m) => m.to.includes('link.gast@example.org') && m.subject.startsWith('Ihr Termin wurde abgesagt'));
    const danach = await json(null, 'GET', `/api/termine/verwalten/${token}`);
    expect(danach.statusCode).toBe(410);
    expect(danach.json().error).toBe('link_verbraucht');
    expect((await json(null, 'POST', `/api/termine/verwalten/${token}/verschieben`, { beginn: zeiten[4]!.beginn })).statusCode).toBe(410);
    expect((await json(null, 'POST', `/api/termine/verwalten/${token}/absagen`)).statusCode).toBe(410);
    const danachSeite = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}`, headers: { accept: 'text/html' } });
    expect(danachSeite.statusCode).toBe(410);
    expect(danachSeite.body).toContain('abgesagt');
    // in the citizen's language (cookie of the language switch)
    const englisch = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}`, headers: { accept: 'text/html', cookie: 'vorort_sprache=en' } });
    expect(englisch.statusCode).toBe(410);
    expect(englisch.body).toContain('This link is no longer valid');

    const protokoll = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ purpose: string; actor_role: string }>(sql`select purpose, actor_role from audit_log where object_id = ${terminId} order by at`),
    );
    const zwecke = protokoll.rows.map((r) => r.purpose);
    expect(zwecke).toEqual(expect.arrayContaining(['Termin ansehen (persönlicher Link)', 'Termin verschieben (persönlicher Link)', 'Termin absagen (persönlicher Link)']));
    expect(protokoll.rows.filter((r) => r.purpose.includes('persönlicher Link')).every((r) => r.actor_role === 'system:terminlink')).toBe(true);
  });

  it('absagen über das Formular führt zur Übersicht; Frist abgelaufen → Hinweis statt Knöpfen', async () => {
    const zeiten = await freieZeiten('beratung_integration', 'vor_ort');
    const { token, terminId } = await bucheOhneKonto('link.kurz@example.org', 'beratung_integration', 'vor_ort', zeiten[5]!.beginn, '10.0.1.2');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(180)}, ende = ${spaeter(225)}, blockiert_bis = ${spaeter(240)} where id = ${terminId}`));
    const seite = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}` });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Bitte rufen Sie uns an');
    expect(seite.body).not.toContain('name="_aktion" value="absagen"');
    const zuSpaet = await json(null, 'POST', `/api/termine/verwalten/${token}/absagen`);
    expect(zuSpaet.statusCode).toBe(400);
    expect(zuSpaet.json().error).toBe('frist_abgelaufen_absagen');

    const zweite = await bucheOhneKonto('link.form@example.org', 'beratung_integration', 'vor_ort', zeiten[6]!.beginn, '10.0.1.2');
    const r = await postForm(t.app, new CookieJar(), `/termine/verwalten/${zweite.token}`, { _aktion: 'absagen' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/termine');
    expect((await json(null, 'GET', `/api/termine/verwalten/${zweite.token}`)).statusCode).toBe(410);
  });

  it('Video-Termin ohne Konto: Warteraum über den Link, Einlassen durch die Sachbearbeitung', async () => {
    const zeiten = await freieZeiten('erstgespraech', 'video');
    const { token, terminId } = await bucheOhneKonto('video.gast@example.org', 'erstgespraech', 'video', zeiten[0]!.beginn, '10.0.1.3');
    const mail = await t.mail.waitFor((m) => m.to.includes('video.gast@example.org') && m.subject.startsWith('Ihr Termin ist gebucht'));
    expect(mail.text).toContain(`/termine/verwalten/${token}/video`);
    const staffEmail = (await t.ctx.db.withSystem((tx) => tx.execute<{ email: string }>(sql`select u.email from termine t join termin_ressourcen r on r.id = t.ressource_id join users u on u.id = r.user_id where t.id = ${terminId}`))).rows[0]!.email;

    // before the window: the page explains, the socket is refused
    const frueh = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}/video` });
    expect(frueh.statusCode).toBe(200);
    expect(frueh.body).toContain('Der Warteraum öffnet 15 Minuten vor Beginn');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(5)}, ende = ${spaeter(50)}, blockiert_bis = ${spaeter(65)} where id = ${terminId}`));
    const seite = await t.app.inject({ method: 'GET', url: `/termine/verwalten/${token}/video` });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('data-link=');
    expect(seite.body).toContain('data-texte=');

    await expect(t.app.injectWS(`/api/video/${terminId}/ws`)).rejects.toThrow(/401/);
    await expect(t.app.injectWS(`/api/video/${terminId}/ws?link=${token.slice(0, -4)}AAAA`)).rejects.toThrow(/404/);
    const gast = await t.app.injectWS(`/api/video/${terminId}/ws?link=${token}`);
    const sb = await t.app.injectWS(`/api/video/${terminId}/ws`, { headers: { cookie: (await signIn(t.app, staffEmail)).header() } });
    const vonGast = sammeln(gast);
    const vonSb = sammeln(sb);
    sb.send(JSON.stringify({ typ: 'join', terminId }));
    gast.send(JSON.stringify({ typ: 'join', terminId }));
    expect(await vonGast.naechste('waiting')).toMatchObject({ wartet: 'selbst' });
    expect(await vonSb.naechste('waiting')).toMatchObject({ wartet: 'buerger' });
    sb.send(JSON.stringify({ typ: 'admit' }));
    expect(await vonGast.naechste('admit')).toMatchObject({ anbieter: false });
    expect(await vonSb.naechste('admit')).toMatchObject({ anbieter: true });
    gast.send(JSON.stringify({ typ: 'chat', text: 'Hallo aus dem Browser' }));
    expect(await vonSb.naechste('chat')).toMatchObject({ von: 'buerger', text: 'Hallo aus dem Browser' });
    gast.terminate();
    sb.terminate();
    const protokoll = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_id = ${terminId} and purpose = 'Video-Beratung betreten (persönlicher Link)'`));
    expect(protokoll.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

function sammeln(ws: WebSocket) {
  const liste: { typ: string; [k: string]: unknown }[] = [];
  ws.on('message', (d: Buffer) => liste.push(JSON.parse(d.toString())));
  return {
    naechste: async (typ: string) => {
      for (let i = 0; i < 100; i++) {
        const idx = liste.findIndex((m) => m.typ === typ);
        if (idx >= 0) return liste.splice(idx, 1)[0]!;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`keine Nachricht ${typ}; erhalten: ${JSON.stringify(liste)}`);
    },
  };
}

describe('Warteliste für Bürgerinnen und Bürger', () => {
  it('angemeldet: Eintrag sehen und über das Formular zurückziehen', async () => {
    const buerger = await signIn(t.app, 'buerger@musterland.example');
    const w = await json(buerger, 'POST', '/api/termine/warteliste', { anliegen: 'leistungsfragen', kanaele: ['telefon'] });
    expect(w.statusCode).toBe(201);
    const id = w.json().id as string;
    const meine = await json(buerger, 'GET', '/api/termine/warteliste/meine');
    expect(meine.json().eintraege).toEqual([expect.objectContaining({ id, status: 'wartend' })]);
    const seite = await t.app.inject({ method: 'GET', url: '/termine', headers: { cookie: buerger.header() } });
    expect(seite.body).toContain('Meine Warteliste');
    expect(seite.body).toContain(`value="${id}"`);
    // staff cannot withdraw a citizen's entry through the citizen route
    const zweite = await signIn(t.app, 'integration@musterland.example');
    expect((await json(zweite, 'POST', `/api/termine/warteliste/${id}/zurueckziehen`)).statusCode).toBe(403);
    const r = await postForm(t.app, buerger, '/termine', { eintragId: id });
    expect(r.statusCode).toBe(302);
    const danach = await json(buerger, 'GET', '/api/termine/warteliste/meine');
    expect(danach.json().eintraege).toEqual([expect.objectContaining({ id, status: 'zurueckgezogen' })]);
    expect((await json(buerger, 'POST', `/api/termine/warteliste/${id}/zurueckziehen`)).statusCode).toBe(410);
  });

  it('ohne Konto: Link aus der E-Mail, Eintrag zurückziehen, danach 410; gefälschter Link 404', async () => {
    const w = await json(null, 'POST', '/api/termine/warteliste', { traeger: 'musterland', anliegen: 'beratung_integration', kanaele: ['vor_ort'], email: 'warte.link@example.org', name: 'Wanda Warte' }, '10.0.2.1');
    expect(w.statusCode).toBe(201);
    const mail = await t.mail.waitFor((m) => m.to.includes('warte.link@example.org') && m.subject.includes('Warteliste'));
    const token = linkAus(mail.text, '/termine/warteliste');
    expect(token.startsWith(w.json().id)).toBe(true);
    const api = await json(null, 'GET', `/api/termine/warteliste/link/${token}`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ status: 'wartend', kanaele: ['vor_ort'] });
    const seite = await t.app.inject({ method: 'GET', url: `/termine/warteliste/${token}` });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Von der Warteliste austragen');
    const gefaelscht = `${w.json().id}.${'A'.repeat(43)}`;
    expect((await json(null, 'GET', `/api/termine/warteliste/link/${gefaelscht}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/termine/warteliste/${gefaelscht}`, headers: { accept: 'text/html' } })).statusCode).toBe(404);

    const r = await postForm(t.app, new CookieJar(), `/termine/warteliste/${token}`, {});
    expect(r.statusCode).toBe(302);
    const danach = await json(null, 'GET', `/api/termine/warteliste/link/${token}`);
    expect(danach.statusCode).toBe(410);
    expect(danach.json().error).toBe('link_verbraucht');
    const zweimal = await json(null, 'POST', `/api/termine/warteliste/link/${token}/zurueckziehen`);
    expect(zweimal.statusCode).toBe(410);
    const eintrag = (await t.ctx.db.withSystem((tx) => tx.execute<{ status: string }>(sql`select status from warteliste_eintraege where id = ${w.json().id}`))).rows[0]!;
    expect(eintrag.status).toBe('zurueckgezogen');
  });
});

describe('Rate-Limit für Anfragen ohne Konto', () => {
  it('je E-Mail-Adresse 5 Anfragen, dann 429 mit Retry-After und deutscher Meldung', async () => {
    const gestern = new Date(t.ctx.clock.now().getTime() - 86_400_000).toISOString();
    const anfrage = () => json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'leistungsfragen', kanal: 'telefon', beginn: gestern, email: 'viel@example.org', name: 'Viktor Viel' }, '10.0.3.1');
    for (let i = 0; i < 5; i++) expect((await anfrage()).statusCode).toBe(400);
    const gesperrt = await anfrage();
    expect(gesperrt.statusCode).toBe(429);
    expect(gesperrt.json()).toMatchObject({ error: 'too_many_requests', message: expect.stringMatching(/Zu viele Anfragen.*Minuten/) });
    expect(Number(gesperrt.headers['retry-after'])).toBeGreaterThan(0);
    // the same address with another e-mail is still allowed; the Warteliste counts for the same e-mail too
    expect((await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'leistungsfragen', kanal: 'telefon', beginn: gestern, email: 'andere@example.org', name: 'A' }, '10.0.3.1')).statusCode).toBe(400);
    expect((await json(null, 'POST', '/api/termine/warteliste', { traeger: 'musterland', anliegen: 'leistungsfragen', kanaele: ['telefon'], email: 'viel@example.org' }, '10.0.3.9')).statusCode).toBe(429);
  });

  it('je Adresse 20 Anfragen, dann 429 – auch im Formular, mit der Meldung am Feld', async () => {
    const gestern = new Date(t.ctx.clock.now().getTime() - 86_400_000).toISOString();
    const status: number[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await json(null, 'POST', '/api/termine/warteliste', { traeger: 'musterland', anliegen: 'leistungsfragen', kanaele: ['telefon'], email: `person${i}@example.org` }, '10.0.4.1');
      status.push(r.statusCode);
    }
    expect(status.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(status[20]).toBe(429);
    expect((await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'leistungsfragen', kanal: 'telefon', beginn: gestern, email: 'neu@example.org', name: 'N' }, '10.0.4.1')).statusCode).toBe(429);

    // the form (without JavaScript) from an address that is locked
    const gast = new CookieJar();
    const url = '/termine/buchen?anliegen=leistungsfragen&kanal=telefon';
    const zeiten = await freieZeiten('leistungsfragen', 'telefon');
    for (let i = 0; i < 20; i++) await json(null, 'POST', '/api/termine/anfrage', { traeger: 'musterland', anliegenId: 'leistungsfragen', kanal: 'telefon', beginn: gestern, email: `f${i}@example.org`, name: 'F' });
    const r = await postForm(t.app, gast, url, { beginn: zeiten[0]!.beginn, email: 'formular@example.org', name: 'Fritz Formular' });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBeTruthy();
    expect(r.body).toContain('Zu viele Anfragen');
    expect(r.body).toMatch(/feld-email-fehler/);
  });
});
