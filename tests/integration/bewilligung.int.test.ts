import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { euroText } from '../../src/domain/berechnung/geld.ts';
import { zahllauf } from '../../src/server/zahlung/zahllauf.ts';
import { erstantrag, pdfText as pdfTextAus, useApiTestbed } from '../helpers/api.ts';
import { postForm, type CookieJar, type TestApp } from '../helpers/app.ts';

const bed = useApiTestbed();
let t: TestApp;
let musterland: string;
let kommunen: Record<string, string>;
const jars: Record<string, CookieJar> = {};

const api = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => bed.api(who === 'fremd' ? 'admin@beispielstadt.example' : who, method, url, payload);
const pdfText = (pdf: Buffer, _name?: string) => pdfTextAus(pdf);
const neuerFall = (nachname: string, iban?: string) => bed.neuerFall(nachname, iban ? { iban } : {});
const actorFor = (email: string) => bed.actor(email);

async function bewilligterFall(nachname: string, iban?: string) {
  const f = await neuerFall(nachname, iban);
  const b = await api('leistung', 'POST', `/api/faelle/${f.bgId}/bewilligungen`, {});
  if (b.statusCode !== 201) throw new Error(`Berechnung: ${b.statusCode} ${b.body}`);
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.json().bewilligung.id}/freigeben`, { version: b.json().bewilligung.version });
  if (fr.statusCode !== 200 || fr.json().bewilligung.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.statusCode} ${fr.body}`);
  return { ...f, bewilligung: fr.json().bewilligung };
}

const regeln = { nachzahlungAbCent: 10_000, monatsbetragAbCent: 500_000, erstattungAbCent: 100_000, ablehnung: false, aufhebung: true, erstbewilligung: false };

beforeAll(async () => {
  t = bed.t;
  musterland = await bed.traeger();
  kommunen = await bed.kommunen();
  // a second Teamleitung (for the Vier-Augen rule) with the same Standorte and password
  await t.ctx.db.withSystem(async (tx) => {
    await tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
      select traeger_id, art, 'teamleitung2@musterland.example', 'Theo Teamleitung', password_hash, email_verified_at, roles from users where email = 'teamleitung@musterland.example'`);
    await tx.execute(sql`insert into user_standorte (traeger_id, user_id, standort_id)
      select s.traeger_id, (select id from users where email = 'teamleitung2@musterland.example'), s.standort_id
      from user_standorte s join users u on u.id = s.user_id where u.email = 'teamleitung@musterland.example'`);
  });
  for (const who of ['leistung', 'integration', 'teamleitung', 'teamleitung2', 'controlling', 'admin']) jars[who] = await bed.jar(who);
  jars.fremd = await bed.jar('admin@beispielstadt.example');
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
  const kdu = await api('admin', 'POST', '/api/admin/kdu-richtwerte', { kommuneId: kommunen.Musterstadt, haushaltsgroesse: 4, bruttokaltmieteCent: 85000, heizkostenCent: 16000, gueltigVon: '2021-01-01' });
  if (kdu.statusCode !== 201) throw new Error(`KdU: ${kdu.body}`);
}, 60_000);

describe('OpenAPI', () => {
  it('documents the routes with tags', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const pfad of ['/api/faelle/{id}/bewilligungen', '/api/bewilligungen/{id}/freigeben', '/api/zahllaeufe', '/api/kosten', '/api/admin/kdu-richtwerte', '/api/massenaenderungen']) {
      expect(doc.paths[pfad], pfad).toBeDefined();
    }
    expect(doc.paths['/api/zahllaeufe'].post.tags).toEqual(['Zahlung']);
  });
});

describe('Einstellungen und KdU-Richtwerte', () => {
  it('refuses overlapping KdU-Richtwerte and an invalid Träger IBAN; only admin maintains them', async () => {
    const doppelt = await api('admin', 'POST', '/api/admin/kdu-richtwerte', { kommuneId: kommunen.Musterstadt, haushaltsgroesse: 4, bruttokaltmieteCent: 90000, heizkostenCent: 16000, gueltigVon: '2024-01-01' });
    expect(doppelt.statusCode).toBe(409);
    expect(doppelt.json().error).toBe('zeitraum_ueberschneidung');
    const iban = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE00 1234', kontoinhaber: 'X', version: 1 });
    expect(iban.statusCode).toBe(400);
    expect(iban.json().issues[0].path).toBe('iban');
    expect((await api('leistung', 'GET', '/api/admin/kdu-richtwerte')).statusCode).toBe(403);
    expect((await api('controlling', 'GET', '/api/admin/traeger-einstellungen')).statusCode).toBe(403);
  });
});

describe('Bewilligung, Bescheid, Zahllauf', () => {
  let bgId: string;
  let bewilligungId: string;

  it('refuses a Bescheid for a case without a computed Bewilligung', async () => {
    bgId = (await neuerFall('Ohnebescheid')).bgId;
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('keine_bewilligung');
  });

  it('computes 12 months from the Leistungsbeginn of the Antrag, with explanation and Rechtsstand; rights and audit', async () => {
    expect((await api('integration', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).statusCode).toBe(403);
    expect((await api('controlling', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).statusCode).toBe(403);
    expect((await api('fremd', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).statusCode).toBe(404);
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {});
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json().bewilligung;
    bewilligungId = b.id;
    expect(b).toMatchObject({ beginn: '2024-06', ende: '2025-05', status: 'entwurf', vorgang: 'erstbewilligung', art: 'endgueltig' });
    expect(b.monate).toHaveLength(12);
    expect(b.rechtsstand).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b.monate[0].auszahlungCent).toBeGreaterThan(0);
    expect(b.monate[0].schritte.some((s: { text: string }) => s.text.includes('Regelbedarf'))).toBe(true);
    // Regelbedarf and Sofortzuschlag rose in January 2025: the amounts differ month by month
    expect(b.monate[7].auszahlungCent).not.toBe(b.monate[6].auszahlungCent);
    // integration reads (without bank details), controlling does not see the case
    expect((await api('integration', 'GET', `/api/faelle/${bgId}/bewilligungen`)).statusCode).toBe(200);
    expect((await api('controlling', 'GET', `/api/faelle/${bgId}/bewilligungen`)).statusCode).toBe(403);
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ action: string; object_type: string }>(sql`select action, object_type from audit_log where object_id = ${bgId} and object_type in ('bewilligung', 'fallakte') order by at`),
    );
    expect(audit.rows.some((r) => r.object_type === 'bewilligung' && r.action === 'read')).toBe(true);
    expect(audit.rows.some((r) => r.object_type === 'fallakte' && r.action === 'update')).toBe(true);
  });

  it('approves directly below the thresholds; optimistic locking; overlapping periods are refused', async () => {
    expect((await api('leistung', 'POST', `/api/bewilligungen/${bewilligungId}/freigeben`, { version: 99 })).json().error).toBe('version_conflict');
    const res = await api('leistung', 'POST', `/api/bewilligungen/${bewilligungId}/freigeben`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ freigabeErforderlich: false, bewilligung: { status: 'bewilligt' } });
    const zweite = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { beginn: '2025-01', monate: 6 });
    expect(zweite.statusCode).toBe(409);
    expect(zweite.json().error).toBe('bewilligungszeitraum_ueberschneidung');
  });

  it('creates the Bescheid as PDF with the right amounts, stored immutably', async () => {
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(res.statusCode, res.body).toBe(201);
    const { id, sha256, art, zustellung } = res.json();
    expect(art).toBe('bewilligung');
    // A paper case without a citizen account (or without the opt-in) is sent by post.
    expect(zustellung).toBe('post');
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await api('leistung', 'GET', `/api/bescheide/${id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload, 'bewilligung');
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    const b = liste.bewilligungen.find((x: { id: string }) => x.id === bewilligungId);
    expect(text).toContain('Bewilligungsbescheid');
    expect(text).toContain('Aylin Ohnebescheid');
    expect(text).toContain('Bürgergeld');
    for (const m of b.monate) expect(text).toContain(euroText(m.auszahlungCent));
    expect(text).toContain(euroText(b.summeCent));
    expect(liste.bescheide).toHaveLength(1);
    // the application role cannot change or delete a Bescheid
    await expect(t.ctx.db.withTenant({ traegerId: musterland }, (tx) => tx.execute(sql`update bescheide set art = 'aufhebung' where id = ${id}`))).rejects.toThrow(/Failed query/);
    await expect(t.ctx.db.withTenant({ traegerId: musterland }, (tx) => tx.execute(sql`delete from bescheide where id = ${id}`))).rejects.toThrow(/Failed query/);
    // integration may read it, the other Träger gets 404
    expect((await api('integration', 'GET', `/api/bescheide/${id}`)).statusCode).toBe(200);
    expect((await api('fremd', 'GET', `/api/bescheide/${id}.pdf`)).statusCode).toBe(404);
  });

  it('Zahllauf: pays every due month once, SEPA control sum = sum of payments, booked by cost type; a second run pays nothing', async () => {
    expect((await api('controlling', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-06' })).statusCode).toBe(403);
    const res = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-06' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.leistungsmonat).toBe('2024-07');
    expect(r.neu).toBe(2); // June (decided late) and July
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    const b = liste.bewilligungen.find((x: { id: string }) => x.id === bewilligungId);
    const erwartet = b.monate[0].auszahlungCent + b.monate[1].auszahlungCent;
    expect(r.lauf.summeCent).toBe(erwartet);
    const xml = (await api('leistung', 'GET', `/api/zahllaeufe/${r.lauf.id}/pain001`)).body;
    expect(xml).toContain(`<CtrlSum>${(erwartet / 100).toFixed(2)}</CtrlSum>`);
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
    expect(xml).toContain('DE89370400440532013000');
    expect((await api('controlling', 'GET', `/api/zahllaeufe/${r.lauf.id}/pain001`)).statusCode).toBe(403);
    expect((await api('controlling', 'GET', '/api/zahllaeufe')).statusCode).toBe(200);
    const nochmal = (await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-06' })).json();
    expect(nochmal.neu).toBe(0);
    expect(nochmal.bereitsErledigt).toBe(2);
    const summen = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ z: number; b: number; n: number }>(sql`select (select sum(betrag_cent)::int from zahlungen where bg_id = ${bgId}) as z,
        (select sum(betrag_cent)::int from buchungen where bg_id = ${bgId}) as b, (select count(*)::int from zahlungen where bg_id = ${bgId}) as n`),
    );
    expect(summen.rows[0]).toEqual({ z: erwartet, b: erwartet, n: 2 });
    const kosten = await api('controlling', 'GET', '/api/kosten?monat=2024-06');
    expect(kosten.statusCode, kosten.body).toBe(200);
    expect(kosten.json().imMonat.gesamtCent).toBe(erwartet);
    expect(kosten.json().imMonat.unterkunftJeKommune[0].name).toBe('Musterstadt');
    expect(kosten.json().imMonat.bundCent + kosten.json().imMonat.kommunalCent).toBe(erwartet);
    expect((await api('leistung', 'GET', '/api/kosten?monat=2024-06')).statusCode).toBe(403);
  });

  it('a crash in the middle of a Zahllauf resumes without double or missing payments', async () => {
    const faelle = [await bewilligterFall('Eins', 'DE02100100100006820101'), await bewilligterFall('Zwei', 'DE02300209000106531065'), await bewilligterFall('Drei', 'DE02200505501015871393')];
    const actor = await actorFor('leistung@musterland.example');
    await expect(
      zahllauf({
        ctx: t.ctx,
        actor,
        zahlmonat: '2024-07',
        batchGroesse: 2,
        nachBatch: (nr) => {
          if (nr === 1) throw new Error('Absturz simuliert');
        },
      }),
    ).rejects.toThrow('Absturz simuliert');
    const halb = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number; status: string }>(sql`select (select count(*)::int from zahlungen where zahlmonat = '2024-07') as n, (select status from zahllaeufe where zahlmonat = '2024-07') as status`));
    expect(halb.rows[0]).toEqual({ n: 2, status: 'laufend' });
    const weiter = await zahllauf({ ctx: t.ctx, actor, zahlmonat: '2024-07', batchGroesse: 2 });
    expect(weiter.bereitsErledigt).toBeGreaterThanOrEqual(2);
    expect(weiter.lauf?.status).toBe('fertig');
    // every BG: months 2024-06..2024-08 paid exactly once
    const je = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ bg_id: string; n: number; d: number }>(sql`select bg_id, count(*)::int as n, count(distinct leistungsmonat)::int as d from zahlungen group by bg_id`),
    );
    for (const f of faelle) expect(je.rows.find((r) => r.bg_id === f.bgId)).toMatchObject({ n: 3, d: 3 });
    expect(je.rows.find((r) => r.bg_id === bgId)).toMatchObject({ n: 3, d: 3 });
    const lauf = await t.ctx.db.withSystem((tx) => tx.execute<{ anzahl: number; summe_cent: number; pain001: string }>(sql`select anzahl, summe_cent, pain001 from zahllaeufe where zahlmonat = '2024-07'`));
    const summe = await t.ctx.db.withSystem((tx) => tx.execute<{ s: number; n: number }>(sql`select sum(betrag_cent)::int as s, count(*)::int as n from zahlungen where zahlmonat = '2024-07'`));
    expect(lauf.rows[0]!.anzahl).toBe(summe.rows[0]!.n);
    expect(lauf.rows[0]!.summe_cent).toBe(summe.rows[0]!.s);
    expect(lauf.rows[0]!.pain001).toContain(`<CtrlSum>${(summe.rows[0]!.s / 100).toFixed(2)}</CtrlSum>`);
  });

  it('Änderung after a new job: new version, Vier-Augen for the Nachzahlung, Änderungsbescheid, Nachzahlung paid once', async () => {
    // Aylin's job ended on 31 July 2024 (reported late): higher entitlement from August, already paid → Nachzahlung
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const aylin = akte.zustand.personen.find((p: { vorname: string }) => p.vorname === 'Aylin');
    const einkommen = akte.daten?.einkommen?.find?.((e: { personId: string }) => e.personId === aylin.id) ?? aylin.einkommen?.[0];
    const ende = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, { version: akte.bg.version, ab: '2024-08-01', personId: aylin.id, einkommenId: einkommen.id, einkommen: null });
    expect(ende.statusCode, ende.body).toBe(200);
    const b = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json().bewilligungen.find((x: { status: string }) => x.status === 'bewilligt');
    const aend = await api('teamleitung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { ab: '2024-08-01', grund: 'Erwerbstätigkeit beendet', version: b.version });
    expect(aend.statusCode, aend.body).toBe(201);
    const a = aend.json();
    expect(a.vergleich.nachzahlungCent).toBeGreaterThan(10_000);
    expect(a.vierAugen.erforderlich).toBe(true);
    expect(a.bewilligung).toMatchObject({ vorgang: 'aenderung', status: 'entwurf', vorgaengerId: b.id });
    const vorgelegt = await api('teamleitung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: a.bewilligung.version });
    expect(vorgelegt.json()).toMatchObject({ freigabeErforderlich: true, bewilligung: { status: 'freigabe_erforderlich' } });
    const v = vorgelegt.json().bewilligung.version;
    // While the Änderung waits for approval, the Zahllauf of August pays September with the old amount: the approval
    // must take that month into the Nachzahlung too (the comparison is taken again at the decision).
    const zwischen = (await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' })).json();
    expect(zwischen.leistungsmonat).toBe('2024-09');
    const vorher = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json().bewilligungen;
    const septemberDifferenz =
      monatsbetrag(vorher.find((x: { id: string }) => x.id === a.bewilligung.id), '2024-09') - monatsbetrag(vorher.find((x: { id: string }) => x.id === b.id), '2024-09');
    expect(septemberDifferenz).toBeGreaterThan(0);
    const nachzahlungGesamt = a.vergleich.nachzahlungCent + septemberDifferenz;
    const queue = (await api('teamleitung2', 'GET', '/api/freigaben')).json().freigaben;
    expect(queue.map((q: { id: string }) => q.id)).toContain(a.bewilligung.id);
    expect((await api('leistung', 'GET', '/api/freigaben')).statusCode).toBe(403);
    const selbst = await api('teamleitung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v });
    expect(selbst.statusCode).toBe(403);
    expect(selbst.json().error).toBe('vier_augen_selbe_person');
    expect((await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v })).statusCode).toBe(403);
    const frei = await api('teamleitung2', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v });
    expect(frei.statusCode, frei.body).toBe(200);
    expect(frei.json().bewilligung.status).toBe('bewilligt');
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    expect(liste.bewilligungen.find((x: { id: string }) => x.id === b.id).status).toBe('ersetzt');
    const bescheid = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    expect(bescheid.json().art).toBe('aenderung');
    const text = pdfText((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'aenderung');
    expect(text).toContain('Änderungsbescheid');
    expect(text).toContain(euroText(nachzahlungGesamt));
    // the next Zahllauf pays the Nachzahlung (art nachzahlung) once
    const z1 = (await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' })).json();
    const z2 = (await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' })).json();
    expect(z1.neu).toBeGreaterThan(0);
    expect(z2.neu).toBe(0);
    const nz = await t.ctx.db.withSystem((tx) => tx.execute<{ s: number }>(sql`select coalesce(sum(betrag_cent), 0)::int as s from zahlungen where bg_id = ${bgId} and art = 'nachzahlung'`));
    expect(nz.rows[0]!.s).toBe(nachzahlungGesamt);
  });
});

describe('Bewilligung mit den Angaben der Fallakte (#16)', () => {
  it('passes a one-off income and the Ausbildung to the engine; an earlier Bewilligung before a gap is earlier benefit', async () => {
    const f = await bewilligterFall('Frueherbezug');
    const akte = (await api('leistung', 'GET', `/api/faelle/${f.bgId}`)).json();
    const a = akte.zustand.personen.find((p: { rolle: string }) => p.rolle === 'antragsteller').id as string;
    const ek = await api('leistung', 'POST', `/api/faelle/${f.bgId}/einkommen`, { version: akte.bg.version, ab: '2026-02-01', personId: a, einkommen: { art: 'einmalig', bezeichnung: 'Abfindung', betragCent: 60000, zuflussDatum: '2026-02-10' } });
    expect(ek.statusCode, ek.body).toBe(200);
    const pe = await api('leistung', 'POST', `/api/faelle/${f.bgId}/person`, { version: ek.json().version, ab: '2026-01-01', personId: a, merkmale: { ausbildung: 'studium' } });
    expect(pe.statusCode, pe.body).toBe(200);
    const res = await api('leistung', 'POST', `/api/faelle/${f.bgId}/bewilligungen`, { beginn: '2026-01', monate: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const inputs = (
      await t.ctx.db.withSystem((tx) => tx.execute<{ monat: string; input: { leistungsbeginn?: string; fruehererBezug?: unknown; personen: { id: string; ausbildung?: string; einkommen?: { art: string }[] }[] } }>(sql`select monat, input from bewilligung_monate where bewilligung_id = ${res.json().bewilligung.id} order by monat`))
    ).rows;
    expect(inputs).toHaveLength(6);
    for (const m of inputs) {
      expect(m.input.leistungsbeginn).toBe('2026-01');
      expect(m.input.fruehererBezug).toEqual([{ von: f.bewilligung.beginn, bis: f.bewilligung.ende }]);
      expect(m.input.personen.find((p) => p.id === a)?.ausbildung).toBe('studium');
    }
    const einmalig = (monat: string) => inputs.find((m) => m.monat === monat)!.input.personen.find((p) => p.id === a)!.einkommen?.filter((e) => e.art === 'einmalig') ?? [];
    expect(einmalig('2026-01')).toEqual([]);
    // the Bewilligung decides once, in the Anrechnungsmonat (600 € do not end the claim: counted at once), for every month
    expect(einmalig('2026-02')).toEqual([{ art: 'einmalig', betrag: 600, zufluss: '2026-02-10', bezeichnung: 'Abfindung', aufteilen: false }]);
    expect(einmalig('2026-06')).toEqual([{ art: 'einmalig', betrag: 600, zufluss: '2026-02-10', bezeichnung: 'Abfindung', aufteilen: false }]);
  });
});

describe('Vier-Augen nach den Zahlen bei der Entscheidung', () => {
  it('requires a second person when the Nachzahlung grew above the threshold while the draft waited', async () => {
    const f = await bewilligterFall('Wartezeit', 'DE02500105170137075030');
    // June and July paid with the old amounts
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-06' })).statusCode).toBe(200);
    // from July Aylin earns less (1,100 € gross / 880 € net instead of 1,200 € / 950 €): about 60 € more a month
    const akte = (await api('leistung', 'GET', `/api/faelle/${f.bgId}`)).json();
    const aylin = akte.zustand.personen.find((p: { vorname: string }) => p.vorname === 'Aylin');
    const einkommen = akte.daten?.einkommen?.find?.((e: { personId: string }) => e.personId === aylin.id) ?? aylin.einkommen?.[0];
    const e = await api('leistung', 'POST', `/api/faelle/${f.bgId}/einkommen`, {
      version: akte.bg.version,
      ab: '2024-07-01',
      personId: aylin.id,
      einkommenId: einkommen.id,
      einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn', bruttoCent: 110000, nettoCent: 88000 },
    });
    expect(e.statusCode, e.body).toBe(200);
    const aend = await api('leistung', 'POST', `/api/bewilligungen/${f.bewilligung.id}/aenderung`, { ab: '2024-07-01', grund: 'Weniger Lohn', version: f.bewilligung.version });
    expect(aend.statusCode, aend.body).toBe(201);
    const a = aend.json();
    const proMonat = a.vergleich.nachzahlungCent; // only July is paid so far
    expect(proMonat).toBeGreaterThan(5_000);
    expect(proMonat).toBeLessThan(regeln.nachzahlungAbCent);
    expect(a.vierAugen.erforderlich).toBe(false);
    expect(a.bewilligung.vierAugenGruende).toEqual([]);
    // the Zahllauf of July pays August with the old amount: the Nachzahlung is now two months' difference
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' })).json().neu).toBeGreaterThan(0);
    const res = await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: a.bewilligung.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ freigabeErforderlich: true, bewilligung: { status: 'freigabe_erforderlich' } });
    expect(res.json().bewilligung.vierAugenGruende.map((g: { code: string }) => g.code)).toEqual(['nachzahlung']);
    expect(res.json().bewilligung.vierAugenGruende[0].text).toContain(euroText(2 * proMonat));
    const frei = await api('teamleitung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: res.json().bewilligung.version });
    expect(frei.json().bewilligung?.status, frei.body).toBe('bewilligt');
    const nz = await t.ctx.db.withSystem((tx) => tx.execute<{ s: number }>(sql`select coalesce(sum(betrag_cent), 0)::int as s from korrekturen where bg_id = ${f.bgId}`));
    expect(nz.rows[0]!.s).toBe(2 * proMonat);
    // the next run pays the grown Nachzahlung in full, once
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' });
    const gezahlt = await t.ctx.db.withSystem((tx) => tx.execute<{ s: number }>(sql`select coalesce(sum(betrag_cent), 0)::int as s from zahlungen where bg_id = ${f.bgId} and art = 'nachzahlung'`));
    expect(gezahlt.rows[0]!.s).toBe(2 * proMonat);
  });
});

const monatsbetrag = (bewilligung: { monate: { monat: string; auszahlungCent: number }[] }, monat: string) =>
  bewilligung.monate.find((m) => m.monat === monat)!.auszahlungCent;

const seite = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: jars[who]!.header() } });

async function csrf(url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: jars.leistung!.header() } });
  return /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
}

const differenz = (f: { vergleich: { geaenderteMonate: { monat: string; differenzCent: number }[] } }) =>
  Object.fromEntries(f.vergleich.geaenderteMonate.map((m) => [m.monat, m.differenzCent]));

describe('Vorläufige Bewilligung (§ 41a) und abschließende Feststellung', () => {
  it('decides for 6 months provisionally, then finally with the actual income: Erstattungsforderung', async () => {
    const { bgId } = await neuerFall('Vorlaeufig', 'DE02370502990000684712');
    const v = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { vorlaeufigGrund: 'schwankendes Einkommen' });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json().bewilligung).toMatchObject({ art: 'vorlaeufig', beginn: '2024-06', ende: '2024-11' });
    const b = (await api('leistung', 'POST', `/api/bewilligungen/${v.json().bewilligung.id}/freigeben`, { version: 1 })).json().bewilligung;
    // the actual income was higher from the start: Ben earned 1,000 € gross / 800 € net
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const ben = akte.zustand.personen.find((p: { vorname: string }) => p.vorname === 'Ben');
    const e = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, { version: akte.bg.version, ab: '2024-06-01', personId: ben.id, einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Aushilfe', bruttoCent: 100000, nettoCent: 80000 } });
    expect(e.statusCode, e.body).toBe(200);
    // June to August have been paid (a second run of the month pays only what is new)
    const z = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' });
    expect(z.json().neu, z.body).toBe(3);
    expect(z.json().lauf.nr).toBeGreaterThan(1);
    // the request for the actual monthly income exists only under the old law (periods begun before 2023)
    const nurAlt = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { grund: 'x', version: b.version, abschliessend: true, tatsaechlichesEinkommen: true });
    expect(nurAlt.statusCode).toBe(400);
    expect(nurAlt.json().issues[0]).toMatchObject({ path: 'tatsaechlichesEinkommen', code: 'nur_alte_fassung' });
    const f = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { grund: 'Abschließende Feststellung', version: b.version, abschliessend: true });
    expect(f.statusCode, f.body).toBe(201);
    // period from June 2024: actual income of each month (§ 41a n.F.)
    expect(f.json().abschluss).toMatchObject({ methode: 'monatlich', norm: '§ 41a Abs. 3 SGB II, § 3 Abs. 4 Bürgergeld-V' });
    expect(f.json().bewilligung).toMatchObject({ vorgang: 'abschliessende_feststellung', art: 'endgueltig', beginn: '2024-06', ende: '2024-11' });
    expect(f.json().vergleich.ueberzahlungCent).toBeGreaterThan(0);
    const fb = f.json().bewilligung;
    // 1,416 € Erstattung reaches the Träger's threshold of 1,000 €: Vier-Augen
    const vorgelegt = await api('leistung', 'POST', `/api/bewilligungen/${fb.id}/freigeben`, { version: fb.version });
    expect(vorgelegt.json().bewilligung.vierAugenGruende[0].code).toBe('erstattung');
    const frei = await api('teamleitung', 'POST', `/api/bewilligungen/${fb.id}/freigeben`, { version: vorgelegt.json().bewilligung.version });
    expect(frei.json().bewilligung?.status, frei.body).toBe('bewilligt');
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    expect(liste.erstattungen).toHaveLength(1);
    expect(liste.erstattungen[0].betragCent).toBe(f.json().vergleich.erstattungCent);
    const nichtVorlaeufig = await api('leistung', 'POST', `/api/bewilligungen/${fb.id}/aenderung`, { grund: 'x', version: frei.json().bewilligung.version, abschliessend: true });
    expect(nichtVorlaeufig.statusCode).toBe(409);
    expect(nichtVorlaeufig.json().error).toBe('nicht_vorlaeufig');
    const bescheid = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    const text = pdfText((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'abschluss-2024');
    expect(text).toContain('abschließend entschieden');
    expect(text).toContain('§ 41a Abs. 3 SGB II, § 3 Abs. 4 Bürgergeld-V');
  });

  it('§ 41a Abs. 6: sets off overpaid and underpaid months per person; only what remains overpaid is reclaimed, from 50 €', async () => {
    // Aylin's net pay differs in July and August from the estimate (gross 1,200 € unchanged, so the Freibetrag of
    // § 11b Abs. 3 stays the same and every euro of net pay changes the BG's entitlement by one euro)
    const feststellung = async (nachname: string, iban: string, juliNettoCent: number, augustNettoCent: number) => {
      const { bgId, personIds } = await neuerFall(nachname, iban);
      const v = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { vorlaeufigGrund: 'schwankendes Einkommen' });
      expect(v.statusCode, v.body).toBe(201);
      const b = (await api('leistung', 'POST', `/api/bewilligungen/${v.json().bewilligung.id}/freigeben`, { version: 1 })).json().bewilligung;
      for (const [ab, nettoCent] of [['2024-07-01', juliNettoCent], ['2024-08-01', augustNettoCent], ['2024-09-01', 95000]] as const) {
        const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
        const aylin = akte.zustand.personen.find((p: { id: string }) => p.id === personIds.a);
        const e = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, {
          version: akte.bg.version,
          ab,
          personId: personIds.a,
          einkommenId: aylin.einkommen[0].id,
          einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn', bruttoCent: 120000, nettoCent },
        });
        expect(e.statusCode, e.body).toBe(200);
      }
      // June to August are paid
      const z = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' });
      expect(z.statusCode, z.body).toBeLessThan(300);
      const f = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { grund: 'Abschließende Feststellung', version: b.version, abschliessend: true });
      expect(f.statusCode, f.body).toBe(201);
      return { bgId, f: f.json() };
    };

    // July 100 € overpaid, August 30 € underpaid: month by month that would be a Nachzahlung of 30 € and an
    // Erstattung of 100 €; § 41a Abs. 6 S. 2 sets them off: 70 € remain and are reclaimed (S. 3), no Nachzahlung
    const gross = await feststellung('Saldo', 'DE75512108001245126199', 105000, 92000);
    expect(differenz(gross.f)).toEqual({ '2024-07': -10000, '2024-08': 3000 });
    expect(gross.f.vergleich).toMatchObject({ nachzahlungCent: 0, ueberzahlungCent: 7000, erstattungCent: 7000 });
    const fb = gross.f.bewilligung;
    const frei = await api('leistung', 'POST', `/api/bewilligungen/${fb.id}/freigeben`, { version: fb.version });
    expect(frei.json().bewilligung?.status, frei.body).toBe('bewilligt');
    const liste = (await api('leistung', 'GET', `/api/faelle/${gross.bgId}/bewilligungen`)).json();
    expect(liste.erstattungen).toHaveLength(1);
    expect(liste.erstattungen[0]).toMatchObject({ betragCent: 7000, norm: '§ 41a Abs. 6 S. 3 SGB II' });
    const korrekturen = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from korrekturen where bewilligung_id = ${fb.id}`));
    expect(korrekturen.rows[0]!.n).toBe(0);
    const bescheid = await api('leistung', 'POST', `/api/faelle/${gross.bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    const text = pdfText((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'abschluss-saldo');
    expect(text).toContain(euroText(7000));
    expect(text).toContain('§ 41a Abs. 6 S. 3 SGB II');
    expect(text).not.toContain('§ 50 Abs. 1 SGB X');

    // July 40 € overpaid, August 30 € underpaid: 10 € remain, below 50 € – nothing is reclaimed and nothing paid
    const klein = await feststellung('Bagatelle', 'DE12500105170648489890', 99000, 92000);
    expect(differenz(klein.f)).toEqual({ '2024-07': -4000, '2024-08': 3000 });
    expect(klein.f.vergleich).toMatchObject({ nachzahlungCent: 0, ueberzahlungCent: 1000, erstattungCent: 0 });
    const kb = klein.f.bewilligung;
    const kfrei = await api('leistung', 'POST', `/api/bewilligungen/${kb.id}/freigeben`, { version: kb.version });
    expect(kfrei.json().bewilligung?.status, kfrei.body).toBe('bewilligt');
    expect((await api('leistung', 'GET', `/api/faelle/${klein.bgId}/bewilligungen`)).json().erstattungen).toHaveLength(0);
    const kk = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from korrekturen where bewilligung_id = ${kb.id}`));
    expect(kk.rows[0]!.n).toBe(0);
  });

  it('a period begun before 2023: average income (§ 41a Abs. 4 S. 1 a.F.) or, on request, the actual monthly income (S. 2 Nr. 3 a.F.)', async () => {
    const res = await api('leistung', 'POST', '/api/faelle', { ...erstantrag(kommunen.Musterstadt!, 'Altrecht', 'DE02100500000054540402'), antragsdatum: '2022-06-10' });
    expect(res.statusCode, res.body).toBe(201);
    const bgId = res.json().bg.id as string;
    const v = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { vorlaeufigGrund: 'schwankendes Einkommen' });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json().bewilligung).toMatchObject({ art: 'vorlaeufig', beginn: '2022-06', ende: '2022-11' });
    const b = (await api('leistung', 'POST', `/api/bewilligungen/${v.json().bewilligung.id}/freigeben`, { version: 1 })).json().bewilligung;
    // Ben started a job in August 2022 (4 of the 6 months)
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const ben = akte.zustand.personen.find((p: { vorname: string }) => p.vorname === 'Ben');
    const e = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, { version: akte.bg.version, ab: '2022-08-01', personId: ben.id, einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Lager', bruttoCent: 90000, nettoCent: 72000 } });
    expect(e.statusCode, e.body).toBe(200);
    const schnitt = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { grund: 'Abschließende Feststellung', version: b.version, abschliessend: true });
    expect(schnitt.statusCode, schnitt.body).toBe(201);
    expect(schnitt.json().abschluss).toMatchObject({ methode: 'durchschnitt', norm: '§ 41a Abs. 4 S. 1 SGB II a.F.' });
    const monatlich = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { grund: 'Abschließende Feststellung auf Antrag', version: b.version, abschliessend: true, tatsaechlichesEinkommen: true });
    expect(monatlich.statusCode, monatlich.body).toBe(201);
    expect(monatlich.json().abschluss).toMatchObject({ methode: 'monatlich', norm: '§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.' });
    const s = schnitt.json().bewilligung;
    const m = monatlich.json().bewilligung;
    // average: the same income in every month (July and October alike, both with the Sofortzuschlag from July 2022);
    // actual: nothing earned in June and July, so July pays more than September and June stays as provisionally paid
    expect(monatsbetrag(s, '2022-07')).toBe(monatsbetrag(s, '2022-10'));
    expect(monatsbetrag(m, '2022-07')).toBeGreaterThan(monatsbetrag(m, '2022-09'));
    const vorlaeufig = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json().bewilligungen.find((x: { id: string }) => x.id === b.id);
    expect(monatsbetrag(m, '2022-06')).toBe(monatsbetrag(vorlaeufig, '2022-06'));
    expect(monatsbetrag(s, '2022-06')).toBeLessThan(monatsbetrag(vorlaeufig, '2022-06'));
    const frei = await api('leistung', 'POST', `/api/bewilligungen/${m.id}/freigeben`, { version: m.version });
    expect(frei.json().bewilligung?.status, frei.body).toBe('bewilligt');
    const bescheid = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    const text = pdfText((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'abschluss-2022');
    expect(text).toContain('Arbeitslosengeld II');
    expect(text).toContain('§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.');
  });
});

/** the current month in Europe/Berlin by the application's clock (default test clock: 2026-12-07) */
const aktuellerMonat = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' }).format(t.ctx.clock.now()).slice(0, 7);

describe('Bewilligung über den letzten bekannten Rechtsstand hinaus (fortgeschrieben)', () => {
  it('12 months from the current month: computed, months after 31.12.2026 marked, approved, the Bescheid says so', async () => {
    const { bgId } = await neuerFall('Fortschreibung');
    const beginn = aktuellerMonat();
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { beginn, monate: 12 });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json().bewilligung;
    expect(b.monate).toHaveLength(12);
    const erwartet = b.monate.map((m: { monat: string }) => m.monat).filter((m: string) => m > '2026-12');
    expect(erwartet.length).toBeGreaterThan(0);
    expect(b.fortgeschriebeneMonate).toEqual(erwartet);
    for (const m of b.monate) {
      const fort = m.monat > '2026-12';
      expect({ monat: m.monat, fortgeschrieben: m.fortgeschrieben, bis: m.rechtBekanntBis }).toEqual({ monat: m.monat, fortgeschrieben: fort, bis: fort ? '2026-12-31' : null });
      expect(m.schritte.some((s: { text: string }) => s.text.startsWith('Fortgeschrieben: berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war'))).toBe(fort);
      expect(m.auszahlungCent).toBeGreaterThan(0);
    }

    const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
    expect(fr.statusCode, fr.body).toBe(200);
    expect(fr.json().bewilligung.status).toBe('bewilligt');

    const bescheid = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    const text = pdfText((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'fortgeschrieben');
    expect(text).toContain('berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war; ändern sich die Regelbedarfe, erhalten Sie einen Änderungsbescheid.');
    expect(text).toContain('fortgeschrieben');
    for (const m of b.monate) expect(text).toContain(euroText(m.auszahlungCent));
  });
});

describe('Seiten (ohne JavaScript)', () => {
  it('shows each page to its roles only', async () => {
    for (const [who, url, h1] of [
      ['teamleitung', '/freigaben', 'Freigaben'],
      ['leistung', '/zahlung', 'Zahlung'],
      ['controlling', '/zahlung', 'Zahlung'],
      ['controlling', '/kosten?monat=2024-06', 'Kosten'],
      ['teamleitung', '/massenaenderung', 'Massenänderung'],
      ['admin', '/verwaltung/kdu-richtwerte', 'KdU-Richtwerte'],
    ] as const) {
      const res = await seite(who, url);
      expect(res.statusCode, `${who} ${url}`).toBe(200);
      expect(res.body).toContain(`<h1 class="kern-heading-large">${h1}</h1>`);
    }
    for (const [who, url] of [
      ['leistung', '/freigaben'],
      ['integration', '/zahlung'],
      ['leistung', '/kosten'],
      ['leistung', '/massenaenderung'],
      ['leistung', '/verwaltung/kdu-richtwerte'],
    ] as const) {
      expect((await seite(who, url)).statusCode, `${who} ${url}`).toBe(403);
    }
    const kosten = await seite('controlling', '/kosten?monat=2024-06');
    expect(kosten.body).toContain('Kosten der Unterkunft Musterstadt');
    expect(kosten.body).toContain('<th scope="row"');
  });

  it('computes and approves a Bewilligung on the Fallakte page with plain forms', async () => {
    const { bgId } = await neuerFall('Formular', 'DE02500105170137075030');
    const r1 = await postForm(t.app, jars.leistung!, `/faelle/${bgId}/bewilligung`, { 'bw-beginn': '', 'bw-monate': '', 'bw-vorlaeufig': '' }, { csrf: await csrf(`/faelle/${bgId}`) });
    expect(r1.statusCode).toBe(302);
    const akte = await seite('leistung', `/faelle/${bgId}`);
    expect(akte.statusCode).toBe(200);
    expect(akte.body).toContain('Bewilligung und Bescheide');
    expect(akte.body).toContain('Erstbewilligung 06/2024 – 05/2025: Entwurf');
    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    const b = liste.bewilligungen[0];
    const r2 = await postForm(t.app, jars.leistung!, `/bewilligungen/${b.id}/freigeben`, { version: String(b.version), zurueck: `/faelle/${bgId}` }, { csrf: await csrf(`/faelle/${bgId}`) });
    expect(r2.statusCode).toBe(302);
    const r3 = await postForm(t.app, jars.leistung!, `/faelle/${bgId}/bescheid`, { bewilligungId: b.id }, { csrf: await csrf(`/faelle/${bgId}`) });
    expect(r3.statusCode).toBe(302);
    const nachher = await seite('leistung', `/faelle/${bgId}`);
    expect(nachher.body).toContain('Bewilligungsbescheid vom');
    expect(nachher.body).toContain('.pdf"');
    // without the CSRF token nothing happens
    const ohne = await postForm(t.app, jars.leistung!, `/faelle/${bgId}/bewilligung`, {}, { csrf: null });
    expect(ohne.statusCode).toBe(403);
  });

});
