import { describe, expect, it } from 'vitest';
import { INSTRUMENTE } from '../foerdern/typen.ts';
import { BUNDESBETEILIGUNG_KDU } from '../recht/statistik.ts';
import {
  altersgruppe,
  BUNDESLAENDER,
  bundesbeteiligung,
  datenstand,
  elbIntervall,
  istAktivierungsmassnahme,
  istLzb,
  lzbFenster,
  personengruppe,
  staatsangehoerigkeitGruppe,
  statistikArbeitsmarktstatus,
  stichtagVon,
  teileLuh,
} from './merkmale.ts';

describe('stichtagVon und datenstand', () => {
  it.each([
    ['2024-02', null, '2024-02-29'],
    ['2023-02', null, '2023-02-28'],
    ['2024-11', 15, '2024-11-15'],
    ['2024-02', 31, '2024-02-29'],
    ['2024-04', 31, '2024-04-30'],
    ['2024-01', 1, '2024-01-01'],
  ] as const)('%s mit Tag %s → %s', (monat, tag, erwartet) => {
    expect(stichtagVon(monat, tag)).toBe(erwartet);
  });

  it.each([
    // Stichtag 31.1. + 3 Monate = 30.4.: vorläufig bis einschließlich 30.4., endgültig ab 1.5.
    ['2024-01', null, '2024-04-30', 'vorlaeufig'],
    ['2024-01', null, '2024-05-01', 'endgueltig'],
    ['2024-01', null, '2024-01-31', 'vorlaeufig'],
    // Stichtag 15.11. + 3 Monate = 15.2.
    ['2024-11', 15, '2025-02-15', 'vorlaeufig'],
    ['2024-11', 15, '2025-02-16', 'endgueltig'],
    // 30.11. + 3 = 28.2. (clipped)
    ['2024-11', null, '2025-02-28', 'vorlaeufig'],
    ['2024-11', null, '2025-03-01', 'endgueltig'],
  ] as const)('%s (Tag %s) am %s: %s', (monat, tag, heute, erwartet) => {
    expect(datenstand(monat, tag, heute)).toBe(erwartet);
  });
});

describe('altersgruppe', () => {
  it.each([
    ['2010-06-30', '2025-06-29', 'u15'],
    ['2010-06-30', '2025-06-30', 'u25'],
    ['2000-07-01', '2025-06-30', 'u25'],
    ['2000-06-30', '2025-06-30', '25_49'],
    ['1975-07-01', '2025-06-30', '25_49'],
    ['1975-06-30', '2025-06-30', 'ue50'],
  ] as const)('geboren %s am %s: %s', (geburt, stichtag, erwartet) => {
    expect(altersgruppe(geburt, stichtag)).toBe(erwartet);
  });
});

describe('staatsangehoerigkeitGruppe', () => {
  it.each([
    ['DE', '2024-01-31', 'deutsch'],
    ['de', '2024-01-31', 'deutsch'],
    ['PL', '2024-01-31', 'eu'],
    ['PL', '2004-04-30', 'drittstaat'],
    ['PL', '2004-05-01', 'eu'],
    ['HR', '2013-06-30', 'drittstaat'],
    ['HR', '2013-07-01', 'eu'],
    ['GB', '2020-01-31', 'eu'],
    ['GB', '2020-02-01', 'drittstaat'],
    ['UK', '2019-12-31', 'eu'],
    ['GR', '2024-01-31', 'eu'],
    ['EL', '2024-01-31', 'eu'],
    ['TR', '2024-01-31', 'drittstaat'],
    ['SY', '2024-01-31', 'drittstaat'],
    ['CH', '2024-01-31', 'drittstaat'],
    ['XX', '2024-01-31', 'unbekannt'],
    ['', '2024-01-31', 'unbekannt'],
    ['DEU', '2024-01-31', 'unbekannt'],
  ] as const)('%s am %s: %s', (code, stichtag, erwartet) => {
    expect(staatsangehoerigkeitGruppe(code, stichtag)).toBe(erwartet);
  });
});

describe('elbIntervall', () => {
  const basis = { monat: '2024-03', mitgliedVon: '2020-01-01', mitgliedBis: null, geburtsdatum: '1980-05-10', erwerbsfaehig: null, anspruchCent: 50_000 };

  it('ganzer Monat für ein Mitglied mit Anspruch', () => {
    expect(elbIntervall(basis)).toEqual({ von: '2024-03-01', bis: '2024-03-31' });
  });
  it('Mitgliedschaft beginnt und endet im Monat', () => {
    expect(elbIntervall({ ...basis, mitgliedVon: '2024-03-10', mitgliedBis: '2024-03-20' })).toEqual({ von: '2024-03-10', bis: '2024-03-20' });
  });
  it('15. Geburtstag im Monat: eLb ab dem Geburtstag', () => {
    expect(elbIntervall({ ...basis, geburtsdatum: '2009-03-17' })).toEqual({ von: '2024-03-17', bis: '2024-03-31' });
  });
  it('unter 15, erwerbsunfähig, ohne Anspruch oder außerhalb der Mitgliedschaft: null', () => {
    expect(elbIntervall({ ...basis, geburtsdatum: '2009-04-01' })).toBeNull();
    expect(elbIntervall({ ...basis, erwerbsfaehig: false })).toBeNull();
    expect(elbIntervall({ ...basis, anspruchCent: 0 })).toBeNull();
    expect(elbIntervall({ ...basis, mitgliedBis: '2024-02-29' })).toBeNull();
    expect(elbIntervall({ ...basis, mitgliedVon: '2024-04-01' })).toBeNull();
  });
  it('§ 7a-Altersgrenze: Jahrgang 1958 erreicht sie mit 66 Jahren (65 + 12 Monate) am Ende des Monats', () => {
    // geboren 10.5.1958: 65 Jahre + 12 Monate → Mai 2024; eLb bis 31.5.2024, ab Juni nicht mehr
    const p = { ...basis, geburtsdatum: '1958-05-10' };
    expect(elbIntervall({ ...p, monat: '2024-05' })).toEqual({ von: '2024-05-01', bis: '2024-05-31' });
    expect(elbIntervall({ ...p, monat: '2024-06' })).toBeNull();
  });
});

describe('personengruppe', () => {
  const basis = { stichtag: '2024-03-31', geburtsdatum: '1980-05-10', erwerbsfaehig: null, anspruchCent: 50_000, sofortzuschlagCent: 0 };
  it.each([
    [{}, 'elb'],
    [{ erwerbsfaehig: true }, 'elb'],
    [{ erwerbsfaehig: false }, 'nef'],
    [{ geburtsdatum: '2012-01-01', sofortzuschlagCent: 2000 }, 'nef'],
    [{ geburtsdatum: '2009-03-31' }, 'elb'],
    [{ geburtsdatum: '2009-04-01' }, 'nef'],
    [{ geburtsdatum: '1955-01-01' }, 'nef'],
    [{ anspruchCent: 0 }, 'nicht_leistungsberechtigt'],
    // Kind ohne Leistungsanspruch, das nur den Sofortzuschlag erhält (§ 72 Abs. 1 S. 2)
    [{ geburtsdatum: '2015-01-01', anspruchCent: 0, sofortzuschlagCent: 2000 }, 'nicht_leistungsberechtigt'],
  ] as const)('%o → %s', (aenderung, erwartet) => {
    expect(personengruppe({ ...basis, ...aenderung })).toBe(erwartet);
  });
});

describe('statistikArbeitsmarktstatus', () => {
  const o = { status: null, grund: null, inMassnahme: false, svBeschaeftigt: false } as const;
  it.each([
    [{ status: 'arbeitslos' }, 'arbeitslos'],
    [{ status: 'arbeitslos', inMassnahme: true }, 'massnahme'],
    [{ status: 'arbeitslos', svBeschaeftigt: true }, 'erwerbstaetig'],
    [{ status: 'arbeitsuchend', grund: 'massnahme' }, 'massnahme'],
    [{ status: 'arbeitsuchend', grund: 'erwerbstaetigkeit' }, 'erwerbstaetig'],
    [{ status: 'arbeitsuchend', grund: 'arbeitsunfaehigkeit' }, 'nicht_verfuegbar'],
    [{ status: 'arbeitsuchend', grund: 'sonstiges' }, 'arbeitsuchend'],
    [{ status: 'nicht_arbeitsuchend', grund: 'kind_unter_3' }, 'nicht_verfuegbar'],
    [{ status: 'nicht_arbeitsuchend', grund: 'pflege' }, 'nicht_verfuegbar'],
    // fallback without a recorded status: what the Fallakte knows
    [{}, 'arbeitsuchend'],
    [{ inMassnahme: true }, 'massnahme'],
    [{ svBeschaeftigt: true }, 'erwerbstaetig'],
    [{ inMassnahme: true, svBeschaeftigt: true }, 'massnahme'],
  ] as const)('%o → %s', (aenderung, erwartet) => {
    expect(statistikArbeitsmarktstatus({ ...o, ...aenderung })).toBe(erwartet);
  });
});

describe('istAktivierungsmassnahme (K3E2, § 2 Abs. 2 Nr. 1 KennzV)', () => {
  it('zählt §§ 16 (SGB III-Maßnahmen), 16d, 16f, 16i', () => {
    const zaehlt = INSTRUMENTE.filter((i) => istAktivierungsmassnahme(i, '2024-06-30'));
    expect(zaehlt).toEqual(['sgb3_45_mat', 'sgb3_45_mag', 'sgb3_45_mpav', 'sgb3_81_fbw', 'sgb2_16d_agh', 'sgb2_16f_freie_foerderung', 'sgb2_16i_teilhabe']);
  });
  it('nicht: Vermittlungsbudget, Beschäftigung begleitende Leistungen (EGZ, § 16b, § 16e), § 16a, § 16k', () => {
    for (const i of ['sgb3_44_vermittlungsbudget', 'sgb3_88_egz', 'sgb2_16b_einstiegsgeld', 'sgb2_16e_lza', 'sgb2_16a_schuldnerberatung', 'sgb2_16k_coaching'] as const) {
      expect(istAktivierungsmassnahme(i), i).toBe(false);
    }
  });
  it('vor der geltenden Fassung: die erste Fassung', () => {
    expect(istAktivierungsmassnahme('sgb2_16d_agh', '2018-01-31')).toBe(true);
  });
});

describe('LZB', () => {
  it('Fenster: 730 Tage bis zum Stichtag, beide Enden eingeschlossen', () => {
    // 2024 is a leap year: 730 days back from 31.12.2024 start on 2.1.2023
    expect(lzbFenster('2024-12-31')).toEqual({ von: '2023-01-02', bis: '2024-12-31' });
    expect(lzbFenster('2025-03-31')).toEqual({ von: '2023-04-02', bis: '2025-03-31' });
    expect(lzbFenster('2023-12-31')).toEqual({ von: '2022-01-01', bis: '2023-12-31' });
  });
  it('ab dem 638. Tag', () => {
    expect(istLzb(637, '2024-12-31')).toBe(false);
    expect(istLzb(638, '2024-12-31')).toBe(true);
    expect(istLzb(730, '2024-12-31')).toBe(true);
  });
});

describe('teileLuh (Bundesbeteiligung § 46 Abs. 5 SGB II)', () => {
  it('NW 2024: 71,3 % (BBFestV 2024), Bund kaufmännisch gerundet, Rest kommunal', () => {
    // 100.000 × 7130 / 10.000 = 71.300
    expect(teileLuh(100_000, 'NW', '2024-06')).toEqual({ bundCent: 71_300, kommunalCent: 28_700, basispunkte: 7130 });
    // 12.345 × 0,713 = 8.801,985 → 8.802
    expect(teileLuh(12_345, 'NW', '2024-06')).toEqual({ bundCent: 8_802, kommunalCent: 3_543, basispunkte: 7130 });
  });
  it('genau ein halber Cent wird aufgerundet', () => {
    // 50 × 7130 / 10.000 = 35,65 → 36
    expect(teileLuh(50, 'NW', '2024-01').bundCent).toBe(36);
    // BW 2025 72,5 %: 20 × 0,725 = 14,5 → 15; 2 × 0,725 = 1,45 → 1
    expect(teileLuh(20, 'BW', '2025-01').bundCent).toBe(15);
    expect(teileLuh(2, 'BW', '2025-01').bundCent).toBe(1);
  });
  it('Jahre 2020–2026 für NW hinterlegt (Anpassungen der BBFestV), 2026 als vorläufig markiert', () => {
    const nw = ['2020', '2021', '2022', '2023', '2024', '2025', '2026'].map((j) => bundesbeteiligung('NW', `${j}-07`)?.basispunkte);
    expect(nw).toEqual([7110, 6940, 6840, 7040, 7130, 7210, 7210]);
    expect(bundesbeteiligung('NW', '2026-01')?.unsicher).toMatch(/vorläufig/);
    expect(bundesbeteiligung('NW', '2025-12')?.unsicher).toBeUndefined();
  });
  it('jeder Jahrgang hat alle 16 Länder', () => {
    for (const e of BUNDESBETEILIGUNG_KDU) expect(Object.keys(e.wert.laender).sort(), e.gueltigAb).toEqual(BUNDESLAENDER.map((l) => l.code).sort());
  });
  it('ohne Land oder ohne hinterlegten Wert: alles kommunal, basispunkte null', () => {
    expect(teileLuh(100_000, null, '2024-06')).toEqual({ bundCent: 0, kommunalCent: 100_000, basispunkte: null });
    expect(teileLuh(100_000, 'NW', '2019-12')).toEqual({ bundCent: 0, kommunalCent: 100_000, basispunkte: null });
    expect(teileLuh(100_000, 'NW', '2027-01')).toEqual({ bundCent: 0, kommunalCent: 100_000, basispunkte: null });
  });
  it('negative Korrekturen werden symmetrisch geteilt; Summe stimmt immer', () => {
    expect(teileLuh(-12_345, 'NW', '2024-06')).toEqual({ bundCent: -8_802, kommunalCent: -3_543, basispunkte: 7130 });
    expect(teileLuh(0, 'NW', '2024-06')).toEqual({ bundCent: 0, kommunalCent: 0, basispunkte: 7130 });
    for (let luh = 0; luh < 3000; luh += 7) {
      const t = teileLuh(luh, 'HH', '2023-05');
      expect(t.bundCent + t.kommunalCent).toBe(luh);
      expect(Math.abs(t.bundCent - (luh * 7250) / 10_000)).toBeLessThanOrEqual(0.5);
    }
  });
});
