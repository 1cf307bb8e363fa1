import { describe, expect, it } from 'vitest';
import { erstelleBescheid } from '../bescheid/index.ts';
import { KOPF, bewilligungsEingabe } from '../bescheid/testbescheid.ts';
import { euroText } from '../berechnung/geld.ts';
import {
  ANHOERUNG_AUSNAHMEN,
  AUFHEBUNG_TATBESTAENDE,
  aufhebungsgrund,
  AUFHEBUNGSGRUENDE,
  eigeneAblehnungsgruende,
  pruefeAufhebungsRecht,
  STANDARD_ABLEHNUNGSGRUENDE,
  zukunftAb,
  type AufhebungsRechtEingabe,
} from './aufhebung.ts';
import { berechneZeitraum, betraegeVon } from './berechnung.ts';
import { bucheForderung } from './erstattung.ts';
import { datumText } from './monat.ts';
import { familienInputs } from './testdaten.ts';
import { vergleiche } from './vergleich.ts';

describe('Aufhebungsgründe', () => {
  it('every reason has a sentence and a norm; sonstiger needs the text, others take it as an addition', () => {
    // only the Aufhebung for the future (S. 1) is the reason's own norm; each reason names its specific paragraph
    for (const [code, g] of Object.entries(AUFHEBUNGSGRUENDE)) expect(g.norm, code).toMatch(/^§ 48 Abs\. 1 S\. 1 SGB X/);
    expect(AUFHEBUNGSGRUENDE.umzug.norm).toBe('§ 48 Abs. 1 S. 1 SGB X, § 36 Abs. 1 SGB II');
    expect(AUFHEBUNGSGRUENDE.tod.norm).toBe('§ 48 Abs. 1 S. 1 SGB X, § 41 Abs. 1 S. 1 SGB II');
    expect(AUFHEBUNGSGRUENDE.wegfall_hilfebeduerftigkeit.norm).toContain('§ 9 Abs. 1 SGB II');
    expect(new Set(Object.values(AUFHEBUNGSGRUENDE).map((g) => g.norm)).size).toBe(Object.keys(AUFHEBUNGSGRUENDE).length);
    const ohneText = Object.entries(AUFHEBUNGSGRUENDE).filter(([, g]) => g.text.length < 20).map(([code]) => code);
    expect(ohneText).toEqual(['sonstiger']);
    expect(() => aufhebungsgrund('sonstiger', '  ')).toThrow(expect.objectContaining({ code: 'grund_fehlt' }));
    expect(() => aufhebungsgrund('gibtesnicht')).toThrow(expect.objectContaining({ code: 'grund_ungueltig' }));
    expect(aufhebungsgrund('sonstiger', 'Haftantritt')).toEqual({ code: 'sonstiger', text: 'Haftantritt', norm: AUFHEBUNGSGRUENDE.sonstiger.norm });
    expect(aufhebungsgrund('umzug', 'Neue Anschrift: Köln.').text).toBe(`${AUFHEBUNGSGRUENDE.umzug.text} Neue Anschrift: Köln.`);
  });
});

describe('Aufhebung für die Vergangenheit und Anhörung (§ 48 Abs. 1 S. 2, § 24 SGB X)', () => {
  const basis: AufhebungsRechtEingabe = { grund: 'wegfall_hilfebeduerftigkeit', ab: '2024-11-01', entscheidungsdatum: '2024-10-20', erstattungCent: 0, personen: 1 };
  const codes = (e: Partial<AufhebungsRechtEingabe>) => pruefeAufhebungsRecht({ ...basis, ...e }).fehler.map((f) => `${f.path}:${f.code}`);

  it('the future starts on the first of the month after the decision', () => {
    expect(zukunftAb('2024-10-20')).toBe('2024-11-01');
    expect(zukunftAb('2024-12-01')).toBe('2025-01-01');
  });

  it('for the future (S. 1) no Tatbestand is required, but the Anhörung is (§ 24 Abs. 1 SGB X: it takes away a granted right)', () => {
    expect(codes({})).toEqual(['anhoerungAm:anhoerung_fehlt']);
    expect(pruefeAufhebungsRecht(basis).fehler[0]?.message).toContain('auch wenn die Aufhebung nur für die Zukunft wirkt');
    const r = pruefeAufhebungsRecht({ ...basis, anhoerungAm: '2024-10-14' });
    expect(r.fehler).toEqual([]);
    expect(r.recht).toEqual({ vergangenheit: false, tatbestand: null, anhoerungAm: '2024-10-14', anhoerungAusnahme: null });
    // or a documented exception of § 24 Abs. 2 SGB X
    const ausnahme = pruefeAufhebungsRecht({ ...basis, anhoerungAusnahme: 'nr3', anhoerungAusnahmeGrund: 'Die Arbeitsaufnahme hat die Person selbst mitgeteilt.' });
    expect(ausnahme.fehler).toEqual([]);
    expect(ausnahme.recht.anhoerungAusnahme?.norm).toBe('§ 24 Abs. 2 Nr. 3 SGB X');
  });

  it('for the past or with an Erstattung: Tatbestand of S. 2 and a prior Anhörung (or an exception) are required', () => {
    expect(codes({ ab: '2024-10-01' })).toEqual(['tatbestand:tatbestand_fehlt', 'anhoerungAm:anhoerung_fehlt']);
    expect(codes({ erstattungCent: 1 })).toEqual(['tatbestand:tatbestand_fehlt', 'anhoerungAm:anhoerung_fehlt']);
    expect(codes({ ab: '2024-10-01', tatbestand: 'nr1' })).toContain('tatbestand:tatbestand_ungueltig');
    const ok = pruefeAufhebungsRecht({ ...basis, ab: '2024-07-01', erstattungCent: 5000, tatbestand: 'nr3', anhoerungAm: '2024-09-02' });
    expect(ok.fehler).toEqual([]);
    expect(ok.recht.vergangenheit).toBe(true);
    expect(ok.recht.tatbestand).toEqual({ code: 'nr3', text: AUFHEBUNG_TATBESTAENDE.nr3.text, norm: '§ 48 Abs. 1 S. 2 Nr. 3 SGB X i. V. m. § 40 Abs. 2 Nr. 3 SGB II, § 330 Abs. 3 SGB III' });
    expect(ok.recht.anhoerungAm).toBe('2024-09-02');
    expect(codes({ ab: '2024-07-01', tatbestand: 'nr3', anhoerungAm: '2024-10-21' })).toEqual(['anhoerungAm:datum_ungueltig']);
  });

  it('an exception of § 24 Abs. 2 needs its reason; Nr. 5 only for the adaptation to income (Wegfall der Hilfebedürftigkeit)', () => {
    const past = { ab: '2024-07-01', tatbestand: 'nr4' };
    expect(codes({ ...past, anhoerungAusnahme: 'nr5' })).toEqual(['anhoerungAusnahmeGrund:ausnahme_grund_fehlt']);
    expect(codes({ ...past, anhoerungAusnahme: 'nr9', anhoerungAusnahmeGrund: 'x' })).toEqual(['anhoerungAusnahme:ausnahme_ungueltig']);
    expect(codes({ ...past, grund: 'sonstiger', anhoerungAusnahme: 'nr5', anhoerungAusnahmeGrund: 'x' })).toEqual(['anhoerungAusnahme:ausnahme_unpassend']);
    const r = pruefeAufhebungsRecht({ ...basis, ...past, anhoerungAusnahme: 'nr5', anhoerungAusnahmeGrund: 'Das Erwerbseinkommen ist durch die Lohnabrechnung belegt.' });
    expect(r.fehler).toEqual([]);
    expect(r.recht.anhoerungAusnahme).toEqual({
      code: 'nr5',
      text: ANHOERUNG_AUSNAHMEN.nr5.text,
      norm: '§ 24 Abs. 2 Nr. 5 SGB X',
      begruendung: 'Das Erwerbseinkommen ist durch die Lohnabrechnung belegt.',
    });
    expect(codes({ ...past, grund: 'umzug', anhoerungAusnahme: 'nr3', anhoerungAusnahmeGrund: 'Umzug selbst mitgeteilt.' })).toEqual([]);
  });

  it('death or move of one member of several is no Aufhebung; nothing is demanded back from a deceased person', () => {
    const angehoert = { anhoerungAm: '2024-10-14' };
    expect(codes({ ...angehoert, grund: 'tod', personen: 2 })).toEqual(['grund:person_ausscheiden']);
    expect(codes({ ...angehoert, grund: 'tod', personen: 1 })).toEqual([]);
    expect(codes({ grund: 'tod', personen: 1, erstattungCent: 100, tatbestand: 'nr4', anhoerungAm: '2024-10-01' })).toEqual(['ab:erstattung_tod']);
    expect(codes({ ...angehoert, grund: 'umzug', personen: 3 })).toEqual(['ganzeBg:nicht_ganze_bg']);
    expect(codes({ ...angehoert, grund: 'umzug', personen: 3, ganzeBg: true })).toEqual([]);
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
      aufhebung: { abMonat: '2024-09', grund: grund.text, norm: grund.norm, vergleich, anhoerungAm: '2024-10-01', tatbestand: AUFHEBUNG_TATBESTAENDE.nr3 },
    });
    expect(b.titel).toBe('Aufhebungsbescheid');
    expect(b.tenor[0]).toContain('ab 01.09.2024 ganz aufgehoben');
    expect(b.tenor.join(' ')).toContain(euroText(summe));
    expect(b.rechtsgrundlagen).toContain(grund.norm);
    expect(b.rechtsgrundlagen).toContain('§ 50 Abs. 1 SGB X');
    // the exact Tatbestand for the past with a plain sentence why, no catch-all norm
    expect(b.tenor[1]).toBe(`Die Aufhebung wirkt ab dem Zeitpunkt der Änderung, also auch für die Vergangenheit. ${AUFHEBUNG_TATBESTAENDE.nr3.text} (${AUFHEBUNG_TATBESTAENDE.nr3.norm})`);
    expect(b.rechtsgrundlagen).toContain('§ 48 Abs. 1 S. 2 Nr. 3 SGB X i. V. m. § 40 Abs. 2 Nr. 3 SGB II, § 330 Abs. 3 SGB III');
    expect(b.rechtsgrundlagen.filter((n) => n.startsWith('§ 48 Abs. 1 SGB X'))).toEqual([]);
    expect(b.empfaenger.name).toBe('Anna Beispiel');
    expect(b.aenderungen?.erstattungCent).toBe(summe);
    expect(b.aenderungen?.monate[0]).toMatchObject({ monat: '2024-09', neuCent: 0 });
    expect(b.hinweise.join(' ')).toContain(`Anhörung vom ${datumText('2024-10-01')}, § 24 Abs. 1 SGB X`);
    expect(b.betraege).toBeNull();
    // for the future without Anhörung: no Tatbestand, no sentence that the Anhörung would be made up for later
    const zeitraum = { beginn: '2024-06', ende: '2025-05' };
    const ohne = erstelleBescheid({ ...KOPF, art: 'aufhebung', datum: '2024-10-20', bewilligungszeitraum: zeitraum, aufhebung: { abMonat: '2024-11', grund: 'x', norm: grund.norm, anhoerungAm: null } });
    expect(ohne.hinweise.join(' ')).not.toContain('Anhörung');
    expect(ohne.hinweise.join(' ')).not.toContain('nachgeholt');
    expect(ohne.tenor).toHaveLength(1);
    const ausnahme = { text: ANHOERUNG_AUSNAHMEN.nr5.text, norm: ANHOERUNG_AUSNAHMEN.nr5.norm, begruendung: 'Das Einkommen ist belegt.' };
    const mitAusnahme = erstelleBescheid({
      ...KOPF,
      art: 'aufhebung',
      datum: '2024-10-20',
      bewilligungszeitraum: zeitraum,
      aufhebung: { abMonat: '2024-09', grund: grund.text, norm: grund.norm, vergleich, anhoerungAusnahme: ausnahme, tatbestand: AUFHEBUNG_TATBESTAENDE.nr3 },
    });
    expect(mitAusnahme.hinweise).toContain(`Von einer Anhörung wurde abgesehen (§ 24 Abs. 2 Nr. 5 SGB X): ${ANHOERUNG_AUSNAHMEN.nr5.text} Das Einkommen ist belegt.`);
    expect(mitAusnahme.rechtsgrundlagen).toContain('§ 24 Abs. 2 Nr. 5 SGB X');
    // death of the only member: addressed to the heirs
    const tod = aufhebungsgrund('tod');
    const erben = erstelleBescheid({ ...KOPF, art: 'aufhebung', datum: '2024-10-20', bewilligungszeitraum: zeitraum, aufhebung: { abMonat: '2024-11', grund: tod.text, norm: tod.norm, anErben: true } });
    expect(erben.empfaenger.name).toBe('An die Erben von Anna Beispiel');
    expect(erben.rechtsgrundlagen).toContain('§ 48 Abs. 1 S. 1 SGB X, § 41 Abs. 1 S. 1 SGB II');
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
