import { describe, expect, it } from 'vitest';
import { berechne } from './index.ts';
import { erwerb, fall, person, summeCent } from '../../../tests/helpers/berechnung-faelle.ts';
import type { BerechnungErgebnis, BerechnungInput, PersonInput } from './schema.ts';

const allein = (zeitraum: BerechnungInput['zeitraum'], mehr: Partial<PersonInput> = {}, rest: Partial<BerechnungInput> = {}) =>
  fall(zeitraum, [person('a', '1985-03-10', 'antragsteller', mehr)], rest);

const mb = (r: BerechnungErgebnis, id: string, art: string): number | undefined =>
  r.personen.find((p) => p.id === id)?.mehrbedarfe.find((m) => m.art === art)?.betrag;
const pers = (r: BerechnungErgebnis, id: string) => {
  const p = r.personen.find((x) => x.id === id);
  if (!p) throw new Error(`keine Person ${id}`);
  return p;
};

const ae = (...geburten: string[]) =>
  mb(
    berechne(fall('2024-06', [person('a', '1980-01-01', 'antragsteller'), ...geburten.map((g, i) => person(`k${i}`, g, 'kind'))])),
    'a',
    'alleinerziehend',
  );

const kdu = (monat: string, leistungsbeginn: string | undefined, mehr: Partial<BerechnungInput> = {}) =>
  pers(
    berechne(
      allein(monat, {}, {
        ...(leistungsbeginn ? { leistungsbeginn } : {}),
        unterkunft: { grundmiete: 700, nebenkosten: 100, heizkosten: 150, angemessen: { bruttokaltmiete: 500, heizkosten: 100 } },
        ...mehr,
      }),
    ),
    'a',
  ).unterkunft;

const abgelehnt = (input: BerechnungInput): boolean => berechne(input).ablehnungsgrund === 'vermoegen';

const fall26 = (geburt: string, v: number, bwz = '2026-07') =>
  fall('2026-08', [person('a', geburt, 'antragsteller', { vermoegen: v })], { leistungsbeginn: '2026-07', bewilligungszeitraumBeginn: bwz });

const alt = (v: number, bwz = '2022-06') =>
  fall('2022-06', [person('a', '1982-01-01', 'antragsteller', { vermoegen: v })], { leistungsbeginn: '2022-06', bewilligungszeitraumBeginn: bwz });

const sz = (zeitraum: BerechnungInput['zeitraum']) =>
  berechne(fall(zeitraum, [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-03-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] })])).sofortzuschlag;

const familie = (monat: string) => fall(monat, [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-01-01', 'kind')]);

const vermoegenPaar = (v: number) =>
  fall('2024-06', [person('a', '1980-01-01', 'antragsteller', { vermoegen: v }), person('b', '1980-01-01', 'partner')], { leistungsbeginn: '2024-03' });

function pruefeSummen(r: BerechnungErgebnis): void {
  expect(summeCent(r.schritte.map((s) => s.betrag))).toBe(Math.round(r.auszahlung * 100));
  expect(summeCent(r.personen.map((p) => p.anspruch))).toBe(Math.round(r.anspruch * 100));
}

describe('Jobcenter Oberberg, "Wie hoch ist der Anspruch?" (Werte 2024)', () => {
  const beispiele: { name: string; input: BerechnungInput; gesamtbedarf: number; einkommen: number; anspruch: number; sofortzuschlag: number }[] = [
    {
      name: 'Beispiel 1 – Alleinstehend, kein Einkommen',
      input: fall('2024-06', [person('a', '1989-04-01', 'antragsteller')], {
        unterkunft: { grundmiete: 300, nebenkosten: 90, heizkosten: 60 },
      }),
      gesamtbedarf: 1013,
      einkommen: 0,
      anspruch: 1013,
      sofortzuschlag: 0,
    },
    {
      name: 'Beispiel 2 – Paar ohne Kinder, dezentrales Warmwasser, tatsächliche Absetzungen',
      input: fall(
        '2024-06',
        [
          person('a', '1984-02-01', 'antragsteller', { einkommen: [erwerb(1350, 800, 240)] }),
          person('b', '1986-09-01', 'partner'),
        ],
        { unterkunft: { grundmiete: 388, nebenkosten: 114, heizkosten: 100, warmwasserDezentral: true } },
      ),
      gesamtbedarf: 1637.28,
      einkommen: 312,
      anspruch: 1325.28,
      sofortzuschlag: 0,
    },
    {
      name: 'Beispiel 3 – Paar mit Kindern (7 und 14), zwei Einkommen, Kindergeld',
      input: fall(
        '2024-06',
        [
          person('a', '1985-03-10', 'antragsteller', { einkommen: [erwerb(1600, 1200, 240)] }),
          person('b', '1987-05-10', 'partner', { einkommen: [erwerb(400)] }),
          person('c', '2017-01-10', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] }),
          person('d', '2010-01-10', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] }),
        ],
        { leistungsbeginn: '2022-01', unterkunft: { grundmiete: 570, nebenkosten: 140, heizkosten: 140 } },
      ),
      gesamtbedarf: 2723,
      einkommen: 1422,
      anspruch: 1301,
      sofortzuschlag: 40,
    },
  ];
  it.each(beispiele)('$name', ({ input, gesamtbedarf, einkommen, anspruch, sofortzuschlag }) => {
    const r = berechne(input);
    expect(r.gesamtbedarf).toBe(gesamtbedarf);
    expect(r.einkommen).toBe(einkommen);
    expect(r.anspruch).toBe(anspruch);
    expect(r.sofortzuschlag).toBe(sofortzuschlag);
    expect(r.hilfebeduerftig).toBe(true);
    pruefeSummen(r);
  });
  it('Beispiel 2: Warmwasser-Mehrbedarf 11,64 € je Partner', () => {
    const r = berechne(beispiele[1]!.input);
    expect(mb(r, 'a', 'warmwasser')).toBe(11.64);
    expect(mb(r, 'b', 'warmwasser')).toBe(11.64);
  });
  it('Beispiel 3: Aufteilung nach Bedarfsanteilen', () => {
    const r = berechne(beispiele[2]!.input);
    expect(r.personen.map((p) => [p.id, p.bedarf, p.einkommen, p.anspruch])).toEqual([
      ['a', 718.5, 682, 420.5],
      ['b', 718.5, 240, 420.5],
      ['c', 602.5, 250, 206.3],
      ['d', 683.5, 250, 253.7],
    ]);
    expect(r.rechtsstand).toBe('2024-01-01');
    expect(r.leistung).toBe('Bürgergeld');
  });
});

describe('Regelbedarfe nach Datum (§ 20 Abs. 1a SGB II)', () => {
  it.each([
    ['2021-01', 446],
    ['2021-12', 446],
    ['2022-01', 449],
    ['2022-12', 449],
    ['2023-01', 502],
    ['2023-12', 502],
    ['2024-01', 563],
    ['2025-01', 563],
    ['2026-01', 563],
    ['2026-12', 563],
  ])('%s: Regelbedarfsstufe 1 = %d €', (monat, betrag) => {
    const r = berechne(allein(monat));
    expect(pers(r, 'a').regelbedarf).toBe(betrag);
    expect(r.anspruch).toBe(betrag);
  });
  it.each([
    ['2021-06', [401, 357, 373, 309, 283]],
    ['2022-06', [404, 360, 376, 311, 285]],
    ['2023-06', [451, 402, 420, 348, 318]],
    ['2024-06', [506, 451, 471, 390, 357]],
  ] as const)('%s: Stufen 2–6 nach Rolle und Alter', (monat, [s2, s3, s4, s5, s6]) => {
    const j = Number(monat.slice(0, 4));
    const r = berechne(
      fall(monat, [
        person('a', '1980-01-15', 'antragsteller'),
        person('b', '1981-01-15', 'partner'),
        person('k20', `${j - 20}-01-15`, 'kind'),
        person('k15', `${j - 15}-01-15`, 'kind'),
        person('k10', `${j - 10}-01-15`, 'kind'),
        person('k3', `${j - 3}-01-15`, 'kind'),
      ]),
    );
    expect(r.personen.map((p) => [p.regelbedarfsstufe, p.regelbedarf])).toEqual([
      [2, s2],
      [2, s2],
      [3, s3],
      [4, s4],
      [5, s5],
      [6, s6],
    ]);
  });
  it('minderjähriger Partner: Erwachsener Stufe 1, Minderjähriger Stufe 4 (§ 20 Abs. 2 S. 1)', () => {
    const r = berechne(fall('2024-06', [person('a', '2000-01-01', 'antragsteller'), person('b', '2007-01-01', 'partner')]));
    expect(r.personen.map((p) => p.regelbedarfsstufe)).toEqual([1, 4]);
  });
});

describe('Altersstufenwechsel im Monat des Geburtstags (Auslegung)', () => {
  it.each([
    ['2018-07-15', '2024-06', 6, 357],
    ['2018-07-15', '2024-07', 5, 390],
    ['2018-07-01', '2024-06', 6, 357],
    ['2018-07-31', '2024-07', 5, 390],
    ['2010-07-31', '2024-06', 5, 390],
    ['2010-07-31', '2024-07', 4, 471],
    ['2006-12-01', '2024-11', 4, 471],
    ['2006-12-01', '2024-12', 3, 451],
  ])('Kind geboren %s im Monat %s: Stufe %d', (geburt, monat, stufe, betrag) => {
    const r = berechne(fall(monat, [person('a', '1980-01-01', 'antragsteller'), person('k', geburt, 'kind')]));
    expect(pers(r, 'k').regelbedarfsstufe).toBe(stufe);
    expect(pers(r, 'k').regelbedarf).toBe(betrag);
  });
});

describe('Mehrbedarfe (§ 21 SGB II), Werte 2024', () => {
  it('Schwangerschaft 17 % des eigenen Regelbedarfs: 95,71 / 86,02 / 76,67', () => {
    expect(mb(berechne(allein('2024-06', { schwanger: true })), 'a', 'schwangerschaft')).toBe(95.71);
    const paar = berechne(fall('2024-06', [person('a', '1990-01-01', 'antragsteller', { schwanger: true }), person('b', '1990-01-01', 'partner')]));
    expect(mb(paar, 'a', 'schwangerschaft')).toBe(86.02);
    const tochter = berechne(fall('2024-06', [person('a', '1975-01-01', 'antragsteller'), person('t', '2004-01-01', 'kind', { schwanger: true })]));
    expect(mb(tochter, 't', 'schwangerschaft')).toBe(76.67);
  });
  it('dezentrales Warmwasser 2,3 / 1,4 / 1,2 / 0,8 %', () => {
    const r = berechne(
      fall(
        '2024-06',
        [
          person('a', '1980-01-15', 'antragsteller'),
          person('b', '1981-01-15', 'partner'),
          person('k20', '2004-01-15', 'kind'),
          person('k15', '2009-01-15', 'kind'),
          person('k10', '2014-01-15', 'kind'),
          person('k3', '2021-01-15', 'kind'),
        ],
        { unterkunft: { grundmiete: 0, nebenkosten: 0, heizkosten: 0, warmwasserDezentral: true } },
      ),
    );
    expect(r.personen.map((p) => p.mehrbedarfe[0]?.betrag)).toEqual([11.64, 11.64, 10.37, 6.59, 4.68, 2.86]);
    expect(mb(berechne(allein('2024-06', {}, { unterkunft: { grundmiete: 0, nebenkosten: 0, heizkosten: 0, warmwasserDezentral: true } })), 'a', 'warmwasser')).toBe(12.95);
  });
  it.each([
    [['2020-01-01'], 202.68], // one child under 7: 36 %
    [['2014-01-01'], 67.56], // one child aged 10: 12 %
    [['2014-01-01', '2012-01-01'], 202.68], // two under 16: 36 %
    [['2008-01-01', '2007-01-01'], 135.12], // two aged 16 and 17: 2 × 12 %
    [['2016-01-01', '2014-01-01', '2012-01-01', '2010-01-01'], 270.24], // four under 16: 48 %
    [['2016-01-01', '2015-01-01', '2014-01-01', '2012-01-01', '2010-01-01'], 337.8], // five: 60 % cap
  ])('Alleinerziehende mit Kindern %j: %d €', (geburten, betrag) => {
    expect(ae(...geburten)).toBe(betrag);
  });
  it('kein Alleinerziehenden-Mehrbedarf mit Partner oder nur volljährigem Kind; Überschreiben möglich', () => {
    expect(mb(berechne(fall('2024-06', [person('a', '1980-01-01', 'antragsteller'), person('b', '1980-01-01', 'partner'), person('k', '2020-01-01', 'kind')])), 'a', 'alleinerziehend')).toBeUndefined();
    expect(mb(berechne(fall('2024-06', [person('a', '1980-01-01', 'antragsteller'), person('k', '2004-01-01', 'kind')])), 'a', 'alleinerziehend')).toBeUndefined();
    expect(mb(berechne(fall('2024-06', [person('a', '1980-01-01', 'antragsteller', { alleinerziehend: false }), person('k', '2020-01-01', 'kind')])), 'a', 'alleinerziehend')).toBeUndefined();
  });
  it('Behinderung 35 %, Beträge für Ernährung, unabweisbaren Bedarf, Schulbücher', () => {
    const r = berechne(allein('2024-06', { mehrbedarf: { behinderung: true, ernaehrung: 40, unabweisbar: 12.5, schulbuecher: 30 } }));
    expect(pers(r, 'a').mehrbedarfe).toEqual([
      { art: 'behinderung', betrag: 197.05, norm: '§ 21 Abs. 4 SGB II' },
      { art: 'ernaehrung', betrag: 40, norm: '§ 21 Abs. 5 SGB II' },
      { art: 'unabweisbar', betrag: 12.5, norm: '§ 21 Abs. 6 SGB II' },
      { art: 'schulbuecher', betrag: 30, norm: '§ 21 Abs. 6a SGB II' },
    ]);
    expect(r.anspruch).toBe(563 + 197.05 + 40 + 12.5 + 30);
  });
  it('Deckel § 21 Abs. 8: Abs. 2–5 höchstens Regelbedarf, Abs. 6, 6a, 7 außerhalb', () => {
    const r = berechne(
      allein('2024-06', { schwanger: true, mehrbedarf: { behinderung: true, ernaehrung: 300, unabweisbar: 10 } }, {
        unterkunft: { grundmiete: 0, nebenkosten: 0, heizkosten: 0, warmwasserDezentral: true },
      }),
    );
    // 95.71 + 197.05 + 300 = 592.76 > 563 → −29.76
    expect(mb(r, 'a', 'kappung')).toBe(-29.76);
    expect(pers(r, 'a').bedarf).toBe(563 + 563 + 10 + 12.95);
    pruefeSummen(r);
  });
});

describe('Erwerbstätigenfreibetrag (§ 11b Abs. 2, 3 SGB II)', () => {
  // published totals incl. the 100 € Grundabsetzbetrag (Haufe; zeekrey/buergergeldrechner-leipzig; GETTSIM tests)
  it.each([
    ['2024-06', 100, false, 100],
    ['2024-06', 200, false, 120],
    ['2024-06', 450, false, 170],
    ['2024-06', 520, false, 184],
    ['2024-06', 800, false, 268],
    ['2024-06', 900, false, 298],
    ['2024-06', 1200, false, 348],
    ['2024-06', 2100, false, 348],
    ['2024-06', 1500, true, 378],
    ['2024-06', 2100, true, 378],
    ['2023-07', 1200, false, 348],
    ['2023-06', 1200, false, 300],
    ['2023-06', 800, false, 240],
    ['2021-06', 700, false, 220],
  ])('%s brutto %d € (Kind: %s): Freibetrag %d €', (monat, brutto, mitKind, freibetrag) => {
    const personen = [person('a', '1985-01-01', 'antragsteller', { einkommen: [erwerb(brutto)] })];
    if (mitKind) personen.push(person('k', '2015-01-01', 'kind'));
    const r = berechne(fall(monat, personen));
    expect(pers(r, 'a').einkommen).toBe(brutto - freibetrag);
  });
  it('nachgewiesene Absetzungen ersetzen die 100 € nur über 400 € brutto', () => {
    expect(pers(berechne(allein('2024-06', { einkommen: [erwerb(400, 400, 240)] })), 'a').einkommen).toBe(400 - 100 - 60);
    expect(pers(berechne(allein('2024-06', { einkommen: [erwerb(401, 401, 240)] })), 'a').einkommen).toBe(401 - 240 - 60.2);
    expect(pers(berechne(allein('2024-06', { einkommen: [erwerb(800, 700, 80)] })), 'a').einkommen).toBe(700 - 100 - 168);
  });
  it('Selbstständigkeit ist Erwerbseinkommen (Freibetrag auf den Gewinn)', () => {
    expect(pers(berechne(allein('2024-06', { einkommen: [{ art: 'selbststaendigkeit', betrag: 800 }] })), 'a').einkommen).toBe(532);
  });
  it('Einkommen unter dem Grundabsetzbetrag ergibt 0, nie negativ', () => {
    const r = berechne(allein('2024-06', { einkommen: [erwerb(60, 60)] }));
    expect(pers(r, 'a').einkommen).toBe(0);
    expect(r.anspruch).toBe(563);
    pruefeSummen(r);
  });
});

describe('sonstiges Einkommen, Versicherungspauschale, Kindergeld', () => {
  it('30 € Versicherungspauschale auf sonstiges Einkommen Erwachsener', () => {
    expect(pers(berechne(allein('2024-06', { einkommen: [{ art: 'rente', betrag: 500 }] })), 'a').einkommen).toBe(470);
    expect(pers(berechne(allein('2024-06', { einkommen: [{ art: 'arbeitslosengeld', betrag: 20 }] })), 'a').einkommen).toBe(0);
  });
  it('keine zweite Pauschale neben Erwerbseinkommen (Auslegung)', () => {
    const r = berechne(allein('2024-06', { einkommen: [erwerb(300), { art: 'krankengeld', betrag: 200 }] }));
    expect(pers(r, 'a').einkommen).toBe(300 - 100 - 40 + 200);
  });
  it('keine Pauschale für Minderjährige; volljähriges Kind mit Kindergeld: 220 €', () => {
    const r = berechne(
      fall('2024-06', [
        person('a', '1980-01-01', 'antragsteller'),
        person('k', '2012-01-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }, { art: 'unterhalt', betrag: 100 }] }),
        person('v', '2004-01-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] }),
      ]),
    );
    expect(pers(r, 'k').einkommen).toBe(350);
    expect(pers(r, 'v').einkommen).toBe(220);
  });
  it('Kindergeldübertrag: Kind mit bedarfsdeckendem Einkommen verlässt die BG, nicht benötigtes Kindergeld wird Einkommen der Mutter', () => {
    const r = berechne(
      fall(
        '2024-06',
        [
          person('m', '1985-01-01', 'antragsteller'),
          person('k', '2014-01-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }, { art: 'unterhalt', betrag: 500 }] }),
        ],
        { unterkunft: { grundmiete: 450, nebenkosten: 100, heizkosten: 50 } },
      ),
    );
    const k = pers(r, 'k');
    expect(k.inBedarfsgemeinschaft).toBe(false);
    expect(k.bedarf).toBe(690);
    expect(k.einkommen).toBe(690);
    expect(k.anspruch).toBe(0);
    // 750 − 690 = 60 surplus, all of it Kindergeld → mother; minus 30 € Pauschale
    const m = pers(r, 'm');
    expect(m.einkommen).toBe(30);
    expect(m.bedarf).toBe(563 + 67.56 + 300);
    expect(m.anspruch).toBe(930.56 - 30);
    // outside the BG only because of Kindergeld → Sofortzuschlag (§ 72 Abs. 1 S. 2)
    expect(k.sofortzuschlag).toBe(20);
    expect(r.auszahlung).toBe(900.56 + 20);
    pruefeSummen(r);
  });
  it('Kind außerhalb der BG wegen Unterhalt allein: kein Sofortzuschlag, Überschuss bleibt beim Kind', () => {
    const r = berechne(
      fall(
        '2024-06',
        [
          person('m', '1985-01-01', 'antragsteller'),
          person('k', '2014-01-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }, { art: 'unterhalt', betrag: 800 }] }),
        ],
        { unterkunft: { grundmiete: 450, nebenkosten: 100, heizkosten: 50 } },
      ),
    );
    expect(pers(r, 'k').sofortzuschlag).toBe(0);
    expect(pers(r, 'm').einkommen).toBe(220);
    pruefeSummen(r);
  });
});

describe('Kosten der Unterkunft und Heizung (§ 22 SGB II)', () => {
  it('Karenzzeit: 12 Monate tatsächliche Unterkunft, Heizung immer geprüft', () => {
    expect(kdu('2024-06', '2024-01')).toBe(900);
    expect(kdu('2024-06', '2023-07')).toBe(900);
    expect(kdu('2024-07', '2023-07')).toBe(600);
    expect(kdu('2024-06', undefined)).toBe(900);
  });
  it('Bezug vor 2023 zählt nicht (§ 65 Abs. 2): Karenzzeit 01/2023–12/2023', () => {
    expect(kdu('2023-12', '2020-05')).toBe(900);
    expect(kdu('2024-01', '2020-05')).toBe(600);
  });
  it('bis 2022 keine Karenzzeit; § 67 vereinfachtes Verfahren 6 Monate ab BWZ-Beginn bis 31.3.2022', () => {
    expect(kdu('2022-06', '2022-06')).toBe(600);
    expect(kdu('2022-06', '2022-03', { bewilligungszeitraumBeginn: '2022-03' })).toBe(950);
    expect(kdu('2022-08', '2022-03', { bewilligungszeitraumBeginn: '2022-03' })).toBe(950);
    expect(kdu('2022-09', '2022-03', { bewilligungszeitraumBeginn: '2022-03' })).toBe(600);
    expect(kdu('2022-06', '2022-04', { bewilligungszeitraumBeginn: '2022-04' })).toBe(600);
  });
  it('2026: Karenzzeit höchstens das 1,5-fache der angemessenen Unterkunft (ab 1.7.2026, Auslegung)', () => {
    expect(kdu('2026-06', '2026-01')).toBe(900);
    expect(kdu('2026-07', '2026-01')).toBe(750 + 100);
  });
  it('Kopfteile über alle Bewohner; Rest-Cent an die ersten Personen', () => {
    const r = berechne(
      fall(
        '2024-06',
        [
          person('a', '1980-01-01', 'antragsteller'),
          person('b', '1980-01-01', 'partner'),
          person('c', '2010-01-01', 'kind'),
          person('d', '2012-01-01', 'kind'),
          person('e', '2014-01-01', 'kind'),
          person('f', '1950-01-01', 'sonstige'),
          person('g', '1951-01-01', 'sonstige'),
          person('h', '1990-01-01', 'sonstige'),
          person('i', '1991-01-01', 'sonstige'),
        ],
        { unterkunft: { grundmiete: 1000, nebenkosten: 0, heizkosten: 0 } },
      ),
    );
    // GETTSIM test kost_unterk_multiple_bg_in_hh: 1000 € rent, 9 persons → 555.56 for a 5-person BG
    expect(summeCent(r.personen.map((p) => p.unterkunft))).toBe(55556);
    expect(pers(r, 'f').unterkunft).toBe(0);
    expect(pers(r, 'f').inBedarfsgemeinschaft).toBe(false);
  });
});

describe('Vermögen (§ 12 SGB II)', () => {
  it('Karenzzeit 40.000 € + 15.000 € je weitere Person, danach 15.000 € je Person', () => {
    expect(abgelehnt(allein('2024-06', { vermoegen: 40000 }, { leistungsbeginn: '2024-01' }))).toBe(false);
    expect(abgelehnt(allein('2024-06', { vermoegen: 40000.01 }, { leistungsbeginn: '2024-01' }))).toBe(true);
    expect(abgelehnt(allein('2024-06', { vermoegen: 15000 }, { leistungsbeginn: '2023-01' }))).toBe(false);
    expect(abgelehnt(allein('2024-06', { vermoegen: 15000.01 }, { leistungsbeginn: '2023-01' }))).toBe(true);
    expect(abgelehnt(vermoegenPaar(55000))).toBe(false);
    expect(abgelehnt(vermoegenPaar(55000.01))).toBe(true);
  });
  it('ablehnendes Ergebnis nennt die Zahlen; Schritte gehen auf 0 auf', () => {
    const r = berechne(allein('2024-06', { vermoegen: 50000 }, { leistungsbeginn: '2024-01' }));
    expect(r.hilfebeduerftig).toBe(false);
    expect(r.anspruch).toBe(0);
    expect(r.auszahlung).toBe(0);
    expect(r.schritte.some((s) => s.text.includes('50.000,00 €') && s.text.includes('40.000,00 €'))).toBe(true);
    pruefeSummen(r);
  });
  it('Bewilligungszeiträume ab 1.7.2026: Freibetrag nach Alter, keine Karenzzeit', () => {
    expect(abgelehnt(fall26('1997-01-01', 5000))).toBe(false);
    expect(abgelehnt(fall26('1997-01-01', 5000.01))).toBe(true);
    expect(abgelehnt(fall26('1996-08-20', 10000))).toBe(false); // turns 30 in August 2026
    expect(abgelehnt(fall26('1990-01-01', 10000.01))).toBe(true);
    expect(abgelehnt(fall26('1980-01-01', 12500))).toBe(false);
    expect(abgelehnt(fall26('1970-01-01', 20000))).toBe(false);
    expect(abgelehnt(fall26('1970-01-01', 20000.01))).toBe(true);
    // BWZ begun before 1.7.2026: old § 12 (Karenzzeit 40,000 €) continues (§ 65a Abs. 1)
    expect(abgelehnt(fall('2026-08', [person('a', '1997-01-01', 'antragsteller', { vermoegen: 30000 })], { leistungsbeginn: '2026-06', bewilligungszeitraumBeginn: '2026-06' }))).toBe(false);
  });
  it('bis 2022: 150 € je Lebensjahr (mind. 3.100 €) + 750 € Anschaffung; § 67: nur erhebliches Vermögen', () => {
    expect(abgelehnt(alt(6750))).toBe(false);
    expect(abgelehnt(alt(6750.01))).toBe(true);
    expect(abgelehnt(fall('2021-06', [person('a', '1982-01-01', 'antragsteller', { vermoegen: 59000 })], { bewilligungszeitraumBeginn: '2021-05' }))).toBe(false);
    expect(abgelehnt(fall('2021-06', [person('a', '1982-01-01', 'antragsteller', { vermoegen: 60000.01 })], { bewilligungszeitraumBeginn: '2021-05' }))).toBe(true);
  });
});

describe('Kindersofortzuschlag (§ 72 SGB II)', () => {
  it.each([
    ['2022-06', 0],
    ['2022-07', 20],
    ['2024-12', 20],
    ['2025-01', 25],
    ['2026-12', 25],
  ])('%s: %d € je Kind', (monat, betrag) => {
    expect(sz(monat)).toBe(betrag);
  });
  it('Teilmonat anteilig (Auslegung): 15/30 von 25 € = 12,50 €', () => {
    expect(sz({ von: '2025-06-16', bis: '2025-06-30' })).toBe(12.5);
  });
  it('nicht für Erwachsene der Stufen 1 und 2, nicht als Bedarf gerechnet', () => {
    const r = berechne(fall('2025-06', [person('a', '1985-01-01', 'antragsteller'), person('b', '1985-01-01', 'partner')]));
    expect(r.sofortzuschlag).toBe(0);
    const mitKind = berechne(fall('2025-06', [person('a', '1985-01-01', 'antragsteller'), person('k', '2015-03-01', 'kind')]));
    expect(mitKind.gesamtbedarf).toBe(563 + 390 + 67.56);
    expect(mitKind.auszahlung).toBe(mitKind.anspruch + 25);
  });
});

describe('Leistungsminderungen (§§ 31a, 32 SGB II)', () => {
  it('10 % des Regelbedarfs, nie die Unterkunft', () => {
    const r = berechne(allein('2024-06', { minderungProzent: 10 }, { unterkunft: { grundmiete: 400, nebenkosten: 0, heizkosten: 0 } }));
    expect(pers(r, 'a').minderung).toBe(56.3);
    expect(r.anspruch).toBe(963 - 56.3);
    expect(r.rechtsstand).toBe('2024-03-28');
    pruefeSummen(r);
    const nurKdu = berechne(
      allein('2024-06', { minderungProzent: 30, einkommen: [{ art: 'rente', betrag: 900 }] }, { unterkunft: { grundmiete: 400, nebenkosten: 0, heizkosten: 0 } }),
    );
    expect(nurKdu.anspruch).toBe(93);
    expect(pers(nurKdu, 'a').minderung).toBe(0);
  });
  it('100 % nur mit § 31a Abs. 7 (28.3.2024–27.3.2026) und ab 1.7.2026 (mit 1 € Restanspruch)', () => {
    expect(() => berechne(allein('2024-03', { minderungProzent: 100 }))).toThrow(expect.objectContaining({ code: 'minderung_unzulaessig' }));
    expect(berechne(allein('2024-04', { minderungProzent: 100 })).anspruch).toBe(0);
    expect(() => berechne(allein('2026-04', { minderungProzent: 100 }))).toThrow(expect.objectContaining({ code: 'minderung_unzulaessig' }));
    const r = berechne(allein('2026-07', { minderungProzent: 100 }));
    expect(r.anspruch).toBe(1);
    expect(pers(r, 'a').minderung).toBe(562);
    expect(r.leistung).toBe('Grundsicherungsgeld');
  });
  it('Sanktionsmoratorium 7–12/2022: höchstens 10 %', () => {
    expect(berechne(allein('2022-08', { minderungProzent: 10 })).anspruch).toBe(449 - 44.9);
    expect(() => berechne(allein('2022-08', { minderungProzent: 20 }))).toThrow(expect.objectContaining({ code: 'minderung_unzulaessig' }));
    expect(berechne(allein('2022-06', { minderungProzent: 30 })).anspruch).toBe(449 - 134.7);
  });
});

describe('Teilmonate (§ 41 Abs. 1) und Rundung (§ 41 Abs. 2)', () => {
  it.each([
    [{ von: '2024-06-10', bis: '2024-06-30' }, 394.1],
    [{ von: '2024-01-31', bis: '2024-01-31' }, 18.77],
    [{ von: '2024-01-02', bis: '2024-01-31' }, 563],
    [{ von: '2024-02-01', bis: '2024-02-29' }, 563],
    [{ von: '2023-02-15', bis: '2023-02-28' }, 234.27],
    ['2024-02', 563],
  ])('%j: %d €', (zeitraum, betrag) => {
    expect(berechne(allein(zeitraum)).anspruch).toBe(betrag);
  });
  it('Einkommen wird im Zuflussmonat voll angerechnet (Auslegung)', () => {
    const r = berechne(allein({ von: '2024-06-16', bis: '2024-06-30' }, { einkommen: [{ art: 'rente', betrag: 130 }] }));
    expect(r.anspruch).toBe(281.5 - 100);
  });
  it('Geburt im Monat: Bedarf des Kindes ab dem Geburtstag', () => {
    const r = berechne(fall('2024-06', [person('a', '1990-01-01', 'antragsteller'), person('k', '2024-06-16', 'kind')]));
    expect(pers(r, 'k').regelbedarf).toBe(178.5);
  });
});

describe('Bedarfsanteilsmethode und Sonderfälle', () => {
  it('Einkommen übersteigt den Bedarf: nicht hilfebedürftig, Schritte gehen auf', () => {
    const r = berechne(allein('2024-06', { einkommen: [erwerb(3000, 2100)] }, { unterkunft: { grundmiete: 400, nebenkosten: 50, heizkosten: 50 } }));
    expect(r.hilfebeduerftig).toBe(false);
    expect(r.ablehnungsgrund).toBe('einkommen');
    expect(r.einkommen).toBe(2100 - 100 - 248);
    expect(r.anspruch).toBe(0);
    pruefeSummen(r);
  });
  it('schwangeres Kind: Einkommen der Eltern zählt nicht für sie (§ 9 Abs. 3)', () => {
    const r = berechne(
      fall('2024-06', [
        person('a', '1975-01-01', 'antragsteller', { einkommen: [erwerb(2500, 1800)] }),
        person('t', '2005-01-01', 'kind', { schwanger: true, einkommen: [{ art: 'kindergeld', betrag: 250 }] }),
      ]),
    );
    expect(pers(r, 't').anspruch).toBe(307.67); // 451 + 76.67 − (250 − 30)
    expect(pers(r, 'a').anspruch).toBe(0);
    pruefeSummen(r);
  });
  it('Name der Leistung nach Datum', () => {
    expect(berechne(familie('2022-12')).leistung).toBe('Arbeitslosengeld II und Sozialgeld');
    expect(berechne(allein('2022-12')).leistung).toBe('Arbeitslosengeld II');
    expect(berechne(familie('2023-01')).leistung).toBe('Bürgergeld');
    expect(berechne(familie('2026-06')).leistung).toBe('Bürgergeld');
    expect(berechne(familie('2026-07')).leistung).toBe('Grundsicherungsgeld');
  });
  it('jeder Schritt mit Betrag nennt eine Norm', () => {
    const r = berechne(fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { einkommen: [erwerb(700)] }), person('k', '2015-01-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] })], { unterkunft: { grundmiete: 400, nebenkosten: 80, heizkosten: 70 } }));
    for (const s of r.schritte) expect(s.norm).toMatch(/§/);
    pruefeSummen(r);
  });
  it('ohne Erklärung: gleiche Beträge, keine Schritte', () => {
    const input = fall('2024-06', [person('a', '1985-01-01', 'antragsteller', { einkommen: [erwerb(700)] }), person('k', '2015-01-01', 'kind')]);
    const mit = berechne(input);
    const ohne = berechne(input, { erklaerung: false });
    expect(ohne.schritte).toEqual([]);
    expect({ ...ohne, schritte: [] }).toEqual({ ...mit, schritte: [] });
  });
});
