import { describe, expect, it } from 'vitest';
import { INTEGRATIONSARTEN } from '../foerdern/typen.ts';
import { DEFINITION_GRUPPEN, DEFINITIONEN, definitionAnker, definitionHref } from './definitionen.ts';
import { KENNZAHLEN } from './typen.ts';
import { monatsbericht } from './bericht.ts';

/** The kennungen of statistik_werte as DESIGN-15 fixes them (without the engine's Grunddaten `gd.*`). */
const KENNUNGEN_DESIGN: string[] = [
  'bg',
  'bg.alleinerziehend',
  'personen',
  'elb',
  'nef',
  'nlb',
  'lzb',
  'alo',
  ...['arbeitslos', 'arbeitsuchend', 'massnahme', 'erwerbstaetig', 'nicht_verfuegbar'].map((s) => `am.${s}`),
  ...['elb', 'alo'].flatMap((x) => [
    ...['u25', '25_49', 'ue50'].map((a) => `${x}.alter.${a}`),
    ...['w', 'm', 'd', 'unbekannt'].map((g) => `${x}.geschlecht.${g}`),
    `${x}.alleinerziehend`,
    ...['deutsch', 'eu', 'drittstaat', 'unbekannt'].map((s) => `${x}.staat.${s}`),
  ]),
  'personen.alter.u15',
  'bg.zugaenge',
  'bg.abgaenge',
  'elb.zugaenge',
  'elb.abgaenge',
  'neuantraege',
  'massnahme.eintritte',
  'massnahme.teilnehmende',
  ...INTEGRATIONSARTEN.map((a) => `integration.${a}`),
  'integrationen',
  'leistung.llu_cent',
  'leistung.luh_cent',
  'zahlung.llu_cent',
  'zahlung.luh_cent',
  'zahlung.luh_bund_cent',
  'zahlung.luh_kommunal_cent',
  'zahlung.sofortzuschlag_cent',
  ...['gesamt', 'lebensunterhalt', 'unterkunft', 'unterkunft_bund', 'unterkunft_kommunal', 'sofortzuschlag', 'einmalig', 'eingliederung'].map((k) => `kosten.${k}_cent`),
];

describe('Definitionen der Steuerung', () => {
  it('jede Kennung von statistik_werte und jede Kennzahl K1 … K3E4 hat eine Definition mit Titel und Text', () => {
    const fehlend = [...KENNUNGEN_DESIGN, ...KENNZAHLEN].filter((k) => !DEFINITIONEN[k]);
    expect(fehlend).toEqual([]);
    for (const [k, def] of Object.entries(DEFINITIONEN)) {
      expect(def.titel.length, k).toBeGreaterThan(2);
      expect(def.text.length, k).toBeGreaterThan(20);
      expect(DEFINITION_GRUPPEN[def.gruppe], k).toBeTruthy();
    }
  });

  it('jede Kennung, die der Monatsbericht verlinkt, hat eine Definition (auch Quoten und Leistungen gesamt)', () => {
    const b = monatsbericht({
      monat: '2026-11',
      stichtag: '2026-11-30',
      ebene: 'traeger',
      region: { id: null, name: 'T' },
      werte: () => new Map([['kosten.eingliederung_cent', 1]]),
      datenstand: () => 'vorlaeufig',
      bezugsgroesse: () => null,
    });
    const kennungen = new Set<string>(['datenstand']);
    const sammle = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(sammle);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if (k === 'kennung' || k === 'gesamtKennung') kennungen.add(String(v));
          else sammle(v);
        }
      }
    };
    sammle(b);
    expect(kennungen).toContain('quote.alo');
    expect(kennungen).toContain('zahlung.gesamt_cent');
    expect(kennungen).toContain('kosten.eingliederung_cent');
    expect([...kennungen].filter((k) => !DEFINITIONEN[k])).toEqual([]);
    expect(DEFINITIONEN['quote.alo']!.text).toContain(`unter ${(15_000).toLocaleString('de-DE')}`);
  });

  it('keine Definition für die internen Grunddaten gd.*', () => {
    expect(Object.keys(DEFINITIONEN).filter((k) => k.startsWith('gd.'))).toEqual([]);
  });

  it('jede Kennzahl nennt ihren Paragraphen der Verordnung', () => {
    for (const k of KENNZAHLEN) expect(DEFINITIONEN[k]!.norm, k).toMatch(/§ [456] Abs\. [12].*KennzV/);
    expect(DEFINITIONEN.K2!.norm).toBe('§ 5 Abs. 1 KennzV (§ 48a SGB II)');
    expect(DEFINITIONEN.K3E2!.norm).toContain('§ 6 Abs. 2 Nr. 2');
  });

  it('Anker: Punkt wird Bindestrich, die Anker sind eindeutig und gültige ids', () => {
    expect(definitionHref('elb.alter.u25')).toBe('/steuerung/definitionen#elb-alter-u25');
    expect(definitionHref('K2')).toBe('/steuerung/definitionen#K2');
    expect(definitionHref('kosten.unterkunft_bund_cent')).toBe('/steuerung/definitionen#kosten-unterkunft_bund_cent');
    const anker = Object.keys(DEFINITIONEN).map(definitionAnker);
    expect(new Set(anker).size).toBe(anker.length);
    for (const a of anker) expect(a).toMatch(/^[A-Za-z][\w-]*$/);
  });

  it('Titel sind eindeutig (jede Beschriftung der Seite nur einmal)', () => {
    const titel = Object.values(DEFINITIONEN).map((d) => d.titel);
    expect(titel.filter((t, i) => titel.indexOf(t) !== i)).toEqual([]);
  });
});
