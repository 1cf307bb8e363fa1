import type { Ebene } from '../../../domain/statistik/typen.ts';

/**
 * Small helpers of the Steuerung pages /steuerung and /steuerung/kennzahlen: German number and month texts, and the
 * one "Bereich" field (Träger, Kommune or Standort) that stands for the URL parameters `ebene` and `region`.
 */

export const DATENSTAND_TEXT = { vorlaeufig: 'vorläufig', endgueltig: 'endgültig' } as const;

const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** '2026-11' → 'November 2026'. */
export const monatText = (monat: string): string => `${MONATE[Number(monat.slice(5, 7)) - 1] ?? monat.slice(5, 7)} ${monat.slice(0, 4)}`;

/** '2026-11' → '11/2026' (axis labels). */
export const monatKurz = (monat: string): string => `${monat.slice(5, 7)}/${monat.slice(0, 4)}`;

/** ISO day → '30.11.2026'. */
export const datumText = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A count or sum in German notation with at most `stellen` decimals (1.234,5). */
export const zahlText = (n: number, stellen = 0): string => n.toLocaleString('de-DE', { maximumFractionDigits: stellen });

/** A Kennzahl value (percent, one decimal): '18,1 %'. */
export const prozentText = (n: number): string => `${n.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

export type Auswahl = { ebenen: Ebene[]; kommunen: { id: string; name: string }[]; standorte: { id: string; name: string }[] };

/** The options of the field "Bereich": value `traeger`, `kommune:<id>` or `standort:<id>`, as far as the actor may choose them. */
export function bereichOptionen(a: Auswahl): { value: string; label: string }[] {
  return [
    ...(a.ebenen.includes('traeger') ? [{ value: 'traeger', label: 'Ganzer Träger' }] : []),
    ...(a.ebenen.includes('kommune') ? a.kommunen.map((k) => ({ value: `kommune:${k.id}`, label: `Kommune ${k.name}` })) : []),
    ...(a.ebenen.includes('standort') ? a.standorte.map((s) => ({ value: `standort:${s.id}`, label: `Standort ${s.name}` })) : []),
  ];
}

/**
 * Ebene and region of the request: the field `bereich`, else the URL parameters `ebene`/`region`, else the default
 * (the Träger; for Standort reach the first own Standort). `ebene` null: nothing the actor could choose.
 */
export function bereichWahl(q: URLSearchParams, a: Auswahl): { bereich: string; ebene: Ebene | null; region: string } {
  const feld = q.get('bereich');
  let ebene = q.get('ebene') ?? '';
  let region = q.get('region') ?? '';
  if (feld) [ebene, region = ''] = feld.split(':') as [string, string?];
  if (!ebene) {
    if (a.ebenen.includes('traeger')) ebene = 'traeger';
    else if (a.standorte[0]) [ebene, region] = ['standort', a.standorte[0].id];
    else return { bereich: '', ebene: null, region: '' };
  }
  const e = (['traeger', 'kommune', 'standort'] as const).find((x) => x === ebene) ?? 'traeger';
  return { bereich: e === 'traeger' ? 'traeger' : `${e}:${region}`, ebene: e, region: e === 'traeger' ? '' : region };
}
