import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geheVorwaerts } from '../helpers/formular-durchlauf.ts';
import { familieMitZweiKindern } from '../helpers/formular-faelle.ts';
import type { AntragDaten } from '../../src/domain/formular/index.ts';
import type { Actor } from '../../src/server/context.ts';
import { reicheEin } from '../../src/server/portal/einreichen.ts';
import { entwurfStarten } from '../../src/server/portal/entwurf-starten.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * Issue #10, item 3: a caseworker sees everything the citizen gave — the answers land in the Fallakte, the submitted
 * application can be read as PDF, the work queue names the applicant, "Fallakte anlegen/zuordnen" works, and
 * approving the Bewilligung closes the Antrag (the citizen sees "entschieden").
 */
let t: TestApp;
let buerger: Actor;
let kommune: string;
let leistung: CookieJar;
let buergerJar: CookieJar;

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
  buergerJar = await signIn(t.app, 'buerger@musterland.example');
});
afterAll(() => t.close());

/** A complete Erstantrag with the answers the Fallakte used to lack; a unique name per call. */
function antwort(vorname: string): AntragDaten {
  const d = geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;
  return {
    ...d,
    antragsteller: { ...d.antragsteller, vorname, nachname: 'Zuordnung', geburtsdatum: '1984-02-29', familienstand: 'getrennt_lebend' },
    anschrift: { ...d.anschrift, plz: '12345', ort: 'Musterstadt' },
    kontakt: { telefon: '0151 2345678' },
    unterkunft: { ...d.unterkunft, wohnform: 'miete', heizungsart: 'fernwaerme', wohnflaecheQm: 74 },
    unterhalt: { vorhanden: true },
    unterhaltspflichtige: [{ id: 'u1', name: 'Bernd Vater', verhaeltnis: 'elternteil', fuerPerson: d.kinder![0]!.id, zahlt: false, titel: true }],
  };
}

async function einreichen(daten: AntragDaten, datei?: string) {
  const id = await entwurfStarten.execute({ ctx: t.ctx, actor: buerger, input: { flowId: 'erstantrag', vorbelegung: daten } });
  if (datei) {
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`insert into portal_dateien (traeger_id, buerger_id, entwurf_id, dateiname, mime, groesse, sha256, inhalt, status)
        values (${buerger.traegerId}, ${buerger.userId}, ${id}, ${datei}, 'application/pdf', 4, ${'a'.repeat(64)}, '\\x25504446'::bytea, 'sauber')`),
    );
  }
  return reicheEin({ ctx: t.ctx, actor: buerger, id, kommuneId: kommune });
}

const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: leistung.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: payload as object } : {}) });

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'antrag-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
}

describe('online Erstantrag → Fallakte', () => {
  let antragId: string;
  let bgId: string;

  it('the work queue names the applicant from the submission, and /online-eingang offers "Fallakte anlegen/zuordnen"', async () => {
    const r = await einreichen(antwort('Rosa'), 'mietvertrag-rosa.pdf');
    antragId = r.antragId;
    const vorrat = (await api('GET', '/api/antraege')).json();
    expect(vorrat.eintraege.find((e: { id: string }) => e.id === antragId)).toMatchObject({ bgId: null });
    const page = (await t.app.inject({ url: '/arbeitsvorrat', headers: { cookie: leistung.header(), accept: 'text/html' } })).body;
    expect(page).toContain('Zuordnung, Rosa');
    expect(page).toContain('Fallakte anlegen/zuordnen');
    const eingang = (await t.app.inject({ url: '/online-eingang', headers: { cookie: leistung.header(), accept: 'text/html' } })).body;
    expect(eingang).toContain('Fallakte anlegen/zuordnen');
    expect(eingang).toContain('es wird eine neue angelegt');
  });

  it('the submitted application is a PDF with every section, the declarations, the time and the uploads; reading it is audited', async () => {
    const res = await api('GET', `/api/antraege/${antragId}/antrag.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload);
    for (const s of ['Erstantrag', 'Ich beantrage Bürgergeld', 'Familienstand', 'getrennt lebend', '0151 2345678', 'Kosten der Unterkunft und Heizung', '74', 'Bernd Vater', 'Abgeschickt am', 'mietvertrag-rosa.pdf', 'Zusammenfassung und Absenden']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toMatch(/option\.|feld\./);
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ purpose: string }>(sql`select purpose from audit_log where object_id = ${antragId} and action = 'read' order by at desc limit 1`),
    );
    expect(audit.rows[0]?.purpose).toContain('eingereichten Antrag ansehen');
    // other roles: controlling may not read it
    const controlling = await signIn(t.app, 'controlling@musterland.example');
    expect((await t.app.inject({ url: `/api/antraege/${antragId}/antrag.pdf`, headers: { cookie: controlling.header() } })).statusCode).toBe(403);
  });

  it('"Fallakte anlegen/zuordnen" creates the Fallakte with every answer in its place', async () => {
    const vorrat = (await api('GET', '/api/antraege')).json();
    const version = vorrat.eintraege.find((e: { id: string }) => e.id === antragId).version;
    const res = await postForm(t.app, leistung, '/online-eingang', { antrag: antragId, version: String(version) });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(302);
    bgId = String(res.headers.location).split('/').pop()!;
    const akte = (await api('GET', `/api/faelle/${bgId}`)).json();
    const a = akte.zustand.personen.find((p: { rolle: string }) => p.rolle === 'antragsteller');
    expect(a).toMatchObject({ vorname: 'Rosa', familienstand: 'getrennt_lebend', telefon: '0151 2345678' });
    expect(akte.zustand.unterkunft).toMatchObject({ heizungsart: 'fernwaerme', wohnflaecheQm: 74 });
    expect(akte.zustand.unterhaltspflichtige).toEqual([expect.objectContaining({ name: 'Bernd Vater', verhaeltnis: 'elternteil', zahlt: false, titel: true })]);
    const html = (await t.app.inject({ url: `/faelle/${bgId}`, headers: { cookie: leistung.header(), accept: 'text/html' } })).body;
    for (const s of ['getrennt lebend', '0151 2345678', '74 m²', 'Fernwärme', 'Bernd Vater', `/api/antraege/${antragId}/antrag.pdf`]) expect(html, s).toContain(s);
  });

  it('a second application of the same person is assigned to the existing Fallakte', async () => {
    const r = await einreichen(antwort('Rosa'));
    const eingang = (await t.app.inject({ url: '/online-eingang', headers: { cookie: leistung.header(), accept: 'text/html' } })).body;
    expect(eingang).toMatch(/vorhandenen Fallakte BG-\d+ zugeordnet/);
    const version = (await api('GET', '/api/antraege')).json().eintraege.find((e: { id: string }) => e.id === r.antragId).version;
    const res = await api('POST', `/api/antraege/${r.antragId}/zuordnung`, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ neu: false, bg: { id: bgId } });
    const akte = (await api('GET', `/api/faelle/${bgId}`)).json();
    expect(akte.antraege.map((x: { id: string }) => x.id)).toContain(r.antragId);
    expect(akte.zustand.personen.filter((p: { rolle: string }) => p.rolle === 'antragsteller')).toHaveLength(1);
    // withdraw it again so the approval below decides only the first one
    const zweiter = akte.antraege.find((x: { id: string }) => x.id === r.antragId);
    expect((await api('POST', `/api/antraege/${r.antragId}/status`, { status: 'zurueckgenommen', version: zweiter.version })).statusCode).toBe(200);
  });

  it('approving the Bewilligung closes the Antrag; "Antrag offen lassen" keeps it open; the citizen sees "entschieden"', async () => {
    const monat = (await api('GET', `/api/faelle/${bgId}`)).json().antraege.find((x: { id: string }) => x.id === antragId).antragsdatum.slice(0, 7);
    const b = await api('POST', `/api/faelle/${bgId}/bewilligungen`, { beginn: monat, monate: 1 });
    expect(b.statusCode, b.body.slice(0, 500)).toBe(201);
    const fr = await api('POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: b.json().bewilligung.version });
    expect(fr.statusCode, fr.body.slice(0, 500)).toBe(200);
    const akte = (await api('GET', `/api/faelle/${bgId}`)).json();
    expect(akte.antraege.find((x: { id: string }) => x.id === antragId)).toMatchObject({ status: 'entschieden' });
    expect(akte.ereignisse.map((e: { art: string }) => e.art)).toContain('antrag_entschieden');
    const portal = (await t.app.inject({ url: '/portal', headers: { cookie: buergerJar.header(), accept: 'text/html' } })).body;
    expect(portal).toContain('entschieden');
  });
});
