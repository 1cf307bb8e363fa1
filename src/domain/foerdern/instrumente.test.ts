import { describe, expect, it } from 'vitest';
import { INSTRUMENTE, type Instrument } from './typen.ts';
import { INSTRUMENT_TEXT, instrumentVerfuegbar, plusMonate, pruefeHoechstdauer, verfuegbareInstrumente, zaehltAlsMassnahme, zuschussStufen, zuweisungsOptionen } from './instrumente.ts';

describe('Instrumente: Verfügbarkeit nach Datum', () => {
  it.each<[Instrument, string, boolean]>([
    ['sgb3_81_fbw', '2024-12-31', true],
    ['sgb3_81_fbw', '2025-01-01', false],
    ['verweisung_aa_fbw', '2024-12-31', false],
    ['verweisung_aa_fbw', '2025-01-01', true],
    ['verweisung_aa_reha', '2025-01-01', true],
    ['sgb2_16k_coaching', '2023-06-30', false],
    ['sgb2_16k_coaching', '2023-07-01', true],
    ['sgb2_16d_agh', '2026-12-07', true],
  ])('%s am %s: %s', (i, tag, erwartet) => {
    expect(instrumentVerfuegbar(i, tag)).toBe(erwartet);
  });

  it('jedes Instrument hat Bezeichnung und Norm; § 16j gibt es nicht', () => {
    for (const i of INSTRUMENTE) expect(INSTRUMENT_TEXT[i].norm).toMatch(/§/);
    expect(INSTRUMENTE.some((i) => i.includes('16j'))).toBe(false);
    expect(verfuegbareInstrumente('2026-12-07')).not.toContain('sgb3_81_fbw');
  });
});

describe('Maßnahme der aktiven Arbeitsförderung (Kennzahlen-Zuordnung)', () => {
  it.each<[Instrument, string, boolean, string]>([
    ['sgb2_16k_coaching', '2024-02-12', false, '2023-07'],
    ['sgb2_16k_coaching', '2026-12-07', false, '2025-01'],
    ['sgb2_16a_schuldnerberatung', '2026-12-07', false, '2025-01'],
    ['sgb2_16a_suchtberatung', '2022-05-01', false, '2021-01'],
    ['sgb3_44_vermittlungsbudget', '2026-12-07', false, '2025-01'],
    ['sgb2_16d_agh', '2026-12-07', true, '2025-01'],
    ['sgb3_45_mat', '2023-08-01', true, '2023-07'],
    ['sgb2_16i_teilhabe', '2026-12-07', true, '2025-01'],
    ['verweisung_aa_fbw', '2025-03-01', true, '2025-01'],
  ])('%s ab %s zählt %s (Version %s)', (i, tag, zaehlt, version) => {
    expect(zaehltAlsMassnahme(i, tag)).toEqual({ zaehlt, version });
  });
});

const fall = (instrument: Instrument, von: string, bis: string, frueher: { von: string; bis: string }[] = [], extra: { begruendung?: string; schwerwiegendeHemmnisse?: boolean } = {}) =>
  pruefeHoechstdauer({ instrument, geplant: { von, bis }, frueher, ...extra });

describe('Höchstdauer bei der Zuweisung', () => {
  it('plusMonate kappt am Monatsende', () => {
    expect(plusMonate('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonate('2026-11-15', 24)).toBe('2028-11-15');
    expect(plusMonate('2027-12-01', 1)).toBe('2028-01-01');
  });

  it.each<[string, ReturnType<typeof fall>['ok'], ReturnType<typeof fall>]>([
    ['§ 16d genau 24 Monate', true, fall('sgb2_16d_agh', '2027-03-01', '2029-02-28')],
    ['§ 16d 24 Monate und 1 Tag ohne Begründung → Feld Begründung', false, fall('sgb2_16d_agh', '2027-03-01', '2029-03-01')],
    ['§ 16d 30 Monate mit Begründung', true, fall('sgb2_16d_agh', '2027-01-01', '2029-06-30', [], { begruendung: 'Prüfung am 1.12.2028: weiter erforderlich' })],
    ['§ 16d 37 Monate auch mit Begründung nicht', false, fall('sgb2_16d_agh', '2027-01-01', '2030-01-31', [], { begruendung: 'x' })],
    ['§ 16d frühere 12 Monate im Rahmen zählen mit', false, fall('sgb2_16d_agh', '2026-01-01', '2027-01-01', [{ von: '2024-01-01', bis: '2024-12-31' }])],
    ['§ 16d frühere Teilnahme außerhalb der 5 Jahre zählt nicht', true, fall('sgb2_16d_agh', '2027-01-01', '2028-12-31', [{ von: '2020-01-01', bis: '2021-12-31' }])],
    ['§ 16i 5 Jahre', true, fall('sgb2_16i_teilhabe', '2026-01-01', '2030-12-31')],
    ['§ 16i über 5 Jahre insgesamt', false, fall('sgb2_16i_teilhabe', '2026-01-01', '2030-01-31', [{ von: '2022-01-01', bis: '2022-12-31' }])],
    ['§ 16e 24 Monate', true, fall('sgb2_16e_lza', '2026-02-01', '2028-01-31')],
    ['§ 16e 25 Monate', false, fall('sgb2_16e_lza', '2026-02-01', '2028-02-29')],
    ['§ 16b 24 Monate', true, fall('sgb2_16b_einstiegsgeld', '2026-02-01', '2028-01-31')],
    ['§ 45 MAG 6 Wochen', true, fall('sgb3_45_mag', '2026-12-07', '2027-01-17')],
    ['§ 45 MAG 7 Wochen', false, fall('sgb3_45_mag', '2026-12-07', '2027-01-24')],
    ['§ 45 MAG 12 Wochen bei schwerwiegenden Hemmnissen', true, fall('sgb3_45_mag', '2026-12-07', '2027-02-28', [], { schwerwiegendeHemmnisse: true })],
    ['§ 45 MAT ohne Höchstdauer', true, fall('sgb3_45_mat', '2026-12-07', '2029-12-31')],
  ])('%s', (_name, ok, r) => {
    expect(r.ok).toBe(ok);
  });

  it('nennt Feld, Code und spätestes Ende', () => {
    const r = fall('sgb2_16d_agh', '2027-03-01', '2029-03-01');
    expect(r).toMatchObject({ ok: false, feld: 'begruendung', code: 'hoechstdauer_ueberschritten', spaetestesEnde: '2029-02-28' });
    const r2 = fall('sgb2_16d_agh', '2027-01-01', '2030-01-31', [], { begruendung: 'x' });
    expect(r2).toMatchObject({ ok: false, feld: 'geplantBis', spaetestesEnde: '2029-12-31' });
    expect(!r2.ok && r2.meldung).toContain('31.12.2029');
  });

  it('Zuschussstufen § 16i 100/100/90/80/70 und § 16e 75/50', () => {
    expect(zuschussStufen('sgb2_16i_teilhabe', { von: '2026-01-01', bis: '2030-12-31' }).map((s) => s.prozent)).toEqual([100, 100, 90, 80, 70]);
    expect(zuschussStufen('sgb2_16e_lza', { von: '2026-02-01', bis: '2028-01-31' })).toEqual([
      { von: '2026-02-01', bis: '2027-01-31', prozent: 75 },
      { von: '2027-02-01', bis: '2028-01-31', prozent: 50 },
    ]);
    expect(zuschussStufen('sgb3_45_mat', { von: '2026-02-01', bis: '2028-01-31' })).toEqual([]);
  });
});

describe('Zuweisung: welche Zusatzangaben zum Instrument passen', () => {
  it('§ 45 beim Arbeitgeber: Hemmnisse; § 16d: Verlängerung; § 16a/§ 16k: keine Rechtsfolgenbelehrung', () => {
    expect(zuweisungsOptionen('sgb3_45_mag', '2027-01-04')).toEqual({ hemmnisse: true, verlaengerung: false, rechtsfolgenbelehrung: true });
    expect(zuweisungsOptionen('sgb2_16d_agh', '2027-01-04')).toEqual({ hemmnisse: false, verlaengerung: true, rechtsfolgenbelehrung: true });
    expect(zuweisungsOptionen('sgb3_45_mat', '2027-01-04')).toEqual({ hemmnisse: false, verlaengerung: false, rechtsfolgenbelehrung: true });
    expect(zuweisungsOptionen('sgb2_16a_schuldnerberatung', '2027-01-04').rechtsfolgenbelehrung).toBe(false);
    expect(zuweisungsOptionen('sgb2_16k_coaching', '2027-01-04').rechtsfolgenbelehrung).toBe(false);
  });
});
