import { describe, expect, it } from 'vitest';
import {
  ALLE_TABELLEN,
  AUSLEGUNG,
  ERWERBSFREIBETRAG,
  RECHT_BIS,
  REGELBEDARFE,
  RechtsstandFehler,
  gueltigAm,
  parameterAm,
  vermoegensregelFuer,
} from './index.ts';

describe('Parameter nach Gültigkeitsdatum', () => {
  it('Regelbedarf Stufe 1 an den Jahresgrenzen', () => {
    expect(parameterAm('2021-12-31').regelbedarf.wert[1]).toBe(44600);
    expect(parameterAm('2022-01-01').regelbedarf.wert[1]).toBe(44900);
    expect(parameterAm('2022-12-31').regelbedarf.wert[1]).toBe(44900);
    expect(parameterAm('2023-01-01').regelbedarf.wert[1]).toBe(50200);
    expect(parameterAm('2024-01-01').regelbedarf.wert[6]).toBe(35700);
    expect(parameterAm('2026-12-31').regelbedarf.wert[2]).toBe(50600);
  });
  it('Freibetragsstufen wechseln am 1.7.2023', () => {
    expect(parameterAm('2023-06-30').erwerbsfreibetrag.wert.stufen).toHaveLength(2);
    expect(parameterAm('2023-07-01').erwerbsfreibetrag.wert.stufen).toHaveLength(3);
    expect(gueltigAm(ERWERBSFREIBETRAG, '2023-07-01', 'x').gueltigAb).toBe('2023-07-01');
  });
  it('Sofortzuschlag: 0 bis 30.6.2022, 20 € ab 1.7.2022, 25 € ab 1.1.2025', () => {
    expect(parameterAm('2022-06-30').sofortzuschlag.wert).toBe(0);
    expect(parameterAm('2022-07-01').sofortzuschlag.wert).toBe(2000);
    expect(parameterAm('2024-12-31').sofortzuschlag.wert).toBe(2000);
    expect(parameterAm('2025-01-01').sofortzuschlag.wert).toBe(2500);
  });
  it('Minderungsregeln an ihren Grenzen', () => {
    expect(parameterAm('2022-06-30').minderung.wert.hoechstProzent).toBe(30);
    expect(parameterAm('2022-07-01').minderung.wert.hoechstProzent).toBe(10);
    expect(parameterAm('2023-01-01').minderung.wert.hoechstProzent).toBe(30);
    expect(parameterAm('2024-03-27').minderung.wert.vollerWegfall).toBe(false);
    expect(parameterAm('2024-03-28').minderung.wert.vollerWegfall).toBe(true);
    expect(parameterAm('2026-03-27').minderung.wert.vollerWegfall).toBe(true);
    expect(parameterAm('2026-03-28').minderung.wert.vollerWegfall).toBe(false);
    expect(parameterAm('2026-07-01').minderung.wert).toEqual({ hoechstProzent: 30, vollerWegfall: true, mindestanspruchCent: 100 });
  });
  it('Name der Leistung', () => {
    expect(parameterAm('2022-12-31').leistungsname.wert.erwerbsfaehig).toBe('Arbeitslosengeld II');
    expect(parameterAm('2023-01-01').leistungsname.wert.erwerbsfaehig).toBe('Bürgergeld');
    expect(parameterAm(AUSLEGUNG.grundsicherungsgeldAb).leistungsname.wert.erwerbsfaehig).toBe('Grundsicherungsgeld');
  });
  it('Kosten der Unterkunft: Karenzzeit ab 2023, 1,5-fache Obergrenze ab dem gewählten Datum', () => {
    expect(parameterAm('2022-12-31').unterkunft.wert.karenzMonate).toBe(0);
    expect(parameterAm('2023-01-01').unterkunft.wert.karenzMonate).toBe(12);
    expect(parameterAm('2026-06-30').unterkunft.wert.karenzObergrenzeFaktor).toBeNull();
    expect(parameterAm(AUSLEGUNG.kduReform2026Ab).unterkunft.wert.karenzObergrenzeFaktor).toBe(15000);
  });
  it('Vermögen: nach BWZ-Beginn (§ 65a Abs. 1) und § 67', () => {
    expect(vermoegensregelFuer('2026-08-01', '2026-07-01')).toMatchObject({ art: 'regel', regel: { wert: { art: 'altersgestaffelt' } } });
    expect(vermoegensregelFuer('2026-08-01', '2026-06-01')).toMatchObject({ art: 'regel', regel: { wert: { art: 'karenzzeit' } } });
    expect(vermoegensregelFuer('2022-12-01', '2022-12-01')).toMatchObject({ art: 'regel', regel: { wert: { art: 'grundfreibetrag' } } });
    expect(vermoegensregelFuer('2022-03-01', '2022-03-01').art).toBe('vereinfacht');
    expect(vermoegensregelFuer('2022-08-01', '2022-03-01').art).toBe('vereinfacht');
    expect(vermoegensregelFuer('2022-09-01', '2022-03-01').art).toBe('regel');
    expect(vermoegensregelFuer('2022-04-01', '2022-04-01').art).toBe('regel');
  });
  it('vor 2021 gibt es keinen Rechtsstand; nach RECHT_BIS wird fortgeschrieben', () => {
    expect(() => parameterAm('2020-12-31')).toThrow(RechtsstandFehler);
    expect(parameterAm('2027-01-01')).toMatchObject({ fortgeschrieben: RECHT_BIS, regelbedarf: parameterAm(RECHT_BIS).regelbedarf });
  });
  it('kein Eintrag beginnt nach dem letzten bekannten Tag (sonst wäre RECHT_BIS anzuheben)', () => {
    for (const t of ALLE_TABELLEN) {
      for (const e of t.eintraege) expect({ tabelle: t.name, ab: e.gueltigAb <= RECHT_BIS }).toEqual({ tabelle: t.name, ab: true });
    }
    // the Regelbedarfe, the values that change every year, are entered up to RECHT_BIS
    expect(REGELBEDARFE.some((e) => e.gueltigBis === RECHT_BIS || (e.gueltigBis === undefined && e.gueltigAb <= RECHT_BIS))).toBe(true);
  });
  it('Besitzschutz (§ 28a Abs. 5 SGB XII): keine Regelbedarfsstufe sinkt von einem Jahr zum nächsten', () => {
    const sortiert = [...REGELBEDARFE].sort((a, b) => a.gueltigAb.localeCompare(b.gueltigAb));
    expect(sortiert.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < sortiert.length; i++) {
      const vorher = sortiert[i - 1]!;
      const jetzt = sortiert[i]!;
      for (const stufe of [1, 2, 3, 4, 5, 6] as const) {
        expect({ ab: jetzt.gueltigAb, stufe, nichtGesunken: jetzt.wert[stufe] >= vorher.wert[stufe] }).toEqual({ ab: jetzt.gueltigAb, stufe, nichtGesunken: true });
      }
    }
    // the carried-forward months keep the last amounts, so they cannot fall either
    expect(parameterAm('2027-06-01').regelbedarf.wert).toEqual(parameterAm(RECHT_BIS).regelbedarf.wert);
    // 2025 and 2026: Nullrunde, the 2024 amounts stay (RBSFV 2025 and 2026)
    expect(parameterAm('2026-12-31').regelbedarf.wert).toEqual(parameterAm('2024-01-01').regelbedarf.wert);
  });
  it('jeder Eintrag hat Norm und Quelle, Zeiträume überlappen nicht', () => {
    for (const t of ALLE_TABELLEN) {
      const sortiert = [...t.eintraege].sort((a, b) => a.gueltigAb.localeCompare(b.gueltigAb));
      for (const [i, e] of sortiert.entries()) {
        expect({ tabelle: t.name, norm: e.norm }).toEqual({ tabelle: t.name, norm: expect.stringMatching(/§/) });
        expect(e.quelle.length).toBeGreaterThan(5);
        const naechster = sortiert[i + 1];
        const ueberlappt = naechster !== undefined && e.gueltigBis !== undefined && e.gueltigBis >= naechster.gueltigAb;
        expect({ tabelle: t.name, ab: e.gueltigAb, ueberlappt }).toEqual({ tabelle: t.name, ab: e.gueltigAb, ueberlappt: false });
      }
    }
  });
});
