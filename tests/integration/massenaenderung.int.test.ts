import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erstelleMassenBescheide } from '../../src/server/massenaenderung/bescheide.ts';
import { steuereMassenaenderung, starteMassenaenderung } from '../../src/server/massenaenderung/steuerung.ts';
import { verarbeiteMassenaenderung } from '../../src/server/massenaenderung/verarbeite.ts';
import type { Actor } from '../../src/server/context.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let musterland: string;
let kommuneId: string;
let teamleitung: Actor;
const jars: Record<string, CookieJar> = {};
const bgs: string[] = [];
/** the January job and its repetition (for the result tests) */
const jobs = { januar: '', wiederholung: '' };

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });

const erstantrag = (nachname: string, kinder: number) => ({
  antragsdatum: '2024-07-03',
  eingangskanal: 'papier',
  personen: [
    { ref: 'a', vorname: 'Mia', nachname, geburtsdatum: '1984-02-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' },
    ...Array.from({ length: kinder }, (_, i) => ({ ref: `k${i}`, vorname: `Kind${i}`, nachname, geburtsdatum: `201${i + 2}-05-05`, staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] })),
  ],
  adresse: { strasse: 'Ringstraße', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId },
  bank: { iban: 'DE02120300000000202051', kontoinhaber: `Mia ${nachname}` },
  unterkunft: { grundmieteCent: 45000, nebenkostenCent: 10000, heizkostenCent: 9000 },
});

const zaehle = async (q: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(q))).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const tr = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
  musterland = tr.rows[0]!.id;
  kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
  for (const who of ['leistung', 'teamleitung', 'controlling']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  const u = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from users where email = 'teamleitung@musterland.example'`))).rows[0]!;
  teamleitung = { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email: 'teamleitung@musterland.example', name: 'Tara Teamleitung', roles: ['teamleitung'], standorte: [], sessionId: 't', requestId: 't' };
  for (let i = 0; i < 5; i++) {
    const f = await api('leistung', 'POST', '/api/faelle', erstantrag(`Fall${i}`, i % 3));
    if (f.statusCode !== 201) throw new Error(`Erstantrag: ${f.body}`);
    const bgId = f.json().bg.id;
    bgs.push(bgId);
    const b = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {});
    if (b.statusCode !== 201) throw new Error(`Berechnung: ${b.body}`);
    const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: 1 });
    if (fr.json().bewilligung?.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.body}`);
  }
  // The Bewilligungen were decided before the 2025 parameters were known: from January 2025 the first person's
  // amount was 10 € lower than the law in force gives (cases 0–3; case 4 already has the right amounts).
  await t.ctx.db.withSystem((tx) =>
    tx.execute(sql`update bewilligung_monate m set auszahlung_cent = auszahlung_cent - 1000,
      personen = jsonb_set(personen, '{0,auszahlungCent}', to_jsonb((personen->0->>'auszahlungCent')::int - 1000))
      from bewilligungen b where b.id = m.bewilligung_id and m.monat >= '2025-01' and b.bg_id = any(${`{${bgs.slice(0, 4).join(',')}}`}::uuid[])`),
  );
}, 120_000);
afterAll(() => t.close());

describe('Massenänderung', () => {
  it('only teamleitung starts it; invalid input is refused', async () => {
    expect((await api('leistung', 'POST', '/api/massenaenderungen', { ab: '2025-01-01', grund: 'x' })).statusCode).toBe(403);
    expect((await api('controlling', 'GET', '/api/massenaenderungen')).statusCode).toBe(403);
    const falsch = await api('teamleitung', 'POST', '/api/massenaenderungen', { ab: '2025-13-01', grund: '' });
    expect(falsch.statusCode).toBe(400);
  });

  it('survives a crash and a pause: every case exactly once, no doubled Bescheid', async () => {
    const job = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2025-01-01', grund: 'Neue Regelbedarfe und Kindersofortzuschlag 2025' }, hintergrund: false });
    expect(job.gesamt).toBe(5);
    jobs.januar = job.id;
    // batch 1 commits, batch 2 crashes before commit (rolled back)
    await expect(
      verarbeiteMassenaenderung({
        ctx: t.ctx,
        traegerId: musterland,
        id: job.id,
        batchGroesse: 1,
        vorCommit: (nr) => {
          if (nr === 2) throw new Error('Absturz simuliert');
        },
      }),
    ).rejects.toThrow('Absturz simuliert');
    expect(await zaehle(sql`select count(*)::int as n from massenaenderung_faelle where massenaenderung_id = ${job.id}`)).toBe(1);
    // one more batch, then pause: the worker stops
    await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id, batchGroesse: 1, maxBatches: 1 });
    await steuereMassenaenderung({ ctx: t.ctx, actor: teamleitung, id: job.id, aktion: 'pausieren', hintergrund: false });
    const pausiert = await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id, batchGroesse: 1 });
    expect(pausiert).toMatchObject({ status: 'pausiert', batches: 0 });
    const fortschritt = (await api('teamleitung', 'GET', `/api/massenaenderungen/${job.id}`)).json();
    expect(fortschritt).toMatchObject({ status: 'pausiert', verarbeitet: 2, gesamt: 5 });
    // resume: the rest, each case once
    await steuereMassenaenderung({ ctx: t.ctx, actor: teamleitung, id: job.id, aktion: 'fortsetzen', hintergrund: false });
    const r = await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id, batchGroesse: 2 });
    expect(r.status).toBe('fertig');
    expect(await zaehle(sql`select count(*)::int as n from massenaenderung_faelle where massenaenderung_id = ${job.id}`)).toBe(5);
    expect(await zaehle(sql`select count(distinct bg_id)::int as n from massenaenderung_faelle where massenaenderung_id = ${job.id}`)).toBe(5);
    const stand = (await api('teamleitung', 'GET', `/api/massenaenderungen/${job.id}`)).json();
    expect(stand).toMatchObject({ status: 'fertig', verarbeitet: 5, geaendert: 4, bescheide: 4, fehler: 0 });
    expect(stand.faelle).toHaveLength(4);
    for (const f of stand.faelle) expect(f.differenzCent).toBe(6 * 1000);
    // one approved Bewilligung per BG, the old versions replaced
    expect(await zaehle(sql`select count(*)::int as n from bewilligungen where status = 'bewilligt'`)).toBe(5);
    expect(await zaehle(sql`select count(*)::int as n from bewilligungen where status = 'ersetzt'`)).toBe(4);
    // Bescheide in the second phase; a crash-free repeat writes none twice
    expect(await erstelleMassenBescheide({ ctx: t.ctx, traegerId: musterland, id: job.id, batchGroesse: 3 })).toBe(4);
    expect(await erstelleMassenBescheide({ ctx: t.ctx, traegerId: musterland, id: job.id })).toBe(0);
    expect(await zaehle(sql`select count(*)::int as n from bescheide where massenaenderung_id = ${job.id} and art = 'aenderung' and pdf is not null`)).toBe(4);
    // a second run of the same date finds nothing to change
    const zweiter = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2025-01-01', grund: 'Wiederholung' }, hintergrund: false });
    jobs.wiederholung = zweiter.id;
    const r2 = await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: zweiter.id });
    expect(r2.status).toBe('fertig');
    expect((await api('teamleitung', 'GET', `/api/massenaenderungen/${zweiter.id}`)).json()).toMatchObject({ verarbeitet: 5, geaendert: 0 });
  });

  it('reports the result: counts, monthly amount before and after, Bescheid state, filter, paging (audited)', async () => {
    const vorher = await zaehle(sql`select count(*)::int as n from audit_log where object_type = 'massenaenderung' and action = 'read'`);
    const r = await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle`);
    expect(r.statusCode).toBe(200);
    const e = r.json();
    expect(e.zahlen).toEqual({ alle: 5, geaendert: 4, unveraendert: 1, fehler: 0, differenzCent: 4 * 6000, bescheideErstellt: 4, pdfsFertig: 4 });
    expect(e).toMatchObject({ filter: 'alle', seite: 1, seiten: 1, treffer: 5 });
    type Fall = { fallnummer: string; geaendert: boolean; monat: string; altCent: number; neuCent: number; differenzCent: number; bescheidId: string | null };
    const faelle = e.faelle as Fall[];
    const nummern = faelle.map((f) => f.fallnummer);
    expect(nummern).toEqual(nummern.toSorted());
    expect(faelle.map((f) => f.monat)).toEqual(Array(5).fill('2025-01'));
    const geaendert = faelle.filter((f) => f.geaendert);
    expect(geaendert).toHaveLength(4);
    // the old version paid 10 € less from January (see beforeAll); the new one pays the amount the law gives
    expect(geaendert.map((f) => f.neuCent - f.altCent)).toEqual([1000, 1000, 1000, 1000]);
    expect(geaendert).toEqual(Array(4).fill(expect.objectContaining({ differenzCent: 6000, bescheidErstellt: true, pdfFertig: true, fehler: null, bescheidId: expect.any(String) })));
    const gleich = faelle.find((f) => !f.geaendert)!;
    expect(gleich).toMatchObject({ neuCent: gleich.altCent, differenzCent: 0, bescheidId: null });
    const nurGeaendert = (await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle?filter=geaendert&proSeite=3&seite=2`)).json();
    expect(nurGeaendert).toMatchObject({ treffer: 4, seiten: 2, seite: 2 });
    expect(nurGeaendert.faelle).toHaveLength(1);
    expect(nurGeaendert.faelle[0].geaendert).toBe(true);
    expect((await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle?filter=fehler`)).json()).toMatchObject({ treffer: 0, faelle: [] });
    expect((await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle?filter=quatsch`)).statusCode).toBe(400);
    expect(await zaehle(sql`select count(*)::int as n from audit_log where object_type = 'massenaenderung' and action = 'read'`)).toBe(vorher + 3);
    // rights: only teamleitung; an unknown id is 404
    expect((await api('leistung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle`)).statusCode).toBe(403);
    expect((await api('leistung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle.csv`)).statusCode).toBe(403);
    expect((await api('teamleitung', 'GET', '/api/massenaenderungen/00000000-0000-4000-8000-000000000000/faelle')).statusCode).toBe(404);
  });

  it('shows the result page and exports CSV; a case with an error is listed under its filter, text made safe for spreadsheets', async () => {
    // a failed case (as the worker records it when the engine refuses a case)
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`update massenaenderung_faelle set fehler = ${'=HYPERLINK("x"); Rechtsstand fehlt'} where massenaenderung_id = ${jobs.wiederholung} and bg_id = ${bgs[1]!}`),
    );
    const seite = await t.app.inject({ url: `/massenaenderung/${jobs.januar}`, headers: { cookie: jars.teamleitung!.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Ergebnis der Massenänderung ab 01.01.2025');
    expect(seite.body).toContain('Neue Regelbedarfe und Kindersofortzuschlag 2025');
    expect(seite.body).toMatch(/href="\/api\/bescheide\/[0-9a-f-]{36}\.pdf"/);
    expect(seite.body).toContain(`href="/api/massenaenderungen/${jobs.januar}/faelle.csv"`);
    expect(seite.body).toContain('60,00');
    const liste = await t.app.inject({ url: '/massenaenderung', headers: { cookie: jars.teamleitung!.header() } });
    expect(liste.body).toContain(`href="/massenaenderung/${jobs.januar}"`);
    const fehler = await t.app.inject({ url: `/massenaenderung/${jobs.wiederholung}?filter=fehler`, headers: { cookie: jars.teamleitung!.header() } });
    expect(fehler.body).toContain('Nur Fälle mit Fehler: 1');
    expect(fehler.body).toContain('Rechtsstand fehlt');
    expect((await t.app.inject({ url: `/massenaenderung/${jobs.januar}`, headers: { cookie: jars.leistung!.header() } })).statusCode).toBe(403);

    const csv = await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.januar}/faelle.csv?filter=geaendert`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('massenaenderung-2025-01-01-geaendert.csv');
    const zeilen = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(zeilen[0]).toBe('Fallnummer;Ergebnis;Monat;Monatsbetrag bisher (EUR);Monatsbetrag neu (EUR);Differenz aller Monate (EUR);Änderungsbescheid;Fehler');
    expect(zeilen).toHaveLength(5);
    for (const z of zeilen.slice(1)) expect(z).toMatch(/^[^;]+;geändert;2025-01;\d+,\d\d;\d+,\d\d;60,00;PDF erstellt;$/);
    const fehlerCsv = (await api('teamleitung', 'GET', `/api/massenaenderungen/${jobs.wiederholung}/faelle.csv?filter=fehler`)).body.trim().split('\r\n');
    expect(fehlerCsv).toHaveLength(2);
    expect(fehlerCsv[1]).toContain(';Fehler;');
    expect(fehlerCsv[1]!.endsWith(`;"'=HYPERLINK(""x""); Rechtsstand fehlt"`)).toBe(true);
  });

  it('runs in parallel streams over disjoint id ranges: every case exactly once', async () => {
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`update bewilligung_monate m set auszahlung_cent = auszahlung_cent - 500,
        personen = jsonb_set(personen, '{0,auszahlungCent}', to_jsonb((personen->0->>'auszahlungCent')::int - 500))
        from bewilligungen b where b.id = m.bewilligung_id and b.status = 'bewilligt' and m.monat >= '2025-03'`),
    );
    const job = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2025-03-01', grund: 'Korrektur März' }, hintergrund: false });
    const r = await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id, batchGroesse: 1, parallel: 3 });
    expect(r).toMatchObject({ status: 'fertig', verarbeitet: 5 });
    expect(await zaehle(sql`select count(*)::int as n from massenaenderung_faelle where massenaenderung_id = ${job.id} and geaendert`)).toBe(5);
    expect(await zaehle(sql`select count(*)::int as n from bewilligungen where status = 'bewilligt'`)).toBe(5);
  });

  it('the Änderungsbescheid of the January change lists the new amounts (PDF text)', async () => {
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgs[0]}/bewilligungen`)).json();
    const bescheid = liste.bescheide.find((b: { art: string }) => b.art === 'aenderung');
    expect(bescheid).toBeDefined();
    const pdf = await api('leistung', 'GET', `/api/bescheide/${bescheid.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'vorort-ma-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Änderungsbescheid');
      expect(text).toContain('Neue Regelbedarfe und Kindersofortzuschlag 2025');
      const neu = liste.bewilligungen.find((b: { status: string }) => b.status === 'bewilligt');
      const januar = neu.monate.find((m: { monat: string }) => m.monat === '2025-01');
      expect(text).toContain((januar.auszahlungCent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** approved Bewilligung of 12 months from `beginn` for a new case */
const bewilligt = async (nachname: string, beginn: string) => {
  const f = await api('leistung', 'POST', '/api/faelle', erstantrag(nachname, 1));
  if (f.statusCode !== 201) throw new Error(`Erstantrag: ${f.body}`);
  const bgId = f.json().bg.id as string;
  const b = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { beginn, monate: 12 });
  if (b.statusCode !== 201) throw new Error(`Berechnung: ${b.body}`);
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: b.json().bewilligung.version });
  if (fr.json().bewilligung?.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.body}`);
  return { bgId, bewilligung: { id: fr.json().bewilligung.id as string, fortgeschriebeneMonate: b.json().bewilligung.fortgeschriebeneMonate as string[] } };
};

describe('Massenänderung „fortgeschriebene Monate“ (Tag der neuen Werte)', () => {
  it('recomputes exactly the Bewilligungen with carried-forward months; the others stay as they are', async () => {
    const fort = await bewilligt('Fortgeschrieben', '2026-12');
    const bekannt = await bewilligt('Bekannt', '2026-01');
    expect(fort.bewilligung.fortgeschriebeneMonate).toHaveLength(11);
    expect(bekannt.bewilligung.fortgeschriebeneMonate).toEqual([]);
    // as if the values released later differed: the stored amounts from December 2026 are 7 € below the law
    await t.ctx.db.withSystem((tx) =>
      tx.execute(sql`update bewilligung_monate m set auszahlung_cent = auszahlung_cent - 700,
        personen = jsonb_set(personen, '{0,auszahlungCent}', to_jsonb((personen->0->>'auszahlungCent')::int - 700))
        where m.monat >= '2026-12' and m.bewilligung_id = any(${`{${fort.bewilligung.id},${bekannt.bewilligung.id}}`}::uuid[])`),
    );

    const ungueltig = await api('teamleitung', 'POST', '/api/massenaenderungen', { ab: '2027-01-01', grund: 'x', auswahl: 'irgendwelche' });
    expect(ungueltig.statusCode).toBe(400);

    const job = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2026-12-01', grund: 'Neue Regelbedarfe 2027', auswahl: 'fortgeschrieben' }, hintergrund: false });
    expect(job).toMatchObject({ gesamt: 1, grund: 'Neue Regelbedarfe 2027', auswahl: 'fortgeschrieben' });
    const r = await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id });
    expect(r).toMatchObject({ status: 'fertig', verarbeitet: 1 });
    const faelle = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ bewilligung_id: string; geaendert: boolean }>(sql`select bewilligung_id, geaendert from massenaenderung_faelle where massenaenderung_id = ${job.id}`),
    );
    expect(faelle.rows).toEqual([{ bewilligung_id: fort.bewilligung.id, geaendert: true }]);
    // the Bewilligung with only known months is untouched (still approved, still the lowered amounts)
    const status = async (id: string) => (await t.ctx.db.withSystem((tx) => tx.execute<{ status: string }>(sql`select status from bewilligungen where id = ${id}`))).rows[0]!.status;
    expect(await status(fort.bewilligung.id)).toBe('ersetzt');
    expect(await status(bekannt.bewilligung.id)).toBe('bewilligt');
    // the job lists its selection through the API
    const detail = (await api('teamleitung', 'GET', `/api/massenaenderungen/${job.id}`)).json();
    expect(detail).toMatchObject({ auswahl: 'fortgeschrieben', grund: 'Neue Regelbedarfe 2027' });

    // the Änderungsbescheid names the reason and again the law stand of the carried-forward months
    expect(await erstelleMassenBescheide({ ctx: t.ctx, traegerId: musterland, id: job.id })).toBe(1);
    const liste = (await api('leistung', 'GET', `/api/faelle/${fort.bgId}/bewilligungen`)).json();
    const bescheid = liste.bescheide.find((b: { art: string }) => b.art === 'aenderung');
    const pdf = await api('leistung', 'GET', `/api/bescheide/${bescheid.id}.pdf`);
    const dir = mkdtempSync(join(tmpdir(), 'vorort-ma-fort-'));
    try {
      writeFileSync(join(dir, 'f.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Neue Regelbedarfe 2027');
      expect(text).toContain('berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war; ändern sich die Regelbedarfe, erhalten Sie einen Änderungsbescheid.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // "alle" from the same date takes every running Bewilligung: the new version and the one with known months
    const alle = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2026-12-01', grund: 'Korrektur Dezember' }, hintergrund: false });
    expect(alle).toMatchObject({ gesamt: 2, auswahl: 'alle' });
    expect(await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: alle.id })).toMatchObject({ status: 'fertig', verarbeitet: 2 });
    expect(await zaehle(sql`select count(*)::int as n from massenaenderung_faelle where massenaenderung_id = ${alle.id} and geaendert`)).toBe(1);
    expect(await status(bekannt.bewilligung.id)).toBe('ersetzt');
  });
});
