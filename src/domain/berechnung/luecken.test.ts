/**
 * Issue #16: the cases families and Aufstocker hit that the engine did not model before — a child outside the BG with
 * Kindergeldübertrag, Selbständigkeit with Gewinn and net, § 11b Abs. 2b for young people, Ferienjobs, one-off income
 * (§ 11 Abs. 3), the restart of the Karenzzeit and the gemischte BG with a partner under SGB XII. Every expected amount
 * is computed by hand in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import { berechne, berechneValidiert, einmaligeEinnahmenFestlegen, pruefe, type BerechnungInput, type EinkommenInput, type PersonInput } from './index.ts';
import { anrechnungsmonat, einmaligerAnteil, inKarenzzeit, karenzMonateBisher } from './kern.ts';
import { monatsindexVon } from './datum.ts';

const fall = (zeitraum: string, personen: PersonInput[], extra: Partial<BerechnungInput> = {}): BerechnungInput => ({
  version: 1,
  zeitraum,
  personen,
  ...extra,
});
const person = (id: string, geburtsdatum: string, rolle: PersonInput['rolle'], mehr: Partial<PersonInput> = {}): PersonInput => ({
  id,
  geburtsdatum,
  rolle,
  ...mehr,
});
const miete = (grundmiete: number, nebenkosten = 0, heizkosten = 0) => ({ grundmiete, nebenkosten, heizkosten });
const schritt = (r: ReturnType<typeof berechne>, anfang: string) => r.schritte.find((s) => s.text.startsWith(anfang));
const fehlerVon = (input: unknown): { error: string; pfad: string; message: string } => {
  try {
    berechne(input);
  } catch (e) {
    return (e as { toJSON(): { error: string; pfad: string; message: string } }).toJSON();
  }
  throw new Error('kein Fehler');
};

const familie = (k1: EinkommenInput[], k1Mehr: Partial<PersonInput> = {}) =>
  fall(
    '2026-03',
    [
      person('m', '1990-01-01', 'antragsteller'),
      person('k1', '2016-05-01', 'kind', { einkommen: k1, ...k1Mehr }),
      person('k2', '2020-05-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 259 }] }),
    ],
    { leistungsbeginn: '2020-01', unterkunft: { grundmiete: 600, nebenkosten: 150, heizkosten: 90 } },
  );

const selbst = (ek: EinkommenInput) => fall('2026-05', [person('a', '1981-01-01', 'antragsteller', { einkommen: [ek] })], { leistungsbeginn: '2020-01', unterkunft: miete(450, 50) });

const azubi = (ausbildung: PersonInput['ausbildung'] | undefined, ek: EinkommenInput, zeitraum = '2025-03') =>
  fall(
    zeitraum,
    [
      person('m', '1985-01-01', 'antragsteller'),
      person('k', '2008-01-01', 'kind', { ...(ausbildung ? { ausbildung } : {}), einkommen: [ek, { art: 'kindergeld', betrag: 255 }] }),
    ],
    { leistungsbeginn: '2020-01', unterkunft: miete(600) },
  );

const einmal = (zeitraum: string, ek: Partial<Extract<EinkommenInput, { art: 'einmalig' }>>) =>
  fall(zeitraum, [person('a', '1980-01-01', 'antragsteller', { einkommen: [{ art: 'einmalig', betrag: 600, zufluss: '2025-05-10', ...ek } as EinkommenInput] })], {
    leistungsbeginn: '2020-01',
    unterkunft: miete(400),
  });

const vermoegenFall = (extra: Partial<BerechnungInput>) => fall('2025-07', [person('a', '1980-01-01', 'antragsteller', { vermoegen: 20000 })], { unterkunft: miete(400), leistungsbeginn: '2025-01', ...extra });

describe('Kinder außerhalb der BG (§ 7 Abs. 3 Nr. 4, § 11 Abs. 1 S. 5 SGB II)', () => {
  // März 2026: Mutter 36, k1 9 Jahre (Stufe 5: 390 €), k2 5 Jahre (Stufe 6: 357 €); KdU 840 € / 3 = 280 € je Kopf.
  // Mehrbedarf Alleinerziehende: ein Kind unter 7 → 36 % von 563 € = 202,68 € (beide Kinder leben im Haushalt).
  it('ein Kind drinnen, ein Kind draußen: das nicht benötigte Kindergeld geht an die Mutter, abzüglich 30 € Pauschale', () => {
    // k1: 259 + 500 = 759 ≥ 390 + 280 = 670 → außerhalb der BG; Überschuss 89 €, davon Kindergeld min(259, 89) = 89 €.
    // m: 89 € Kindergeldübertrag − 30 € Versicherungspauschale (volljährig, ohne Erwerbseinkommen) = 59 €.
    // ungedeckt: m 563 + 202,68 + 280 = 1.045,68; k2 637 − 259 = 378 → 1.423,68 − 59 = 1.364,68 €.
    // Aufteilung: m 1.364,68 × 1.045,68 / 1.423,68 = 1.002,35; k2 362,33. Sofortzuschlag k1 (nur wegen Kindergeld draußen) + k2 = 50 €.
    const r = berechne(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhalt', betrag: 500 }]));
    expect(r.personen.map((p) => [p.id, p.inBedarfsgemeinschaft, p.anspruch, p.sofortzuschlag])).toEqual([
      ['m', true, 1002.35, 0],
      ['k1', false, 0, 25],
      ['k2', true, 362.33, 25],
    ]);
    expect(r.anspruch).toBe(1364.68);
    expect(r.auszahlung).toBe(1414.68);
    expect(schritt(r, 'Nicht benötigtes Kindergeld von k1 wird Einkommen von m')).toMatchObject({ betrag: -89, norm: '§ 11 Abs. 1 S. 5 SGB II (Kindergeldübertrag)' });
    expect(schritt(r, 'Versicherungspauschale für m')).toMatchObject({ betrag: 30, norm: '§ 11b Abs. 1 S. 1 Nr. 3 SGB II i.V.m. § 6 Abs. 1 Nr. 1 Bürgergeld-V' });
    expect(schritt(r, 'Das Einkommen von k1 deckt den eigenen Bedarf')?.norm).toBe('§ 7 Abs. 3 Nr. 4, § 9 Abs. 2 S. 2 SGB II');
  });

  it('Unterhaltsvorschuss und Kindergeld decken den Bedarf genau: k1 draußen, kein Übertrag', () => {
    // 259 + 411 = 670 = Bedarf → draußen, Überschuss 0. ungedeckt m 1.045,68 + k2 378 = 1.423,68, kein Einkommen.
    const r = berechne(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhaltsvorschuss', betrag: 411 }]));
    expect(r.personen[1]).toMatchObject({ inBedarfsgemeinschaft: false, einkommen: 670 });
    expect(r.anspruch).toBe(1423.68);
    expect(schritt(r, 'Nicht benötigtes Kindergeld')).toBeUndefined();
  });

  it('ein Cent fehlt: k1 bleibt in der BG (teilweise gedeckt) mit 0,01 € Anspruch', () => {
    // 259 + 410,99 = 669,99 → ungedeckt 0,01 €; m 1.045,68; k2 378 → 1.423,69.
    const r = berechne(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhaltsvorschuss', betrag: 410.99 }]));
    expect(r.personen[1]).toMatchObject({ inBedarfsgemeinschaft: true, anspruch: 0.01 });
    expect(r.anspruch).toBe(1423.69);
  });

  it('als außerhalb angegeben, obwohl das Einkommen nicht reicht: Fehler mit Pfad', () => {
    const f = fehlerVon(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhalt', betrag: 300 }], { inBedarfsgemeinschaft: false }));
    expect(f.error).toBe('kind_ausserhalb_bg_ungedeckt');
    expect(f.pfad).toBe('personen[1].inBedarfsgemeinschaft');
    expect(f.message).toContain('559,00 €');
  });

  it('als außerhalb angegeben und gedeckt: dasselbe Ergebnis wie ohne Angabe', () => {
    const ohne = berechne(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhalt', betrag: 500 }]));
    const mit = berechne(familie([{ art: 'kindergeld', betrag: 259 }, { art: 'unterhalt', betrag: 500 }], { inBedarfsgemeinschaft: false }));
    expect(mit).toEqual(ohne);
    expect(mit.personen[1]!.inBedarfsgemeinschaft).toBe(false);
  });
});

describe('Selbständigkeit (§ 3 Bürgergeld-V)', () => {
  // Mai 2026, allein, 45 Jahre; Unterkunft 450 + 50 = 500 €; Bedarf 563 + 500 = 1.063 €.
  it('Gewinn 1.000 €, nach Steuern und Pflichtbeiträgen 850 €: Freibetrag aus dem Gewinn', () => {
    // Freibetrag: 100 + 20 % × 420 (84) + 30 % × 480 (144) = 328; angerechnet 850 − 100 − 228 = 522; Anspruch 1.063 − 522 = 541.
    const r = berechne(selbst({ art: 'selbststaendigkeit', brutto: 1000, netto: 850 }));
    expect(r.einkommen).toBe(522);
    expect(r.anspruch).toBe(541);
    expect(schritt(r, 'Erwerbstätigenfreibetrag für a')?.betrag).toBe(228);
    expect(schritt(r, 'Darin Einkommen aus Selbständigkeit von a')?.norm).toBe('§ 11 Abs. 1 SGB II, § 3 Bürgergeld-V');
  });

  it('die alte Form {betrag} behält ihre Bedeutung (Freibetrag aus dem Betrag)', () => {
    // 850 als brutto und netto: 100 + 84 + 30 % × 330 (99) = 283 → angerechnet 567 → Anspruch 496.
    expect(berechne(selbst({ art: 'selbststaendigkeit', betrag: 850 })).anspruch).toBe(496);
  });

  it('nachgewiesene Absetzungen über 100 € ersetzen den Grundabsetzbetrag', () => {
    // 850 − 150 − 228 = 472 → Anspruch 591.
    expect(berechne(selbst({ art: 'selbststaendigkeit', brutto: 1000, netto: 850, absetzungen: 150 })).anspruch).toBe(591);
  });

  it('Gewinn 0: kein Einkommen', () => {
    expect(berechne(selbst({ art: 'selbststaendigkeit', brutto: 0, netto: 0 })).anspruch).toBe(1063);
  });

  it.each([
    [{ art: 'selbststaendigkeit', brutto: 800, netto: 900 }, 'netto_groesser_brutto', 'personen[0].einkommen[0].netto'],
    [{ art: 'selbststaendigkeit', brutto: 800 }, 'selbststaendigkeit_ungueltig', 'personen[0].einkommen[0].netto'],
    [{ art: 'selbststaendigkeit', betrag: 800, brutto: 800, netto: 700 }, 'selbststaendigkeit_ungueltig', 'personen[0].einkommen[0].betrag'],
    [{ art: 'selbststaendigkeit' }, 'selbststaendigkeit_ungueltig', 'personen[0].einkommen[0].brutto'],
  ])('ungültig: %j → %s', (ek, code, pfad) => {
    expect(fehlerVon(selbst(ek as EinkommenInput))).toMatchObject({ error: code, pfad });
  });
});

describe('§ 11b Abs. 2b: Erwerbseinkommen junger Menschen in Schule, Ausbildung, Studium', () => {
  // März 2025: Mutter 40, Kind 17 in Ausbildung (Stufe 4: 471 €), Unterkunft 600 € → 300 € je Kopf; Kindergeld 255 €.
  // Mutter: 563 + 12 % × 563 (67,56; ein Kind, nicht unter 7) + 300 = 930,56 €.
  it('Ausbildungsvergütung 1.200 € brutto / 950 € netto: Minijob-Grenze 556 € statt 100 €, ohne 20-%-Stufe', () => {
    // 556 + 30 % × 480 (144) + 10 % × 200 (20) = 720 → angerechnet 950 − 720 = 230 €.
    // k: 471 + 300 = 771 − (230 + 255) = 286 ungedeckt; m 930,56 → Anspruch 1.216,56; Sofortzuschlag k 25 €.
    const r = berechne(azubi('ausbildung', { art: 'erwerbstaetigkeit', brutto: 1200, netto: 950 }));
    expect(r.personen[1]).toMatchObject({ einkommen: 485, anspruch: 286 });
    expect(r.anspruch).toBe(1216.56);
    expect(schritt(r, 'Freibetrag für k in Ausbildung unter 25 Jahren')).toMatchObject({ betrag: 556, norm: '§ 11b Abs. 2b SGB II' });
    expect(schritt(r, 'Erwerbstätigenfreibetrag für k ohne die 20-%-Stufe')?.betrag).toBe(164);
  });

  it('ohne Ausbildungsstatus: die allgemeinen Freibeträge (100 + 84 + 144 + 20 = 348 → 602 € angerechnet)', () => {
    const r = berechne(azubi(undefined, { art: 'erwerbstaetigkeit', brutto: 1200, netto: 950 }));
    // k: 602 + 255 = 857 ≥ 771 → außerhalb der BG; Überschuss 86 € Kindergeld an m, − 30 € = 56 €; m 930,56 − 56 = 874,56.
    expect(r.personen[1]!.inBedarfsgemeinschaft).toBe(false);
    expect(r.anspruch).toBe(874.56);
  });

  it('Lesart „nur Minijob-Grenze“: 950 − 556 = 394 € angerechnet', () => {
    const r = berechne(azubi('studium', { art: 'erwerbstaetigkeit', brutto: 1200, netto: 950 }), { auslegung: { jungeErwerbstaetigeStufen: 'nur_minijobgrenze' } });
    expect(r.personen[1]!.einkommen).toBe(394 + 255);
  });

  it('vor dem 1.7.2023 gilt die Sonderregel nicht (Juni 2023: 100 + 180 + 20 = 300 → 650 € angerechnet)', () => {
    // Juni 2023: 100 + 20 % × 900 (bis 1.000 €) + 10 % × 200 = 300 → 950 − 300 = 650 € (k ist 15, ohne Kindergeld im Fall).
    const r = berechne(
      fall('2023-06', [person('m', '1985-01-01', 'antragsteller'), person('k', '2008-01-01', 'kind', { ausbildung: 'ausbildung', einkommen: [{ art: 'erwerbstaetigkeit', brutto: 1200, netto: 950 }] })], {
        leistungsbeginn: '2020-01',
        unterkunft: miete(600),
      }),
    );
    expect(r.personen[1]!.einkommen).toBe(650);
  });

  it('Minijob-Grenze nach Datum: 2026 sind 603 € frei (Schülerin, 600 € brutto = netto → nichts angerechnet)', () => {
    const r = berechne(azubi('schule', { art: 'erwerbstaetigkeit', brutto: 600, netto: 600 }, '2026-03'));
    // 603 ≥ 600; die 30-%-Stufe ab 520 € ergäbe 24 €, der Abzug ist aber auf das Netto begrenzt.
    expect(r.personen[1]!.einkommen).toBe(255);
  });

  it('Ferienjob einer Schülerin unter 25 ist anrechnungsfrei (ab 1.7.2023)', () => {
    // August 2025: 1.000 € brutto / 800 € netto in den Ferien → 0 €; ohne Ferienjob: 556 + 144 = 700 → 100 € angerechnet.
    const mit = berechne(azubi('schule', { art: 'erwerbstaetigkeit', brutto: 1000, netto: 800, ferienjob: true }, '2025-08'));
    const ohne = berechne(azubi('schule', { art: 'erwerbstaetigkeit', brutto: 1000, netto: 800 }, '2025-08'));
    expect(mit.personen[1]!.einkommen).toBe(255);
    expect(ohne.personen[1]!.einkommen).toBe(355);
    expect(schritt(mit, 'Einkommen von k aus einem Ferienjob')).toMatchObject({ betrag: 0, norm: '§ 11a Abs. 7 SGB II' });
  });

  it('Ferienjob ohne Schülerstatus: Fehler mit Pfad', () => {
    expect(fehlerVon(azubi('ausbildung', { art: 'erwerbstaetigkeit', brutto: 1000, netto: 800, ferienjob: true }))).toMatchObject({
      error: 'ferienjob_unzulaessig',
      pfad: 'personen[1].einkommen[0].ferienjob',
    });
  });
});

describe('Einmalige Einnahmen (§ 11 Abs. 3 SGB II)', () => {
  // 2025, allein, 45 Jahre; Unterkunft 400 € → Bedarf 963 €.
  it('600 € Steuererstattung im Mai: ganz im Zuflussmonat (600 − 30 = 570 → Anspruch 393), im Juni nichts', () => {
    const mai = berechne(einmal('2025-05', { bezeichnung: 'Steuererstattung' }));
    expect(mai.anspruch).toBe(393);
    expect(schritt(mai, 'Einmalige Einnahme „Steuererstattung“ von a, zugeflossen am 10.5.2025')).toMatchObject({ betrag: -600, norm: '§ 11 Abs. 3 SGB II' });
    expect(berechne(einmal('2025-06', {})).anspruch).toBe(963);
  });

  it('3.000 € Nachzahlung: ganz angerechnet entfiele der Anspruch → sechs Monate je 500 € (− 30 € → Anspruch 493)', () => {
    for (const m of ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']) expect(berechne(einmal(m, { betrag: 3000 })).anspruch).toBe(493);
    expect(berechne(einmal('2025-11', { betrag: 3000 })).anspruch).toBe(963);
    expect(schritt(berechne(einmal('2025-07', { betrag: 3000 })), 'Einmalige Einnahme von a')?.text).toContain('3. von 6 Monaten');
  });

  it('Grenze: 993 € ließen den Anspruch genau entfallen (993 − 30 = 963) → aufgeteilt; 992 € → ganz', () => {
    expect(berechne(einmal('2025-05', { betrag: 993 })).anspruch).toBe(963 - (165.5 - 30));
    expect(berechne(einmal('2025-05', { betrag: 992 })).anspruch).toBe(1);
  });

  it('Leistung für den Zuflussmonat schon erbracht: ab dem Folgemonat', () => {
    expect(berechne(einmal('2025-05', { leistungBereitsErbracht: true })).anspruch).toBe(963);
    expect(berechne(einmal('2025-06', { leistungBereitsErbracht: true })).anspruch).toBe(393);
  });

  it('Erbschaft ab 1.7.2023 ist Vermögen, kein Einkommen; im Juni 2023 noch Einkommen', () => {
    const r = berechne(einmal('2025-05', { betrag: 3000, erbschaft: true }));
    expect(r.anspruch).toBe(963);
    expect(schritt(r, 'Einmalige Einnahme von a aus einer Erbschaft')?.norm).toBe('§ 11a Abs. 1 Nr. 7, § 12 SGB II');
    // Juni 2023: RB 502 + 400 = 902; 3.000 € ganz → kein Anspruch → 500 € je Monat − 30 = 470 → 432.
    expect(berechne(einmal('2023-06', { betrag: 3000, erbschaft: true, zufluss: '2023-06-15' })).anspruch).toBe(432);
  });

  it('Aufteilung auf den Cent: 1.000,01 € → 5 × 166,67 € und 1 × 166,66 €', () => {
    const ek = { art: 'einmalig' as const, betrag: 1000.01, zufluss: '2025-05-31' };
    const start = anrechnungsmonat(ek);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => einmaligerAnteil(ek, start + i, true, 6))).toEqual([16667, 16667, 16667, 16667, 16667, 16666, 0]);
    expect(einmaligerAnteil(ek, start - 1, true, 6)).toBe(0);
  });

  it('Bewilligung: die Entscheidung des Anrechnungsmonats gilt für alle Monate', () => {
    const monate = ['2025-05', '2025-06', '2025-07'].map((m) => pruefe(einmal(m, { betrag: 3000 })));
    const fest = einmaligeEinnahmenFestlegen(monate);
    for (const i of fest) expect((i.personen[0]!.einkommen![0] as { aufteilen?: boolean }).aufteilen).toBe(true);
    expect(fest.map((i) => berechneValidiert(i).anspruch)).toEqual([493, 493, 493]);
  });

  it('ohne Zuflussdatum oder mit Zufluss nach dem Zeitraum: Fehler mit Pfad', () => {
    const ohne = fall('2025-05', [person('a', '1980-01-01', 'antragsteller', { einkommen: [{ art: 'einmalig', betrag: 600 } as unknown as EinkommenInput] })]);
    expect(fehlerVon(ohne)).toMatchObject({ error: 'schema_ungueltig', pfad: 'personen[0].einkommen[0].zufluss' });
    expect(fehlerVon(einmal('2025-04', {}))).toMatchObject({ error: 'zufluss_nach_zeitraum', pfad: 'personen[0].einkommen[0].zufluss' });
  });
});

describe('Karenzzeit: Verlängerung und Neubeginn (§ 12 Abs. 3, § 22 Abs. 1 SGB II)', () => {
  it.each([
    // [früherer Bezug, leistungsbeginn, Monat, Bezugsmonate der Karenzzeit, in der Karenzzeit]
    [[], '2025-01', '2025-12', 12, true],
    [[], '2025-01', '2026-01', 13, false],
    [[{ von: '2023-01', bis: '2023-06' }], '2025-01', '2025-06', 12, true],
    [[{ von: '2023-01', bis: '2023-06' }], '2025-01', '2025-07', 13, false],
    // 35 Monate ohne Bezug (2023-07 … 2026-05): keine neue Karenzzeit
    [[{ von: '2023-01', bis: '2023-06' }], '2026-06', '2026-12', 13, false],
    // 36 Monate ohne Bezug (2023-07 … 2026-06): neue Karenzzeit ab 2026-07
    [[{ von: '2023-01', bis: '2023-06' }], '2026-07', '2026-12', 6, true],
    // Bezug vor 2023 zählt nicht (§ 65 Abs. 2)
    [[{ von: '2022-01', bis: '2023-03' }], '2024-01', '2024-09', 12, true],
  ])('früher %j, Beginn %s, Monat %s → %i Monate', (frueher, beginn, monat, monate, karenz) => {
    expect(karenzMonateBisher(beginn, monatsindexVon(monat), frueher, monatsindexVon('2023-01'))).toBe(monate);
    expect(inKarenzzeit(beginn, '2023-01-01', 12, monatsindexVon(monat), frueher)).toBe(karenz);
  });

  it('Vermögen 20.000 €: in der Karenzzeit frei (40.000 €), nach früherem Bezug nicht mehr (15.000 €)', () => {
    expect(berechne(vermoegenFall({})).anspruch).toBe(963);
    const r = berechne(vermoegenFall({ fruehererBezug: [{ von: '2023-01', bis: '2023-06' }] }));
    expect(r.anspruch).toBe(0);
    expect(r.ablehnungsgrund).toBe('vermoegen');
  });

  it.each([
    [{ fruehererBezug: [{ von: '2023-05', bis: '2023-01' }], leistungsbeginn: '2025-01' }, 'fruehererBezug[0].bis'],
    [{ fruehererBezug: [{ von: '2024-05', bis: '2025-01' }], leistungsbeginn: '2025-01' }, 'fruehererBezug[0].bis'],
    [{ fruehererBezug: [{ von: '2023-05', bis: '2023-06' }] }, 'leistungsbeginn'],
  ])('ungültig: %j → %s', (extra, pfad) => {
    expect(fehlerVon(fall('2025-07', [person('a', '1980-01-01', 'antragsteller')], extra))).toMatchObject({ error: 'frueherer_bezug_ungueltig', pfad });
  });
});

describe('Gemischte Bedarfsgemeinschaft (Partner nach SGB XII oder mit Altersrente)', () => {
  // März 2026: a 50 (SGB II), b 70 (Altersrente); Unterkunft 700 + 100 + 100 = 900 € → 450 € je Kopf.
  // a: Stufe 2: 506 + 450 = 956 €. b (SGB XII): 506 + 450 = 956 €.
  const paar = (b: Partial<PersonInput>) =>
    fall('2026-03', [person('a', '1976-01-01', 'antragsteller'), person('b', '1956-01-01', 'partner', { sgb12: true, ...b })], {
      leistungsbeginn: '2020-01',
      unterkunft: miete(700, 100, 100),
    });

  it('Rente 1.400 €: 444 € über dem eigenen Bedarf zählen für a → Anspruch 512 €', () => {
    const r = berechne(paar({ einkommen: [{ art: 'rente', betrag: 1400 }] }));
    expect(r.personen[1]).toMatchObject({ inBedarfsgemeinschaft: false, einkommen: 444, anspruch: 0 });
    expect(r.gesamtbedarf).toBe(956);
    expect(r.anspruch).toBe(512);
    expect(schritt(r, 'Einkommen von b über dem eigenen Bedarf')).toMatchObject({ betrag: -444 });
  });

  it('Rente 800 €: deckt den eigenen Bedarf nicht → nichts zählt für a (956 €); Hinweis auf das Sozialamt', () => {
    const r = berechne(paar({ einkommen: [{ art: 'rente', betrag: 800 }] }));
    expect(r.anspruch).toBe(956);
    expect(schritt(r, 'Ungedeckter Bedarf von b nach dem SGB XII: 156,00 €')).toBeDefined();
  });

  it('Erwerbseinkommen 1.500 € netto: Absetzbetrag 30 %, höchstens 50 % der Stufe 1 (281,50 €) → 262,50 € zählen', () => {
    // 1.500 − min(450; 281,50) = 1.218,50 − 956 = 262,50 → a: 956 − 262,50 = 693,50.
    const r = berechne(paar({ einkommen: [{ art: 'erwerbstaetigkeit', brutto: 2000, netto: 1500 }] }));
    expect(r.anspruch).toBe(693.5);
  });

  it('ohne sgb12 (nur außerhalb der BG) zählt das Einkommen wie bisher nicht', () => {
    expect(berechne(paar({ sgb12: undefined, inBedarfsgemeinschaft: false, einkommen: [{ art: 'rente', betrag: 1400 }] })).anspruch).toBe(956);
  });

  it.each([
    [fall('2026-03', [person('a', '1976-01-01', 'antragsteller', { sgb12: true })]), 'personen[0].sgb12'],
    [paar({ inBedarfsgemeinschaft: true }), 'personen[1].sgb12'],
  ])('ungültig → sgb12_unzulaessig (%#)', (input, pfad) => {
    expect(fehlerVon(input)).toMatchObject({ error: 'sgb12_unzulaessig', pfad });
  });
});
