import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinFenster, checkinToken, lokalesDatum, plusTage } from '../../src/domain/termine/index.ts';
import { checkinGeheimnis } from '../../src/server/termine/mails.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { versendeMails } from '../../src/mail/ausgang.ts';
import { ausgangFuer, sofortFaellig } from '../helpers/mail-ausgang.ts';
import { startMailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer } from '../../src/mail/mailer.ts';

let t: TestApp;
/** The application's "now" (business clock, VORORT_TEST_CLOCK) `minuten` later – never the wall clock. */
const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);

let ivo: CookieJar;

const json = (jar: CookieJar | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { ...(jar ? { cookie: jar.header() } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });

async function naechsteZeit(anliegen: string, kanal: string): Promise<string> {
  const heute = lokalesDatum(t.ctx.clock.now());
  const bis = plusTage(lokalesDatum(t.ctx.clock.now()), 30);
  const res = await json(null, 'GET', `/api/termine/freie-zeiten?anliegen=${anliegen}&kanal=${kanal}&von=${heute}&bis=${bis}`);
  return (res.json().zeiten as { beginn: string }[]).find((z) => new Date(z.beginn).getTime() > t.ctx.clock.now().getTime() + 30 * 3_600_000)!.beginn;
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  ivo = await signIn(t.app, 'integration@musterland.example');
}, 60_000);
afterAll(() => t.close());

describe('Termine: Personal', () => {
  it('mail server down: the invitation is booked, its mail waits in the outbox with the .ics and is sent later', async () => {
    const beginn = await naechsteZeit('beratung_integration', 'vor_ort');
    const echt = t.ctx.mailer;
    const tot = await startMailCatcher();
    const port = tot.port;
    await tot.close();
    t.ctx.mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: t.ctx.config.mailFrom });
    let r;
    try {
      r = await json(ivo, 'POST', '/api/termine/personal/einladungen', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn, email: 'spaeter@example.org', name: 'Paul Später', zweck: 'vermittlung' });
    } finally {
      t.ctx.mailer.close();
      t.ctx.mailer = echt;
    }
    expect(r.statusCode).toBe(201);
    const wartend = await ausgangFuer(t, 'spaeter@example.org');
    expect(wartend.map((w) => [w.anlass, w.versuche])).toEqual([['termine', 1]]);
    expect(wartend[0]!.mail.attachments?.map((a) => a.filename)).toContain('termin.ics');
    await sofortFaellig(t, wartend.map((w) => w.id));
    expect(await versendeMails({ ctx: t.ctx })).toBe(1);
    const mail = await t.mail.waitFor((m) => m.to.includes('spaeter@example.org'));
    expect(mail.text).toContain('§ 59 SGB II');
    expect(mail.attachments.some((a) => a.filename === 'termin.ics')).toBe(true);
  });

  it('Einladung mit Meldeaufforderung, Ergebnis erst ab Beginn und nur einmal, Begründung bei Nichterscheinen', async () => {
    const beginn = await naechsteZeit('beratung_integration', 'vor_ort');
    const r = await json(ivo, 'POST', '/api/termine/personal/einladungen', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn, email: 'eingeladen@example.org', name: 'Ilse Eingeladen', zweck: 'vermittlung', mitbringen: ['Lebenslauf'] });
    expect(r.statusCode).toBe(201);
    const termin = r.json();
    expect(termin.art).toBe('einladung');
    const mail = await t.mail.waitFor((m) => m.to.includes('eingeladen@example.org'));
    expect(mail.text).toContain('§ 59 SGB II');
    expect(mail.text).toContain('Lebenslauf');
    expect(mail.attachments.some((a) => a.filename === 'termin.ics')).toBe(true);

    const kal = await json(ivo, 'GET', `/api/termine/personal/kalender?ansicht=person&datum=${new Date(beginn).toISOString().slice(0, 10)}&tage=7`);
    expect(kal.statusCode).toBe(200);
    expect(kal.json().termine.map((x: { id: string }) => x.id)).toContain(termin.id);

    const eid = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from einladungen where termin_id = ${termin.id}`))).rows[0]!.id;
    const zuFrueh = await json(ivo, 'POST', `/api/termine/personal/einladungen/${eid}/ergebnis`, { ergebnis: 'wahrgenommen', version: 1 });
    expect(zuFrueh.statusCode).toBe(409);
    expect(zuFrueh.json().error).toBe('zu_frueh');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(-60)}, ende = ${spaeter(-30)}, blockiert_bis = ${spaeter(-30)} where id = ${termin.id}`));
    const ohneGrund = await json(ivo, 'POST', `/api/termine/personal/einladungen/${eid}/ergebnis`, { ergebnis: 'nicht_erschienen_ohne_wichtigen_grund', version: 1 });
    expect(ohneGrund.statusCode).toBe(400);
    expect(ohneGrund.json().error).toBe('grund_fehlt');
    const ok = await json(ivo, 'POST', `/api/termine/personal/einladungen/${eid}/ergebnis`, { ergebnis: 'nicht_erschienen_mit_wichtigem_grund', begruendung: 'Arbeitsunfähigkeitsbescheinigung liegt vor', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('nicht_erschienen_mit_wichtigem_grund');
    const nochmal = await json(ivo, 'POST', `/api/termine/personal/einladungen/${eid}/ergebnis`, { ergebnis: 'wahrgenommen', version: 2 });
    expect(nochmal.statusCode).toBe(409);
    expect(nochmal.json().error).toBe('bereits_erfasst');
    const seite = await t.app.inject({ method: 'GET', url: `/termine/einladungen/${eid}`, headers: { cookie: ivo.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('§ 59 SGB II');
    expect(seite.body).toContain('Arbeitsunfähigkeitsbescheinigung liegt vor');
  });

  it('Check-in mit dem QR-Token: nur im Fenster, nur für Personal, einmal erfasst', async () => {
    const buerger = await signIn(t.app, 'buerger@musterland.example');
    const beginn = await naechsteZeit('beratung_integration', 'vor_ort');
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn });
    expect(r.statusCode).toBe(201);
    const id = r.json().id as string;
    const token = checkinToken(id, checkinFenster({ beginn: new Date(beginn) }).bis, checkinGeheimnis(t.ctx));
    const zuFrueh = await json(ivo, 'POST', '/api/termine/personal/checkin', { token });
    expect(zuFrueh.statusCode).toBe(409);
    expect(zuFrueh.json().error).toBe('checkin_zu_frueh');
    expect((await json(buerger, 'POST', '/api/termine/personal/checkin', { token })).statusCode).toBe(403);
    expect((await json(ivo, 'POST', '/api/termine/personal/checkin', { token: `${token.slice(0, -3)}abc` })).statusCode).toBe(400);
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(10)}, ende = ${spaeter(40)}, blockiert_bis = ${spaeter(40)} where id = ${id}`));
    const ok = await postForm(t.app, ivo, `/checkin/${token}`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.body, ok.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 3000)).toContain('ist angekommen');
    const row = (await t.ctx.db.withSystem((tx) => tx.execute<{ eingecheckt_am: Date | null }>(sql`select eingecheckt_am from termine where id = ${id}`))).rows[0]!;
    expect(row.eingecheckt_am).not.toBeNull();
  });

  it('Sprechzeiten pflegen: eigene ja, ungültige Zeiten 400, fremde Ressource 403/404', async () => {
    const res = await json(ivo, 'GET', '/api/termine/personal/ressourcen');
    const ressourcen = res.json().ressourcen as { id: string; name: string }[];
    const eigene = ressourcen.find((r) => r.name === 'Ivo Integration')!;
    const fremde = ressourcen.find((r) => r.name === 'Lena Leistung')!;
    const falsch = await json(ivo, 'POST', `/api/termine/personal/ressourcen/${eigene.id}/sprechzeiten`, { wochentag: 6, von: '12:00', bis: '10:00' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].path).toBe('bis');
    const ok = await json(ivo, 'POST', `/api/termine/personal/ressourcen/${eigene.id}/sprechzeiten`, { wochentag: 6, von: '09:00', bis: '11:00', kanaele: ['video'] });
    expect(ok.statusCode).toBe(201);
    expect((await json(ivo, 'POST', `/api/termine/personal/ressourcen/${fremde.id}/sprechzeiten`, { wochentag: 6, von: '09:00', bis: '11:00' })).statusCode).toBe(403);
    const seite = await t.app.inject({ method: 'GET', url: '/termine/sprechzeiten', headers: { cookie: ivo.header() } });
    expect(seite.body).toContain('Samstag 09:00–11:00');
    const kalender = await t.app.inject({ method: 'GET', url: '/termine/kalender', headers: { cookie: ivo.header() } });
    expect(kalender.statusCode).toBe(200);
    const andererTraeger = await signIn(t.app, 'admin@beispielstadt.example');
    expect((await json(andererTraeger, 'POST', `/api/termine/personal/ressourcen/${eigene.id}/sprechzeiten`, { wochentag: 6, von: '09:00', bis: '11:00' })).statusCode).toBe(404);
  });
  it('Ausnahmen und Abwesenheiten (Teamleitung): geschlossener Tag eines Standorts, Abwesenheit, Team; Fehler am Feld', async () => {
    const leitung = await signIn(t.app, 'teamleitung@musterland.example');
    const seite = await t.app.inject({ method: 'GET', url: '/termine/ausnahmen', headers: { cookie: leitung.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Ausnahme für einen Standort');
    type Zeit = { datum: string; standortId: string; beginn: string };
    const zeiten = async () => {
      const heute = lokalesDatum(t.ctx.clock.now());
      const bis = plusTage(lokalesDatum(t.ctx.clock.now()), 30);
      return (await json(null, 'GET', `/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort&von=${heute}&bis=${bis}`)).json().zeiten as Zeit[];
    };
    const vorher = await zeiten();
    const tag = vorher[0]!;
    expect(vorher.some((z) => z.datum === tag.datum && z.standortId === tag.standortId)).toBe(true);

    const falsch = await postForm(t.app, leitung, '/termine/ausnahmen', { _aktion: 'ausnahme', standortId: tag.standortId, art: 'geschlossen', datum: '', von: '10:00', bis: '' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toMatch(/feld-datum-fehler/);
    expect(falsch.body).toMatch(/feld-bis-fehler/);
    const zu = await postForm(t.app, leitung, '/termine/ausnahmen', { _aktion: 'ausnahme', standortId: tag.standortId, art: 'geschlossen', datum: tag.datum, von: '', bis: '', grund: 'Personalversammlung' });
    expect(zu.statusCode).toBe(302);
    expect((await zeiten()).some((z) => z.datum === tag.datum && z.standortId === tag.standortId)).toBe(false);
    const liste = await t.app.inject({ method: 'GET', url: '/termine/ausnahmen', headers: { cookie: leitung.header() } });
    expect(liste.body).toContain('Personalversammlung');

    // staff without planning rights may not close a Standort …
    expect((await postForm(t.app, ivo, '/termine/ausnahmen', { _aktion: 'ausnahme', standortId: tag.standortId, art: 'geschlossen', datum: tag.datum })).statusCode).toBe(403);
    // … but enter their own absence (whole days); the desk offers nothing then
    const eigene = ((await json(ivo, 'GET', '/api/termine/personal/ressourcen')).json().ressourcen as { id: string; name: string; version: number }[]).find((r) => r.name === 'Ivo Integration')!;
    const andererTag = (await zeiten()).find((z) => z.datum !== tag.datum)!;
    const rueckwaerts = await postForm(t.app, ivo, '/termine/ausnahmen', { _aktion: 'abwesenheit', abwesendRessourceId: eigene.id, abwesendVon: andererTag.datum, abwesendBis: '2020-01-01' });
    expect(rueckwaerts.statusCode).toBe(400);
    expect(rueckwaerts.body).toMatch(/feld-abwesendBis-fehler/);
    const plaetzeAm = async (datum: string) =>
      ((await json(null, 'GET', `/api/termine/freie-zeiten?anliegen=beratung_integration&kanal=vor_ort&von=${datum}&bis=${datum}`)).json().zeiten as { plaetze: number }[]).reduce((n, z) => n + z.plaetze, 0);
    const plaetzeVorher = await plaetzeAm(andererTag.datum);
    expect(plaetzeVorher).toBeGreaterThan(0);
    const weg = await postForm(t.app, ivo, '/termine/ausnahmen', { _aktion: 'abwesenheit', abwesendRessourceId: eigene.id, abwesendVon: andererTag.datum, abwesendBis: andererTag.datum, abwesendGrund: 'Fortbildung' });
    expect(weg.statusCode).toBe(302);
    expect(await plaetzeAm(andererTag.datum)).toBeLessThan(plaetzeVorher);
    const abw = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; von: Date; bis: Date }>(sql`select id, von, bis from termin_abwesenheiten where grund = 'Fortbildung'`))).rows[0]!;
    expect(new Date(abw.bis).getTime() - new Date(abw.von).getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);

    // team of a desk (Teamleitung), with optimistic locking
    const team = await postForm(t.app, leitung, '/termine/ausnahmen', { _aktion: 'team', teamRessourceId: `${eigene.id}|${eigene.version}`, team: 'Team Integration' });
    expect(team.statusCode).toBe(302);
    const veraltet = await postForm(t.app, leitung, '/termine/ausnahmen', { _aktion: 'team', teamRessourceId: `${eigene.id}|${eigene.version}`, team: 'Anderes Team' });
    expect(veraltet.statusCode).toBe(409);
    expect(veraltet.body).toMatch(/feld-team-fehler/);
    expect((await postForm(t.app, ivo, '/termine/ausnahmen', { _aktion: 'team', teamRessourceId: `${eigene.id}|${eigene.version + 1}`, team: 'X' })).statusCode).toBe(403);

    // removing the absence brings the times back
    expect((await postForm(t.app, ivo, '/termine/ausnahmen', { _aktion: 'abwesenheit-entfernen', id: abw.id })).statusCode).toBe(302);
    expect(await plaetzeAm(andererTag.datum)).toBe(plaetzeVorher);
  });
});
