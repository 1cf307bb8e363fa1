import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berechne } from '../../src/domain/berechnung/index.ts';
import { fallakteZuBerechnungInput, zustandFuerMonat, type FallakteDaten } from '../../src/domain/fallakte/index.ts';
import { fallRepository } from '../../src/db/repositories/fall.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let musterland: string;
let kommunen: Record<string, string>;
let standorte: Record<string, string>;
const jars: Record<string, CookieJar> = {};

const api = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
  return res;
};

const erstantrag = (kommuneId: string, mehr: Record<string, unknown> = {}) => ({
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  personen: [
    { ref: 'a', vorname: 'Aylin', nachname: 'Musterfrau', geburtsdatum: '1985-03-10', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn', bruttoCent: 160000, nettoCent: 120000, absetzungenCent: 24000 }] },
    { ref: 'b', vorname: 'Ben', nachname: 'Musterfrau', geburtsdatum: '1987-05-10', staatsangehoerigkeit: 'TR', rolle: 'partner', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Minijob', bruttoCent: 40000, nettoCent: 40000 }] },
    { ref: 'c', vorname: 'Clara', nachname: 'Musterfrau', geburtsdatum: '2017-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    { ref: 'd', vorname: 'David', nachname: 'Musterfrau', geburtsdatum: '2010-01-10', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
  ],
  adresse: { strasse: 'Lindenweg', hausnummer: '4', plz: '12345', ort: 'Musterstadt', kommuneId },
  bank: { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Aylin Musterfrau' },
  unterkunft: { grundmieteCent: 57000, nebenkostenCent: 14000, heizkostenCent: 14000 },
  ...mehr,
});

let bgId: string;
let personIds: Record<string, string>;
let antragId: string;
let fremdeBg: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const tr = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`));
  musterland = tr.rows[0]!.id;
  const k = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select id, name from kommunen where traeger_id = ${musterland}`));
  kommunen = Object.fromEntries(k.rows.map((r) => [r.name, r.id]));
  const s = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select id, name from standorte where traeger_id = ${musterland}`));
  standorte = Object.fromEntries(s.rows.map((r) => [r.name, r.id]));
  for (const who of ['leistung', 'integration', 'teamleitung', 'controlling', 'admin', 'buerger']) {
    jars[who] = await signIn(t.app, `${who}@musterland.example`);
  }
  jars.fremd = await signIn(t.app, 'admin@beispielstadt.example');
});
afterAll(() => t.close());

describe('Erstantrag auf Papier', () => {
  it('stores a couple with two children and earnings in one go; the Fallakte reconstructs it', async () => {
    const res = await api('leistung', 'POST', '/api/faelle', erstantrag(kommunen.Musterstadt!));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.bg.fallnummer).toMatch(/^BG-\d{6}$/);
    expect(body.bg.standortName).toBe('Jobcenter Musterstadt');
    expect(body.antrag).toMatchObject({ art: 'erstantrag', antragsdatum: '2024-06-12', leistungsbeginn: '2024-06-01', status: 'eingegangen', eingangskanal: 'papier' });
    bgId = body.bg.id;
    personIds = body.personIds;
    antragId = body.antrag.id;

    const akte = await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-06-15`);
    expect(akte.statusCode, akte.body).toBe(200);
    const a = akte.json();
    expect(a.zustand.personen.map((p: { vorname: string; rolle: string }) => `${p.vorname}:${p.rolle}`)).toEqual(['Aylin:antragsteller', 'Ben:partner', 'David:kind', 'Clara:kind']);
    expect(a.zustand.adresse).toMatchObject({ strasse: 'Lindenweg', kommuneId: kommunen.Musterstadt, gueltigVon: '2024-06-01', gueltigBis: null });
    expect(a.zustand.bank).toMatchObject({ iban: 'DE02120300000000202051', kontoinhaber: 'Aylin Musterfrau' });
    expect(a.zustand.unterkunft).toMatchObject({ grundmieteCent: 57000 });
    expect(a.antraege).toHaveLength(1);
    expect(a.ereignisse[0].beschreibung).toContain('aus dem Erstantrag vom 12.06.2024 (Papier) angelegt');
    expect(a.ereignisse[0].actorName).toBe('Lena Leistung');
    // Before the Leistungsbeginn nobody belongs to the BG.
    const vorher = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-05-31`)).json();
    expect(vorher.zustand.personen).toEqual([]);
  });

  it('the stored Fallakte gives the engine input with the known Anspruch', async () => {
    const daten = await t.ctx.db.withTenant({ traegerId: musterland }, async (tx) => {
      const bg = (await fallRepository.findBg(tx, bgId))!;
      return { bg, ...(await fallRepository.ladeDaten(tx, bgId, { bank: true })) } as unknown as FallakteDaten;
    });
    const r = berechne(fallakteZuBerechnungInput(zustandFuerMonat(daten, '2024-06'), '2024-06', { leistungsbeginn: '2022-01' }));
    expect(r.anspruch).toBe(1301);
    expect(r.sofortzuschlag).toBe(40);
  });

  it('an invalid IBAN is a 400 with the field path and code iban_ungueltig; nothing is stored', async () => {
    const before = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from bedarfsgemeinschaften`));
    const res = await api('leistung', 'POST', '/api/faelle', erstantrag(kommunen.Musterstadt!, { bank: { iban: 'DE02120300000000202052', kontoinhaber: 'X' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'body.bank.iban', code: 'iban_ungueltig' })]);
    const after = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from bedarfsgemeinschaften`));
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('an Antragsdatum outside the supported law is 400 datum_ausserhalb_rechtsstand', async () => {
    const res = await api('leistung', 'POST', '/api/faelle', erstantrag(kommunen.Musterstadt!, { antragsdatum: '2020-12-31' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'datum_ausserhalb_rechtsstand', issues: [{ path: 'body.antragsdatum', code: 'datum_ausserhalb_rechtsstand' }] });
  });
});

describe('Änderung ab Datum', () => {
  it('a new job "ab 2024-08-01" keeps July and changes August', async () => {
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const job = akte.perioden.einkommen.find((e: { personId: string; art: string }) => e.personId === personIds.b && e.art === 'erwerbstaetigkeit');
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, {
      version: akte.bg.version,
      ab: '2024-08-01',
      personId: personIds.b,
      einkommenId: job.id,
      einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Spedition Nord', bruttoCent: 200000, nettoCent: 150000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(akte.bg.version + 1);
    const juli = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-07-31`)).json();
    const august = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-08-01`)).json();
    const ben = (z: { zustand: { personen: { id: string; einkommen: { nettoCent: number }[] }[] } }) => z.zustand.personen.find((p) => p.id === personIds.b)!.einkommen.map((e) => e.nettoCent);
    expect(ben(juli)).toEqual([40000]);
    expect(ben(august)).toEqual([150000]);
    expect(august.ereignisse[0]).toMatchObject({ art: 'einkommen_geaendert', personId: personIds.b });
    expect(august.ereignisse[0].beschreibung).toContain('ab 01.08.2024 geändert');
  });

  it('optimistic locking: a stale version is 409 version_conflict and changes nothing', async () => {
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const ok = await api('leistung', 'POST', `/api/faelle/${bgId}/unterkunft`, { version: akte.bg.version, ab: '2024-10-01', unterkunft: { grundmieteCent: 60000, nebenkostenCent: 14000, heizkostenCent: 15000 } });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await api('teamleitung', 'POST', `/api/faelle/${bgId}/unterkunft`, { version: akte.bg.version, ab: '2024-11-01', unterkunft: { grundmieteCent: 1, nebenkostenCent: 1, heizkostenCent: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('version_conflict');
    const nachher = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-12-01`)).json();
    expect(nachher.zustand.unterkunft.grundmieteCent).toBe(60000);
    expect(nachher.perioden.unterkunft.map((u: { gueltigVon: string; gueltigBis: string | null }) => [u.gueltigVon, u.gueltigBis])).toEqual([
      ['2024-06-01', '2024-09-30'],
      ['2024-10-01', null],
    ]);
  });

  it('an invalid IBAN on change is 400 iban_ungueltig', async () => {
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/bankverbindung`, { version: akte.bg.version, ab: '2024-09-01', bank: { iban: 'DE00 0000', kontoinhaber: 'A' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: 'body.bank.iban', code: 'iban_ungueltig' });
  });

  it('one person in two BGs at the same time is refused by the database', async () => {
    const other = await api('leistung', 'POST', '/api/faelle', erstantrag(kommunen.Musterstadt!, { personen: [{ ref: 'x', vorname: 'Xaver', nachname: 'Zweitfall', geburtsdatum: '1970-01-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }] }));
    expect(other.statusCode, other.body).toBe(201);
    const zweiteBg = other.json().bg.id;
    await expect(
      t.ctx.db.withTenant({ traegerId: musterland }, (tx) =>
        fallRepository.insertPerioden(tx, 'mitgliedschaften', [{ traegerId: musterland, bgId: zweiteBg, personId: personIds.a!, rolle: 'partner', inBg: true, gueltigVon: '2025-01-01', gueltigBis: null }]),
      ),
    ).rejects.toMatchObject({ cause: { code: '23P01', constraint: 'bg_mitgliedschaften_keine_ueberschneidung' } });
    // After the membership in the first BG ended, joining another is fine.
    await expect(t.ctx.db.withTenant({ traegerId: musterland }, async (tx) => {
      const rows = await fallRepository.serie(tx, 'mitgliedschaften', { personId: personIds.a! });
      await fallRepository.schliessePeriode(tx, 'mitgliedschaften', rows[0]!.id, '2024-12-31');
      await fallRepository.insertPerioden(tx, 'mitgliedschaften', [{ traegerId: musterland, bgId: zweiteBg, personId: personIds.a!, rolle: 'partner', inBg: true, gueltigVon: '2025-01-01', gueltigBis: null }]);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
  });
});

describe('Personen aufnehmen und ausscheiden', () => {
  it('a child born on 2024-09-14 belongs to the BG from that day', async () => {
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/personen`, {
      version: akte.bg.version,
      ab: '2024-09-14',
      person: { vorname: 'Emil', nachname: 'Musterfrau', geburtsdatum: '2024-09-14', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const vorher = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-09-13`)).json();
    const nachher = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-09-14`)).json();
    expect(vorher.zustand.personen).toHaveLength(4);
    expect(nachher.zustand.personen.map((p: { vorname: string }) => p.vorname)).toContain('Emil');
    expect(nachher.zustand.beziehungen.filter((b: { zuPersonId: string; art: string }) => b.zuPersonId === res.json().id || b.art === 'elternteil').length).toBeGreaterThanOrEqual(6);
    expect(nachher.ereignisse[0].beschreibung).toContain('Emil Musterfrau (geboren 14.09.2024) gehört ab 14.09.2024 als Kind zur Bedarfsgemeinschaft');
    // A second Antragsteller is refused.
    const zweiter = await api('leistung', 'POST', `/api/faelle/${bgId}/personen`, {
      version: nachher.bg.version,
      ab: '2024-10-01',
      person: { vorname: 'X', nachname: 'Y', geburtsdatum: '1990-01-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' },
    });
    expect(zweiter.statusCode).toBe(409);
    expect(zweiter.json().error).toBe('rolle_vergeben');
  });

  it('a member of this BG cannot join another BG at the same time (409), but can after leaving', async () => {
    const zweite = await api('leistung', 'POST', '/api/faelle', erstantrag(kommunen.Musterstadt!, { personen: [{ ref: 'x', vorname: 'Yusuf', nachname: 'Umzug', geburtsdatum: '1975-01-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }] }));
    const zweiteBg = zweite.json().bg.id;
    const v2 = zweite.json().bg.version;
    const beitritt = (version: number, ab: string) =>
      api('leistung', 'POST', `/api/faelle/${zweiteBg}/personen`, { version, ab, personId: personIds.d, person: { vorname: 'David', nachname: 'Musterfrau', geburtsdatum: '2010-01-10', staatsangehoerigkeit: 'DE', rolle: 'sonstige' } });
    const abgelehnt = await beitritt(v2, '2025-01-01');
    expect(abgelehnt.statusCode).toBe(409);
    expect(abgelehnt.json().error).toBe('person_in_anderer_bg');
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    const raus = await api('leistung', 'POST', `/api/faelle/${bgId}/austritt`, { version: akte.bg.version, ab: '2025-01-01', personId: personIds.d });
    expect(raus.statusCode, raus.body).toBe(200);
    const drin = await beitritt(v2, '2025-01-01');
    expect(drin.statusCode, drin.body).toBe(200);
    const dezember = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2024-12-31`)).json();
    const januar = (await api('leistung', 'GET', `/api/faelle/${bgId}?stichtag=2025-01-01`)).json();
    expect(dezember.zustand.personen.some((p: { id: string }) => p.id === personIds.d)).toBe(true);
    expect(januar.zustand.personen.some((p: { id: string }) => p.id === personIds.d)).toBe(false);
    const neu = (await api('leistung', 'GET', `/api/faelle/${zweiteBg}?stichtag=2025-01-01`)).json();
    expect(neu.zustand.personen.find((p: { id: string }) => p.id === personIds.d)).toMatchObject({ vorname: 'David', rolle: 'sonstige', inBg: false });
  });
});

describe('Rechte', () => {
  it('integration reads the Fallakte without bank details', async () => {
    const res = await api('integration', 'GET', `/api/faelle/${bgId}`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.bankSichtbar).toBe(false);
    expect(a.zustand.bank).toBeUndefined();
    expect(a.perioden.bankverbindungen).toBeUndefined();
    expect(res.body).not.toContain('DE02120300000000202051');
    expect((await api('integration', 'POST', `/api/faelle/${bgId}/vermerke`, { text: 'x' })).statusCode).toBe(403);
  });

  it('admin, controlling and citizens get 403; another Träger gets 404', async () => {
    for (const who of ['admin', 'controlling', 'buerger']) {
      expect((await api(who, 'GET', `/api/faelle/${bgId}`)).statusCode, who).toBe(403);
      expect((await api(who, 'GET', '/api/faelle?name=Muster')).statusCode, who).toBe(403);
      expect((await api(who, 'GET', '/api/antraege')).statusCode, who).toBe(403);
    }
    expect((await api('fremd', 'GET', `/api/faelle/${bgId}`)).statusCode).toBe(404);
    expect((await api('leistung', 'GET', '/api/faelle/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('a BG of another Standort is 404 for leistung (Musterstadt) and visible for teamleitung (Musterstadt + Beispieldorf)', async () => {
    const res = await api('teamleitung', 'POST', '/api/faelle', erstantrag(kommunen.Beispieldorf!, { personen: [{ ref: 'x', vorname: 'Dora', nachname: 'Dorfmann', geburtsdatum: '1990-02-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().bg.standortId).toBe(standorte['Jobcenter Beispieldorf']);
    fremdeBg = res.json().bg.id;
    expect((await api('leistung', 'GET', `/api/faelle/${fremdeBg}`)).statusCode).toBe(404);
    expect((await api('leistung', 'POST', `/api/faelle/${fremdeBg}/vermerke`, { text: 'Versuch' })).statusCode).toBe(404);
    expect((await api('teamleitung', 'GET', `/api/faelle/${fremdeBg}`)).statusCode).toBe(200);
    const suche = (await api('leistung', 'GET', '/api/faelle?name=Dorfmann')).json();
    expect(suche.treffer).toEqual([]);
    expect((await api('teamleitung', 'GET', '/api/faelle?name=Dorfmann')).json().treffer).toHaveLength(1);
    const vorrat = (await api('leistung', 'GET', '/api/antraege')).json();
    expect(vorrat.eintraege.some((e: { bgId: string }) => e.bgId === fremdeBg)).toBe(false);
  });
});

describe('Suche und Zugriffsprotokoll', () => {
  it('finds by name, birth date and Fallnummer and writes search and read entries to the audit trail', async () => {
    const byName = (await api('leistung', 'GET', '/api/faelle?name=aylin%20musterfrau')).json();
    expect(byName.treffer).toHaveLength(1);
    expect(byName.treffer[0]).toMatchObject({ bgId, vorname: 'Aylin', rolle: 'antragsteller' });
    const byDate = (await api('leistung', 'GET', '/api/faelle?geburtsdatum=2010-01-10')).json();
    // David left this BG on 2025-01-01 and lives in another one now: one hit per BG, the former one marked.
    expect(byDate.treffer.map((x: { vorname: string; bgId: string; aktuell: boolean }) => [x.vorname, x.bgId === bgId ? 'alt' : 'neu', x.aktuell]).sort()).toEqual([
      ['David', 'alt', false],
      ['David', 'neu', true],
    ]);
    const nummer = byName.treffer[0].fallnummer;
    const byNummer = (await api('leistung', 'GET', `/api/faelle?fallnummer=${nummer}`)).json();
    expect(new Set(byNummer.treffer.map((x: { bgId: string }) => x.bgId))).toEqual(new Set([bgId]));
    expect((await api('leistung', 'GET', '/api/faelle')).statusCode).toBe(400);

    await api('integration', 'GET', `/api/faelle/${bgId}`);
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ action: string; person_id: string | null; purpose: string; details: Record<string, unknown> }>(
        sql`select action, person_id, purpose, details from audit_log where object_type = 'fallakte' and (object_id = ${bgId} or action = 'search') order by id`,
      ),
    );
    const searches = audit.rows.filter((r) => r.action === 'search');
    expect(searches.length).toBeGreaterThanOrEqual(3);
    expect(searches.some((r) => (r.details.treffer as string[]).includes(personIds.a!))).toBe(true);
    const reads = audit.rows.filter((r) => r.action === 'read');
    for (const id of Object.values(personIds)) expect(reads.some((r) => r.person_id === id)).toBe(true);
    expect(reads.some((r) => r.purpose.startsWith('Integration'))).toBe(true);
    expect(audit.rows.some((r) => r.action === 'update' && r.person_id === personIds.b)).toBe(true);
    // A change of the whole BG (housing costs) names every member.
    expect(audit.rows.some((r) => r.action === 'update' && r.person_id === null && (r.details.treffer as string[] | undefined)?.includes(personIds.c!))).toBe(true);
  });
});

describe('Arbeitsvorrat und Wiedervorlagen', () => {
  it('filters the queue and assigns an Antrag to me and to a colleague', async () => {
    const offen = (await api('leistung', 'GET', '/api/antraege')).json().eintraege;
    const eintrag = offen.find((e: { id: string }) => e.id === antragId);
    expect(eintrag).toMatchObject({ status: 'eingegangen', antragsteller: 'Musterfrau, Aylin', standort: 'Jobcenter Musterstadt' });
    expect(eintrag.alterTage).toBeGreaterThan(800);
    expect((await api('leistung', 'GET', '/api/antraege?bearbeiter=ich')).json().eintraege).toEqual([]);

    const ich = await api('leistung', 'POST', `/api/antraege/${antragId}/zuweisung`, { version: eintrag.version, bearbeiterId: (await me('leistung')).id });
    expect(ich.statusCode, ich.body).toBe(200);
    expect(ich.json()).toMatchObject({ status: 'in_bearbeitung', bearbeiterName: 'Lena Leistung' });
    const meine = (await api('leistung', 'GET', '/api/antraege?bearbeiter=ich')).json().eintraege;
    expect(meine.map((e: { id: string }) => e.id)).toEqual([antragId]);
    expect((await api('leistung', 'GET', '/api/antraege?status=in_bearbeitung&art=erstantrag')).json().eintraege.map((e: { id: string }) => e.id)).toContain(antragId);
    expect((await api('leistung', 'GET', '/api/antraege?art=weiterbewilligung')).json().eintraege).toEqual([]);

    // Stale version → 409; a colleague of the Standort; someone of another Träger is refused.
    expect((await api('leistung', 'POST', `/api/antraege/${antragId}/zuweisung`, { version: eintrag.version, bearbeiterId: null })).statusCode).toBe(409);
    const tl = await api('leistung', 'POST', `/api/antraege/${antragId}/zuweisung`, { version: ich.json().version, bearbeiterId: (await me('teamleitung')).id });
    expect(tl.statusCode, tl.body).toBe(200);
    expect(tl.json().bearbeiterName).toBe('Tara Teamleitung');
    const falsch = await api('leistung', 'POST', `/api/antraege/${antragId}/zuweisung`, { version: tl.json().version, bearbeiterId: (await me('integration')).id });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].code).toBe('bearbeiter_ungueltig');
    expect((await api('integration', 'POST', `/api/antraege/${antragId}/zuweisung`, { version: tl.json().version, bearbeiterId: null })).statusCode).toBe(403);

    const fertig = await api('leistung', 'POST', `/api/antraege/${antragId}/status`, { version: tl.json().version, status: 'entschieden' });
    expect(fertig.statusCode).toBe(200);
    expect((await api('leistung', 'GET', '/api/antraege')).json().eintraege.some((e: { id: string }) => e.id === antragId)).toBe(false);
    expect((await api('leistung', 'GET', '/api/antraege?status=alle')).json().eintraege.some((e: { id: string }) => e.id === antragId)).toBe(true);
  });

  it('a Veränderungsmitteilung joins the queue; overdue filter', async () => {
    const res = await api('leistung', 'POST', `/api/faelle/${bgId}/antraege`, { art: 'veraenderung', antragsdatum: '2024-07-20', eingangskanal: 'telefon', faelligAm: '2024-08-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().leistungsbeginn).toBeNull();
    const faellig = (await api('leistung', 'GET', '/api/antraege?faellig=ja')).json().eintraege;
    expect(faellig.map((e: { id: string }) => e.id)).toEqual([res.json().id]);
    expect(faellig[0].ueberfaellig).toBe(true);
    expect((await api('leistung', 'POST', `/api/faelle/${bgId}/antraege`, { art: 'weiterbewilligung', antragsdatum: '2020-12-31', eingangskanal: 'papier' })).json().error).toBe('datum_ausserhalb_rechtsstand');
    // After the last known law date an Antrag is taken (computed with the law carried forward); only the future is refused.
    const zukunft = await api('leistung', 'POST', `/api/faelle/${bgId}/antraege`, { art: 'weiterbewilligung', antragsdatum: '2099-01-02', eingangskanal: 'papier' });
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json().issues[0]).toMatchObject({ path: 'body.antragsdatum', code: 'antragsdatum_in_zukunft' });
  });

  it('lists due Wiedervorlagen and marks one done', async () => {
    const lena = (await me('leistung')).id;
    const wv = await api('leistung', 'POST', `/api/faelle/${bgId}/wiedervorlagen`, { faelligAm: '2024-09-01', grund: 'Lohnabrechnung August anfordern', zugewiesenAn: lena });
    expect(wv.statusCode, wv.body).toBe(201);
    await api('leistung', 'POST', `/api/faelle/${bgId}/wiedervorlagen`, { faelligAm: '2099-01-01', grund: 'später' });
    const faellig = (await api('leistung', 'GET', '/api/wiedervorlagen?bis=2024-09-30')).json().wiedervorlagen;
    expect(faellig.map((w: { grund: string }) => w.grund)).toEqual(['Lohnabrechnung August anfordern']);
    expect(faellig[0]).toMatchObject({ fallnummer: expect.stringMatching(/^BG-/), antragsteller: 'Musterfrau, Aylin', zugewiesenName: 'Lena Leistung' });
    expect((await api('teamleitung', 'GET', '/api/wiedervorlagen?bis=2024-09-30&meine=ja')).json().wiedervorlagen).toEqual([]);
    const done = await api('leistung', 'POST', `/api/wiedervorlagen/${faellig[0].id}/erledigt`, { version: faellig[0].version });
    expect(done.statusCode, done.body).toBe(200);
    expect((await api('leistung', 'GET', '/api/wiedervorlagen?bis=2024-09-30')).json().wiedervorlagen).toEqual([]);
    expect((await api('leistung', 'POST', `/api/wiedervorlagen/${faellig[0].id}/erledigt`, { version: done.json().version })).statusCode).toBe(409);
  });

  it('Vermerke are stored with the history (documents: fall-aenderungen.int.test.ts, with clamd)', async () => {
    const v = await api('leistung', 'POST', `/api/faelle/${bgId}/vermerke`, { text: 'Telefonat mit Frau Musterfrau: Lohnabrechnung folgt.' });
    expect(v.statusCode).toBe(201);
    const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
    expect(akte.vermerke[0].text).toContain('Lohnabrechnung folgt');
    expect(akte.ereignisse.map((e: { art: string }) => e.art)).toEqual(expect.arrayContaining(['vermerk', 'wiedervorlage', 'antrag_zugewiesen', 'unterkunft_geaendert']));
    // The history is append-only for the application role.
    await expect(t.ctx.db.withTenant({ traegerId: musterland }, (tx) => tx.execute(sql`delete from fall_ereignisse`))).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});

async function me(who: string): Promise<{ id: string }> {
  const res = await t.app.inject({ url: '/api/me', headers: { cookie: jars[who]!.header() } });
  return res.json();
}
