import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
/** The application's "now" (business clock, VORORT_TEST_CLOCK) `minuten` later – never the wall clock. */
const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);
let buerger: CookieJar;
let terminId: string;
let staffEmail: string;

/** Collects the server's messages of one socket; `naechste(typ)` waits for the next message of that type. */
function empfaenger(ws: WebSocket) {
  const liste: { typ: string; [k: string]: unknown }[] = [];
  ws.on('message', (d: Buffer) => liste.push(JSON.parse(d.toString())));
  return {
    liste,
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

const oeffnen = (jar: CookieJar) => t.app.injectWS(`/api/video/${terminId}/ws`, { headers: { cookie: jar.header() } });
const verschiebeAuf = (minuten: number) =>
  t.ctx.db.withSystem((tx) =>
    tx.execute(sql`update termine set beginn = ${spaeter(minuten)}, ende = ${spaeter(minuten + 45)}, blockiert_bis = ${spaeter(minuten + 60)} where id = ${terminId}`),
  );

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await t.app.ready();
  buerger = await signIn(t.app, 'buerger@musterland.example');
  const frei = await t.app.inject({ method: 'GET', url: '/api/termine/freie-zeiten?anliegen=erstgespraech&kanal=video' });
  const beginn = (frei.json().zeiten as { beginn: string }[])[0]!.beginn;
  const r = await t.app.inject({ method: 'POST', url: '/api/termine', headers: { cookie: buerger.header(), 'content-type': 'application/json' }, payload: JSON.stringify({ anliegenId: 'erstgespraech', kanal: 'video', beginn }) });
  if (r.statusCode !== 201) throw new Error(`Buchung fehlgeschlagen: ${r.body}`);
  terminId = r.json().id;
  staffEmail = (await t.ctx.db.withSystem((tx) => tx.execute<{ email: string }>(sql`select u.email from termine t join termin_ressourcen r on r.id = t.ressource_id join users u on u.id = r.user_id where t.id = ${terminId}`))).rows[0]!.email;
}, 60_000);
afterAll(() => t.close());

describe('Video-Beratung: Signalisierung über WebSocket', () => {
  it('vor dem Fenster, ohne Anmeldung und für Fremde wird der Handshake abgelehnt', async () => {
    await verschiebeAuf(180);
    await expect(oeffnen(buerger)).rejects.toThrow(/409/);
    await verschiebeAuf(5);
    const anonym = new (await import('../helpers/app.ts')).CookieJar();
    await expect(oeffnen(anonym)).rejects.toThrow(/401/);
    const anderes = staffEmail === 'leistung@musterland.example' ? 'integration@musterland.example' : 'leistung@musterland.example';
    await expect(oeffnen(await signIn(t.app, anderes))).rejects.toThrow(/404/);
  });

  it('TURN: kurzlebige Zugangsdaten je Teilnahme nur für die Parteien im Fenster, nie das Geheimnis', async () => {
    const geheimnis = 'integrationstest-turn-geheimnis';
    t.ctx.config.turn = { urls: ['turn:turn.example.org:3478'], secret: geheimnis, ttlSekunden: 600 };
    try {
      const ice = async (jar: CookieJar) => {
        const res = await t.app.inject({ method: 'GET', url: `/video/${terminId}`, headers: { cookie: jar.header() } });
        const roh = /data-ice-servers="([^"]*)"/.exec(res.body)?.[1];
        return { status: res.statusCode, body: res.body, server: roh === undefined ? undefined : (JSON.parse(roh.replaceAll('&quot;', '"')) as { urls: string[]; username?: string; credential?: string }[]) };
      };
      await verschiebeAuf(180);
      const zuFrueh = await ice(buerger);
      expect(zuFrueh.server ?? []).toEqual([]);
      expect(zuFrueh.body).toContain('Der Warteraum öffnet 15 Minuten vor Beginn des Termins.');
      // the Träger's rules decide the window: opening 200 minutes ahead, the room is open 180 minutes before the start
      await t.ctx.db.withSystem((tx) => tx.execute(sql`insert into termin_regeln (traeger_id, video_offen_vor_minuten) select traeger_id, 200 from termine where id = ${terminId}`));
      expect((await ice(buerger)).server!.some((x) => x.username)).toBe(true);
      await t.ctx.db.withSystem((tx) => tx.execute(sql`update termin_regeln set video_offen_vor_minuten = 120`));
      expect((await ice(buerger)).body).toContain('Der Warteraum öffnet 120 Minuten vor Beginn des Termins.');
      await t.ctx.db.withSystem((tx) => tx.execute(sql`delete from termin_regeln`));
      await verschiebeAuf(5);
      // the room's window follows the business clock; coturn checks the expiry against its real clock
      const vorher = Math.floor(t.ctx.clock.now().getTime() / 1000);
      const echt = Math.floor(Date.now() / 1000);
      const b = await ice(buerger);
      expect(b.status).toBe(200);
      const turn = b.server!.find((x) => x.username)!;
      expect(turn.urls).toEqual(['turn:turn.example.org:3478']);
      const [ablauf, kennung] = turn.username!.split(':');
      // valid at least until the room closes (60 min after the start, which is 5 min from now)
      expect(Number(ablauf)).toBeGreaterThanOrEqual(vorher + 64 * 60);
      expect(Number(ablauf)).toBeGreaterThan(echt);
      expect(kennung).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const { createHmac } = await import('node:crypto');
      expect(turn.credential).toBe(createHmac('sha1', geheimnis).update(turn.username!).digest('base64'));
      expect(b.body).not.toContain(geheimnis);
      const sb = await ice(await signIn(t.app, staffEmail));
      expect(sb.server!.find((x) => x.username)!.username).not.toBe(turn.username);
      const anderes = staffEmail === 'leistung@musterland.example' ? 'integration@musterland.example' : 'leistung@musterland.example';
      const fremd = await ice(await signIn(t.app, anderes));
      expect(fremd.status).toBe(404);
      expect(fremd.server).toBeUndefined();
    } finally {
      t.ctx.config.turn = undefined;
    }
  });

  it('Warteraum, Einlassen, Weiterleitung von Angebot und Chat, Wiederverbinden ohne neuen Termin', async () => {
    await verschiebeAuf(5);
    const sbJar = await signIn(t.app, staffEmail);
    const b = await oeffnen(buerger);
    const bIn = empfaenger(b);
    b.send(JSON.stringify({ typ: 'join', terminId }));
    expect(await bIn.naechste('waiting')).toMatchObject({ wartet: 'selbst' });
    const s = await oeffnen(sbJar);
    const sIn = empfaenger(s);
    s.send(JSON.stringify({ typ: 'join', terminId }));
    expect(await sIn.naechste('waiting')).toMatchObject({ wartet: 'buerger' });
    // the citizen may not admit herself, nor send before admission
    b.send(JSON.stringify({ typ: 'admit' }));
    expect(await bIn.naechste('error')).toMatchObject({ code: 'nicht_erlaubt' });
    s.send(JSON.stringify({ typ: 'admit' }));
    expect(await sIn.naechste('admit')).toMatchObject({ anbieter: true });
    expect(await bIn.naechste('admit')).toMatchObject({ anbieter: false });
    s.send(JSON.stringify({ typ: 'offer', sdp: 'v=0 test' }));
    expect(await bIn.naechste('offer')).toMatchObject({ sdp: 'v=0 test' });
    b.send(JSON.stringify({ typ: 'chat', text: 'Hallo' }));
    expect(await sIn.naechste('chat')).toMatchObject({ von: 'buerger', text: 'Hallo' });
    b.send('kein json');
    expect(await bIn.naechste('error')).toMatchObject({ code: 'nachricht_ungueltig' });

    // dropped connection: the caseworker is told, the citizen comes back without a new appointment
    b.terminate();
    expect(await sIn.naechste('peer-left')).toMatchObject({ grund: 'getrennt' });
    const b2 = await oeffnen(buerger);
    const b2In = empfaenger(b2);
    b2.send(JSON.stringify({ typ: 'join', terminId }));
    expect(await b2In.naechste('admit')).toMatchObject({ anbieter: false });
    expect(await sIn.naechste('admit')).toMatchObject({ anbieter: true });

    // the caseworker hangs up: the room is over
    s.send(JSON.stringify({ typ: 'hangup' }));
    expect(await b2In.naechste('hangup')).toMatchObject({ von: 'sachbearbeitung' });
    const b3 = await oeffnen(buerger);
    const b3In = empfaenger(b3);
    b3.send(JSON.stringify({ typ: 'join', terminId }));
    expect(await b3In.naechste('error')).toMatchObject({ code: 'raum_beendet' });
  });
});
