import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { euroText } from '../../src/domain/berechnung/geld.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

// Aufhebung (§ 48 SGB X), Ablehnung with the caseworker's own reasons, Erstattungsforderungen worked (issue 4).
let t: TestApp;
let musterstadt: string;
const jars: Record<string, CookieJar> = {};
const ordner = mkdtempSync(join(tmpdir(), 'vorort-aufhebung-'));

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
const seite = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: jars[who]!.header() } });

function textAusPdf(pdf: Buffer, name: string): string {
  const datei = join(ordner, `${name}.pdf`);
  writeFileSync(datei, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', datei, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A paper Erstantrag of 12 June 2024: single parent with one child, small earnings. */
async function neuerFall(nachname: string, iban: string) {
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2024-06-12',
    eingangskanal: 'papier',
    personen: [
      { ref: 'a', vorname: 'Mara', nachname, geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Kiosk', bruttoCent: 60000, nettoCent: 52000 }] },
      { ref: 'k', vorname: 'Tim', nachname, geburtsdatum: '2016-04-04', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    ],
    adresse: { strasse: 'Am Markt', hausnummer: '7', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban, kontoinhaber: `Mara ${nachname}` },
    unterkunft: { grundmieteCent: 45000, nebenkostenCent: 9000, heizkostenCent: 8000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  return res.json().bg.id as string;
}

/** A paper Erstantrag of 12 June 2024 of a single person. */
async function einzelFall(nachname: string, iban: string) {
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2024-06-12',
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Karl', nachname, geburtsdatum: '1950-03-03', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Am Markt', hausnummer: '9', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban, kontoinhaber: `Karl ${nachname}` },
    unterkunft: { grundmieteCent: 38000, nebenkostenCent: 7000, heizkostenCent: 6000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  return res.json().bg.id as string;
}

async function bewilligt(nachname: string, iban: string, einzeln = false) {
  const bgId = einzeln ? await einzelFall(nachname, iban) : await neuerFall(nachname, iban);
  const b = (await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).json().bewilligung;
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
  if (fr.json().bewilligung?.status !== 'bewilligt') throw new Error(`Freigabe: ${fr.body}`);
  const monate = b.monate as { monat: string; auszahlungCent: number }[];
  return { bgId, bewilligung: { id: b.id as string, version: fr.json().bewilligung.version as number, monate } };
}

const zahlungenDer = async (bgId: string) =>
  (await t.ctx.db.withSystem((tx) => tx.execute<{ leistungsmonat: string }>(sql`select leistungsmonat from zahlungen where bg_id = ${bgId} order by leistungsmonat`))).rows.map(
    (r) => r.leistungsmonat,
  );

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const k = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ id: string }>(sql`select k.id from kommunen k join traeger t on t.id = k.traeger_id where t.slug = 'musterland' and k.name = 'Musterstadt'`),
  );
  musterstadt = k.rows[0]!.id;
  for (const who of ['leistung', 'integration', 'teamleitung', 'admin']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  jars.fremd = await signIn(t.app, 'admin@beispielstadt.example');
  const regeln = { nachzahlungAbCent: 100_000, monatsbetragAbCent: 500_000, erstattungAbCent: 100_000, ablehnung: false, aufhebung: true, erstbewilligung: false };
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(ordner, { recursive: true, force: true });
});

describe('Aufhebung (§ 48 SGB X)', () => {
  let bgId: string;
  let erstattungCent: number;

  it('cancels from July: paid months become an Erstattungsforderung, Vier-Augen, later months are not paid', async () => {
    const f = await bewilligt('Aufhebung', 'DE02120300000000202051');
    bgId = f.bgId;
    const b = f.bewilligung;
    // June to August 2024 are paid
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' })).statusCode).toBe(200);
    expect(await zahlungenDer(bgId)).toEqual(['2024-06', '2024-07', '2024-08']);
    const eingabe = { ab: '2024-07-01', grund: 'wegfall_hilfebeduerftigkeit', grundText: 'Frau Aufhebung arbeitet seit Juli in Vollzeit.', tatbestand: 'nr3', anhoerungAm: '2024-09-02', version: b.version };
    // rights: integration may not, the other Träger does not see it
    expect((await api('integration', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, eingabe)).statusCode).toBe(403);
    expect((await api('fremd', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, eingabe)).statusCode).toBe(404);
    // bad input: clear errors at the fields, nothing stored
    const mitte = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, ab: '2024-07-15' });
    expect(mitte.statusCode).toBe(400);
    expect(mitte.json().issues[0]).toMatchObject({ path: 'ab', code: 'kein_monatsanfang' });
    const ohneText = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, grund: 'sonstiger', grundText: ' ' });
    expect(ohneText.json().issues[0]).toMatchObject({ path: 'grundText', code: 'grund_fehlt' });
    expect((await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, version: 99 })).json().error).toBe('version_conflict');
    // § 48 Abs. 1 S. 2 SGB X: for the past a Tatbestand; § 24 SGB X: a prior Anhörung or a documented exception
    const ohneTatbestand = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, tatbestand: undefined, anhoerungAm: undefined });
    expect(ohneTatbestand.statusCode).toBe(400);
    expect(ohneTatbestand.json().issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual(['tatbestand:tatbestand_fehlt', 'anhoerungAm:anhoerung_fehlt']);
    const zukunftAnhoerung = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, anhoerungAm: '2099-01-01' });
    expect(zukunftAnhoerung.json().issues[0]).toMatchObject({ path: 'anhoerungAm', code: 'datum_ungueltig' });
    const ausnahmeOhneGrund = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, anhoerungAm: undefined, anhoerungAusnahme: 'nr5' });
    expect(ausnahmeOhneGrund.json().issues[0]).toMatchObject({ path: 'anhoerungAusnahmeGrund', code: 'ausnahme_grund_fehlt' });
    // two persons: a death is a change of the BG (Person scheidet aus), not an Aufhebung of the whole BG
    const tod = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...eingabe, grund: 'tod' });
    expect(tod.json().issues[0]).toMatchObject({ path: 'grund', code: 'person_ausscheiden' });
    expect(tod.json().issues[0].message).toContain('Person scheidet aus');

    const res = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, eingabe);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const betrag = (m: string) => b.monate.find((x) => x.monat === m)!.auszahlungCent;
    erstattungCent = betrag('2024-07') + betrag('2024-08');
    expect(a.erstattungCent).toBe(erstattungCent);
    expect(a.aufgehobeneMonate[0]).toBe('2024-07');
    expect(a.bewilligung).toMatchObject({ vorgang: 'aufhebung', status: 'entwurf', beginn: '2024-06', ende: '2024-06', vorgaengerId: b.id });
    expect(a.bewilligung.monate).toHaveLength(1);
    expect(a.vierAugen.gruende.map((g: { code: string }) => g.code)).toContain('aufhebung');

    // Vier-Augen: the caseworker submits, may not approve; teamleitung approves
    const vorgelegt = await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: a.bewilligung.version });
    expect(vorgelegt.json()).toMatchObject({ freigabeErforderlich: true, bewilligung: { status: 'freigabe_erforderlich' } });
    const v = vorgelegt.json().bewilligung.version;
    expect((await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v })).statusCode).toBe(403);
    const frei = await api('teamleitung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v });
    expect(frei.statusCode, frei.body).toBe(200);
    expect(frei.json().bewilligung.status).toBe('bewilligt');

    const liste = (await api('leistung', 'GET', `/api/faelle/${bgId}/bewilligungen`)).json();
    expect(liste.bewilligungen.find((x: { id: string }) => x.id === b.id).status).toBe('ersetzt');
    expect(liste.erstattungen).toHaveLength(1);
    expect(liste.erstattungen[0]).toMatchObject({ betragCent: erstattungCent, status: 'offen', norm: '§ 50 SGB X' });

    // the Zahllauf of August (for September) pays nothing more for this case; a second run neither
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' });
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-09' });
    expect(await zahlungenDer(bgId)).toEqual(['2024-06', '2024-07', '2024-08']);

    // the period is shortened: a new Bewilligung from September does not overlap
    const spaeter = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { beginn: '2024-09', monate: 3 });
    expect(spaeter.statusCode, spaeter.body).toBe(201);

    // audit and history of the case
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ art: string }>(sql`select details->>'art' as art from audit_log where object_id = ${bgId} and object_type = 'fallakte' and action = 'update'`),
    );
    const arten = audit.rows.map((r) => r.art);
    expect(arten).toContain('bewilligung_aufhebung');
    expect(arten).toContain('aufhebung_entschieden');
  });

  it('Aufhebungsbescheid: PDF with Grund, Zeitpunkt, norm, Erstattung, Anhörung, Rechtsbehelfsbelehrung', async () => {
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ art: 'aufhebung', titel: 'Aufhebungsbescheid', zustellung: 'post' });
    const pdf = await api('leistung', 'GET', `/api/bescheide/${res.json().id}.pdf`);
    const text = textAusPdf(pdf.rawPayload, 'aufhebung');
    expect(text).toContain('Aufhebungsbescheid');
    expect(text).toContain('ab 01.07.2024 ganz aufgehoben');
    expect(text).toContain('Die Hilfebedürftigkeit ist weggefallen');
    expect(text).toContain('arbeitet seit Juli in Vollzeit');
    expect(text).toContain('§ 48 Abs. 1 S. 2 Nr. 3 SGB X i. V. m. § 40 Abs. 2 Nr. 3 SGB II, § 330 Abs. 3 SGB III');
    expect(text).toContain('also auch für die Vergangenheit');
    expect(text).toContain('§ 50 Abs. 1 SGB X');
    expect(text).not.toContain('nachgeholt');
    expect(text).toContain(euroText(erstattungCent));
    expect(text).toContain('Anhörung vom 02.09.2024');
    expect(text).toContain('§ 24 Abs. 1 SGB X');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('Bewilligungszeitraum: 01.06.2024 bis 31.05.2025');
    // the Forderung now names the Bescheid that set it; its page links the PDF
    const f = (await api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen')).json().forderungen.find((x: { bgId: string }) => x.bgId === bgId);
    expect(f.bescheidId).toBe(res.json().id);
    const detail = await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`);
    expect(detail.json().bescheid).toMatchObject({ id: res.json().id, art: 'aufhebung' });
    const html = (await seite('leistung', `/erstattungen/${f.id}`)).body;
    expect(html).toContain(`href="/api/bescheide/${res.json().id}.pdf"`);
    expect(html).toContain('Aufhebungsbescheid vom');
    // a second Bescheid for the same decision keeps the first link
    const zweiter = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(zweiter.statusCode).toBe(201);
    expect((await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json().bescheidId).toBe(res.json().id);
  });

  it('from the first month: nothing granted any more (aufgehoben), nothing paid, no Erstattung', async () => {
    const { bgId: id, bewilligung: b } = await bewilligt('Umzug', 'DE02100100100006820101');
    const umzug = { ab: '2024-06-01', grund: 'umzug', tatbestand: 'nr4', anhoerungAusnahme: 'nr3', anhoerungAusnahmeGrund: 'Frau Umzug hat den Umzug selbst mitgeteilt.', version: b.version };
    // two persons: the caseworker confirms that the whole BG moved away
    const einzeln = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, umzug);
    expect(einzeln.json().issues[0]).toMatchObject({ path: 'ganzeBg', code: 'nicht_ganze_bg' });
    // § 24 Abs. 2 Nr. 5 SGB X (adaptation of income-dependent benefits) does not fit a move
    const nr5 = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...umzug, ganzeBg: true, anhoerungAusnahme: 'nr5' });
    expect(nr5.json().issues[0]).toMatchObject({ path: 'anhoerungAusnahme', code: 'ausnahme_unpassend' });
    const res = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...umzug, ganzeBg: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().erstattungCent).toBe(0);
    const vorgelegt = (await api('leistung', 'POST', `/api/bewilligungen/${res.json().bewilligung.id}/freigeben`, { version: res.json().bewilligung.version })).json();
    const frei = await api('teamleitung', 'POST', `/api/bewilligungen/${res.json().bewilligung.id}/freigeben`, { version: vorgelegt.bewilligung.version });
    expect(frei.json().bewilligung.status).toBe('aufgehoben');
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-10' });
    expect(await zahlungenDer(id)).toEqual([]);
    const bescheid = await api('leistung', 'POST', `/api/faelle/${id}/bescheide`, {});
    expect(bescheid.json().art).toBe('aufhebung');
    const text = textAusPdf((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'umzug');
    expect(text).toContain('§ 48 Abs. 1 S. 1 SGB X, § 36 Abs. 1 SGB II');
    expect(text).toContain('§ 48 Abs. 1 S. 2 Nr. 4 SGB X');
    expect(text).toContain('Von einer Anhörung wurde abgesehen (§ 24 Abs. 2 Nr. 3 SGB X)');
    expect(text).toContain('den Umzug selbst mitgeteilt');
    expect(text).not.toContain('zu erstatten');
  });

  it('death of the only person: no Erstattung from the deceased; the Bescheid goes to the heirs', async () => {
    const { bgId: id, bewilligung: b } = await bewilligt('Verstorben', 'DE12500105170648489890', true);
    // June to August are paid
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' })).statusCode).toBe(200);
    expect(await zahlungenDer(id)).toEqual(['2024-06', '2024-07', '2024-08']);
    const tod = { grund: 'tod', grundText: 'Herr Verstorben ist am 20.07.2024 verstorben.', tatbestand: 'nr4', anhoerungAm: '2024-09-10', version: b.version };
    const mitErstattung = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...tod, ab: '2024-08-01' });
    expect(mitErstattung.statusCode).toBe(400);
    expect(mitErstattung.json().issues[0]).toMatchObject({ path: 'ab', code: 'erstattung_tod' });
    const res = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ...tod, ab: '2024-09-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().erstattungCent).toBe(0);
    const v = (await api('leistung', 'POST', `/api/bewilligungen/${res.json().bewilligung.id}/freigeben`, { version: res.json().bewilligung.version })).json().bewilligung.version;
    expect((await api('teamleitung', 'POST', `/api/bewilligungen/${res.json().bewilligung.id}/freigeben`, { version: v })).statusCode).toBe(200);
    const bescheid = await api('leistung', 'POST', `/api/faelle/${id}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    const text = textAusPdf((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'tod');
    expect(text).toContain('An die Erben von Karl Verstorben');
    expect(text).toContain('§ 48 Abs. 1 S. 1 SGB X, § 41 Abs. 1 S. 1 SGB II');
    expect(text).not.toContain('zu erstatten');
    expect((await api('leistung', 'GET', `/api/faelle/${id}/bewilligungen`)).json().erstattungen).toEqual([]);
  });

  it('the decision checks Tatbestand and Anhörung again (409 tatbestand_fehlt / anhoerung_fehlt)', async () => {
    const { bewilligung: b } = await bewilligt('Pruefung', 'DE44500105175407324931', true);
    const res = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ab: '2024-10-01', grund: 'wegfall_hilfebeduerftigkeit', tatbestand: 'nr3', anhoerungAm: '2024-09-10', version: b.version });
    expect(res.statusCode, res.body).toBe(201);
    const neu = res.json().bewilligung;
    // a draft without them (stored before the rule, or when the figures changed since): refused at the decision
    const setze = (pfad: string) =>
      t.ctx.db.withSystem((tx) => tx.execute(sql`update bewilligungen set aenderung = jsonb_set(aenderung, ${`{aufhebung,${pfad}}`}::text[], 'null'::jsonb) where id = ${neu.id}`));
    await setze('anhoerungAm');
    const ohneAnhoerung = await api('leistung', 'POST', `/api/bewilligungen/${neu.id}/freigeben`, { version: neu.version });
    expect(ohneAnhoerung.statusCode).toBe(409);
    expect(ohneAnhoerung.json().error).toBe('anhoerung_fehlt');
    await setze('tatbestand');
    const ohneTatbestand = await api('leistung', 'POST', `/api/bewilligungen/${neu.id}/freigeben`, { version: neu.version });
    expect(ohneTatbestand.statusCode).toBe(409);
    expect(ohneTatbestand.json()).toMatchObject({ error: 'tatbestand_fehlt' });
    expect(ohneTatbestand.json().message).toContain('§ 48 Abs. 1 S. 2 SGB X');
    // nothing was decided
    const liste = (await api('leistung', 'GET', `/api/faelle/${neu.bgId}/bewilligungen`)).json();
    expect(liste.bewilligungen.find((x: { id: string }) => x.id === b.id).status).toBe('bewilligt');
    expect(liste.bewilligungen.find((x: { id: string }) => x.id === neu.id).status).toBe('entwurf');
  });
});

describe('Ablehnung mit eigenen Gründen', () => {
  it('adds standard and free reasons with their norms to the Ablehnungsbescheid', async () => {
    const bgId = await neuerFall('Mitwirkung', 'DE02300209000106531065');
    const ohneNorm = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { ablehnung: { freitext: 'Kontoauszüge fehlen' } });
    expect(ohneNorm.statusCode).toBe(400);
    expect(ohneNorm.json().issues[0]).toMatchObject({ path: 'ablehnung.norm', code: 'norm_fehlt' });
    const unbekannt = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, { ablehnung: { gruende: ['keine_lust'] } });
    expect(unbekannt.json().issues[0]).toMatchObject({ path: 'ablehnung.gruende', code: 'grund_ungueltig' });
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {
      ablehnung: { gruende: ['fehlende_mitwirkung'], freitext: 'Die Kontoauszüge der letzten drei Monate wurden nicht vorgelegt.', norm: '§ 60 Abs. 1 S. 1 Nr. 3 SGB I' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json().bewilligung;
    expect(b).toMatchObject({ vorgang: 'ablehnung', summeCent: 0 });
    expect(b.ablehnungsgruende.map((g: { norm: string }) => g.norm)).toEqual(['§§ 60, 66 Abs. 1 und 3 SGB I', '§ 60 Abs. 1 S. 1 Nr. 3 SGB I']);
    const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
    expect(fr.json().bewilligung.status).toBe('abgelehnt');
    const bescheid = await api('leistung', 'POST', `/api/faelle/${bgId}/bescheide`, {});
    expect(bescheid.statusCode, bescheid.body).toBe(201);
    expect(bescheid.json().art).toBe('ablehnung');
    const text = textAusPdf((await api('leistung', 'GET', `/api/bescheide/${bescheid.json().id}.pdf`)).rawPayload, 'ablehnung');
    expect(text).toContain('Ablehnungsbescheid');
    expect(text).toContain('vom 12.06.2024');
    expect(text).toContain('wird abgelehnt');
    expect(text).toContain('bis zur Nachholung der Mitwirkung versagt. (§§ 60, 66 Abs. 1 und 3 SGB I)');
    expect(text).toContain('Die Kontoauszüge der letzten drei Monate wurden nicht vorgelegt. (§ 60 Abs. 1 S. 1 Nr. 3 SGB I)');
    // the engine found an entitlement: no calculation with amounts in a refusal
    expect(text).not.toContain('So wurde gerechnet');
    // nothing is paid for a refused case
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-11' });
    expect(await zahlungenDer(bgId)).toEqual([]);
  });
});

describe('Erstattungsforderungen bearbeiten', () => {
  it('Zahlungseingang, Stundung, Erlass; rights, locking, audit', async () => {
    expect((await api('integration', 'GET', '/api/erstattungsforderungen')).statusCode).toBe(403);
    const offen = (await api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen')).json().forderungen;
    expect(offen).toHaveLength(1);
    const f = offen[0];
    expect(f.offenCent).toBe(f.betragCent);
    expect((await api('fremd', 'GET', `/api/erstattungsforderungen/${f.id}`)).statusCode).toBe(404);

    const zuViel = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/zahlungen`, { betragCent: f.betragCent + 1, datum: '2024-10-01', version: f.version });
    expect(zuViel.statusCode).toBe(400);
    expect(zuViel.json().issues[0].code).toBe('betrag_zu_hoch');
    const teil = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/zahlungen`, { betragCent: 5000, datum: '2024-10-01', version: f.version });
    expect(teil.statusCode, teil.body).toBe(200);
    expect(teil.json()).toMatchObject({ offenCent: f.betragCent - 5000, status: 'offen' });
    // the old version is refused (optimistic locking)
    expect((await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/zahlungen`, { betragCent: 100, datum: '2024-10-02', version: f.version })).statusCode).toBe(409);

    const stundung = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/stundung`, { bis: '2099-12-31', ratenCent: 2500, grund: 'Ratenzahlung vereinbart', version: teil.json().version });
    expect(stundung.statusCode, stundung.body).toBe(200);
    expect(stundung.json()).toMatchObject({ stundungBis: '2099-12-31', ratenCent: 2500, status: 'offen' });

    const ohneGrund = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/erlass`, { art: 'erlass', grund: ' ', version: stundung.json().version });
    expect(ohneGrund.json().issues[0].path).toBe('grund');
    const erlass = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/erlass`, { art: 'erlass', grund: 'Unbillige Härte: Pflege eines Angehörigen', version: stundung.json().version });
    expect(erlass.statusCode, erlass.body).toBe(200);
    expect(erlass.json()).toMatchObject({ offenCent: 0, status: 'erlassen' });
    expect(erlass.json().vorgaenge.map((v: { art: string }) => v.art)).toEqual(['zahlung', 'stundung', 'erlass']);
    expect(erlass.json().vorgaenge[2].betragCent).toBe(f.betragCent - 5000);
    expect(erlass.json().vorgaenge[2].grund).toContain('§ 44 SGB II');
    const danach = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/zahlungen`, { betragCent: 100, datum: '2024-10-02', version: erlass.json().version });
    expect(danach.statusCode).toBe(409);
    expect(danach.json().error).toBe('forderung_erledigt');
    expect((await api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen')).json().forderungen).toHaveLength(0);
    expect((await api('leistung', 'GET', '/api/erstattungsforderungen?stand=erledigt')).json().forderungen).toHaveLength(1);
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'fallakte' and details->>'art' like 'erstattung_%'`),
    );
    expect(audit.rows[0]!.n).toBe(3);
    // the history is append-only for the application
    const traegerId = await traegerVon(f.id);
    await expect(t.ctx.db.withTenant({ traegerId }, (tx) => tx.execute(sql`delete from erstattung_vorgaenge`))).rejects.toThrow(/Failed query/);
  });

  it('page: lists with filters, books a payment with a plain form, shows errors at the field; leistung only', async () => {
    expect((await seite('integration', '/erstattungen')).statusCode).toBe(403);
    const liste = await seite('leistung', '/erstattungen?stand=erledigt');
    expect(liste.statusCode).toBe(200);
    expect(liste.body).toContain('<h1 class="kern-heading-large">Erstattungsforderungen</h1>');
    expect(liste.body).toContain('erlassen');
    // a new Forderung through a second Aufhebung
    const { bewilligung: b } = await bewilligt('Zweite', 'DE02200505501015871393');
    await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-12' });
    const a = (await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aufhebung`, { ab: '2024-11-01', grund: 'sonstiger', grundText: 'Aufnahme in eine stationäre Einrichtung', tatbestand: 'nr2', anhoerungAm: '2025-01-10', version: b.version })).json();
    const v = (await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: a.bewilligung.version })).json().bewilligung.version;
    await api('teamleitung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: v });
    const f = (await api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen')).json().forderungen[0];
    expect(f.betragCent).toBe(a.erstattungCent);
    const detail = await seite('leistung', `/erstattungen/${f.id}`);
    expect(detail.statusCode).toBe(200);
    expect(f.bescheidId).toBeNull();
    expect(detail.body).toContain('Bescheid noch nicht erstellt');
    const falsch = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, { vorgang: 'zahlung', betrag: 'zwölf', datum: '01.10.2024', version: String(f.version) });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('kern-error');
    expect(falsch.body).toContain('href="#feld-betrag"');
    expect(falsch.body).toContain('value="zwölf"');
    const ok = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, { vorgang: 'zahlung', betrag: '12,50', datum: '01.10.2024', version: String(f.version) });
    expect(ok.statusCode).toBe(302);
    const nachher = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json();
    expect(nachher.offenCent).toBe(f.betragCent - 1250);
  });
});

describe('Seiten der Fallakte (ohne JavaScript)', () => {
  it('Aufhebung: own page with field errors, then a draft; Ablehnung with own reasons from the calculation form', async () => {
    const { bgId, bewilligung: b } = await bewilligt('Seite', 'DE02500105170137075030');
    const akte = await seite('leistung', `/faelle/${bgId}`);
    expect(akte.body).toContain(`href="/bewilligungen/${b.id}/aufhebung?fall=${bgId}"`);
    expect((await seite('integration', `/bewilligungen/${b.id}/aufhebung?fall=${bgId}`)).statusCode).toBe(403);
    const url = `/bewilligungen/${b.id}/aufhebung?fall=${bgId}`;
    const formular = await seite('leistung', url);
    expect(formular.statusCode).toBe(200);
    expect(formular.body).toContain('<h1 class="kern-heading-large">Bewilligung aufheben</h1>');
    const falsch = await postForm(t.app, jars.leistung!, url, { ab: '15.08.2024', grund: 'sonstiger', grundText: '', anhoerungAm: '', version: String(b.version) });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('href="#feld-ab"');
    expect(falsch.body).toContain('Eine Aufhebung wirkt ab dem Ersten eines Monats');
    // the Aufhebung for the past without Tatbestand and Anhörung; a death in a BG of two persons: errors at the fields
    const leer = { tatbestand: '', anhoerungAm: '', anhoerungAusnahme: '', anhoerungAusnahmeGrund: '' };
    const ohne = await postForm(t.app, jars.leistung!, url, { ab: '01.08.2024', grund: 'tod', grundText: '', ...leer, version: String(b.version) });
    expect(ohne.statusCode).toBe(400);
    for (const feld of ['grund', 'tatbestand', 'anhoerungAm']) expect(ohne.body).toContain(`href="#feld-${feld}"`);
    expect(ohne.body).toContain('„Person scheidet aus“');
    expect(ohne.body).toMatch(/<select[^>]*id="feld-tatbestand"[^>]*aria-invalid="true"/);
    expect(ohne.body).toContain('value="01.08.2024"');
    const ok = await postForm(t.app, jars.leistung!, url, {
      ab: '01.08.2024',
      grund: 'wegfall_hilfebeduerftigkeit',
      grundText: '',
      ...leer,
      tatbestand: 'nr3',
      anhoerungAusnahme: 'nr5',
      anhoerungAusnahmeGrund: 'Das Einkommen ist durch Lohnabrechnungen belegt.',
      version: String(b.version),
    });
    expect(ok.statusCode, ok.body).toBe(302);
    expect(ok.headers.location).toBe(`/faelle/${bgId}#bewilligung`);
    const nachher = await seite('leistung', `/faelle/${bgId}`);
    expect(nachher.body).toContain('Aufhebung 06/2024 – 07/2024: Entwurf');
    expect(nachher.body).toContain('Aufgehoben ab 01.08.2024');

    const zweiter = await neuerFall('Formularablehnung', 'DE02370502990000684712');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await seite('leistung', `/faelle/${zweiter}`)).body)?.[1] ?? '';
    const r = await postForm(
      t.app,
      jars.leistung!,
      `/faelle/${zweiter}/bewilligung`,
      { 'bw-beginn': '', 'bw-monate': '', 'bw-vorlaeufig': '', 'bw-ablehnung': ['nicht_erwerbsfaehig'], 'bw-ablehnung-text': '', 'bw-ablehnung-norm': '' },
      { csrf },
    );
    expect(r.statusCode).toBe(302);
    // an own reason without its norm: 400 with the error at the field, the entered values kept
    const ohneNorm = await postForm(
      t.app,
      jars.leistung!,
      `/faelle/${zweiter}/bewilligung`,
      { 'bw-beginn': '2024-06', 'bw-monate': '6', 'bw-vorlaeufig': '', 'bw-ablehnung': ['vermoegen'], 'bw-ablehnung-text': 'Aufenthalt im Ausland', 'bw-ablehnung-norm': 'irgendwas' },
      { csrf },
    );
    expect(ohneNorm.statusCode).toBe(400);
    expect(ohneNorm.body).toContain('<h1 class="kern-heading-large">Neue Bewilligung berechnen</h1>');
    expect(ohneNorm.body).toContain('href="#feld-bw-ablehnung-norm"');
    expect(ohneNorm.body).toContain('Die Rechtsgrundlage muss eine Vorschrift nennen');
    expect(ohneNorm.body).toMatch(/id="feld-bw-ablehnung-norm"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="feld-bw-ablehnung-norm"/);
    expect(ohneNorm.body).toContain('value="irgendwas"');
    expect(ohneNorm.body).toContain('Aufenthalt im Ausland</textarea>');
    expect(ohneNorm.body).toMatch(/name="bw-ablehnung" checked="" value="vermoegen"/);
    expect(ohneNorm.body).toContain('value="2024-06"');
    const unbekannt = await postForm(t.app, jars.leistung!, `/faelle/${zweiter}/bewilligung`, { 'bw-ablehnung': ['gibtsnicht'], 'bw-ablehnung-text': '', 'bw-ablehnung-norm': '' }, { csrf });
    expect(unbekannt.statusCode).toBe(400);
    expect(unbekannt.body).toContain('href="#feld-bw-ablehnung"');
    // the form page itself (GET) works without the Fallakte
    expect((await seite('leistung', `/faelle/${zweiter}/bewilligung`)).statusCode).toBe(200);
    const liste = (await api('leistung', 'GET', `/api/faelle/${zweiter}/bewilligungen`)).json();
    expect(liste.bewilligungen[0]).toMatchObject({ vorgang: 'ablehnung', ablehnungsgruende: [{ norm: '§ 7 Abs. 1 S. 1 Nr. 2, § 8 Abs. 1 SGB II, § 16 Abs. 2 SGB I' }] });
  });
});

async function traegerVon(forderungId: string) {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ traeger_id: string }>(sql`select traeger_id from erstattungsforderungen where id = ${forderungId}`));
  return r.rows[0]!.traeger_id;
}
