import { describe, expect, it } from 'vitest';
import { minijobGrenzeAm } from '../recht/foerdern-integration.ts';
import {
  einkommenAb,
  gezaehlteIntegrationen,
  mitgliedschaftAm,
  nachhaltigkeitFaelligAm,
  plusMonate,
  pruefeEnde,
  pruefeIntegration,
  zaehltAlsIntegration,
  zaehlung,
  type IntegrationEingabe,
  type Mitgliedszeit,
} from './integration.ts';
import { INTEGRATIONSARTEN, type Integrationsart } from './typen.ts';

describe('Was als Integration zählt (§ 5 VO zu § 48a SGB II)', () => {
  it.each<[Integrationsart, boolean]>([
    ['svb_vollzeit', true],
    ['svb_teilzeit', true],
    ['ausbildung', true],
    ['selbststaendigkeit', true],
    // beschäftigungsbegleitend gefördert: counts (the issue lists it as öffentlich gefördert; the BA counts it)
    ['gefoerdert_16e', true],
    ['minijob', false],
    ['gefoerdert_16d', false],
    ['gefoerdert_16i', false],
  ])('%s → %s', (art, zaehlt) => {
    expect(zaehltAlsIntegration(art)).toBe(zaehlt);
  });

  it('jede Art hat eine Zählart', () => {
    for (const art of INTEGRATIONSARTEN) expect(typeof zaehltAlsIntegration(art)).toBe('boolean');
  });

  it('höchstens eine Integration je Person und Monat; Minijob zählt nie', () => {
    const liste = [
      { id: 'a', personId: 'p1', art: 'svb_teilzeit' as const, beginn: '2027-02-15' },
      { id: 'b', personId: 'p1', art: 'svb_vollzeit' as const, beginn: '2027-02-01' },
      { id: 'c', personId: 'p1', art: 'ausbildung' as const, beginn: '2027-03-01' },
      { id: 'd', personId: 'p2', art: 'svb_vollzeit' as const, beginn: '2027-02-20' },
      { id: 'e', personId: 'p2', art: 'minijob' as const, beginn: '2027-02-01' },
    ];
    const gezaehlt = gezaehlteIntegrationen(liste);
    expect([...gezaehlt].toSorted()).toEqual(['b', 'c', 'd']);
    expect(zaehlung(liste[0]!, gezaehlt)).toMatchObject({ zaehlart: 'integration', gezaehlt: false });
    expect(zaehlung(liste[4]!, gezaehlt)).toMatchObject({ zaehlart: 'minijob', gezaehlt: false });
  });
});

describe('Nachhaltigkeit: Wiedervorlage nach sechs Monaten', () => {
  it.each([
    ['2027-01-15', '2027-07-15'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-12-01', '2027-06-01'],
  ])('%s → %s', (beginn, faellig) => {
    expect(nachhaltigkeitFaelligAm(beginn)).toBe(faellig);
  });
  it('plusMonate über den Jahreswechsel', () => {
    expect(plusMonate('2026-11-30', 3)).toBe('2027-02-28');
    expect(plusMonate('2027-01-31', -2)).toBe('2026-11-30');
  });
  it('das Einkommen wird ab dem Beginnmonat vorgeschlagen', () => {
    expect(einkommenAb('2027-02-15')).toBe('2027-02-01');
  });
});

describe('Prüfung einer Beschäftigungsaufnahme', () => {
  const mitgliedschaften: Mitgliedszeit[] = [{ bgId: 'bg', gueltigVon: '2025-03-01', gueltigBis: null }];
  const kontext: { mitgliedschaften: Mitgliedszeit[]; heute: string } = { mitgliedschaften, heute: '2026-12-07' };
  const gut: IntegrationEingabe = { art: 'svb_teilzeit', beginn: '2027-01-01', wochenstunden: 25, erwartetesBruttoCent: 180_000, erwartetesNettoCent: 140_000 };
  const codes = (e: Partial<IntegrationEingabe>, k = kontext) => pruefeIntegration({ ...gut, ...e }, k).map((h) => `${h.feld}:${h.code}`);

  it.each<[string, Partial<IntegrationEingabe>, string[]]>([
    ['gültig', {}, []],
    ['Beginn vor der Zugehörigkeit zur BG', { beginn: '2025-02-28' }, ['beginn:beginn_ausserhalb_bg']],
    ['Beginn am ersten Tag der BG', { beginn: '2025-03-01' }, []],
    ['Beginn mehr als ein Jahr voraus', { beginn: '2028-01-01' }, ['beginn:beginn_zu_spaet']],
    ['0 Stunden', { wochenstunden: 0 }, ['wochenstunden:wochenstunden_ungueltig']],
    ['mehr als 60 Stunden', { wochenstunden: 60.5 }, ['wochenstunden:wochenstunden_ungueltig']],
    ['60 Stunden', { wochenstunden: 60 }, []],
    ['Minijob mit 16 Stunden', { art: 'minijob', wochenstunden: 16, erwartetesBruttoCent: 50_000, erwartetesNettoCent: 50_000 }, ['wochenstunden:minijob_stunden']],
    ['Minijob mit 15 Stunden', { art: 'minijob', wochenstunden: 15, erwartetesBruttoCent: 50_000, erwartetesNettoCent: 50_000 }, []],
    ['Minijob über der Grenze (2026 fortgeschrieben)', { art: 'minijob', wochenstunden: 10, erwartetesBruttoCent: 60_400, erwartetesNettoCent: 60_400 }, ['erwartetesBruttoCent:minijob_entgelt']],
    ['Minijob an der Grenze', { art: 'minijob', wochenstunden: 10, erwartetesBruttoCent: 60_300, erwartetesNettoCent: 60_300 }, []],
    ['Minijob ohne Betrag', { art: 'minijob', wochenstunden: 10, erwartetesBruttoCent: null, erwartetesNettoCent: null }, []],
    ['Netto über Brutto', { erwartetesNettoCent: 190_000 }, ['erwartetesNettoCent:netto_ueber_brutto']],
  ])('%s', (_, e, erwartet) => {
    expect(codes(e)).toEqual(erwartet);
  });

  it('Beginn nach dem Ende der Zugehörigkeit', () => {
    const beendet = { mitgliedschaften: [{ bgId: 'bg', gueltigVon: '2025-03-01', gueltigBis: '2026-10-31' }], heute: '2026-12-07' };
    expect(codes({ beginn: '2026-11-01' }, beendet)).toEqual(['beginn:beginn_ausserhalb_bg']);
    expect(mitgliedschaftAm(beendet.mitgliedschaften, '2026-10-31')?.bgId).toBe('bg');
  });

  it('die Minijob-Grenze folgt dem Datum (§ 8 Abs. 1a SGB IV)', () => {
    expect(minijobGrenzeAm('2022-09-30').wert).toBe(45_000);
    expect(minijobGrenzeAm('2024-06-01').wert).toBe(53_800);
    expect(minijobGrenzeAm('2025-06-01').wert).toBe(55_600);
    expect(minijobGrenzeAm('2026-06-01').wert).toBe(60_300);
    expect(minijobGrenzeAm('2026-06-01').norm).toBe('§ 8 Abs. 1a SGB IV');
  });

  it('Ende vor Beginn', () => {
    expect(pruefeEnde({ beginn: '2027-01-01', ende: '2026-12-31' })?.code).toBe('ende_vor_beginn');
    expect(pruefeEnde({ beginn: '2027-01-01', ende: '2027-01-01' })).toBeNull();
  });
});
