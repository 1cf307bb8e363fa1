import { describe, expect, it } from 'vitest';
import { TEILNAHME_STATUS, type TeilnahmeStatus } from './typen.ts';
import { nachAustritt, niedrigsterFreierPlatz, pruefeAustritt, pruefeBescheinigung, pruefeEintritt, pruefePlanung, uebergangErlaubt, vorgabeEnde } from './teilnahme.ts';

describe('Lebenszyklus einer Teilnahme', () => {
  const erlaubt: [TeilnahmeStatus, TeilnahmeStatus][] = [
    ['vorschlag', 'zugewiesen'],
    ['vorschlag', 'warteliste'],
    ['vorschlag', 'wartet_auf_genehmigung'],
    ['vorschlag', 'abgelehnt'],
    ['warteliste', 'zugewiesen'],
    ['wartet_auf_genehmigung', 'zugewiesen'],
    ['zugewiesen', 'eingetreten'],
    ['zugewiesen', 'storniert'],
    ['eingetreten', 'ausgetreten'],
  ];
  it.each(erlaubt)('%s → %s erlaubt', (von, nach) => expect(uebergangErlaubt(von, nach)).toBe(true));
  it.each<[TeilnahmeStatus, TeilnahmeStatus]>([
    ['vorschlag', 'eingetreten'],
    ['zugewiesen', 'ausgetreten'],
    ['eingetreten', 'storniert'],
    ['ausgetreten', 'eingetreten'],
    ['storniert', 'zugewiesen'],
    ['abgelehnt', 'zugewiesen'],
    ['warteliste', 'eingetreten'],
  ])('%s → %s nicht erlaubt', (von, nach) => expect(uebergangErlaubt(von, nach)).toBe(false));
  it('Endzustände haben keine Übergänge', () => {
    for (const s of TEILNAHME_STATUS) for (const e of ['ausgetreten', 'abgelehnt', 'storniert'] as const) expect(uebergangErlaubt(e, s)).toBe(false);
  });
});

describe('Datumsregeln', () => {
  it.each([
    [{ geplantVon: '2027-01-01', geplantBis: '2027-06-30', kontingent: { von: '2027-01-01', bis: '2027-12-31' } }, []],
    [{ geplantVon: '2026-12-01', geplantBis: '2027-06-30', kontingent: { von: '2027-01-01', bis: '2027-12-31' } }, ['geplantVon:ausserhalb_kontingent']],
    [{ geplantVon: '2027-01-01', geplantBis: '2028-01-31', kontingent: { von: '2027-01-01', bis: '2027-12-31' } }, ['geplantBis:ausserhalb_kontingent']],
    [{ geplantVon: '2027-01-01', geplantBis: '2030-01-31', kontingent: { von: '2027-01-01', bis: null } }, []],
    [{ geplantVon: '2027-02-01', geplantBis: '2027-01-31', kontingent: { von: '2027-01-01', bis: null } }, ['geplantBis:zeitraum_ungueltig']],
  ])('Planung %#', (o, erwartet) => {
    expect(pruefePlanung(o).map((f) => `${f.feld}:${f.code}`)).toEqual(erwartet);
  });

  it('Vorgabe-Ende: Beginn + Regeldauer, höchstens bis zum Ende des Kontingents', () => {
    expect(vorgabeEnde({ geplantVon: '2027-01-01', regeldauerTage: 90, kontingentBis: '2027-12-31' })).toEqual({ bis: '2027-03-31', gekappt: false });
    expect(vorgabeEnde({ geplantVon: '2027-11-01', regeldauerTage: 90, kontingentBis: '2027-12-31' })).toEqual({ bis: '2027-12-31', gekappt: true });
    expect(vorgabeEnde({ geplantVon: '2027-11-01', regeldauerTage: 90, kontingentBis: null })).toEqual({ bis: '2028-01-29', gekappt: false });
    expect(vorgabeEnde({ geplantVon: '2027-11-01', regeldauerTage: null, kontingentBis: '2027-12-31' })).toBeNull();
  });

  it('Austritt vor Eintritt → austritt_vor_eintritt am Feld austrittAm', () => {
    expect(pruefeAustritt({ eintrittAm: '2027-01-10', austrittAm: '2027-01-09' })).toEqual([
      { feld: 'austrittAm', code: 'austritt_vor_eintritt', meldung: 'Der Austritt kann nicht vor dem Eintritt am 10.01.2027 liegen.' },
    ]);
    expect(pruefeAustritt({ eintrittAm: '2027-01-10', austrittAm: '2027-01-10' })).toEqual([]);
  });

  it('Eintritt nicht vor der Zuweisung und nicht nach dem geplanten Ende', () => {
    expect(pruefeEintritt({ eintrittAm: '2027-01-01', geplantBis: '2027-06-30', zugewiesenAm: '2027-01-05' })[0]?.code).toBe('eintritt_vor_zuweisung');
    expect(pruefeEintritt({ eintrittAm: '2027-07-01', geplantBis: '2027-06-30', zugewiesenAm: '2026-12-05' })[0]?.code).toBe('eintritt_nach_ende');
    expect(pruefeEintritt({ eintrittAm: '2027-01-04', geplantBis: '2027-06-30', zugewiesenAm: '2026-12-05' })).toEqual([]);
  });

  it('Bescheinigung nicht vor dem Austritt', () => {
    expect(pruefeBescheinigung({ austrittAm: '2027-03-01', am: '2027-02-28' })[0]?.code).toBe('bescheinigung_vor_austritt');
    expect(pruefeBescheinigung({ austrittAm: '2027-03-01', am: '2027-03-01' })).toEqual([]);
  });

  it.each([
    [[], 3, 1],
    [[1, 2], 3, 3],
    [[2], 3, 1],
    [[1, 2, 3], 3, null],
    [[], 0, null],
  ])('freier Platz bei belegt %j von %i → %s', (belegt, plaetze, erwartet) => {
    expect(niedrigsterFreierPlatz(belegt, plaetze)).toBe(erwartet);
  });

  it('nach dem Austritt: Mittel ab dem Folgetag frei, Arbeitsaufnahme führt zur Integration', () => {
    expect(nachAustritt({ austrittAm: '2027-03-15', geplantBis: '2027-06-30', grund: 'arbeitsaufnahme' })).toEqual({ mittelFreiAb: '2027-03-16', integrationErfassen: true });
    expect(nachAustritt({ austrittAm: '2027-06-30', geplantBis: '2027-06-30', grund: 'regulaer' })).toEqual({ mittelFreiAb: null, integrationErfassen: false });
  });
});
