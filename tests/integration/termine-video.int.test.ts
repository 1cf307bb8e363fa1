import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
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
    tx.execute(sql`update termine set beginn = now() + make_interval(mins => ${minuten}), ende = now() + make_interval(mins => ${minuten + 45}), blockiert_bis = now() + make_interval(mins => ${minuten + 60}) where id = ${terminId}`),
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
