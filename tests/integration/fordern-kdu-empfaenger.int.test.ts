import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope, type Actor } from '../../src/server/context.ts';
import { wendeMinderungenAn } from '../../src/server/fordern/minderung-anwenden.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

// KdU-Empfänger (issue 14, point 4; docs/fordern.md "§ 7b Abs. 4 und KdU-Empfänger"): with a payee for the month the
// Zahllauf splits the laufende payment – the KdU to the landlord, the rest to the BG – and the pain.001 file carries
// both transfers with their IBANs and amounts, to the cent.
let t: TestApp;
let musterland: string;
let musterstadt: string;
let leistung: Actor;
const jars: Record<string, CookieJar> = {};

const VERMIETER_IBAN = 'DE75512108001245126199';
const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
const sys = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(q))).rows;

async function actorFor(email: string): Promise<Actor> {
  const u = (await sys<{ id: string; name: string; roles: string[] }>(sql`select id, name, roles from users where email = ${email}`))[0]!;
  return { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: [], sessionId: 'test', requestId: 'test' };
}

type Person = { vorname: string; geburtsdatum: string; rolle: 'antragsteller' | 'partner' };
/** Erstantrag (rent 400 + 60 + 50 = 510 €) and its Bewilligung, approved. */
async function fall(nachname: string, antragsdatum: string, iban: string, personen: Person[]) {
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum,
    eingangskanal: 'papier',
    personen: personen.map((p, i) => ({ ref: `p${i}`, vorname: p.vorname, nachname, geburtsdatum: p.geburtsdatum, staatsangehoerigkeit: 'DE', rolle: p.rolle })),
    adresse: { strasse: 'Am Markt', hausnummer: '5', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban, kontoinhaber: `${personen[0]!.vorname} ${nachname}` },
    unterkunft: { grundmieteCent: 40000, nebenkostenCent: 6000, heizkostenCent: 5000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  const bgId = res.json().bg.id as string;
  const b = (await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).json().bewilligung;
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
  expect(fr.json().bewilligung?.status, fr.body).toBe('bewilligt');
  const personIds = (await sys<{ person_id: string; rolle: string }>(sql`select person_id, rolle from bg_mitgliedschaften where bg_id = ${bgId}`)).map((r) => [r.rolle, r.person_id] as const);
  return { bgId, personen: new Map(personIds) };
}

/** The transfers of a BG's month in the pain.001 file of their run: art, IBAN (from the file) and amount in cents. */
async function ueberweisungen(bgId: string, monat: string) {
  const rows = await sys<{ art: string; betrag_cent: number; end_to_end_id: string; pain001: string | null; iban_maskiert: string }>(sql`
    select z.art, z.betrag_cent::int, z.end_to_end_id, z.iban_maskiert, l.pain001 from zahlungen z join zahllaeufe l on l.id = z.zahllauf_id
    where z.bg_id = ${bgId} and z.leistungsmonat = ${monat} order by z.art`);
  return rows.map((r) => {
    const block = new RegExp(`<EndToEndId>${r.end_to_end_id}</EndToEndId>[\\s\\S]*?</CdtTrfTxInf>`).exec(r.pain001 ?? '')?.[0] ?? '';
    const betrag = /<InstdAmt Ccy="EUR">([0-9.]+)<\/InstdAmt>/.exec(block)?.[1];
    const iban = /<CdtrAcct><Id><IBAN>([A-Z0-9]+)<\/IBAN>/.exec(block)?.[1];
    return { art: r.art, betragCent: r.betrag_cent, dateiCent: betrag ? Math.round(Number(betrag) * 100) : null, iban: iban ?? null };
  });
}

const lauf = async (zahlmonat: string) => {
  const r = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  musterland = (await sys<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))[0]!.id;
  musterstadt = (await sys<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))[0]!.id;
  for (const who of ['leistung', 'admin', 'integration']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  leistung = await actorFor('leistung@musterland.example');
  const regeln = { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: null, ablehnung: false, aufhebung: false, erstbewilligung: false };
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
}, 60_000);
afterAll(() => t.close());

describe('KdU-Empfänger', () => {
  it('der Zahllauf überweist die Unterkunft an den Vermieter und den Rest an die BG (pain.001 auf den Cent)', async () => {
    const f = await fall('Vermieter', '2025-06-10', 'DE02100100100006820101', [{ vorname: 'Vera', geburtsdatum: '1988-03-03', rolle: 'antragsteller' }]);
    const neu = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger`, {
      name: 'Wohnbau Muster eG',
      iban: 'DE75 5121 0800 1245 1261 99',
      vonMonat: '2025-06',
      grund: 'Antrag nach § 22 Abs. 7 SGB II',
    });
    expect(neu.statusCode, neu.body).toBe(201);
    expect(neu.json()).toMatchObject({ name: 'Wohnbau Muster eG', iban: 'DE75 **** **** **** **61 99', vonMonat: '2025-06', bisMonat: null, version: 1 });
    // the IBAN is stored encrypted only
    const gespeichert = (await sys<{ iban_enc: string }>(sql`select iban_enc from kdu_empfaenger where bg_id = ${f.bgId}`))[0]!;
    expect(gespeichert.iban_enc).not.toContain('1245126199');

    await lauf('2025-06');
    // July 2025: Regelbedarf 563 € to the BG, Unterkunft 510 € to the landlord
    expect(await ueberweisungen(f.bgId, '2025-07')).toEqual([
      { art: 'kdu_empfaenger', betragCent: 51000, dateiCent: 51000, iban: VERMIETER_IBAN },
      { art: 'laufend', betragCent: 56300, dateiCent: 56300, iban: 'DE02100100100006820101' },
    ]);
    // June 2025 (the Antrag works back to the first of the month, § 37 Abs. 2 S. 2 SGB II): the same split
    expect(await ueberweisungen(f.bgId, '2025-06')).toEqual([
      { art: 'kdu_empfaenger', betragCent: 51000, dateiCent: 51000, iban: VERMIETER_IBAN },
      { art: 'laufend', betragCent: 56300, dateiCent: 56300, iban: 'DE02100100100006820101' },
    ]);
    // booking lines: the landlord's payment books Unterkunft only
    const buchungen = await sys<{ kostenart: string; betrag_cent: number }>(sql`
      select b.kostenart, b.betrag_cent::int from buchungen b join zahlungen z on z.id = b.zahlung_id
      where z.bg_id = ${f.bgId} and z.leistungsmonat = '2025-07' and z.art = 'kdu_empfaenger'`);
    expect(buchungen).toEqual([{ kostenart: 'unterkunft', betrag_cent: 51000 }]);
    // a second run pays nothing twice
    const zweiter = await lauf('2025-06');
    expect(zweiter.neu).toBe(0);

    // overlapping months are refused; a month already paid cannot be given to a payee any more
    const doppelt = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger`, { name: 'Andere GmbH', iban: VERMIETER_IBAN, vonMonat: '2025-09', grund: 'Test' });
    expect(doppelt.statusCode, doppelt.body).toBe(409);
    expect(doppelt.json().issues).toEqual([expect.objectContaining({ code: 'kdu_empfaenger_ueberschneidung' })]);
    const gezahlt = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger`, { name: 'Andere GmbH', iban: VERMIETER_IBAN, vonMonat: '2025-07', bisMonat: '2025-07', grund: 'Test' });
    expect(gezahlt.statusCode).toBe(400);
    expect(gezahlt.json().issues).toEqual([expect.objectContaining({ code: 'monat_bereits_gezahlt' })]);

    // ending: from August the whole payment goes to the BG again
    const liste = await api('leistung', 'GET', `/api/faelle/${f.bgId}/kdu-empfaenger`);
    expect(liste.statusCode).toBe(200);
    const eintrag = liste.json().eintraege[0];
    const zuFrueh = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger/${eintrag.id}/ende`, { version: eintrag.version, bisMonat: '2025-06' });
    expect(zuFrueh.statusCode).toBe(400);
    expect(zuFrueh.json().issues[0]).toMatchObject({ code: 'monat_bereits_gezahlt' });
    const ende = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger/${eintrag.id}/ende`, { version: eintrag.version, bisMonat: '2025-07' });
    expect(ende.statusCode, ende.body).toBe(200);
    expect(ende.json()).toMatchObject({ bisMonat: '2025-07', version: 2 });
    await lauf('2025-07');
    expect(await ueberweisungen(f.bgId, '2025-08')).toEqual([{ art: 'laufend', betragCent: 107300, dateiCent: 107300, iban: 'DE02100100100006820101' }]);
    const audit = await sys<{ action: string }>(sql`select action from audit_log where object_type = 'kdu_empfaenger' and object_id = ${eintrag.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('prüft IBAN, Überschneidung und Berechtigung', async () => {
    const f = await fall('Pruefung', '2025-03-03', 'DE02100100100006820101', [{ vorname: 'Paul', geburtsdatum: '1980-01-01', rolle: 'antragsteller' }]);
    const url = `/api/faelle/${f.bgId}/kdu-empfaenger`;
    const falsch = await api('leistung', 'POST', url, { name: 'X', iban: 'DE00 1234', vonMonat: '2030-01', grund: 'Test' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues).toEqual([expect.objectContaining({ path: 'body.iban', code: 'iban_ungueltig' })]);
    const erster = await api('leistung', 'POST', url, { name: 'A eG', iban: VERMIETER_IBAN, vonMonat: '2030-01', bisMonat: '2030-06', grund: 'Test' });
    expect(erster.statusCode, erster.body).toBe(201);
    const zweiter = await api('leistung', 'POST', url, { name: 'B eG', iban: VERMIETER_IBAN, vonMonat: '2030-06', grund: 'Test' });
    expect(zweiter.statusCode).toBe(409);
    expect(zweiter.json().error).toBe('kdu_empfaenger_ueberschneidung');
    // two entries at once for overlapping months: one wins (advisory lock + check)
    const parallel = await Promise.all([
      api('leistung', 'POST', url, { name: 'C eG', iban: VERMIETER_IBAN, vonMonat: '2031-01', grund: 'Test' }),
      api('leistung', 'POST', url, { name: 'D eG', iban: VERMIETER_IBAN, vonMonat: '2031-03', grund: 'Test' }),
    ]);
    expect(parallel.map((r) => r.statusCode).toSorted()).toEqual([201, 409]);
    // Integration staff have no 'fall.bankdaten'
    expect((await api('integration', 'GET', url)).statusCode).toBe(403);
  });

  it('Fallakte-Seite: Abschnitt „Kosten der Unterkunft an Vermieter“ ohne JavaScript, Fehler am Feld', async () => {
    const f = await fall('Seite', '2025-02-03', 'DE02100100100006820101', [{ vorname: 'Sina', geburtsdatum: '1990-01-01', rolle: 'antragsteller' }]);
    const url = `/faelle/${f.bgId}`;
    const seite = await t.app.inject({ method: 'GET', url, headers: { cookie: jars.leistung!.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Kosten der Unterkunft an Vermieter');
    expect(seite.body).toContain('Kein Empfänger eingetragen');
    const falsch = await postForm(t.app, jars.leistung!, url, { _aktion: 'kdu_empfaenger', ke_name: 'Haus eG', ke_iban: 'DE12 3456', ke_bic: '', ke_von: '2030-05', ke_bis: '', ke_grund: 'Antrag § 22 Abs. 7' });
    expect(falsch.statusCode).toBe(400);
    // the message is tied to the field (summary link and aria-describedby of the input)
    expect(falsch.body).toContain('<a class="kern-link" href="#feld-ke_iban">Die IBAN ist ungültig');
    expect(falsch.body).toMatch(/id="feld-ke_iban"[^>]*aria-describedby="[^"]*feld-ke_iban-/);
    const ok = await postForm(t.app, jars.leistung!, url, { _aktion: 'kdu_empfaenger', ke_name: 'Haus eG', ke_iban: VERMIETER_IBAN, ke_bic: '', ke_von: '2030-05', ke_bis: '', ke_grund: 'Antrag § 22 Abs. 7' });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(302);
    const danach = await t.app.inject({ method: 'GET', url, headers: { cookie: jars.leistung!.header() } });
    expect(danach.body).toContain('Haus eG');
    expect(danach.body).toContain('DE75 **** **** **** **61 99');
    expect(danach.body).not.toContain(VERMIETER_IBAN);
    const eintrag = (await sys<{ id: string }>(sql`select id from kdu_empfaenger where bg_id = ${f.bgId}`))[0]!;
    const ende = await postForm(t.app, jars.leistung!, url, { _aktion: 'kdu_empfaenger_ende', ke_eintrag: `${eintrag.id}:1`, ke_ende: '2030-07' });
    expect(ende.statusCode).toBe(302);
    expect((await sys<{ bis_monat: string }>(sql`select bis_monat from kdu_empfaenger where id = ${eintrag.id}`))[0]!.bis_monat).toBe('2030-07');
    // Integration staff see no bank details: no section
    const integration = await t.app.inject({ method: 'GET', url, headers: { cookie: jars.integration!.header() } });
    expect(integration.body).not.toContain('Kosten der Unterkunft an Vermieter');
  });

  it('§ 7b Abs. 4 in der Paar-BG: Unterkunft voll an den Vermieter, Regelbedarf der Partnerin an die BG', async () => {
    const f = await fall('Erreichbar', '2026-08-01', 'DE02100100100006820101', [
      { vorname: 'Nino', geburtsdatum: '1985-01-01', rolle: 'antragsteller' },
      { vorname: 'Petra', geburtsdatum: '1986-01-01', rolle: 'partner' },
    ]);
    const personId = f.personen.get('antragsteller')!;
    const v = (
      await sys<{ id: string }>(sql`insert into minderungsverfahren (traeger_id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand,
        pflichtverletzung_am, frist_ende, belehrung_art, belehrung_am, status, created_by)
        values (${musterland}, ${personId}, ${f.bgId}, ${`M-TEST-${randomBytes(4).toString('hex')}`}, 'meldeversaeumnis', 'Drittes Meldeversäumnis in Folge', '32',
          '2026-08-05', '2027-02-05', 'schriftlich', '2026-07-20', 'festgestellt', ${leistung.userId}) returning id`)
    )[0]!;
    await sys(sql`insert into leistungsminderungen (traeger_id, verfahren_id, person_id, bg_id, tatbestand, art, stufe, prozent, betrag_cent,
        von_monat, bis_monat, festgestellt_am, pflichtverletzung_am)
        values (${musterland}, ${v.id}, ${personId}, ${f.bgId}, '32', 'nichterreichbarkeit', 1, 100, 50600, '2026-09', '2027-07', '2026-08-12', '2026-08-05')`);
    await t.ctx.db.withTenant(tenantScope(leistung), (tx) => wendeMinderungenAn(tx, leistung, { bgId: f.bgId, abMonat: '2026-09', grund: 'Nichterreichbarkeit (§ 7b Abs. 4 SGB II)', heute: '2026-08-12' }));
    const neu = await api('leistung', 'POST', `/api/faelle/${f.bgId}/kdu-empfaenger`, {
      name: 'Wohnbau Muster eG',
      iban: VERMIETER_IBAN,
      vonMonat: '2026-09',
      grund: 'Wegfall nach § 7b Abs. 4 SGB II',
      verfahrenId: v.id,
    });
    expect(neu.statusCode, neu.body).toBe(201);
    await lauf('2026-08');
    // August: 2 × 506 + 510 to the BG
    expect(await ueberweisungen(f.bgId, '2026-08')).toEqual([{ art: 'laufend', betragCent: 152200, dateiCent: 152200, iban: 'DE02100100100006820101' }]);
    // September: Nino's claim lapses, his KdU share goes to Petra (KdU 510 € recognised in full) → landlord 510 €, BG 506 €
    expect(await ueberweisungen(f.bgId, '2026-09')).toEqual([
      { art: 'kdu_empfaenger', betragCent: 51000, dateiCent: 51000, iban: VERMIETER_IBAN },
      { art: 'laufend', betragCent: 50600, dateiCent: 50600, iban: 'DE02100100100006820101' },
    ]);
  });
});
