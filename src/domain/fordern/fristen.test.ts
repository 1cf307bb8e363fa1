import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORDERN_AUSLEGUNG } from '../recht/fordern.ts';
import { anhoerungsfristEnde, bekanntgabeAm, feststellungsfristEnde, fristWarnungAm, naechsterWerktag, plusMonateTag, spaetesterVersandAm } from './fristen.ts';

describe('feststellungsfristEnde (§ 31b Abs. 1 S. 5 SGB II)', () => {
  it.each([
    ['2024-03-15', '2024-09-15'],
    ['2023-08-31', '2024-02-29'], // Schaltjahr
    ['2024-08-31', '2025-02-28'],
    ['2025-08-30', '2026-02-28'],
    ['2024-08-29', '2025-02-28'],
    ['2024-08-28', '2025-02-28'],
    ['2024-03-31', '2024-09-30'],
    ['2024-12-31', '2025-06-30'],
    ['2026-07-01', '2027-01-01'],
    ['2022-07-31', '2023-01-31'],
    ['2020-12-15', '2021-06-15'], // vor dem ersten Rechtsstand: keine Ausnahme, gleiche Regel
  ])('%s → %s', (pv, ende) => {
    expect(feststellungsfristEnde(pv)).toBe(ende);
  });

  it('liegt immer 181 bis 184 Tage nach der Pflichtverletzung und im sechsten Folgemonat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2190 }), (d) => {
        const pv = new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const ende = feststellungsfristEnde(pv);
        const tage = (Date.parse(ende) - Date.parse(pv)) / 86_400_000;
        expect(tage).toBeGreaterThanOrEqual(178);
        expect(tage).toBeLessThanOrEqual(184);
        expect(ende.slice(0, 7)).toBe(plusMonateTag(`${pv.slice(0, 7)}-01`, 6).slice(0, 7));
        expect(Number(ende.slice(8))).toBeLessThanOrEqual(Number(pv.slice(8)));
      }),
      { numRuns: 400, seed: 31 },
    );
  });
});

describe('plusMonateTag', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-01-31', -2, '2023-11-30'],
    ['2024-05-10', -12, '2023-05-10'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i Monate → %s', (tag, n, erwartet) => {
    expect(plusMonateTag(tag, n)).toBe(erwartet);
  });
});

describe('bekanntgabeAm (§ 37 Abs. 2 SGB X)', () => {
  it.each([
    ['2024-06-11', '2024-06-14'], // dritter Tag
    ['2024-12-31', '2025-01-03'], // Aufgabe noch 2024: dritter Tag
    ['2025-01-01', '2025-01-05'], // ab 2025 vierter Tag (PostModG), auch an einem Sonntag
    ['2026-08-17', '2026-08-21'],
    ['2026-09-30', '2026-10-04'],
  ])('%s → %s', (versand, bekannt) => {
    expect(bekanntgabeAm(versand)).toBe(bekannt);
  });

  it('spaetesterVersandAm: der Bescheid gilt noch in der Frist als bekannt gegeben', () => {
    expect(spaetesterVersandAm('2026-03-10')).toBe('2026-03-06');
    expect(spaetesterVersandAm('2024-09-15')).toBe('2024-09-12');
    expect(bekanntgabeAm(spaetesterVersandAm('2025-02-28')) <= '2025-02-28').toBe(true);
  });
});

describe('anhoerungsfristEnde', () => {
  it('14 Tage nach der Bekanntgabe, am Wochenende oder Feiertag am nächsten Werktag', () => {
    expect(FORDERN_AUSLEGUNG.anhoerungsfristTage).toBe(14);
    // Mo 17.08.2026 versandt → Bekanntgabe Fr 21.08. → Fr 04.09.2026
    expect(anhoerungsfristEnde('2026-08-17')).toBe('2026-09-04');
    // Di 18.08.2026 → Bekanntgabe Sa 22.08. → Sa 05.09. → Mo 07.09.2026
    expect(anhoerungsfristEnde('2026-08-18')).toBe('2026-09-07');
    // 2024: Mi 11.12.2024 → Bekanntgabe Sa 14.12. → Sa 28.12. → Mo 30.12.2024
    expect(anhoerungsfristEnde('2024-12-11')).toBe('2024-12-30');
    // Di 08.12.2026 → Bekanntgabe Sa 12.12. → Sa 26.12. (2. Weihnachtstag) → Mo 28.12.2026
    expect(anhoerungsfristEnde('2026-12-08')).toBe('2026-12-28');
    // Feiertag: 25./26.12.2026 (Fr/Sa) → Mo 28.12.
    expect(naechsterWerktag('2026-12-25')).toBe('2026-12-28');
    expect(naechsterWerktag('2026-10-03')).toBe('2026-10-05');
  });
});

describe('fristWarnungAm', () => {
  it('28 Tage vor dem Fristende, nicht vor heute', () => {
    expect(FORDERN_AUSLEGUNG.fristWarnungTageVorher).toBe(28);
    expect(fristWarnungAm('2026-03-01', '2025-12-01')).toBe('2026-02-01');
    expect(fristWarnungAm('2024-03-28', '2024-01-01')).toBe('2024-02-29');
    expect(fristWarnungAm('2026-03-01', '2026-02-20')).toBe('2026-02-20');
    expect(fristWarnungAm('2026-03-01', '2026-03-05')).toBe('2026-03-05');
  });
});
