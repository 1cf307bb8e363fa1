import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { composeIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/context.ts';
import { AppError } from '../../src/server/errors.ts';
import { teilnahmeZuweisen } from '../../src/server/integration/teilnahme-zuweisen.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';

/**
 * Issue 13, item 5: the Maßnahmen catalogue and the Teilnahme lifecycle on PostgreSQL — Vorschlag → Zuweisung
 * (letter as PDF, Mittelbindung) → Eintritt → Austritt → Teilnahmebescheinigung; a full Maßnahme puts the next one on
 * the Warteliste; two concurrent Zuweisungen for the last place: exactly one wins (database-enforced); § 16d beyond
 * 24 months is refused at the field and nothing is saved; Austritt before Eintritt is refused; another Träger's
 * Maßnahme id answers 404. The clock is fixed at 7.12.2026.
 */
let t: TestApp;
let musterland: string;
let kommuneId: string;
const jars: Record<string, CookieJar> = {};

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });

async function ok(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200) {
  const r = await api(who, method, url, payload);
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(status);
  return r.json();
}

async function actorFor(email: string): Promise<Actor> {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string; roles: string[]; traeger_id: string }>(sql`select id, name, roles, traeger_id from users where email = ${email}`));
  const u = r.rows[0]!;
  const s = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select s.id, s.name from user_standorte us join standorte s on s.id = us.standort_id where us.user_id = ${u.id}`));
  return { userId: u.id, traegerId: u.traeger_id, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: s.rows, sessionId: 'test', requestId: 'test' };
}

let nr = 0;
async function neuePerson(vorname: string): Promise<{ personId: string; standortId: string }> {
  nr++;
  const r = await ok(
    'leistung',
    'POST',
    '/api/faelle',
    {
      antragsdatum: '2026-11-02',
      eingangskanal: 'papier',
      personen: [{ ref: 'a', vorname, nachname: 'Maßnahmetest', geburtsdatum: `198${nr % 10}-04-02`, staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
      adresse: { strasse: 'Am Markt', hausnummer: String(nr), plz: '12345', ort: 'Musterstadt', kommuneId },
      bank: { iban: composeIBAN({ countryCode: 'DE', bban: '120300000000004711' })!, kontoinhaber: `${vorname} Maßnahmetest` },
      unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
    },
    201,
  );
  return { personId: Object.values(r.personIds as Record<string, string>)[0]!, standortId: r.bg.standortId };
}

async function massnahme(o: { instrument?: string; kostenCent?: number; plaetze: number; standortId: string; regeldauerTage?: number; von?: string; bis?: string | null }) {
  const m = await ok(
    'teamleitung',
    'POST',
    '/api/integration/massnahmen',
    {
      bezeichnung: `Testmaßnahme ${randomUUID().slice(0, 8)}`,
      instrument: o.instrument ?? 'sgb3_45_mat',
      anbieter: 'Bildungswerk Muster gGmbH',
      beschreibung: 'Bewerbungstraining und Praktikum',
      regeldauerTage: o.regeldauerTage ?? 90,
      kostenJePlatzCent: o.kostenCent ?? 120_000,
      kostenart: 'pauschal',
    },
    201,
  );
  const k = await ok('teamleitung', 'POST', `/api/integration/massnahmen/${m.id}/kontingente`, { standortId: o.standortId, gueltigVon: o.von ?? '2026-12-01', gueltigBis: o.bis === undefined ? '2027-12-31' : o.bis, plaetze: o.plaetze }, 201);
  return { massnahmeId: m.id as string, kontingentId: k.id as string };
}

async function vorschlag(personId: string, kontingentId: string, geplantVon = '2027-01-04', extra: Record<string, unknown> = {}) {
  return (await ok('integration', 'POST', `/api/integration/personen/${personId}/teilnahmen`, { kontingentId, geplantVon, ...extra }, 201)).id as string;
}

async function teilnahme(personId: string, id: string) {
  const r = await ok('integration', 'GET', `/api/integration/personen/${personId}/teilnahmen`);
  return (r.teilnahmen as { id: string; status: string; version: number; platzNr: number | null }[]).find((x) => x.id === id)!;
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, traegerKonto: true, clock: testClock('2026-12-07T09:30:00+01:00') });
  musterland = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))).rows[0]!.id;
  kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
  for (const who of ['leistung', 'integration', 'teamleitung', 'controlling']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  jars.fremd = await signIn(t.app, 'admin@beispielstadt.example');
  // enough Eingliederungsbudget for 2026–2028 (slice D's Soll)
  for (const jahr of [2026, 2027, 2028]) {
    for (const titel of ['egt_bund', 'kommunal_16a']) await ok('teamleitung', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: jahr, titel, sollCent: 50_000_000 });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('Maßnahmenkatalog', () => {
  it('teamleitung pflegt das Programm; integration liest es mit freien Plätzen, darf es aber nicht ändern', async () => {
    const { standortId } = await neuePerson('Kai');
    const { massnahmeId } = await massnahme({ plaetze: 3, standortId });
    const liste = await ok('integration', 'GET', '/api/integration/massnahmen');
    const m = liste.massnahmen.find((x: { id: string }) => x.id === massnahmeId);
    expect(m).toMatchObject({ instrument: 'sgb3_45_mat', zaehltAlsMassnahme: true, freiePlaetze: 3, kontingente: [expect.objectContaining({ plaetze: 3, belegt: 0, frei: 3 })] });
    expect((await api('integration', 'POST', '/api/integration/massnahmen', { bezeichnung: 'x', instrument: 'sgb3_45_mat', anbieter: 'y', kostenJePlatzCent: 0, kostenart: 'pauschal' })).statusCode).toBe(403);
    // FbW by the Jobcenter is gone since 1.1.2025: field error
    const fbw = await api('teamleitung', 'POST', '/api/integration/massnahmen', { bezeichnung: `FbW ${randomUUID().slice(0, 6)}`, instrument: 'sgb3_81_fbw', anbieter: 'y', kostenJePlatzCent: 0, kostenart: 'pauschal' });
    expect(fbw.statusCode).toBe(400);
    expect(fbw.json().issues[0]).toMatchObject({ path: 'body.instrument', code: 'instrument_nicht_gueltig' });
    // § 16k counts not as Maßnahme der aktiven Arbeitsförderung
    const coaching = await massnahme({ instrument: 'sgb2_16k_coaching', plaetze: 1, standortId });
    expect((await ok('integration', 'GET', `/api/integration/massnahmen/${coaching.massnahmeId}`)).zaehltAlsMassnahme).toBe(false);
    // deactivate
    const v = (await ok('teamleitung', 'GET', `/api/integration/massnahmen/${massnahmeId}`)).version;
    expect((await ok('teamleitung', 'POST', `/api/integration/massnahmen/${massnahmeId}/aktiv`, { version: v, aktiv: false })).aktiv).toBe(false);
  });

  it('die Maßnahme eines fremden Trägers: 404', async () => {
    const fremd = await ok('fremd', 'POST', '/api/integration/massnahmen', { bezeichnung: 'Fremde Maßnahme', instrument: 'sgb3_45_mat', anbieter: 'Anderswo', kostenJePlatzCent: 0, kostenart: 'pauschal' }, 201);
    expect((await api('integration', 'GET', `/api/integration/massnahmen/${fremd.id}`)).statusCode).toBe(404);
    expect((await api('integration', 'GET', `/api/integration/massnahmen/${fremd.id}/teilnehmende`)).statusCode).toBe(404);
    expect((await api('teamleitung', 'PUT', `/api/integration/massnahmen/${fremd.id}`, { version: 1, bezeichnung: 'gekapert', instrument: 'sgb3_45_mat', anbieter: 'x', kostenJePlatzCent: 0, kostenart: 'pauschal' })).statusCode).toBe(404);
    expect((await api('teamleitung', 'POST', `/api/integration/massnahmen/${fremd.id}/kontingente`, { standortId: randomUUID(), gueltigVon: '2027-01-01', plaetze: 1 })).statusCode).toBe(404);
    expect((await api('integration', 'GET', `/api/integration/massnahmen/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('Lebenszyklus einer Teilnahme', () => {
  it('Vorschlag → Zuweisung (PDF, Mittelbindung) → Eintritt → Austritt (Arbeitsaufnahme) → Teilnahmebescheinigung', async () => {
    const { personId, standortId } = await neuePerson('Lena');
    const { massnahmeId, kontingentId } = await massnahme({ plaetze: 2, standortId });
    const id = await vorschlag(personId, kontingentId);
    let tn = await teilnahme(personId, id);
    expect(tn).toMatchObject({ status: 'vorschlag', platzNr: null });

    const z = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/zuweisung`, { version: tn.version, mitRechtsfolgenbelehrung: true });
    expect(z).toMatchObject({ status: 'zugewiesen', platzNr: 1 });
    const pdf = await api('integration', 'GET', `/api/integration/teilnahmen/${id}/zuweisung.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bindung = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select sum(betrag_cent)::int as n from mittelbindungen where teilnahme_id = ${id}`));
    expect(bindung.rows[0]!.n).toBe(120_000);

    tn = await teilnahme(personId, id);
    // Eintritt before the Zuweisung date is refused at the field
    const frueh = await api('integration', 'POST', `/api/integration/teilnahmen/${id}/eintritt`, { version: tn.version, eintrittAm: '2026-12-01' });
    expect(frueh.statusCode).toBe(400);
    expect(frueh.json().issues[0]).toMatchObject({ path: 'body.eintrittAm', code: 'eintritt_vor_zuweisung' });
    const e = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/eintritt`, { version: tn.version, eintrittAm: '2027-01-04' });
    expect(e).toMatchObject({ status: 'eingetreten', zaehltAlsMassnahme: true });

    tn = await teilnahme(personId, id);
    // Austritt before Eintritt: 400 austritt_vor_eintritt at the field, nothing saved
    const vorher = await api('integration', 'POST', `/api/integration/teilnahmen/${id}/austritt`, { version: tn.version, austrittAm: '2027-01-03', grund: 'regulaer' });
    expect(vorher.statusCode).toBe(400);
    expect(vorher.json()).toMatchObject({ error: 'austritt_vor_eintritt', issues: [expect.objectContaining({ path: 'body.austrittAm', code: 'austritt_vor_eintritt' })] });
    expect((await teilnahme(personId, id)).status).toBe('eingetreten');

    const a = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/austritt`, { version: tn.version, austrittAm: '2027-02-15', grund: 'arbeitsaufnahme' });
    expect(a.status).toBe('ausgetreten');
    expect(a.weiter).toBe(`/integration/personen/${personId}/integrationen?teilnahmeId=${id}&beginn=2027-02-15`);
    tn = await teilnahme(personId, id);
    expect(tn.platzNr).toBeNull();
    const b = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/bescheinigung`, { version: tn.version, am: '2027-02-16' });
    expect(b.teilnahmebescheinigungAm).toBe('2027-02-16');
    const bpdf = await api('integration', 'GET', `/api/integration/teilnahmen/${id}/bescheinigung.pdf`);
    expect(bpdf.statusCode).toBe(200);
    expect(bpdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // participants list (provider) as JSON and CSV; the reads are audited
    const liste = await ok('integration', 'GET', `/api/integration/massnahmen/${massnahmeId}/teilnehmende`);
    expect(liste.teilnehmer).toEqual([expect.objectContaining({ personId, status: 'ausgetreten', austrittsgrund: 'arbeitsaufnahme' })]);
    const csv = await api('integration', 'GET', `/api/integration/massnahmen/${massnahmeId}/teilnehmende.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Lena Maßnahmetest');
    expect(csv.body).not.toMatch(/BG-/); // no internal case number for the provider
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ action: string }>(sql`select action from audit_log where object_type = 'teilnahme' and (person_id = ${personId} or object_id = ${massnahmeId})`));
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update', 'read', 'search', 'export']));
  });

  it('volle Maßnahme → Warteliste; nach einer Stornierung wird der Erste auf der Warteliste angeboten und zugewiesen', async () => {
    const p1 = await neuePerson('Erna');
    const p2 = await neuePerson('Falk');
    const { kontingentId } = await massnahme({ plaetze: 1, standortId: p1.standortId });
    const id1 = await vorschlag(p1.personId, kontingentId);
    const id2 = await vorschlag(p2.personId, kontingentId);
    expect((await ok('integration', 'POST', `/api/integration/teilnahmen/${id1}/zuweisung`, { version: (await teilnahme(p1.personId, id1)).version })).status).toBe('zugewiesen');
    const voll = await ok('integration', 'POST', `/api/integration/teilnahmen/${id2}/zuweisung`, { version: (await teilnahme(p2.personId, id2)).version });
    expect(voll).toMatchObject({ status: 'warteliste', platzNr: null });
    expect(voll.meldung).toContain('Warteliste');
    const s = await ok('integration', 'POST', `/api/integration/teilnahmen/${id1}/storno`, { version: (await teilnahme(p1.personId, id1)).version });
    expect(s.wartelisteErster).toEqual({ teilnahmeId: id2, personId: p2.personId, name: 'Falk Maßnahmetest' });
    expect((await ok('integration', 'POST', `/api/integration/teilnahmen/${id2}/zuweisung`, { version: (await teilnahme(p2.personId, id2)).version })).status).toBe('zugewiesen');
  });

  it('zwei gleichzeitige Zuweisungen auf den letzten Platz: genau eine zugewiesen, eine auf der Warteliste', async () => {
    const p1 = await neuePerson('Gero');
    const p2 = await neuePerson('Hanna');
    // no cost: no budget lock serialises the two, only the unique place index decides
    const { kontingentId } = await massnahme({ plaetze: 1, standortId: p1.standortId, kostenCent: 0 });
    const id1 = await vorschlag(p1.personId, kontingentId);
    const id2 = await vorschlag(p2.personId, kontingentId);
    const v1 = (await teilnahme(p1.personId, id1)).version;
    const v2 = (await teilnahme(p2.personId, id2)).version;
    const integration = await actorFor('integration@musterland.example');
    // two transactions at once: both see place 1 free; the unique index lets only one of them keep it
    const [r1, r2] = await Promise.all([
      teilnahmeZuweisen.execute({ ctx: t.ctx, actor: { ...integration, requestId: 'a' }, input: { id: id1, version: v1 } }),
      teilnahmeZuweisen.execute({ ctx: t.ctx, actor: { ...integration, requestId: 'b' }, input: { id: id2, version: v2 } }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual(['warteliste', 'zugewiesen']);
    const plaetze = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from massnahme_teilnahmen where kontingent_id = ${kontingentId} and status = 'zugewiesen'`));
    expect(plaetze.rows[0]!.n).toBe(1);
  });

  it('§ 16d über 24 Monate: Feldfehler, nichts gespeichert; mit dokumentierter Prüfung bis 36 Monate', async () => {
    const { personId, standortId } = await neuePerson('Ines');
    const { kontingentId } = await massnahme({ instrument: 'sgb2_16d_agh', plaetze: 5, standortId, bis: null, kostenCent: 0 });
    const zuLang = await api('integration', 'POST', `/api/integration/personen/${personId}/teilnahmen`, { kontingentId, geplantVon: '2027-01-01', geplantBis: '2029-06-30' });
    expect(zuLang.statusCode).toBe(400);
    expect(zuLang.json()).toMatchObject({ error: 'hoechstdauer_ueberschritten', issues: [expect.objectContaining({ path: 'body.begruendung', code: 'hoechstdauer_ueberschritten' })] });
    const viel = await api('integration', 'POST', `/api/integration/personen/${personId}/teilnahmen`, { kontingentId, geplantVon: '2027-01-01', geplantBis: '2030-06-30', begruendung: 'Prüfung' });
    expect(viel.json().issues[0]).toMatchObject({ path: 'body.geplantBis', code: 'hoechstdauer_ueberschritten' });
    expect((await ok('integration', 'GET', `/api/integration/personen/${personId}/teilnahmen`)).teilnahmen).toEqual([]);

    // within 24 months proposed; at the Zuweisung extended beyond 24 months without Begründung → refused, nothing changed
    const id = await vorschlag(personId, kontingentId, '2027-01-01', { geplantBis: '2028-12-31' });
    const tn = await teilnahme(personId, id);
    const verlaengert = await api('integration', 'POST', `/api/integration/teilnahmen/${id}/zuweisung`, { version: tn.version, geplantBis: '2029-06-30' });
    expect(verlaengert.statusCode).toBe(400);
    expect(verlaengert.json().issues[0].path).toBe('body.begruendung');
    expect(await teilnahme(personId, id)).toMatchObject({ status: 'vorschlag', version: tn.version });
    const mit = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/zuweisung`, { version: tn.version, geplantBis: '2029-06-30', begruendung: 'Dokumentierte Prüfung am 7.12.2026: weiter erforderlich, kein Übergang in Arbeit absehbar' });
    expect(mit.status).toBe('zugewiesen');
  });

  it('über dem freien Budget: wartet auf Genehmigung, die Teamleitung genehmigt', async () => {
    const { personId, standortId } = await neuePerson('Jan');
    const { kontingentId } = await massnahme({ plaetze: 2, standortId, kostenCent: 60_000_000_00 });
    const id = await vorschlag(personId, kontingentId);
    const z = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/zuweisung`, { version: (await teilnahme(personId, id)).version });
    expect(z.status).toBe('wartet_auf_genehmigung');
    const liste = await ok('teamleitung', 'GET', '/api/integration/genehmigungen');
    const eintrag = liste.teilnahmen.find((x: { id: string }) => x.id === id);
    expect(eintrag).toBeTruthy();
    // what the Teamleitung decides on: Titel, per Haushaltsjahr the amount needed and the free budget
    expect(eintrag.budget).toMatchObject({ titel: 'egt_bund', titelText: expect.stringContaining('EGT'), jahre: [expect.objectContaining({ haushaltsjahr: 2027, benoetigtCent: 60_000_000_00 })] });
    expect(eintrag.budget.jahre[0].freiCent).toBeLessThan(60_000_000_00);
    const seite = await api('teamleitung', 'GET', '/integration/genehmigungen');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('2027: benötigt 60.000.000,00');
    // the integration side after the Zuweisung: an info notice, not a success
    const hinweis = await api('integration', 'GET', `/integration/personen/${personId}/massnahmen?genehmigung=${id}`);
    expect(hinweis.body).toMatch(/kern-alert--info[^]*wartet auf die Genehmigung der Teamleitung/);
    expect((await api('integration', 'POST', `/api/integration/teilnahmen/${id}/genehmigung`, { version: eintrag.version, entscheidung: 'genehmigen' })).statusCode).toBe(403);
    const g = await ok('teamleitung', 'POST', `/api/integration/teilnahmen/${id}/genehmigung`, { version: eintrag.version, entscheidung: 'genehmigen' });
    expect(g).toMatchObject({ status: 'zugewiesen', platzNr: 1 });
  });

  it('fremde Personen und Teilnahmen: 404; Leistung liest, ändert aber nicht', async () => {
    const { personId, standortId } = await neuePerson('Karl');
    const { kontingentId } = await massnahme({ plaetze: 2, standortId });
    const id = await vorschlag(personId, kontingentId);
    expect((await api('fremd', 'GET', `/api/integration/personen/${personId}/teilnahmen`)).statusCode).toBe(403);
    expect((await api('integration', 'POST', `/api/integration/teilnahmen/${randomUUID()}/storno`, { version: 1 })).statusCode).toBe(404);
    expect((await api('leistung', 'GET', `/api/integration/personen/${personId}/teilnahmen`)).statusCode).toBe(200);
    expect((await api('leistung', 'POST', `/api/integration/teilnahmen/${id}/storno`, { version: 1 })).statusCode).toBe(403);
    expect((await api('controlling', 'GET', `/api/integration/personen/${personId}/teilnahmen`)).statusCode).toBe(403);
    // a Zuweisung in the use case without a valid id is a 404, never a 500
    await expect(teilnahmeZuweisen.execute({ ctx: t.ctx, actor: await actorFor('integration@musterland.example'), input: { id: 'kaputt', version: 1 } })).rejects.toBeInstanceOf(AppError);
  });
});

describe('Vorschlag ohne Ende und Zuweisungsschreiben', () => {
  it('ohne Ende: Regeldauer auf das Ende der Plätze gekürzt; ein ausdrückliches Ende danach bleibt ein Feldfehler', async () => {
    const { personId, standortId } = await neuePerson('Uwe');
    const { kontingentId } = await massnahme({ plaetze: 2, standortId, kostenCent: 0, bis: '2027-01-31' });
    const zuSpaet = await api('integration', 'POST', `/api/integration/personen/${personId}/teilnahmen`, { kontingentId, geplantVon: '2027-01-04', geplantBis: '2027-02-15' });
    expect(zuSpaet.statusCode).toBe(400);
    expect(zuSpaet.json().issues[0]).toMatchObject({ path: 'body.geplantBis', code: 'ausserhalb_kontingent' });
    const r = await ok('integration', 'POST', `/api/integration/personen/${personId}/teilnahmen`, { kontingentId, geplantVon: '2027-01-04' }, 201);
    expect(r).toMatchObject({ status: 'vorschlag', geplantBis: '2027-01-31', endeGekappt: true });

    // a Teilnahme assigned without a stored letter (demo data): the letter is rendered on demand and kept
    const tn = await teilnahme(personId, r.id);
    expect((await ok('integration', 'POST', `/api/integration/teilnahmen/${r.id}/zuweisung`, { version: tn.version })).status).toBe('zugewiesen');
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update massnahme_teilnahmen set zuweisung_pdf = null where id = ${r.id}`));
    const pdf = await api('integration', 'GET', `/api/integration/teilnahmen/${r.id}/zuweisung.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const gespeichert = await t.ctx.db.withSystem((tx) => tx.execute<{ da: boolean }>(sql`select zuweisung_pdf is not null as da from massnahme_teilnahmen where id = ${r.id}`));
    expect(gespeichert.rows[0]!.da).toBe(true);
  });
});

describe('Vorschlag ablehnen', () => {
  it('ein Vorschlag kann abgelehnt werden, eine Zuweisung nicht', async () => {
    const { personId, standortId } = await neuePerson('Lina');
    // no cost: the budget (exhausted by the approval above) does not matter here
    const { kontingentId } = await massnahme({ plaetze: 2, standortId, kostenCent: 0 });
    const id = await vorschlag(personId, kontingentId);
    const r = await ok('integration', 'POST', `/api/integration/teilnahmen/${id}/storno`, { version: (await teilnahme(personId, id)).version, ergebnis: 'abgelehnt' });
    expect(r.status).toBe('abgelehnt');
    const id2 = await vorschlag(personId, kontingentId);
    expect((await ok('integration', 'POST', `/api/integration/teilnahmen/${id2}/zuweisung`, { version: (await teilnahme(personId, id2)).version })).status).toBe('zugewiesen');
    const nein = await api('integration', 'POST', `/api/integration/teilnahmen/${id2}/storno`, { version: (await teilnahme(personId, id2)).version, ergebnis: 'abgelehnt' });
    expect(nein.statusCode).toBe(409);
    expect(nein.json().error).toBe('status_ungueltig');
  });
});
