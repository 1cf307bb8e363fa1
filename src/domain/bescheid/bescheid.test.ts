import { describe, expect, it } from 'vitest';
import { euroText } from '../berechnung/geld.ts';
import { berechneZeitraum } from '../bewilligung/berechnung.ts';
import { familienInputs } from '../bewilligung/testdaten.ts';
import { BescheidFehler, bescheidHash, bescheidUnveraendert, erstelleBescheid, kanonischesJson } from './index.ts';
import { KOPF, aenderungsEingabe, bewilligungsEingabe } from './testbescheid.ts';

describe('Bescheid-Inhaltsmodell', () => {
  it('Bewilligung über den letzten bekannten Rechtsstand hinaus: Verfügungssatz und Überschrift nennen die Fortschreibung', () => {
    const b = erstelleBescheid(bewilligungsEingabe('2026-12', 12));
    const satz = 'Die Leistungen für die Monate Januar 2027 bis November 2027 sind berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war; ändern sich die Regelbedarfe, erhalten Sie einen Änderungsbescheid.';
    expect(b.tenor).toContain(satz);
    expect(b.berechnung[0]?.ueberschrift).not.toContain('fortgeschrieben');
    const fort = b.berechnung.filter((a) => a.monate.some((m) => m > '2026-12'));
    expect(fort.length).toBeGreaterThan(0);
    for (const a of fort) {
      expect(a.ueberschrift).toContain('fortgeschrieben: Recht bekannt am 31.12.2026');
      expect(a.zeilen[0]?.text).toMatch(/^Fortgeschrieben: berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war/);
      expect(a.zeilen.reduce((s, z) => s + z.betragCent, 0)).toBe(a.summeCent);
    }
    // a period within known law has no such sentence
    expect(erstelleBescheid(bewilligungsEingabe()).tenor.join(' ')).not.toContain('bekannt war');
  });

  it('Bewilligungsbescheid: Betreff mit Leistungsname, Tenor, Tabelle je Monat und Person, Erklärung mit Namen', () => {
    const e = bewilligungsEingabe();
    const b = erstelleBescheid(e);
    expect(b.titel).toBe('Bewilligungsbescheid');
    expect(b.leistung).toBe('Bürgergeld');
    expect(b.betreff).toContain('über Bürgergeld');
    expect(b.tenor[0]).toContain('01.06.2024 bis 31.05.2025');
    expect(b.betraege?.zeilen).toHaveLength(12);
    expect(b.betraege?.spalten.map((s) => s.name)).toEqual(['Anna Beispiel', 'Ben Beispiel', 'Clara Beispiel', 'David Beispiel']);
    expect(b.betraege?.summeCent).toBe(e.zeitraum?.summeCent);
    for (const z of b.betraege?.zeilen ?? []) expect(z.personenCent.reduce((s, c) => s + c, 0)).toBe(z.summeCent);
    // months with identical calculation are grouped: Jun–Aug, Sep–Dec, Jan–May
    expect(b.berechnung.map((a) => a.monate.length)).toEqual([3, 4, 5]);
    expect(b.berechnung[0]?.ueberschrift).toMatch(/^Juni 2024 bis August 2024/);
    for (const a of b.berechnung) expect(a.zeilen.reduce((s, z) => s + z.betragCent, 0)).toBe(a.summeCent);
    const texte = b.berechnung.flatMap((a) => a.zeilen.map((z) => z.text)).join('\n');
    expect(texte).toContain('Regelbedarf Stufe 2 für Anna Beispiel');
    expect(texte).toContain('Kindersofortzuschlag für Clara Beispiel');
    expect(texte).not.toMatch(/für p1\b/);
    expect(b.rechtsbehelfsbelehrung.absaetze.join(' ')).toContain('einen Monat');
    expect(b.hinweise.join(' ')).toContain('§ 42 Abs. 1 SGB II');
    expect(b.inhaltHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gleicher Inhalt → gleicher Hash; jede Änderung → anderer Hash', () => {
    const a = erstelleBescheid(bewilligungsEingabe());
    const b = erstelleBescheid(bewilligungsEingabe());
    expect(b.inhaltHash).toBe(a.inhaltHash);
    expect(bescheidUnveraendert(a)).toBe(true);
    const geaendert = { ...a, tenor: [...a.tenor, 'x'] };
    expect(bescheidUnveraendert(geaendert)).toBe(false);
    expect(bescheidHash(geaendert)).not.toBe(a.inhaltHash);
    expect(kanonischesJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });

  it('Änderungsbescheid nennt, was sich geändert hat und warum, mit Überzahlung', () => {
    const b = erstelleBescheid(aenderungsEingabe());
    expect(b.titel).toBe('Änderungsbescheid');
    expect(b.tenor[0]).toContain('Der Bescheid vom 05.06.2024');
    expect(b.tenor[0]).toContain('ab Oktober 2024');
    expect(b.aenderungen?.gruende).toEqual(['Ben Beispiel verdient seit Oktober 2024 mehr (Veränderungsmitteilung vom 14.10.2024).']);
    expect(b.aenderungen?.monate[0]).toMatchObject({ monat: '2024-10', monatText: 'Oktober 2024' });
    expect(b.aenderungen?.erstattungCent).toBeGreaterThan(0);
    expect(b.tenor.join(' ')).toContain(euroText(b.aenderungen?.erstattungCent ?? 0));
    expect(b.rechtsgrundlagen).toContain('§ 50 Abs. 1 SGB X');
  });

  it('Ablehnungsbescheid mit Gründen und Zahlen; ohne Grund keine Ablehnung', () => {
    const z = berechneZeitraum(familienInputs('2024-06', 6, { erwerb: () => ({ brutto: 5000, netto: 3400 }) }));
    const b = erstelleBescheid({ ...KOPF, art: 'ablehnung', datum: '2024-06-10', antragsdatum: '2024-06-03', bewilligungszeitraum: { beginn: '2024-06', ende: '2024-11' }, zeitraum: z });
    expect(b.tenor[0]).toContain('Ihr Antrag vom 03.06.2024');
    // the Bedarf changes in September (Clara turns 6), so the figures and the groups change
    expect(b.ablehnungsgruende.map((g) => g.monate)).toEqual(['Juni 2024 bis August 2024', 'September 2024 bis November 2024']);
    expect(b.ablehnungsgruende[0]?.text).toMatch(/deckt den Gesamtbedarf/);
    expect(b.betraege).toBeNull();
    const mitAnspruch = bewilligungsEingabe('2024-06', 2);
    expect(() => erstelleBescheid({ ...mitAnspruch, art: 'ablehnung' })).toThrow(BescheidFehler);
  });

  it('Aufhebungsbescheid und fehlende Berechnung', () => {
    const b = erstelleBescheid({
      ...KOPF,
      art: 'aufhebung',
      datum: '2024-09-01',
      bewilligungszeitraum: { beginn: '2024-06', ende: '2025-05' },
      aufhebung: { abMonat: '2024-10', grund: 'Die Bedarfsgemeinschaft ist in den Kreis Nachbarland umgezogen.', norm: '§ 48 Abs. 1 S. 1 SGB X' },
    });
    expect(b.tenor[0]).toContain('ab 01.10.2024 ganz aufgehoben');
    expect(b.hinweise.join(' ')).toContain('§ 39 Nr. 1 SGB II');
    expect(() => erstelleBescheid({ ...KOPF, art: 'bewilligung', datum: '2024-06-01', bewilligungszeitraum: { beginn: '2024-06', ende: '2025-05' } })).toThrow(
      /keine berechnete Bewilligung/,
    );
    const ohneErklaerung = berechneZeitraum(familienInputs('2024-06', 1), { erklaerung: false });
    expect(() => erstelleBescheid({ ...bewilligungsEingabe('2024-06', 1), zeitraum: ohneErklaerung })).toThrow(/Erklärung/);
  });

  it('2022: Arbeitslosengeld II und Sozialgeld', () => {
    const b = erstelleBescheid(bewilligungsEingabe('2022-03', 6));
    expect(b.leistung).toBe('Arbeitslosengeld II und Sozialgeld');
    expect(b.betreff).toContain('Arbeitslosengeld II');
  });
});
