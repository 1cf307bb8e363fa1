/**
 * Hand-computed cases of the § 48a Kennzahlen engine (docs/statistik.md, "Kennzahlen nach § 48a SGB II").
 * Every expected figure below is worked out in the comments, not taken from the engine.
 */
import { describe, expect, it } from 'vitest';
import {
  berechneKennzahlen,
  grunddaten,
  KENNZAHL_RICHTUNG,
  KENNZAHL_TEXT,
  KennzahlenFehler,
  kennzahlenAusGrunddaten,
  kontinuierlich,
  lzbTage,
  personMonate,
  plusMonate,
  pruefeKennzahlenInput,
} from './kennzahlen.ts';
import { kennzahlenErgebnisSchema } from './kennzahlen-schema.ts';
import { EREIGNIS_BIT, KENNZAHLEN, type Grunddaten, type PersonMonat } from './typen.ts';

const zeile = (id: string, teil: Partial<PersonMonat> = {}): PersonMonat => ({
  id,
  elb: false,
  lzb: false,
  alleinerziehend: false,
  sv: false,
  massnahme: false,
  ereignisse: 0,
  ...teil,
});
const elb = (id: string, teil: Partial<PersonMonat> = {}) => zeile(id, { elb: true, ...teil });

function fehlerVon(f: () => unknown): KennzahlenFehler {
  try {
    f();
  } catch (e) {
    if (e instanceof KennzahlenFehler) return e;
    throw e;
  }
  throw new Error('kein Fehler');
}

describe('lzbTage: 730-Tage-Fenster bis zum Stichtag, beide Enden eingeschlossen', () => {
  // 2024-12-31 − 729 Tage = 2023-01-02 (2024 ist ein Schaltjahr)
  it.each([
    ['offen seit langem', [{ von: '2015-01-01', bis: null }], 730],
    ['Fensterbeginn genau 2023-01-02', [{ von: '2023-01-02', bis: null }], 730],
    ['ab 2023-01-03', [{ von: '2023-01-03', bis: null }], 729],
    ['638. Tag: ab 2023-04-04 (Stichtag − 637)', [{ von: '2023-04-04', bis: null }], 638],
    ['ein Tag später: 637', [{ von: '2023-04-05', bis: null }], 637],
    ['nur der Stichtag', [{ von: '2024-12-31', bis: '2024-12-31' }], 1],
    ['vor dem Fenster', [{ von: '2020-01-01', bis: '2023-01-01' }], 0],
    ['nach dem Stichtag', [{ von: '2025-01-01', bis: null }], 0],
    // Jan 2024 (31) + Mar 2024 (31), overlapping and touching periods count once
    [
      'Überschneidungen zählen einmal',
      [
        { von: '2024-01-01', bis: '2024-01-20' },
        { von: '2024-01-10', bis: '2024-01-31' },
        { von: '2024-03-01', bis: '2024-03-15' },
        { von: '2024-03-16', bis: '2024-03-31' },
      ],
      62,
    ],
  ])('%s', (_name, perioden, tage) => {
    expect(lzbTage(perioden, '2024-12-31')).toBe(tage);
  });
});

describe('personMonate: Austauschformat → interne Form am Stichtag (letzter Tag des Monats)', () => {
  const basis = { version: 1 as const, bezugsmonat: '2024-12', leistungen: [] };
  it('LZB genau ab dem 638. Tag; eLb am Stichtag nötig; Ereignis am Monatsersten zählt im Monat', () => {
    const input = pruefeKennzahlenInput({
      ...basis,
      personen: [
        { id: 'genau638', elb: [{ von: '2023-04-04', bis: null }] },
        { id: 'nur637', elb: [{ von: '2023-04-05', bis: null }] },
        { id: 'endetVorStichtag', elb: [{ von: '2020-01-01', bis: '2024-12-30' }], svBeschaeftigung: [{ von: '2024-12-31', bis: null }] },
        { id: 'ereignis', elb: [], ereignisse: [{ datum: '2024-12-01', art: 'svb' }, { datum: '2024-12-31', art: 'minijob' }, { datum: '2024-11-30', art: 'ausbildung' }] },
        { id: 'nichts', elb: [{ von: '2020-01-01', bis: '2024-11-30' }] },
        { id: 'alle', elb: [{ von: '2024-12-31', bis: null }], alleinerziehend: [{ von: '2024-12-31', bis: null }], massnahmen: [{ von: '2024-12-01', bis: '2024-12-31' }] },
      ],
    });
    const zeilen = personMonate(input, '2024-12');
    expect(zeilen).toEqual([
      elb('genau638', { lzb: true }),
      elb('nur637'),
      zeile('endetVorStichtag', { sv: true }),
      zeile('ereignis', { ereignisse: EREIGNIS_BIT.svb | EREIGNIS_BIT.minijob }),
      elb('alle', { alleinerziehend: true, massnahme: true }),
    ]);
    expect(personMonate(input, '2024-11').find((z) => z.id === 'ereignis')).toEqual(zeile('ereignis', { ereignisse: EREIGNIS_BIT.ausbildung }));
  });
});

describe('grunddaten: Monat t aus den Zeilen von t−1 und t', () => {
  it('Bestand, Zugänge, Abgänge, LZB', () => {
    const vor = [elb('a'), elb('b', { lzb: true }), elb('c', { lzb: true }), zeile('x')];
    const jetzt = [elb('a', { lzb: true }), elb('b', { lzb: true, massnahme: true }), elb('d'), zeile('c')];
    expect(grunddaten(vor, jetzt)).toMatchObject({
      bestand: 3, // a b d
      zugaenge: 1, // d
      abgaenge: 1, // c
      bestandVormonat: 3, // a b c
      lzb: 2, // a b
      lzbZugaenge: 1, // a
      lzbAbgaenge: 1, // c
      lzbVormonat: 2,
      lzbMassnahme: 1,
      svbKontinuierlich: null,
    });
  });
  it('Integrationen: Zugang im Monat der Aufnahme zählt, Abgang im Monat der Aufnahme zählt, nie im Bestand zählt nicht', () => {
    const svb = EREIGNIS_BIT.svb;
    const vor = [elb('verlaesst')];
    const jetzt = [
      elb('zugang', { ereignisse: svb }), // not in B(t−1), in B(t)
      zeile('verlaesst', { ereignisse: svb }), // in B(t−1), not in B(t)
      zeile('nie', { ereignisse: svb }), // neither
    ];
    expect(grunddaten(vor, jetzt)).toMatchObject({ integrationen: 2, svbIntegrationen: 2, zugaenge: 1, abgaenge: 1 });
  });
  it('zwei Aufnahmen in einem Monat: eine Integration; Minijob und öffentlich gefördert daneben eigens gezählt', () => {
    const b = EREIGNIS_BIT;
    const jetzt = [
      elb('zwei', { ereignisse: b.svb | b.ausbildung }),
      elb('mini', { ereignisse: b.minijob | b.selbststaendig }),
      elb('oeff', { ereignisse: b.oeffentlich_gefoerdert }),
      // the same person twice (two rows): one person
      elb('doppelt', { ereignisse: b.ausbildung }),
      zeile('doppelt', { ereignisse: b.svb }),
    ];
    expect(grunddaten([], jetzt)).toMatchObject({ integrationen: 3, svbIntegrationen: 2, minijob: 1, oeffentlichGefoerdert: 1, bestand: 4 });
  });
  it('Alleinerziehende und LZB: Merkmal am vorigen oder am Stichtag des Monats', () => {
    const svb = EREIGNIS_BIT.svb;
    const vor = [elb('aeVor', { alleinerziehend: true }), elb('lzbVor', { lzb: true }), zeile('aeOhneElb', { alleinerziehend: true })];
    const jetzt = [
      zeile('aeVor', { ereignisse: svb }),
      elb('aeJetzt', { alleinerziehend: true, ereignisse: svb }),
      zeile('lzbVor', { ereignisse: svb }),
      elb('lzbJetzt', { lzb: true, ereignisse: svb }),
      elb('aeOhneElb', { ereignisse: svb }),
    ];
    expect(grunddaten(vor, jetzt)).toMatchObject({
      integrationen: 5,
      integrationenAlleinerziehend: 2, // aeVor, aeJetzt (aeOhneElb was alleinerziehend but not eLb at t−1, and not alleinerziehend at t)
      integrationenLzb: 2,
      bestandAlleinerziehend: 1,
    });
  });
});

describe('kontinuierlich (K2E3): sv an jedem der sechs folgenden Stichtage', () => {
  const svb = EREIGNIS_BIT.svb;
  const monat = [elb('ja', { ereignisse: svb }), elb('luecke', { ereignisse: svb }), elb('ausb', { ereignisse: EREIGNIS_BIT.ausbildung }), zeile('abgang', { ereignisse: svb })];
  const sechs = (k: number) => [zeile('ja', { sv: true }), zeile('luecke', { sv: k !== 3 }), zeile('ausb', { sv: true }), zeile('abgang', { sv: true })];
  const folgende = [1, 2, 3, 4, 5, 6].map(sechs);
  it('weniger als sechs Folgemonate → null', () => {
    expect(kontinuierlich(monat, folgende.slice(0, 5), [elb('abgang')])).toBeNull();
  });
  it('zählt nur svb-Integrationen ohne Lücke; der Abgang im Monat der Aufnahme nur mit den Zeilen des Vormonats', () => {
    expect(kontinuierlich(monat, folgende, [elb('abgang')])).toBe(2); // ja, abgang
    expect(kontinuierlich(monat, folgende)).toBe(1); // ja
    expect(grunddaten([elb('abgang')], monat).svbIntegrationen).toBe(3);
  });
});

const gdNull: Grunddaten = {
  bestand: 0,
  lzb: 0,
  bestandAlleinerziehend: 0,
  zugaenge: 0,
  abgaenge: 0,
  bestandVormonat: 0,
  lzbZugaenge: 0,
  lzbAbgaenge: 0,
  lzbVormonat: 0,
  integrationen: 0,
  minijob: 0,
  oeffentlichGefoerdert: 0,
  integrationenAlleinerziehend: 0,
  integrationenLzb: 0,
  svbIntegrationen: 0,
  svbKontinuierlich: 0,
  lzbMassnahme: 0,
};

describe('kennzahlenAusGrunddaten: Fenster, Rundung, null', () => {
  const m = '2024-12';
  const gleich: Grunddaten = {
    ...gdNull,
    bestand: 100,
    bestandVormonat: 100,
    zugaenge: 3,
    abgaenge: 4,
    lzb: 60,
    lzbVormonat: 60,
    lzbZugaenge: 1,
    lzbAbgaenge: 2,
    bestandAlleinerziehend: 10,
    integrationen: 2,
    minijob: 1,
    oeffentlichGefoerdert: 1,
    integrationenAlleinerziehend: 1,
    integrationenLzb: 1,
    svbIntegrationen: 2,
    svbKontinuierlich: 1,
    lzbMassnahme: 29,
  };
  it('alle Kennzahlen bei konstanten Grunddaten', () => {
    const e = kennzahlenAusGrunddaten(m, () => gleich, (monat) => (monat === m ? { llu: 100_250, luh: 99_750 } : { llu: 100_000, luh: 100_000 }));
    expect(e).toEqual({
      version: 1,
      bezugsmonat: m,
      kennzahlen: {
        K1: { wert: 0.3, zaehler: 100_250, nenner: 100_000 }, // +0.25 % → 0.3 (half up)
        K1E1: { wert: -0.3, zaehler: 99_750, nenner: 100_000 }, // −0.25 % → −0.3 (half away from zero)
        K1E2: { wert: 0, zaehler: 100, nenner: 100 },
        K1E3: { wert: 3, zaehler: 36, nenner: 1200 },
        K1E4: { wert: 4, zaehler: 48, nenner: 1200 },
        K2: { wert: 24, zaehler: 24, nenner: 100 }, // 24 / Ø 100
        K2E1: { wert: 12, zaehler: 12, nenner: 100 },
        K2E2: { wert: 12, zaehler: 12, nenner: 100 },
        K2E3: { wert: 50, zaehler: 12, nenner: 24 },
        K2E4: { wert: 120, zaehler: 12, nenner: 10 },
        K3: { wert: 0, zaehler: 60, nenner: 60 },
        K3E1: { wert: 20, zaehler: 12, nenner: 60 },
        K3E2: { wert: 48.3, zaehler: 29, nenner: 60 }, // 48.333
        K3E3: { wert: 1.7, zaehler: 12, nenner: 720 }, // 1.666
        K3E4: { wert: 3.3, zaehler: 24, nenner: 720 }, // 3.333
      },
    });
    expect(kennzahlenErgebnisSchema.parse(e)).toEqual(e);
  });
  it('Rundung auf Ganzzahlen gerechnet: 29 / 2000 = 1,45 % → 1,5; 0,0499… → 0', () => {
    const e = kennzahlenAusGrunddaten(m, () => ({ ...gleich, lzb: 2000, lzbMassnahme: 29 }), () => undefined);
    expect(e.kennzahlen.K3E2).toEqual({ wert: 1.5, zaehler: 29, nenner: 2000 });
    const f = kennzahlenAusGrunddaten(m, () => ({ ...gleich, lzb: 20_001, lzbMassnahme: 10 }), () => undefined);
    expect(f.kennzahlen.K3E2?.wert).toBe(0); // 0.04999 % → 0.0 (not −0)
    expect(Object.is(f.kennzahlen.K3E2?.wert, -0)).toBe(false);
  });
  it('Durchschnittsbestand mit Nachkommastellen: Nenner exakt, Wert aus Ganzzahlen', () => {
    // Ø of 12 months = (11 × 100 + 101) / 12 = 100.0833…; K2 = 24 / 100.0833 = 23.98 %
    const e = kennzahlenAusGrunddaten(m, (monat) => (monat === plusMonate(m, -1) ? { ...gleich, bestand: 101 } : gleich), () => undefined);
    expect(e.kennzahlen.K2).toEqual({ wert: 24, zaehler: 24, nenner: 1201 / 12 });
  });
  it('fehlende Monate, fehlende Summen, Nenner 0 → null', () => {
    // m−12 missing: K1E2, K3 (Vorjahr) and the Ø-denominators (m−12 … m−1) are null; rates over m−11 … m stay
    const ohneVorjahr = kennzahlenAusGrunddaten(m, (monat) => (monat === '2023-12' ? undefined : gleich), () => undefined);
    expect(ohneVorjahr.kennzahlen).toMatchObject({ K1: null, K1E1: null, K1E2: null, K3: null, K2: null, K2E4: null, K3E1: null });
    expect(ohneVorjahr.kennzahlen.K1E3).not.toBeNull();
    expect(ohneVorjahr.kennzahlen.K2E3).not.toBeNull();
    expect(ohneVorjahr.kennzahlen.K3E2).not.toBeNull();
    // one svbKontinuierlich still unknown in the window → K2E3 null only
    const offen = kennzahlenAusGrunddaten(m, (monat) => (monat === '2024-09' ? { ...gleich, svbKontinuierlich: null } : gleich), () => undefined);
    expect(offen.kennzahlen.K2E3).toBeNull();
    expect(offen.kennzahlen.K2).not.toBeNull();
    // denominators 0
    const leer = kennzahlenAusGrunddaten(m, () => gdNull, () => ({ llu: 0, luh: 0 }));
    for (const k of KENNZAHLEN) expect(leer.kennzahlen[k], k).toBeNull();
    // only m's sums
    const k1 = kennzahlenAusGrunddaten(m, () => gleich, (monat) => (monat === m ? { llu: 1, luh: 1 } : undefined));
    expect(k1.kennzahlen.K1).toBeNull();
    expect(k1.kennzahlen.K1E1).toBeNull();
  });
});

/**
 * Bezugsmonat 2024-12: months t = 2024-01 … 2024-12 (window), denominators t = 2023-12 … 2024-11.
 *
 *  A  eLb since 2020 (LZB throughout); Maßnahme in Dec 2024; öffentlich gefördert 20.2.2024
 *  B  eLb 15.1.–10.6.2024 (B(Jan…May)), alleinerziehend Jan–May; svb 1.6.2024 (leaves in the month of take-up,
 *     counts via B(May) and alleinerziehend at 31.5.), sv from 1.6. open → kontinuierlich
 *  C  eLb since 1.6.2023, alleinerziehend; Ausbildung 1.3. and svb 20.3.2024 (two take-ups, one Integration),
 *     sv 20.3.–15.7.2024 (not sv at 31.7.) → not kontinuierlich; Minijob 10.9.2024. LZB only from 27.2.2025.
 *  D  eLb from 1.8.2024 with svb on 1.8.2024 (entrant in the month of take-up, event on the first day); no sv period
 *  E  never eLb; svb 5.5.2024 → not counted
 *  F  eLb 1.1.–30.12.2023 (not at Stichtag 31.12.2023); öffentlich gefördert 10.12.2023 (t = 2023-12, outside the window)
 *  G  eLb since 1.9.2022 → 638th day 30.5.2024 → LZB from May 2024; svb 15.10.2024, sv open → kontinuierlich
 *
 *  |B(t)|: 2023-11 4 (ACFG), 2023-12 3 (ACG), 2024-01…05 4 (ABCG), 06…07 3 (ACG), 08…12 4 (ACDG)
 *  |L(t)|: A always; G from 2024-05
 */
const SZENARIO = {
  version: 1,
  bezugsmonat: '2024-12',
  personen: [
    {
      id: 'A',
      geschlecht: 'w',
      elb: [{ von: '2020-01-01', bis: null }],
      massnahmen: [{ von: '2024-12-01', bis: '2024-12-31' }],
      ereignisse: [{ datum: '2024-02-20', art: 'oeffentlich_gefoerdert' }],
    },
    {
      id: 'B',
      elb: [{ von: '2024-01-15', bis: '2024-06-10' }],
      alleinerziehend: [{ von: '2024-01-01', bis: '2024-05-31' }],
      ereignisse: [{ datum: '2024-06-01', art: 'svb' }],
      svBeschaeftigung: [{ von: '2024-06-01', bis: null }],
    },
    {
      id: 'C',
      elb: [{ von: '2023-06-01', bis: null }],
      alleinerziehend: [{ von: '2023-01-01', bis: null }],
      ereignisse: [
        { datum: '2024-03-01', art: 'ausbildung' },
        { datum: '2024-03-20', art: 'svb' },
        { datum: '2024-09-10', art: 'minijob' },
      ],
      svBeschaeftigung: [{ von: '2024-03-20', bis: '2024-07-15' }],
    },
    { id: 'D', elb: [{ von: '2024-08-01', bis: null }], ereignisse: [{ datum: '2024-08-01', art: 'svb' }] },
    { id: 'E', elb: [], ereignisse: [{ datum: '2024-05-05', art: 'svb' }], svBeschaeftigung: [{ von: '2024-05-05', bis: null }] },
    { id: 'F', elb: [{ von: '2023-01-01', bis: '2023-12-30' }], ereignisse: [{ datum: '2023-12-10', art: 'oeffentlich_gefoerdert' }] },
    { id: 'G', elb: [{ von: '2022-09-01', bis: null }], ereignisse: [{ datum: '2024-10-15', art: 'svb' }], svBeschaeftigung: [{ von: '2024-10-15', bis: null }] },
  ],
  leistungen: [
    { monat: '2024-12', llu: 123456.78, luh: 50000 },
    { monat: '2023-12', llu: 120000, luh: 52000.5 },
    { monat: '2024-06', llu: 1, luh: 1 },
  ],
};

describe('berechneKennzahlen: von Hand gerechnetes Szenario', () => {
  it('alle 15 Kennzahlen', () => {
    const e = berechneKennzahlen(SZENARIO);
    expect(Object.keys(e.kennzahlen)).toEqual([...KENNZAHLEN]);
    expect(e).toEqual({
      version: 1,
      bezugsmonat: '2024-12',
      kennzahlen: {
        K1: { wert: 2.9, zaehler: 123456.78, nenner: 120000 }, // 2.8806 %
        K1E1: { wert: -3.8, zaehler: 50000, nenner: 52000.5 }, // −3.8461 %
        K1E2: { wert: 33.3, zaehler: 4, nenner: 3 },
        // Zugänge: B (Jan), D (Aug) = 2; Σ B(2024-01…12) = 5×4 + 2×3 + 5×4 = 46 → 4.35 %
        K1E3: { wert: 4.3, zaehler: 2, nenner: 46 },
        // Abgänge: B (Jun) = 1 (F left in 2023-12, outside); Σ B(2023-12…2024-11) = 3 + 20 + 6 + 16 = 45
        K1E4: { wert: 2.2, zaehler: 1, nenner: 45 },
        // Integrationen B, C, D, G = 4 / Ø (45 / 12 = 3.75) = 106.67 %
        K2: { wert: 106.7, zaehler: 4, nenner: 3.75 },
        K2E1: { wert: 26.7, zaehler: 1, nenner: 3.75 }, // C Minijob
        K2E2: { wert: 26.7, zaehler: 1, nenner: 3.75 }, // A (F is outside the window)
        K2E3: { wert: 50, zaehler: 2, nenner: 4 }, // B, G of B, C, D, G
        // B (alleinerziehend at 31.5.), C; Ø alleinerziehende eLb 2023-12…2024-11 = (12 C + 5 B) / 12 = 17/12 → 24/17 = 141.18 %
        K2E4: { wert: 141.2, zaehler: 2, nenner: 17 / 12 },
        K3: { wert: 100, zaehler: 2, nenner: 1 }, // L(2024-12) = A, G; L(2023-12) = A
        // G; Ø L(2023-12…2024-11) = (12 A + 7 G) / 12 = 19/12 → 12/19 = 63.16 %
        K3E1: { wert: 63.2, zaehler: 1, nenner: 19 / 12 },
        K3E2: { wert: 50, zaehler: 1, nenner: 2 }, // A in Maßnahme
        K3E3: { wert: 5, zaehler: 1, nenner: 20 }, // G in May; Σ L(2024-01…12) = 12 + 8
        K3E4: { wert: 0, zaehler: 0, nenner: 19 },
      },
    });
  });
  it('K1 null ohne die Summen des Vorjahresmonats; das Ergebnis passt zum Ausgabeschema', () => {
    const e = berechneKennzahlen({ ...SZENARIO, leistungen: [{ monat: '2024-12', llu: 1, luh: 1 }] });
    expect(e.kennzahlen.K1).toBeNull();
    expect(e.kennzahlen.K1E1).toBeNull();
    expect(kennzahlenErgebnisSchema.parse(e)).toEqual(e);
  });
  it('ohne Personen: alle Zählkennzahlen null', () => {
    const e = berechneKennzahlen({ version: 1, bezugsmonat: '2024-12', personen: [], leistungen: [] });
    for (const k of KENNZAHLEN) expect(e.kennzahlen[k], k).toBeNull();
  });
});

describe('berechneKennzahlen: ungültige Eingabe → KennzahlenFehler mit deutschem Text', () => {
  const p0 = SZENARIO.personen[0]!;
  it.each([
    ['Version', { ...SZENARIO, version: 2 }, 'schema_ungueltig', 'version'],
    ['unbekanntes Feld', { ...SZENARIO, extra: 1 }, 'schema_ungueltig', ''],
    ['unbekanntes Feld in Person', { ...SZENARIO, personen: [{ ...p0, name: 'x' }] }, 'schema_ungueltig', 'personen[0]'],
    ['Bezugsmonat', { ...SZENARIO, bezugsmonat: '2024-13' }, 'schema_ungueltig', 'bezugsmonat'],
    ['Datum', { ...SZENARIO, personen: [{ ...p0, elb: [{ von: '2024-02-30', bis: null }] }] }, 'schema_ungueltig', 'personen[0].elb[0].von'],
    ['bis fehlt', { ...SZENARIO, personen: [{ ...p0, elb: [{ von: '2024-02-01' }] }] }, 'schema_ungueltig', 'personen[0].elb[0].bis'],
    ['Ereignisart', { ...SZENARIO, personen: [{ ...p0, ereignisse: [{ datum: '2024-02-01', art: 'praktikum' }] }] }, 'schema_ungueltig', 'personen[0].ereignisse[0].art'],
    ['negativer Betrag', { ...SZENARIO, leistungen: [{ monat: '2024-12', llu: -1, luh: 0 }] }, 'schema_ungueltig', 'leistungen[0].llu'],
    ['drei Nachkommastellen', { ...SZENARIO, leistungen: [{ monat: '2024-12', llu: 1.005, luh: 0 }] }, 'schema_ungueltig', 'leistungen[0].llu'],
    ['id doppelt', { ...SZENARIO, personen: [p0, p0] }, 'id_doppelt', 'personen[1].id'],
    ['Ende vor Beginn', { ...SZENARIO, personen: [{ ...p0, massnahmen: [{ von: '2024-02-01', bis: '2024-01-31' }] }] }, 'periode_ungueltig', 'personen[0].massnahmen[0].bis'],
    ['Monat doppelt', { ...SZENARIO, leistungen: [SZENARIO.leistungen[0], SZENARIO.leistungen[0]] }, 'monat_doppelt', 'leistungen[1].monat'],
    ['vor dem Rechtsstand', { ...SZENARIO, bezugsmonat: '2011-06' }, 'ausserhalb_rechtsstand', 'bezugsmonat'],
    ['kein Objekt', [], 'schema_ungueltig', ''],
  ])('%s', (_name, input, code, pfad) => {
    const f = fehlerVon(() => berechneKennzahlen(input));
    expect(f.code).toBe(code);
    expect(f.pfad).toBe(pfad);
    expect(f.message).toMatch(/[a-zäöüß]{4,}/);
    expect(f.toJSON()).toEqual({ error: code, pfad, message: f.message });
  });
  it('Meldungstexte', () => {
    expect(fehlerVon(() => berechneKennzahlen({ ...SZENARIO, extra: 1 })).message).toBe('Eingabe: unbekannte Angabe "extra".');
    expect(fehlerVon(() => berechneKennzahlen({ ...SZENARIO, personen: undefined })).message).toBe('personen: Angabe fehlt.');
  });
});

describe('Texte und Richtung', () => {
  it('jede Kennzahl hat Text, Norm und Richtung; K1/K3 niedriger, K2 höher besser', () => {
    for (const k of KENNZAHLEN) {
      expect(KENNZAHL_TEXT[k].name.length, k).toBeGreaterThan(5);
      expect(KENNZAHL_TEXT[k].norm, k).toMatch(/KennzV/);
    }
    expect([KENNZAHL_RICHTUNG.K1, KENNZAHL_RICHTUNG.K2, KENNZAHL_RICHTUNG.K3]).toEqual(['niedriger_besser', 'hoeher_besser', 'niedriger_besser']);
    expect(KENNZAHL_TEXT.K3.zaehler).toContain('638 der 730 Tage');
  });
});
