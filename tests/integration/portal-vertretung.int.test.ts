import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/context.ts';
import { onlineErstantragEingang } from '../../src/server/fall/online-antrag-eingang.ts';
import { stelleBescheidZu } from '../../src/server/portal/bescheid-zustellen.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { kleinesPdf } from '../helpers/testdateien.ts';

/** Postfach both ways, Zustellungswunsch, Bevollmächtigte within scope and revocation, Veränderungsmitteilung (issue 5). */
let t: TestApp;
let buerger: CookieJar;
let berater: CookieJar;
let zweite: CookieJar;
let leistung: CookieJar;
let buergerId: string;
let beraterId: string;
let bgId: string;

async function neuerBuerger(email: string, name: string): Promise<string> {
  const r = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string }>(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
      select traeger_id, 'buerger', ${email}, ${name}, password_hash, now(), roles from users where email = 'buerger@musterland.example' returning id`),
  );
  return r.rows[0]!.id;
}
const get = (jar: CookieJar, url: string) => t.app.inject({ url, headers: { cookie: jar.header(), accept: 'text/html' } }).then((r) => jar.store(r));

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  beraterId = await neuerBuerger('berater@beratung.example', 'Bea Beraterin');
  await neuerBuerger('zweite@musterland.example', 'Zweite Person');
  const r = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string; traeger_id: string; kommune: string }>(
      sql`select u.id, u.traeger_id, (select id from kommunen k where k.traeger_id = u.traeger_id and k.name = 'Musterstadt') as kommune from users u where u.email = 'buerger@musterland.example'`,
    ),
  );
  const row = r.rows[0]!;
  buergerId = row.id;
  traegerId = row.traeger_id;
  const actor: Actor = { userId: row.id, traegerId: row.traeger_id, traegerName: 'Kreis Musterland', art: 'buerger', email: 'buerger@musterland.example', name: 'Max Mustermann', roles: ['buerger'], standorte: [], sessionId: 's', requestId: 'r' };
  const antrag = await onlineErstantragEingang.execute({
    ctx: t.ctx,
    actor,
    input: {
      antragsdatum: '2025-03-03',
      eingangskanal: 'online',
      personen: [{ ref: 'a', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1979-09-09', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Portalweg', hausnummer: '1', plz: '12345', ort: 'Musterstadt', kommuneId: row.kommune },
      bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
    },
  });
  leistung = await signIn(t.app, 'leistung@musterland.example');
  const res = await postForm(t.app, leistung, '/arbeitsvorrat', { antrag: antrag.id, version: String(antrag.version), _aktion: 'uebernehmen' });
  bgId = String(res.headers.location).split('/').pop()!;
  buerger = await signIn(t.app, 'buerger@musterland.example');
  berater = await signIn(t.app, 'berater@beratung.example');
  zweite = await signIn(t.app, 'zweite@musterland.example');
});
afterAll(() => t?.close());

describe('Postfach', () => {
  it('staff reply from the Fallakte reaches the citizen; the citizen writes back with an attachment', async () => {
    const akte = await get(leistung, `/faelle/${bgId}`);
    expect(akte.body).toContain('Postfach (Bürgerportal)');
    const res = await postForm(t.app, leistung, `/faelle/${bgId}/postfach`, { betreff: 'Bitte Kontoauszüge', text: 'Bitte laden Sie die Kontoauszüge hoch.' });
    expect(res.statusCode).toBe(302);
    const pf = await get(buerger, '/portal/postfach');
    expect(pf.body).toContain('Bitte Kontoauszüge');
    expect((await get(zweite, '/portal/postfach')).body).not.toContain('Bitte Kontoauszüge');

    // citizen → Jobcenter with a PDF attachment (multipart); clamd is not reachable here → attachment kept in quarantine
    const token = /name="_csrf" value="([^"]+)"/.exec(pf.body)![1]!;
    const grenze = '----vorortpf';
    const body = Buffer.concat([
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${grenze}\r\nContent-Disposition: form-data; name="betreff"\r\n\r\nKontoauszüge\r\n--${grenze}\r\nContent-Disposition: form-data; name="text"\r\n\r\nAnbei.\r\n`),
      Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="konto.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      kleinesPdf(),
      Buffer.from(`\r\n--${grenze}--\r\n`),
    ]);
    const send = await t.app.inject({ method: 'POST', url: '/portal/postfach/senden', headers: { cookie: buerger.header(), 'content-type': `multipart/form-data; boundary=${grenze}` }, payload: body });
    expect(send.statusCode).toBe(303);
    expect(send.headers.location).toContain('gesendet=1');
    const akte2 = await get(leistung, `/faelle/${bgId}`);
    expect(akte2.body).toContain('Kontoauszüge');
    expect(akte2.body).toContain('konto.pdf (in Quarantäne)');
  });

  it('Bescheide go to the Postfach only after the citizen opted in', async () => {
    const pdf = kleinesPdf('Bescheid');
    const zustellen = () =>
      t.ctx.db.withTenant({ traegerId: leistungTraeger() }, (tx) => stelleBescheidZu({ tx, actor: { system: 'test', traegerId: leistungTraeger() }, bgId, titel: 'Bewilligungsbescheid', pdf, dateiname: 'bescheid.pdf' }));
    expect(await zustellen()).toBe('post');
    expect((await get(buerger, '/portal/postfach')).body).toContain('Bescheide erhalten Sie per Post');
    const res = await postForm(t.app, buerger, '/portal/zustellung', { online: 'ja' });
    expect(res.statusCode).toBe(302);
    expect(await zustellen()).toBe('postfach');
    const pf = await get(buerger, '/portal/postfach');
    expect(pf.body).toContain('Bewilligungsbescheid');
    expect(pf.body).toContain('bescheid.pdf');
  });
});

describe('Weiterbewilligungsantrag', () => {
  it('is pre-filled from the current Fallakte', async () => {
    const start = await postForm(t.app, buerger, '/portal/antrag/neu', { flow: 'weiterbewilligung' });
    expect(start.statusCode).toBe(302);
    const id = String(start.headers.location).split('/')[3]!;
    const daten = (await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: buerger.header() } })).json().daten;
    expect(daten.antragsdatum).toBeUndefined();
    expect(daten.antragsteller).toMatchObject({ vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1979-09-09' });
    expect(daten.anschrift).toMatchObject({ strasse: 'Portalweg', plz: '12345', ort: 'Musterstadt' });
    expect(daten.bank).toMatchObject({ iban: 'DE02120300000000202051' });
    expect(daten.haushalt).toEqual({ partner: false, kinder: false, weiterePersonen: false });
    // the person page shows the stored values
    const seite = await postForm(t.app, buerger, `/portal/antrag/${id}/schritt/antrag`, { beantragt: '1' });
    const person = await get(buerger, String(seite.headers.location));
    expect(person.body).toContain('value="Max"');
  });
});

let traegerId = '';
function leistungTraeger() {
  return traegerId;
}

describe('Bevollmächtigte', () => {
  it('refuses an unknown account or oneself with the same message', async () => {
    const a = await postForm(t.app, buerger, '/portal/vollmachten', { email: 'niemand@example.org', umfang: 'lesen' });
    expect(a.statusCode).toBe(400);
    expect(a.body).toContain('kein Konto im Bürgerportal');
    const b = await postForm(t.app, buerger, '/portal/vollmachten', { email: 'leistung@musterland.example', umfang: 'lesen' });
    expect(b.statusCode).toBe(400);
    expect(b.body).toContain('kein Konto im Bürgerportal');
  });

  it('scope "lesen": the representative reads but cannot act', async () => {
    expect((await get(berater, `/portal?fuer=${buergerId}`)).statusCode).toBe(404);
    const res = await postForm(t.app, buerger, '/portal/vollmachten', { email: 'berater@beratung.example', umfang: 'lesen' });
    expect(res.statusCode).toBe(302);
    const uebersicht = await get(berater, `/portal?fuer=${buergerId}`);
    expect(uebersicht.statusCode).toBe(200);
    expect(uebersicht.body).toContain('Max Mustermann');
    expect((await get(berater, `/portal/postfach?fuer=${buergerId}`)).body).toContain('Bitte Kontoauszüge');
    const start = await postForm(t.app, berater, '/portal/antrag/neu', { flow: 'veraenderung-bank', fuer: buergerId });
    expect(start.statusCode).toBe(404);
    // another citizen still sees nothing
    expect((await get(zweite, `/portal?fuer=${buergerId}`)).statusCode).toBe(404);
  });

  it('scope "handeln": the representative reports a change for the citizen, recorded as their own action; revocation ends access', async () => {
    const res = await postForm(t.app, buerger, '/portal/vollmachten', { email: 'berater@beratung.example', umfang: 'handeln', gueltigBis: '2099-12-31' });
    expect(res.statusCode).toBe(302);
    const start = await postForm(t.app, berater, '/portal/antrag/neu', { flow: 'veraenderung-bank', fuer: buergerId });
    expect(start.statusCode).toBe(302);
    const id = String(start.headers.location).split('/')[3]!;
    let u = String((await get(berater, `/portal/antrag/${id}`)).headers.location);
    for (const felder of <Record<string, string>[]>[{ iban: 'DE89370400440532013000', kontoinhaber: 'Max Mustermann' }, { ab: '2025-05-01' }, { richtig: '1' }]) {
      const r = await postForm(t.app, berater, u, felder);
      expect(r.statusCode, r.body.slice(0, 500)).toBe(302);
      u = String(r.headers.location);
    }
    expect(u).toBe(`/portal/antrag/${id}/absenden`);
    const absenden = await postForm(t.app, berater, u, {});
    expect(absenden.statusCode).toBe(302);
    const antrag = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ art: string; bg_id: string; eingereicht_von: string; payload: { daten: { bank: { iban: string } } } }>(sql`select a.art, a.bg_id, a.eingereicht_von, a.payload from antraege a join antrag_entwuerfe e on e.antrag_id = a.id where e.id = ${id}`),
    );
    expect(antrag.rows[0]).toMatchObject({ art: 'veraenderung', bg_id: bgId, eingereicht_von: buergerId });
    expect(antrag.rows[0]!.payload.daten.bank.iban).toBe('DE89370400440532013000');
    // the citizen sees the notice in their status list
    expect((await get(buerger, '/portal')).body).toContain('Veränderungsmitteilung');
    // audit: recorded as the representative's action
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ actor_user_id: string }>(sql`select actor_user_id from audit_log where object_type = 'antrag' and action = 'create' and purpose like 'Bürgerportal: Veränderungsmitteilung%'`));
    expect(audit.rows.map((r) => r.actor_user_id)).toEqual([beraterId]);

    // revoke both authorisations
    const seite = await get(buerger, '/portal/vollmachten');
    for (const m of seite.body.matchAll(/name="id" value="([^"]+)"/g)) {
      const r = await postForm(t.app, buerger, '/portal/vollmachten', { id: m[1]!, _aktion: 'widerrufen' });
      expect(r.statusCode).toBe(302);
    }
    expect((await get(berater, `/portal?fuer=${buergerId}`)).statusCode).toBe(404);
    expect((await get(berater, `/portal/antrag/${id}/eingegangen`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: berater.header() } })).statusCode).toBe(404);
    // the representative cannot revoke (or see) the citizen's authorisations
    const fremd = await postForm(t.app, zweite, '/portal/vollmachten', { id: [...seite.body.matchAll(/name="id" value="([^"]+)"/g)][0]![1]!, _aktion: 'widerrufen' });
    expect(fremd.statusCode).toBe(404);
  });
});
