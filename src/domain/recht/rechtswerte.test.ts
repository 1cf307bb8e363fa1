/**
 * No legal number outside src/domain/recht: scans src/server and src/web (code and texts, not comments) for the
 * values of the parameter registry written as literals – rates ("30 %", "2,3 Prozent"), amounts ("70 €",
 * "563,00 Euro"), months of a period ("12 Monate") and comparisons of a legal quantity with such a number
 * (`summe > 30`, `betragCent < 7000`). The values come from ALLE_TABELLEN, so a new parameter is covered at once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLE_TABELLEN } from './register.ts';

const WURZEL = fileURLToPath(new URL('../../..', import.meta.url));
const ORDNER = ['src/server', 'src/web'];

export type Rechtswerte = { prozent: Set<number>; euro: Set<number>; cent: Set<number>; monate: Set<number> };

/** Every legal number of the registry by kind, read from the key names of the values (…Cent, …Prozent, …Monate). */
export function rechtswerte(): Rechtswerte {
  const w: Rechtswerte = { prozent: new Set(), euro: new Set(), cent: new Set(), monate: new Set() };
  const cent = (n: number): void => {
    if (n >= 1000) {
      w.cent.add(n);
      w.euro.add(n / 100);
    }
  };
  const prozent = (n: number): void => {
    if (n > 0 && n < 100) w.prozent.add(n);
  };
  const lauf = (x: unknown, schluessel: string, basispunkte: boolean, inCent: boolean): void => {
    if (typeof x === 'number') {
      if (/cent$/i.test(schluessel) || (inCent && schluessel === '')) cent(x);
      else if (/monate$/i.test(schluessel)) {
        if (x > 1) w.monate.add(x);
      }
      else if (/prozent$/i.test(schluessel) && x <= 100 && !basispunkte) prozent(x);
      else if (basispunkte && x >= 50) prozent(x / 100);
      return;
    }
    if (Array.isArray(x)) for (const y of x) lauf(y, schluessel, basispunkte, inCent);
    else if (x !== null && typeof x === 'object') for (const [k, y] of Object.entries(x)) lauf(y, /^\d+$/.test(k) ? schluessel : k, basispunkte, inCent);
  };
  for (const t of ALLE_TABELLEN) {
    const basispunkte = t.einheit.includes('Basispunkte');
    const inCent = t.einheit.startsWith('Cent');
    for (const e of t.eintraege) lauf(e.wert, '', basispunkte, inCent);
  }
  // the months of the Bewilligungszeitraum also appear as words
  return w;
}

const zahl = (n: number): string => {
  const [ganz, rest] = String(n).split('.');
  const g = (ganz as string).replace(/\B(?=(\d{3})+(?!\d))/g, '\\.?');
  return rest ? `${g}[,.]${rest}` : g;
};
const ZAHLWORT: Record<number, string> = { 6: 'sechs', 12: 'zwölf', 36: 'sechsunddreißig' };

/** The patterns that mark a legal value written into code or text. */
const liste = (s: Set<number>): string => [...s].sort((a, b) => b - a).map(zahl).join('|');

export function muster(w: Rechtswerte): { art: string; re: RegExp }[] {
  const vergleich = [...new Set([...w.prozent, ...w.cent, ...w.monate])].filter(Number.isInteger).sort((a, b) => b - a).join('|');
  const monatWorte = [...w.monate].map((m) => ZAHLWORT[m]).filter(Boolean).join('|');
  return [
    { art: 'Prozentsatz', re: new RegExp(`(?<![\\d.,])(?:${liste(w.prozent)})(?:,0+)?\\s?(?:%|Prozent)`, 'g') },
    { art: 'Betrag', re: new RegExp(`(?<![\\d.,])(?:${liste(w.euro)})(?:,00)?\\s?(?:€|Euro\\b)`, 'g') },
    { art: 'Monate', re: new RegExp(`(?<![\\d.,])(?:${liste(w.monate)}${monatWorte ? `|${monatWorte}` : ''})\\s?(?:Kalender)?Monate?n?\\b`, 'gi') },
    {
      art: 'Vergleich',
      re: new RegExp(`\\b\\w*(?:prozent|summe|satz|anteil|quote|betrag|cent|monate|grenze)\\w*\\s*(?:[<>]=?|===?|!==?)\\s*(?:${vergleich})\\b(?![.,]\\d)`, 'gi'),
    },
  ];
}

/** Code without comments (block, JSX and line comments), line numbers kept. */
export function ohneKommentare(quelle: string): string {
  return quelle
    .replace(/\/\*[\s\S]*?\*\//g, (k) => k.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

function dateien(ordner: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(ordner)) {
    const pfad = join(ordner, name);
    if (statSync(pfad).isDirectory()) out.push(...dateien(pfad));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(pfad);
  }
  return out;
}

export function fundeIn(text: string, regeln: { art: string; re: RegExp }[]): { zeile: number; art: string; treffer: string }[] {
  const funde: { zeile: number; art: string; treffer: string }[] = [];
  const zeilen = ohneKommentare(text).split('\n');
  for (const [i, z] of zeilen.entries()) {
    for (const r of regeln) for (const m of z.matchAll(r.re)) funde.push({ zeile: i + 1, art: r.art, treffer: m[0] });
  }
  return funde;
}

describe('keine gesetzlichen Werte außerhalb von src/domain/recht', () => {
  const regeln = muster(rechtswerte());

  it('die Werte kommen aus dem Register', () => {
    const w = rechtswerte();
    for (const p of [10, 30, 17, 36, 2.3]) expect(w.prozent.has(p), `${p} %`).toBe(true);
    for (const e of [563, 70, 50, 30, 25]) expect(w.euro.has(e), `${e} €`).toBe(true);
    for (const m of [6, 12, 36]) expect(w.monate.has(m), `${m} Monate`).toBe(true);
  });

  it('erkennt gepflanzte Literale und lässt Harmloses durch', () => {
    const gepflanzt = [
      "if (summe > 30) throw new Error('x');",
      'const t = `zusammen höchstens 30 % des Regelbedarfs`;',
      "const a = 'monatlich 10 Prozent';",
      "const b = 'unter 70 € keine Anhörung';",
      "const c = 'Regelbedarf 563,00 Euro';",
      "const d = 'Bewilligungszeitraum 12 Monate';",
      "const d2 = 'in der Regel zwölf Monate';",
      'if (betragCent < 7000) return;',
      "const e = 'Warmwasser 2,3 %';",
      "const f = 'Freibetrag 1.200 €';",
    ];
    for (const g of gepflanzt) expect(fundeIn(g, regeln).length, g).toBeGreaterThan(0);
    const harmlos = [
      '// zusammen höchstens 30 % (§ 43 Abs. 2 S. 2) – a comment',
      '/* 12 Monate */ const x = 1;',
      "const w = { width: '100%' };",
      'if (matches.length > 10) return;',
      'if (tiefe > 20) return null;',
      "const url = 'https://example.org/30';",
      "const s = `${regel.hoechstProzent} %`;",
      'const seite = 30;',
    ];
    for (const h of harmlos) expect(fundeIn(h, regeln), h).toEqual([]);
  });

  it('src/server und src/web enthalten keine gesetzlichen Zahlen (sie kommen aus src/domain/recht)', () => {
    const funde: string[] = [];
    for (const ordner of ORDNER) {
      for (const datei of dateien(join(WURZEL, ordner))) {
        for (const f of fundeIn(readFileSync(datei, 'utf8'), regeln)) funde.push(`${relative(WURZEL, datei)}:${f.zeile} ${f.art} „${f.treffer}“`);
      }
    }
    expect(funde).toEqual([]);
  });
});
