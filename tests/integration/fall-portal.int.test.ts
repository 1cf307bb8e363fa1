import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/context.ts';
import { onlineErstantragEingang } from '../../src/server/fall/online-antrag-eingang.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/** An online Erstantrag (portal) lands in the work queue and becomes a Fallakte without retyping. */
let t: TestApp;
let buerger: Actor;
let kommune: string;
let leistung: CookieJar;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const r = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string; traeger_id: string; kommune: string }>(
      sql`select u.id, u.traeger_id, (select id from kommunen k where k.traeger_id = u.traeger_id and k.name = 'Musterstadt') as kommune from users u where u.email = 'buerger@musterland.example'`,
    ),
  );
  const row = r.rows[0]!;
  kommune = row.kommune;
  buerger = { userId: row.id, traegerId: row.traeger_id, traegerName: 'Kreis Musterland', art: 'buerger', email: 'buerger@musterland.example', name: 'Max Mustermann', roles: ['buerger'], standorte: [], sessionId: 's', requestId: 'r' };
  leistung = await signIn(t.app, 'leistung@musterland.example');
});
afterAll(() => t.close());

const daten = () => ({
  antragsdatum: '2025-03-03',
  eingangskanal: 'online',
  personen: [
    { ref: 'a', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1979-09-09', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'arbeitslosengeld', betragCent: 61000 }] },
    { ref: 'k', vorname: 'Mia', nachname: 'Mustermann', geburtsdatum: '2015-05-05', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25500 }] },
  ],
  adresse: { strasse: 'Portalweg', hausnummer: '1', plz: '12345', ort: 'Musterstadt', kommuneId: kommune },
  bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
  unterkunft: { grundmieteCent: 45000, nebenkostenCent: 9000, heizkostenCent: 7000 },
});

describe('Online-Erstantrag', () => {
  it('is checked like a paper application (invalid IBAN refused)', async () => {
    await expect(onlineErstantragEingang.execute({ ctx: t.ctx, actor: buerger, input: { ...daten(), bank: { iban: 'DE00', kontoinhaber: 'x' } } })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'bank.iban', code: 'iban_ungueltig' }],
    });
  });

  it('lands in the queue of the Standort without a Fallakte and is taken over into one', async () => {
    const antrag = await onlineErstantragEingang.execute({ ctx: t.ctx, actor: buerger, input: daten() });
    expect(antrag).toMatchObject({ bgId: null, eingangskanal: 'online', status: 'eingegangen', eingereichtVon: buerger.userId });
    const vorrat = await t.app.inject({ url: '/api/antraege', headers: { cookie: leistung.header() } });
    const eintrag = vorrat.json().eintraege.find((e: { id: string }) => e.id === antrag.id);
    expect(eintrag).toMatchObject({ bgId: null, fallnummer: null, standort: 'Jobcenter Musterstadt' });

    const page = (await t.app.inject({ url: '/arbeitsvorrat', headers: { cookie: leistung.header(), accept: 'text/html' } })).body;
    expect(page).toContain('Fallakte anlegen/zuordnen');
    const res = await postForm(t.app, leistung, '/arbeitsvorrat', { antrag: antrag.id, version: String(antrag.version), _aktion: 'uebernehmen' });
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(302);
    const bgId = String(res.headers.location).split('/').pop()!;
    const akte = (await t.app.inject({ url: `/api/faelle/${bgId}?stichtag=2025-03-01`, headers: { cookie: leistung.header() } })).json();
    expect(akte.zustand.personen.map((p: { vorname: string }) => p.vorname)).toEqual(['Max', 'Mia']);
    expect(akte.zustand.bank.iban).toBe('DE02120300000000202051');
    expect(akte.antraege).toEqual([expect.objectContaining({ id: antrag.id, eingangskanal: 'online', status: 'in_bearbeitung', bearbeiterName: 'Lena Leistung', leistungsbeginn: '2025-03-01' })]);
    expect(akte.ereignisse[0].beschreibung).toContain('(online) angelegt');

    const nochmal = await t.app.inject({
      method: 'POST',
      url: `/api/antraege/${antrag.id}/uebernahme`,
      headers: { cookie: leistung.header(), 'content-type': 'application/json' },
      payload: { version: akte.antraege[0].version },
    });
    expect(nochmal.statusCode).toBe(409);
    expect(nochmal.json().error).toBe('schon_uebernommen');
  });
});
