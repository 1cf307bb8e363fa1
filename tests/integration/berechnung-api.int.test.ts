import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berechne } from '../../src/domain/berechnung/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

const fall = {
  version: 1,
  zeitraum: '2024-06',
  leistungsbeginn: '2024-01',
  personen: [
    { id: 'a', geburtsdatum: '1989-04-01', rolle: 'antragsteller' },
  ],
  unterkunft: { grundmiete: 400, nebenkosten: 80, heizkosten: 60 },
};

describe('POST /api/berechnung', () => {
  it('computes a case for staff exactly as the engine does', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const res = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: jar.header() }, payload: fall });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual(berechne(fall));
    // Single adult in June 2024: Regelbedarf Stufe 1 563 € + actual housing costs 540 €.
    expect(body.anspruch).toBe(1103);
    expect(body.leistung).toBe('Bürgergeld');
  });

  it('rejects impossible facts with a stable code, the JSON path and a German message', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const bad = { ...fall, personen: [{ id: 'a', geburtsdatum: '2025-01-01', rolle: 'antragsteller' }] };
    const res = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: jar.header() }, payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'geburtsdatum_nach_zeitraum', pfad: 'personen[0].geburtsdatum' });
    expect(res.json().message).toMatch(/geboren/);
  });

  it('issue #16: a Selbständigkeit with Gewinn and net is computed; bad input answers 400 with the path', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const selbst = { ...fall, personen: [{ ...fall.personen[0], einkommen: [{ art: 'selbststaendigkeit', brutto: 1000, netto: 850 }] }] };
    const ok = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: jar.header() }, payload: selbst });
    expect(ok.statusCode).toBe(200);
    // 540 + 563 − (850 − 100 − 84 − 144) = 1.103 − 522 = 581 € (Freibetrag from the Gewinn, June 2024)
    expect(ok.json().anspruch).toBe(581);
    const schlecht = [
      [{ art: 'selbststaendigkeit', brutto: 800, netto: 900 }, 'netto_groesser_brutto', 'personen[0].einkommen[0].netto'],
      [{ art: 'einmalig', betrag: 500 }, 'schema_ungueltig', 'personen[0].einkommen[0].zufluss'],
    ] as const;
    for (const [ek, code, pfad] of schlecht) {
      const res = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: jar.header() }, payload: { ...fall, personen: [{ ...fall.personen[0], einkommen: [ek] }] } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: code, pfad });
      expect(res.json().message.length).toBeGreaterThan(10);
    }
  });

  it('rejects schema violations with 400 and the path', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const res = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: jar.header() }, payload: { ...fall, zeitraum: '2024-13' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().pfad).toBe('zeitraum');
  });

  it('is for staff only', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/berechnung', payload: fall });
    expect(anonymous.statusCode).toBe(401);
    const buerger = await signIn(t.app, 'buerger@musterland.example');
    const res = await t.app.inject({ method: 'POST', url: '/api/berechnung', headers: { cookie: buerger.header() }, payload: fall });
    expect(res.statusCode).toBe(403);
  });

  it('documents the exchange format in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/berechnung'].post;
    expect(op.requestBody.content['application/json'].schema.properties.personen).toBeDefined();
    const committed = JSON.parse(readFileSync('docs/schema/berechnung-input.v1.json', 'utf8'));
    expect(Object.keys(op.requestBody.content['application/json'].schema.properties).sort()).toEqual(Object.keys(committed.properties).sort());
  });
});
