import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLE_TABELLEN } from './register.ts';
import type { Gueltig } from './typen.ts';

const ORDNER = fileURLToPath(new URL('.', import.meta.url));

/** A dated parameter: an entry with validity, value, norm and source (typen.ts). */
function istGueltig(x: unknown): x is Gueltig<unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const g = x as Record<string, unknown>;
  return typeof g.gueltigAb === 'string' && 'wert' in g && typeof g.norm === 'string' && typeof g.quelle === 'string';
}

/** Every exported dated-parameter table of every module in src/domain/recht (a table or a single entry). */
async function exportierteTabellen(): Promise<{ name: string; eintraege: readonly Gueltig<unknown>[] }[]> {
  const out: { name: string; eintraege: readonly Gueltig<unknown>[] }[] = [];
  const dateien = readdirSync(ORDNER).filter((d) => d.endsWith('.ts') && !d.endsWith('.test.ts'));
  for (const datei of dateien) {
    const modul = (await import(`./${datei}`)) as Record<string, unknown>;
    for (const [name, wert] of Object.entries(modul)) {
      if (istGueltig(wert)) out.push({ name: `${datei}:${name}`, eintraege: [wert] });
      else if (Array.isArray(wert) && wert.some(istGueltig)) out.push({ name: `${datei}:${name}`, eintraege: wert as Gueltig<unknown>[] });
    }
  }
  return out;
}

describe('Register der Rechtsparameter (ALLE_TABELLEN)', () => {
  it('jede exportierte Tabelle mit Gültigkeit aus src/domain/recht ist registriert', async () => {
    const exportiert = await exportierteTabellen();
    // the test finds the tables at all (guards against a broken detection)
    expect(exportiert.map((t) => t.name)).toEqual(
      expect.arrayContaining(['regelbedarf.ts:REGELBEDARFE', 'aufrechnung.ts:AUFRECHNUNG', 'verfahren.ts:ANHOERUNG_BAGATELLE', 'meldeaufforderung.ts:MELDE_BELEHRUNG', 'vermoegen.ts:VEREINFACHTES_VERFAHREN']),
    );
    const registriert = new Set(ALLE_TABELLEN.flatMap((t) => t.eintraege));
    const fehlend = exportiert.filter((t) => t.eintraege.some((e) => !registriert.has(e))).map((t) => t.name);
    expect(fehlend).toEqual([]);
  });

  it('jede Tabelle hat Einheit, jeder Eintrag Wert, Gültigkeit, Norm und Quelle, und der Wert lässt sich darstellen', () => {
    const namen = new Set<string>();
    for (const t of ALLE_TABELLEN) {
      expect(namen.has(t.name), t.name).toBe(false);
      namen.add(t.name);
      expect(t.einheit.trim().length, t.name).toBeGreaterThan(0);
      expect(t.eintraege.length, t.name).toBeGreaterThan(0);
      for (const e of t.eintraege) {
        const wo = `${t.name} ab ${e.gueltigAb}`;
        expect(e.gueltigAb, wo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect((e.gueltigBis ?? e.gueltigAb) >= e.gueltigAb, wo).toBe(true);
        expect(e.wert, wo).not.toBeUndefined();
        expect(e.norm, wo).toMatch(/§/);
        expect(e.quelle.trim().length, wo).toBeGreaterThan(5);
        expect(t.wert(e.wert).trim().length, wo).toBeGreaterThan(0);
      }
    }
  });
});
