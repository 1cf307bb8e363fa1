import { describe, expect, it } from 'vitest';
import { erstelleBescheid } from '../bescheid/index.ts';
import { KOPF, bewilligungsEingabe } from '../bescheid/testbescheid.ts';
import { euroText } from '../berechnung/geld.ts';
import { aufhebungsgrund, AUFHEBUNGSGRUENDE, eigeneAblehnungsgruende, STANDARD_ABLEHNUNGSGRUENDE } from './aufhebung.ts';
import { berechneZeitraum, betraegeVon } from './berechnung.ts';
import { bucheForderung } from './erstattung.ts';
import { datumText } from './monat.ts';
import { familienInputs } from './testdaten.ts';
import { vergleiche } from './vergleich.ts';

describe('Aufhebungsgründe', () => {
  it('every reason has a sentence and a norm; sonstiger needs the text, others take it as an addition', () => {
    for (const [code, g] of Object.entries(AUFHEBUNGSGRUENDE)) expect(g.norm, code).toMatch(/§ 48 Abs. 1 SGB X/);
    const ohneText = Object.entries(AUFHEBUNGSGRUENDE).filter(([, g]) => g.text.length < 20).map(([code]) => code);
    expect(ohneText).toEqual(['sonstiger']);
    expect(() => aufhebungsgrund('sonstiger', '  ')).toThrow(expect.objectContaining({ code: 'grund_fehlt' }));
    expect(() => aufhebungsgrund('gibtesnicht')).toThrow(expect.objectContaining({ code: 'grund_ungueltig' }));
    expect(aufhebungsgrund('sonstiger', 'Haftantritt')).toEqual({ code: 'sonstiger', text: 'Haftantritt', norm: AUFHEBUNGSGRUENDE.sonstiger.norm });
    expect(aufhebungsgrund('umzug', 'Neue Anschrift: Köln.').text).toBe(`${AUFHEBUNGSGRUENDE.umzug.text} Neue Anschrift: Köln.`);
  });
});

describe('eigene Ablehnungsgründe', () => {
  it('standard reasons with their norm, a free reason only with a norm, no duplicates', () => {
    const g = eigeneAblehnungsgruende({ codes: ['vermoegen', 'fehlende_mitwirkung', 'vermoegen'], freitext: 'Aufenthalt im Ausland', norm: '§ 7 Abs. 4a SGB II' });
    expect(g.map((x) => x.norm)).toEqual([STANDARD_ABLEHNUNGSGRUENDE.vermoegen.norm, STANDARD_ABLEHNUNGSGRUENDE.fehlende_mitwirkung.norm, '§ 7 Abs. 4a SGB II']);
    expect(eigeneAblehnungsgruende({})).toEqual([]);
    expect(() => eigeneAblehnungsgruende({ freitext: 'x' })).toThrow(expect.objectContaining({ code: 'norm_fehlt' }));
    expect(() => eigeneAblehnungsgruende({ norm: '§ 7 SGB II' })).toThrow(expect.objectContaining({ code: 'grund_fehlt' }));
    expect(() => eigeneAblehnungsgruende({ freitext: 'x', norm: 'irgendwas' })).toThrow(expect.objectContaining({ code: 'norm_ungueltig' }));
    expect(() => eigeneAblehnungsgruende({ codes: ['unbekannt'] })).toThrow(expect.objectContaining({ code: 'grund_ungueltig' }));
  });
});

describe('Erstattungsforderung bearbeiten', () => {
  const stand = { betragCent: 30_000, offenCent: 30_000, status: 'offen' as const };
  it('partial payments reduce the balance to 0 → erledigt; more than the balance is refused', () => {
    const a = bucheForderung(stand, { art: 'zahlung', betragCent: 10_000 });
    expect(a).toMatchObject({ offenCent: 20_000, status: 'offen', gebuchtCent: 10_000 });
    expect(() => bucheForderung(a, { art: 'zahlung', betragCent: 20_001 })).toThrow(expect.objectContaining({ code: 'betrag_zu_hoch' }));
    expect(() => bucheForderung(a, { art: 'zahlung', betragCent: 0 })).toThrow(expect.objectContaining({ code: 'betrag_ungueltig' }));
    const b = bucheForderung(a, { art: 'zahlung', betragCent: 20_000 });
    expect(b).toMatchObject({ offenCent: 0, status: 'erledigt' });
    expect(() => bucheForderung(b, { art: 'zahlung', betragCent: 1 })).toThrow(expect.objectContaining({ code: 'forderung_erledigt' }));
  });
  it('Erlass of the rest → erlassen; partial Erlass keeps it open; Niederschlagung keeps the balance, a later payment still counts', () => {
    expect(bucheForderung(stand, { art: 'erlass' })).toMatchObject({ offenCent: 0, status: 'erlassen', gebuchtCent: 30_000 });
    expect(bucheForderung(stand, { art: 'erlass', betragCent: 5_000 })).toMatchObject({ offenCent: 25_000, status: 'offen' });
    const n = bucheForderung(stand, { art: 'niederschlagung' });
    expect(n).toMatchObject({ offenCent: 30_000, status: 'niedergeschlagen', gebuchtCent: 0 });
    expect(() => bucheForderung(n, { art: 'niederschlagung' })).toThrow(expect.objectContaining({ code: 'bereits_niedergeschlagen' }));
    expect(bucheForderung(n, { art: 'zahlung', betragCent: 30_000 })).toMatchObject({ offenCent: 0, status: 'erledigt' });
  });
});

describe('Aufhebungs- und Ablehnungsbescheid', () => {
  it('Aufhebung: Zeitpunkt, Grund, norm, Erstattung per month and in total, Anhörung', () => {
    const alt = berechneZeitraum(familienInputs('2024-06', 12), { erklaerung: false });
    const aufgehoben = betraegeVon(alt).filter((m) => m.monat >= '2024-09');
    const vergleich = vergleiche(aufgehoben, [], { gezahltBis: '2024-10', entscheidungsdatum: '2024-10-20' });
    const summe = aufgehoben.filter((m) => m.monat <= '2024-10').reduce((s, m) => s + m.auszahlungCent, 0);
    expect(vergleich.erstattungsforderung?.betragCent).toBe(summe);
    const grund = aufhebungsgrund('wegfall_hilfebeduerftigkeit');
    const b = erstelleBescheid({
      ...KOPF,
      art: 'aufhebung',
      datum: '2024-10-20',
      bewilligungszeitraum: { beginn: '2024-06', ende: '2025-05' },
      aufhebung: { abMonat: '2024-09', grund: grund.text, norm: grund.norm, vergleich, anhoerungAm: '2024-10-01' },
    });
    expect(b.titel).toBe('Aufhebungsbescheid');
    expect(b.tenor[0]).toContain('ab 01.09.2024 ganz aufgehoben');
    expect(b.tenor.join(' ')).toContain(euroText(summe));
    expect(b.rechtsgrundlagen).toContain(grund.norm);
    expect(b.rechtsgrundlagen).toContain('§ 50 Abs. 1 SGB X');
    expect(b.aenderungen?.erstattungCent).toBe(summe);
    expect(b.aenderungen?.monate[0]).toMatchObject({ monat: '2024-09', neuCent: 0 });
    expect(b.hinweise.join(' ')).toContain(`Anhörung vom ${datumText('2024-10-01')}, § 24 Abs. 1 SGB X`);
    expect(b.betraege).toBeNull();
    const ohne = erstelleBescheid({ ...KOPF, art: 'aufhebung', datum: '2024-10-20', bewilligungszeitraum: { beginn: '2024-06', ende: '2025-05' }, aufhebung: { abMonat: '2024-11', grund: 'x', norm: grund.norm, anhoerungAm: null } });
    expect(ohne.hinweise.join(' ')).toContain('§ 41 Abs. 1 Nr. 3, Abs. 2 SGB X');
  });

  it('Ablehnung for own reasons although the engine finds an entitlement: reasons with norms, no calculation', () => {
    const e = bewilligungsEingabe();
    const eigene = eigeneAblehnungsgruende({ codes: ['fehlende_mitwirkung'] });
    const b = erstelleBescheid({ ...e, art: 'ablehnung', eigeneAblehnungsgruende: eigene });
    expect(b.ablehnungsgruende).toEqual([{ text: eigene[0]!.text, norm: '§§ 60, 66 Abs. 1 und 3 SGB I', monate: '01.06.2024 bis 31.05.2025' }]);
    expect(b.rechtsgrundlagen).toContain('§§ 60, 66 Abs. 1 und 3 SGB I');
    expect(b.berechnung).toEqual([]);
    expect(b.betraege).toBeNull();
    expect(() => erstelleBescheid({ ...e, art: 'ablehnung' })).toThrow(expect.objectContaining({ code: 'kein_ablehnungsgrund' }));
  });
});
