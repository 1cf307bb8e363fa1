import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { kennzahlenCommand } from '../../src/cli/commands/kennzahlen.ts';
import {
  bedarfsgemeinschaften,
  bewilligungMonate,
  bewilligungen,
  bgAdressen,
  bgMitgliedschaften,
  integrationen,
  massnahmeKontingente,
  massnahmeTeilnahmen,
  massnahmen,
  personen,
  personMerkmale,
  personStammdaten,
} from '../../src/db/schema/index.ts';
import { monatPlus } from '../../src/domain/bewilligung/monat.ts';
import { berechneKennzahlen } from '../../src/domain/statistik/kennzahlen.ts';
import { istAktivierungsmassnahme } from '../../src/domain/statistik/merkmale.ts';
import { KENNZAHLEN, type Kennzahl, type KennzahlenErgebnis } from '../../src/domain/statistik/typen.ts';
import { clockStartingAt } from '../../src/server/clock.ts';
import { baueFehlendeSnapshots } from '../../src/server/statistik/snapshot-bauen.ts';
import { useApiTestbed } from '../helpers/api.ts';

/**
 * Issue 15, "Done when": the live Kennzahlen equal what the CLI computes from the same data. A small Fallakte history
 * (six BGs over 37 months: persons, memberships, Bewilligungen with their monthly amounts, job starts, Maßnahme
 * participations) is written to the test database, the snapshots are built by the nightly builder, and the use case
 * 'statistik.kennzahlen' answers. The same history is written BY HAND in the exchange format v1 (periods and events
 * as this test knows them) and computed by `berechneKennzahlen` / `npx vorort kennzahlen`: equal values. Also the
 * rights (teamleitung only its Standorte, another Träger sees none of it) and the pages.
 */

const HEUTE = '2026-12-07';
const b = useApiTestbed({ clock: clockStartingAt(`${HEUTE}T09:30:00+01:00`) });

// ------------------------------------------------------------------------------------------------ the history

const id = {
  anna: randomUUID(),
  ben: randomUUID(),
  carl: randomUUID(),
  dora: randomUUID(),
  emil: randomUUID(),
  fritz: randomUUID(),
  gina: randomUUID(),
};
type Key = keyof typeof id;
type Betrag = { anspruchCent: number; unterkunftCent: number };
type Person = { key: Key; geburtsdatum: string; geschlecht: 'w' | 'm'; staat: string; rolle: 'antragsteller' | 'partner' | 'kind'; erwerbsfaehig: boolean | null; alleinerziehend?: boolean; betrag: (monat: string) => Betrag };
type Bg = { key: string; kommune: string; standort: string; ab: string; bloecke: [string, string][]; personen: Person[] };

const B = (anspruchCent: number, unterkunftCent: number): Betrag => ({ anspruchCent, unterkunftCent });

/** Kommune Musterstadt: Anna (alleinerziehend, svB Teilzeit from 15.9.2025) with Ben (NEF); Fritz with a gap Jan–Feb 2025. */
const BGS: Bg[] = [
  {
    key: 'A',
    kommune: 'Musterstadt',
    standort: 'Jobcenter Musterstadt',
    ab: '2023-11-01',
    bloecke: [['2023-11', '2026-12']],
    personen: [
      { key: 'anna', geburtsdatum: '1985-03-10', geschlecht: 'w', staat: 'DE', rolle: 'antragsteller', erwerbsfaehig: true, alleinerziehend: true, betrag: (m) => (m < '2025-01' ? B(70_000, 45_000) : m < '2025-10' ? B(72_000, 45_000) : B(50_000, 45_000)) },
      { key: 'ben', geburtsdatum: '2015-05-05', geschlecht: 'm', staat: 'DE', rolle: 'kind', erwerbsfaehig: null, betrag: (m) => (m < '2025-01' ? B(30_000, 15_000) : B(32_000, 15_000)) },
    ],
  },
  {
    key: 'D',
    kommune: 'Musterstadt',
    standort: 'Jobcenter Musterstadt',
    ab: '2023-11-01',
    bloecke: [
      ['2023-11', '2024-12'],
      ['2025-03', '2026-12'],
    ],
    personen: [{ key: 'fritz', geburtsdatum: '1960-08-20', geschlecht: 'm', staat: 'DE', rolle: 'antragsteller', erwerbsfaehig: true, betrag: () => B(68_000, 42_000) }],
  },
  // Beispieldorf: Carl (svB Vollzeit 1.8.2025 – 28.2.2026, the BG leaves the benefit Aug 2025 – Feb 2026) and Dora (Minijob Apr 2026)
  {
    key: 'B',
    kommune: 'Beispieldorf',
    standort: 'Jobcenter Beispieldorf',
    ab: '2023-11-01',
    bloecke: [
      ['2023-11', '2025-07'],
      ['2026-03', '2026-12'],
    ],
    personen: [
      { key: 'carl', geburtsdatum: '1970-01-15', geschlecht: 'm', staat: 'DE', rolle: 'antragsteller', erwerbsfaehig: true, betrag: (m) => (m < '2026-01' ? B(60_000, 30_000) : B(58_000, 32_000)) },
      { key: 'dora', geburtsdatum: '1980-06-01', geschlecht: 'w', staat: 'PL', rolle: 'partner', erwerbsfaehig: true, betrag: (m) => (m < '2026-01' ? B(55_000, 30_000) : B(56_000, 32_000)) },
    ],
  },
  // Beispieldorf: Gina enters 1.12.2025, Ausbildung from 15.12.2025 (an entrant in the month of take-up), svB + Minijob in July 2026
  {
    key: 'E',
    kommune: 'Beispieldorf',
    standort: 'Jobcenter Beispieldorf',
    ab: '2025-12-01',
    bloecke: [['2025-12', '2026-12']],
    personen: [{ key: 'gina', geburtsdatum: '2001-02-28', geschlecht: 'w', staat: 'DE', rolle: 'antragsteller', erwerbsfaehig: true, betrag: (m) => (m < '2026-07' ? B(40_000, 35_000) : B(20_000, 35_000)) }],
  },
  // Seeheim: Emil from 15.6.2024 (mid-month), AGH § 16d Feb–Apr 2026, Maßnahme from 1.9.2026
  {
    key: 'C',
    kommune: 'Seeheim am Muster',
    standort: 'Jobcenter Seeheim',
    ab: '2024-06-15',
    bloecke: [['2024-06', '2026-12']],
    personen: [{ key: 'emil', geburtsdatum: '1999-11-30', geschlecht: 'm', staat: 'SY', rolle: 'antragsteller', erwerbsfaehig: true, betrag: (m) => (m < '2026-01' ? B(65_000, 40_000) : B(66_000, 40_000)) }],
  },
];

const JOBSTARTS: { key: Key; art: string; beginn: string; ende: string | null }[] = [
  { key: 'anna', art: 'svb_teilzeit', beginn: '2025-09-15', ende: null },
  { key: 'carl', art: 'svb_vollzeit', beginn: '2025-08-01', ende: '2026-02-28' },
  { key: 'dora', art: 'minijob', beginn: '2026-04-10', ende: null },
  { key: 'emil', art: 'gefoerdert_16d', beginn: '2026-02-02', ende: '2026-04-30' },
  { key: 'fritz', art: 'selbststaendigkeit', beginn: '2026-10-01', ende: null },
  { key: 'gina', art: 'ausbildung', beginn: '2025-12-15', ende: '2026-06-30' },
  { key: 'gina', art: 'svb_teilzeit', beginn: '2026-07-01', ende: null },
  { key: 'gina', art: 'minijob', beginn: '2026-07-15', ende: null },
];
const TEILNAHMEN: { key: Key; standort: string; eintritt: string }[] = [
  { key: 'emil', standort: 'Jobcenter Seeheim', eintritt: '2026-09-01' },
  { key: 'gina', standort: 'Jobcenter Beispieldorf', eintritt: '2026-10-01' },
];

const monateVon = (von: string, bis: string) => {
  const out: string[] = [];
  for (let m = von; m <= bis; m = monatPlus(m, 1)) out.push(m);
  return out;
};
const letzterTag = (monat: string) => new Date(Date.UTC(Number(monat.slice(0, 4)), Number(monat.slice(5, 7)), 0)).toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------------------ the exchange format, by hand

/** The same history as the CLI sees it: eLb periods, Alleinerziehend, job starts, sv periods, Maßnahmen. */
const PERSONEN_V1 = {
  anna: { id: id.anna, geschlecht: 'w', elb: [{ von: '2023-11-01', bis: null }], alleinerziehend: [{ von: '2023-11-01', bis: null }], ereignisse: [{ datum: '2025-09-15', art: 'svb' }], svBeschaeftigung: [{ von: '2025-09-15', bis: null }] },
  ben: { id: id.ben, geschlecht: 'm', elb: [] },
  fritz: { id: id.fritz, geschlecht: 'm', elb: [{ von: '2023-11-01', bis: '2024-12-31' }, { von: '2025-03-01', bis: null }], ereignisse: [{ datum: '2026-10-01', art: 'selbststaendig' }] },
  carl: { id: id.carl, geschlecht: 'm', elb: [{ von: '2023-11-01', bis: '2025-07-31' }, { von: '2026-03-01', bis: null }], ereignisse: [{ datum: '2025-08-01', art: 'svb' }], svBeschaeftigung: [{ von: '2025-08-01', bis: '2026-02-28' }] },
  dora: { id: id.dora, geschlecht: 'w', elb: [{ von: '2023-11-01', bis: '2025-07-31' }, { von: '2026-03-01', bis: null }], ereignisse: [{ datum: '2026-04-10', art: 'minijob' }] },
  gina: {
    id: id.gina,
    geschlecht: 'w',
    elb: [{ von: '2025-12-01', bis: null }],
    ereignisse: [
      { datum: '2025-12-15', art: 'ausbildung' },
      { datum: '2026-07-01', art: 'svb' },
      { datum: '2026-07-15', art: 'minijob' },
    ],
    svBeschaeftigung: [
      { von: '2025-12-15', bis: '2026-06-30' },
      { von: '2026-07-01', bis: null },
    ],
    massnahmen: [{ von: '2026-10-01', bis: null }],
  },
  emil: { id: id.emil, geschlecht: 'm', elb: [{ von: '2024-06-15', bis: null }], ereignisse: [{ datum: '2026-02-02', art: 'oeffentlich_gefoerdert' }], massnahmen: [{ von: '2026-09-01', bis: null }] },
} satisfies Record<Key, unknown>;

/** Monthly sums (euros) of LLU and LUH of the BGs with a Bewilligung month: LUH_i = min(Anspruch_i, KdU_i), LLU_i = the rest. */
function leistungenV1(bgs: readonly Bg[]) {
  return monateVon('2023-11', '2026-11').map((monat) => {
    let llu = 0;
    let luh = 0;
    for (const bg of bgs) {
      if (!bg.bloecke.some(([von, bis]) => von <= monat && monat <= bis)) continue;
      for (const p of bg.personen) {
        const x = p.betrag(monat);
        const u = Math.min(x.anspruchCent, x.unterkunftCent);
        luh += u;
        llu += x.anspruchCent - u;
      }
    }
    return { monat, llu: llu / 100, luh: luh / 100 };
  });
}

const austausch = (bezugsmonat: string, wer: readonly Key[], bgs: readonly Bg[]) => ({
  version: 1,
  bezugsmonat,
  personen: wer.map((k) => PERSONEN_V1[k]),
  leistungen: leistungenV1(bgs),
});
const ALLE: Key[] = ['anna', 'ben', 'fritz', 'carl', 'dora', 'gina', 'emil'];

/** `npx vorort kennzahlen -` with the file on stdin. */
async function cli(eingabe: unknown): Promise<KennzahlenErgebnis> {
  const stdout = new PassThrough();
  const teile: Buffer[] = [];
  stdout.on('data', (c: Buffer) => teile.push(c));
  const code = await kennzahlenCommand({ args: ['-'], stdin: Readable.from([JSON.stringify(eingabe)]), stdout, stderr: new PassThrough() });
  expect(code).toBe(0);
  return JSON.parse(Buffer.concat(teile).toString('utf8')) as KennzahlenErgebnis;
}

// ------------------------------------------------------------------------------------------------ writing it

let traegerId = '';
let kommune: Record<string, string> = {};
let standort: Record<string, string> = {};

async function schreibeHistorie() {
  traegerId = await b.traeger();
  kommune = await b.kommunen();
  const integration = (await b.actor('integration')).userId;
  await b.t.ctx.db.withTenant({ traegerId }, async (tx) => {
    standort = Object.fromEntries((await tx.execute<{ id: string; name: string }>(sql`select id, name from standorte`)).rows.map((r) => [r.name, r.id]));
    for (const bg of BGS) {
      const bgId = randomUUID();
      await tx.insert(bedarfsgemeinschaften).values({ traegerId, id: bgId, fallnummer: `KZ-${bg.key}`, standortId: standort[bg.standort]! });
      await tx.insert(bgAdressen).values({ traegerId, bgId, gueltigVon: bg.ab, strasse: 'Teststraße', hausnummer: bg.key, plz: '12345', ort: bg.kommune, kommuneId: kommune[bg.kommune]! });
      for (const p of bg.personen) {
        const personId = id[p.key];
        await tx.insert(personen).values({ traegerId, id: personId });
        await tx.insert(personStammdaten).values({ traegerId, personId, gueltigVon: bg.ab, vorname: p.key, nachname: `Kennzahl-${bg.key}`, geburtsdatum: p.geburtsdatum, geschlecht: p.geschlecht, staatsangehoerigkeit: p.staat });
        await tx.insert(bgMitgliedschaften).values({ traegerId, bgId, personId, gueltigVon: bg.ab, rolle: p.rolle });
        if (p.erwerbsfaehig !== null || p.alleinerziehend) await tx.insert(personMerkmale).values({ traegerId, personId, gueltigVon: bg.ab, erwerbsfaehig: p.erwerbsfaehig, alleinerziehend: p.alleinerziehend ?? null });
      }
      for (const [von, bis] of bg.bloecke) {
        const bewilligungId = randomUUID();
        const monate = monateVon(von, bis);
        const summe = (m: string) => bg.personen.reduce((s, p) => s + p.betrag(m).anspruchCent, 0);
        await tx.insert(bewilligungen).values({
          traegerId,
          id: bewilligungId,
          bgId,
          von: von === bg.ab.slice(0, 7) ? bg.ab : `${von}-01`,
          bis: letzterTag(bis),
          vorgang: 'erstbewilligung',
          status: 'bewilligt',
          rechtsstand: '2026-01-01',
          summeCent: monate.reduce((s, m) => s + summe(m), 0),
        });
        await tx.insert(bewilligungMonate).values(
          monate.map((monat) => ({
            traegerId,
            bewilligungId,
            monat,
            input: {},
            ergebnis: { personen: [] },
            personen: bg.personen.map((p) => ({ id: id[p.key], ...p.betrag(monat), sofortzuschlagCent: 0, auszahlungCent: p.betrag(monat).anspruchCent, regelbedarfsstufe: null })),
            kosten: [],
            auszahlungCent: summe(monat),
          })),
        );
      }
    }
    const bgVon = async (personId: string) => (await tx.execute<{ bg_id: string }>(sql`select bg_id from bg_mitgliedschaften where person_id = ${personId}`)).rows[0]!.bg_id;
    for (const j of JOBSTARTS) {
      await tx.insert(integrationen).values({ traegerId, personId: id[j.key], bgId: await bgVon(id[j.key]), art: j.art as never, beginn: j.beginn, ende: j.ende, arbeitgeber: 'Test GmbH', wochenstunden: '20.0', createdBy: integration, createdByName: 'Ivo Integration' });
    }
    const [m] = await tx.insert(massnahmen).values({ traegerId, bezeichnung: 'Kennzahlen-Test MAT', instrument: 'sgb3_45_mat', anbieter: 'Test gGmbH', titel: 'egt_bund' }).returning({ id: massnahmen.id });
    for (const t of TEILNAHMEN) {
      const [k] = await tx.insert(massnahmeKontingente).values({ traegerId, massnahmeId: m!.id, standortId: standort[t.standort]!, gueltigVon: '2026-01-01', plaetze: 5 }).returning({ id: massnahmeKontingente.id });
      await tx.insert(massnahmeTeilnahmen).values({
        traegerId,
        massnahmeId: m!.id,
        kontingentId: k!.id,
        personId: id[t.key],
        bgId: await bgVon(id[t.key]),
        status: 'eingetreten',
        platzNr: 1,
        geplantVon: t.eintritt,
        geplantBis: '2027-03-31',
        vorgeschlagenAm: '2026-08-01',
        zugewiesenAm: '2026-08-10',
        eintrittAm: t.eintritt,
        createdBy: integration,
      });
    }
  });
}

const zeile = (liste: { id: string; kennzahlen: Record<string, number | null> }[], rid: string) => liste.find((x) => x.id === rid)!.kennzahlen;
const werteVon = (e: { kennzahlen: Record<Kennzahl, { wert: number } | null> }) => Object.fromEntries(KENNZAHLEN.map((k) => [k, e.kennzahlen[k]?.wert ?? null]));
const ohne = <T extends Record<string, unknown>>(o: T, k: string) => Object.fromEntries(Object.entries(o).filter(([x]) => x !== k));
/**
 * LZB Kennzahlen of 05/2026 whose months reach before 10/2025, the first month with 730 days of data (K3: the
 * Vorjahresmonat; K3E1/K3E3/K3E4: the twelve months). K3E2 reads only 05/2026 and stays.
 */
const LZB_NULL: Kennzahl[] = ['K3', 'K3E1', 'K3E3', 'K3E4'];
const ohneLzbKennzahlen = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([x]) => !LZB_NULL.includes(x as Kennzahl)));
const ohneLzb = (w: Record<string, number | null>) => ({ ...w, ...Object.fromEntries(LZB_NULL.map((k) => [k, null])) });

describe('Live-Kennzahlen aus den Snapshots = Kennzahlen-CLI auf denselben Daten', () => {
  let gebaut: string[] = [];
  beforeAll(async () => {
    await schreibeHistorie();
    gebaut = (await baueFehlendeSnapshots({ ctx: b.t.ctx, traegerId, heute: HEUTE })).map((g) => g.monat);
  }, 240_000);

  it('die Snapshots aller 37 Monate sind gebaut; die Maßnahme ist eine der aktiven Arbeitsförderung (K3E2)', () => {
    expect(gebaut).toEqual(monateVon('2023-11', '2026-11'));
    expect(istAktivierungsmassnahme('sgb3_45_mat', '2026-11-30')).toBe(true);
  });

  it('Bezugsmonat 05/2026: alle 15 Werte (mit Zähler und Nenner) gleich der CLI', async () => {
    const res = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-05');
    expect(res.statusCode, res.body).toBe(200);
    const live = res.json();
    const erwartet = await cli(austausch('2026-05', ALLE, BGS));
    // the data start in 11/2023: the LZB window (LZB_REGEL) of the months before 10/2025 reaches before them, so the live
    // LZB Kennzahlen are empty with that reason (the CLI takes the file's eLb periods as the whole history)
    expect(ohneLzbKennzahlen(live.ergebnis.kennzahlen)).toEqual(ohneLzbKennzahlen(erwartet.kennzahlen));
    expect(ohne(live.ergebnis, 'kennzahlen')).toEqual(ohne(erwartet, 'kennzahlen'));
    for (const k of LZB_NULL) {
      expect(live.ergebnis.kennzahlen[k], k).toBeNull();
      expect(live.zeilen.find((z: { kennzahl: string }) => z.kennzahl === k).grund, k).toBe('Die Daten reichen noch keine 24 Monate zurück; Langzeitleistungsbezug ist erst ab 10/2025 bestimmbar.');
    }
    // not a comparison of empty values: the history gives these figures
    expect(werteVon(erwartet)).toMatchObject({ K2E3: 100, K2E4: 100, K3: null });
    expect(erwartet.kennzahlen.K2).toMatchObject({ zaehler: 3 });
    expect(erwartet.kennzahlen.K2E1).toMatchObject({ zaehler: 1 });
    expect(erwartet.kennzahlen.K2E2).toMatchObject({ zaehler: 1 });
    expect(erwartet.kennzahlen.K2E3).toMatchObject({ zaehler: 2, nenner: 2 });
  });

  it('Bezugsmonat 11/2026 (ohne Monat: der letzte Snapshot): gleich der CLI; K2E3 bleibt leer, bis die sechs Folgemonate vergangen sind', async () => {
    const res = await b.api('controlling', 'GET', '/api/statistik/kennzahlen');
    expect(res.statusCode, res.body).toBe(200);
    const live = res.json();
    expect(live).toMatchObject({ monat: '2026-11', stichtag: '2026-11-30', ebene: 'traeger', datenstand: 'vorlaeufig', kennzahl: 'K2', eckwerte: { bg: 5, elb: 6, lzb: 3 } });
    const erwartet = berechneKennzahlen(austausch('2026-11', ALLE, BGS));
    expect(ohne(live.ergebnis.kennzahlen, 'K2E3')).toEqual(ohne(erwartet.kennzahlen, 'K2E3'));
    expect(werteVon(erwartet)).toMatchObject({ K3: 50, K3E2: 33.3, K2E4: 0 });
    expect(erwartet.kennzahlen.K2).toMatchObject({ zaehler: 3 });
    // the CLI takes the file's sv periods after the Bezugsmonat as known; the live value waits for the snapshots
    expect(erwartet.kennzahlen.K2E3).not.toBeNull();
    expect(live.ergebnis.kennzahlen.K2E3).toBeNull();
    expect(live.zeilen.find((z: { kennzahl: string }) => z.kennzahl === 'K2E3').grund).toMatch(/Folgemonate nach den Integrationen/);

    // the 25-month series: one value per month, the last = the month's value, 05/2026 = the value computed above
    expect(live.reihen.K2).toHaveLength(25);
    expect(live.reihen.K2[0]).toMatchObject({ monat: '2024-11' });
    expect(live.reihen.K2.at(-1)).toEqual({ monat: '2026-11', wert: erwartet.kennzahlen.K2!.wert, datenstand: 'vorlaeufig' });
    const mai = berechneKennzahlen(austausch('2026-05', ALLE, BGS));
    for (const k of KENNZAHLEN) expect(live.reihen[k].find((p: { monat: string }) => p.monat === '2026-05').wert, k).toBe(LZB_NULL.includes(k) ? null : (mai.kennzahlen[k]?.wert ?? null));
    expect(live.reihen.K2.find((p: { monat: string }) => p.monat === '2025-05').datenstand).toBe('endgueltig');
  });

  it('Bezugsmonat 10/2024: der erste Datenmonat 11/2023 hat keinen Vormonat – Zu- und Abgangsraten bleiben leer', async () => {
    const res = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2024-10');
    expect(res.statusCode, res.body).toBe(200);
    const live = res.json();
    const grund = (k: string) => live.zeilen.find((z: { kennzahl: string }) => z.kennzahl === k).grund;
    expect(live.ergebnis.kennzahlen.K1E3).toBeNull();
    expect(live.ergebnis.kennzahlen.K1E4).toBeNull();
    expect(grund('K1E3')).toBe('Für 11/2023 sind Zu- und Abgänge unbekannt: Für den Vormonat 10/2023 gibt es keine Statistik.');
    expect(grund('K3E2')).toMatch(/erst ab 10\/2025 bestimmbar/);
    // one month later the twelve months start in 12/2023, whose Vormonat is built
    const nov = (await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2024-11')).json();
    expect(nov.ergebnis.kennzahlen.K1E3).not.toBeNull();
  });

  it('falsche Eingaben: deutsche Meldungen für eine unbekannte Kennzahl und eine Region, die keine Kennung ist', async () => {
    const k9 = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-05&kennzahl=K9');
    expect(k9.statusCode).toBe(400);
    expect(k9.body).toContain('Unbekannte Kennzahl. Erlaubt sind K1 … K3E4.');
    const region = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-05&ebene=kommune&region=abc');
    expect(region.statusCode).toBe(400);
    expect(region.body).toContain('Bitte wählen Sie eine Kommune oder einen Standort aus der Liste.');
  });

  it('Vergleich je Kommune und Standort: dieselben Quoten wie die CLI auf den Personen der Region', async () => {
    const res = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-05&ebene=traeger');
    const v = res.json().vergleich;
    expect(v.kommunen.map((k: { name: string }) => k.name)).toEqual(['Beispieldorf', 'Musterstadt', 'Seeheim am Muster']);
    const musterstadt = BGS.filter((x) => x.kommune === 'Musterstadt');
    expect(zeile(v.kommunen, kommune.Musterstadt!)).toEqual(ohneLzb(werteVon(berechneKennzahlen(austausch('2026-05', ['anna', 'ben', 'fritz'], musterstadt)))));
    const beispieldorf = BGS.filter((x) => x.standort === 'Jobcenter Beispieldorf');
    expect(zeile(v.standorte, standort['Jobcenter Beispieldorf']!)).toEqual(ohneLzb(werteVon(berechneKennzahlen(austausch('2026-05', ['carl', 'dora', 'gina'], beispieldorf)))));
    expect(zeile(v.standorte, standort['Jobcenter Seeheim']!)).toEqual(ohneLzb(werteVon(berechneKennzahlen(austausch('2026-05', ['emil'], BGS.filter((x) => x.key === 'C'))))));
  });

  it('Kommune als Ebene: dieselben Werte wie in der Vergleichszeile, ohne Vergleich', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/kennzahlen?monat=2026-11&ebene=kommune&region=${kommune.Musterstadt}&kennzahl=K3`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ebene: 'kommune', region: { id: kommune.Musterstadt, name: 'Musterstadt' }, vergleich: null, kennzahl: 'K3' });
    const erwartet = berechneKennzahlen(austausch('2026-11', ['anna', 'ben', 'fritz'], BGS.filter((x) => x.kommune === 'Musterstadt')));
    expect(ohne(res.json().ergebnis.kennzahlen, 'K2E3')).toEqual(ohne(erwartet.kennzahlen, 'K2E3'));
  });

  it('Teamleitung: nur ihre Standorte (anderer Standort 404, Träger und Kommune 403)', async () => {
    const eigen = await b.api('teamleitung', 'GET', `/api/statistik/kennzahlen?monat=2026-05&ebene=standort&region=${standort['Jobcenter Musterstadt']}`);
    expect(eigen.statusCode, eigen.body).toBe(200);
    expect(eigen.json().vergleich).toBeNull();
    expect(werteVon(eigen.json().ergebnis)).toEqual(ohneLzb(werteVon(berechneKennzahlen(austausch('2026-05', ['anna', 'ben', 'fritz'], BGS.filter((x) => x.kommune === 'Musterstadt'))))));
    const fremd = await b.api('teamleitung', 'GET', `/api/statistik/kennzahlen?monat=2026-05&ebene=standort&region=${standort['Jobcenter Seeheim']}`);
    expect(fremd.statusCode).toBe(404);
    expect((await b.api('teamleitung', 'GET', '/api/statistik/kennzahlen?monat=2026-05')).json()).toMatchObject({ error: 'statistik_ebene_verboten' });
    expect((await b.api('teamleitung', 'GET', `/api/statistik/kennzahlen?monat=2026-05&ebene=kommune&region=${kommune.Musterstadt}`)).statusCode).toBe(403);
    expect((await b.api('leistung', 'GET', '/api/statistik/kennzahlen?monat=2026-05')).statusCode).toBe(403);
    expect((await b.api(null, 'GET', '/api/statistik/kennzahlen?monat=2026-05')).statusCode).toBe(401);
  });

  it('RLS: der andere Träger sieht nichts davon', async () => {
    const r = await b.api('admin@beispielstadt.example', 'GET', '/api/statistik/kennzahlen?monat=2026-05');
    expect(r.statusCode).toBe(400); // no Bewilligung at all: the month lies before its first data
    expect(r.json().error).toBe('statistik_monat_vor_daten');
    expect((await b.api('admin@beispielstadt.example', 'GET', '/api/statistik/kennzahlen')).json()).toMatchObject({ error: 'statistik_kein_snapshot' });
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/statistik/kennzahlen?monat=2026-05&ebene=standort&region=${standort['Jobcenter Musterstadt']}`)).statusCode).toBe(404);
    const roh = await b.t.ctx.db.withTenant({ traegerId: await b.traeger('beispielstadt') }, (tx) => tx.execute<{ n: string }>(sql`select count(*) as n from statistik_werte`));
    expect(Number(roh.rows[0]!.n)).toBe(0);
  });

  it('Monat in der Zukunft, vor den Daten, ungültig → 400 mit deutscher Meldung', async () => {
    const zukunft = await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-12');
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json()).toMatchObject({ error: 'statistik_monat_zukunft' });
    expect((await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2023-10')).json()).toMatchObject({ error: 'statistik_monat_vor_daten' });
    expect((await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-13')).statusCode).toBe(400);
    expect((await b.api('controlling', 'GET', '/api/statistik/kennzahlen?monat=2026-05&kennzahl=K9')).statusCode).toBe(400);
    // the page answers the same way: 400 with the German message at the field
    const seite = await b.seite('controlling', '/steuerung/kennzahlen?monat=2026-12');
    expect(seite.statusCode).toBe(400);
    expect(seite.body).toContain('Der Stichtag dieses Monats liegt in der Zukunft.');
  });

  it('Seiten: Steuerung mit Eckwerten, Kennzahlen mit Vergleich, Definitionen mit Ankern', async () => {
    const hub = await b.seite('controlling', '/steuerung');
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain('Eckwerte November 2026');
    expect(hub.body).toContain('href="/steuerung/definitionen#K2"');
    expect(hub.body).toContain('href="/steuerung/einstellungen"');
    expect(hub.body).not.toContain(`Kennzahl-A`); // aggregates only, never names
    const seite = await b.seite('controlling', '/steuerung/kennzahlen?monat=2026-11&kennzahl=K3');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Vergleich der Kommunen November 2026');
    expect(seite.body).toContain('Seeheim am Muster');
    expect(seite.body).toContain('href="/steuerung/definitionen#K3E2"');
    expect(seite.body).toContain('role="img"');
    expect(seite.body).toContain('33,3 %');
    const def = await b.seite('controlling', '/steuerung/definitionen');
    expect(def.body).toContain('id="elb-alter-u25"');
    expect(def.body).toContain('id="K2E3"');
    const tl = await b.seite('teamleitung', '/steuerung/kennzahlen');
    expect(tl.statusCode).toBe(200);
    expect(tl.body).toContain('Jobcenter Beispieldorf');
    expect(tl.body).not.toContain('Vergleich der Kommunen');
    const tlHub = await b.seite('teamleitung', '/steuerung');
    expect(tlHub.statusCode).toBe(200);
    expect(tlHub.body).not.toContain('href="/steuerung/einstellungen"');
    expect((await b.seite('leistung', '/steuerung/kennzahlen')).statusCode).toBe(403);
  });
});
