/** Renders every registered parameter table (register.ts) as Markdown for docs/berechnung.md (kept in sync by a unit test). */
import { ALLE_TABELLEN } from './register.ts';
import type { Gueltig } from './typen.ts';

/** The day before an ISO date, without Date objects. */
function vortag(iso: string): string {
  let j = Number(iso.slice(0, 4));
  let m = Number(iso.slice(5, 7));
  let t = Number(iso.slice(8, 10)) - 1;
  if (t === 0) {
    m -= 1;
    if (m === 0) {
      m = 12;
      j -= 1;
    }
    t = m === 2 ? ((j % 4 === 0 && j % 100 !== 0) || j % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  }
  return `${j}-${String(m).padStart(2, '0')}-${String(t).padStart(2, '0')}`;
}

/** A table cell: no line breaks or pipes. */
const zelle = (s: string): string => s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

function zeilen<T>(titel: string, einheit: string, liste: readonly Gueltig<T>[], wert: (w: T) => string): string[] {
  const sortiert = [...liste].sort((a, b) => a.gueltigAb.localeCompare(b.gueltigAb));
  return sortiert.map(
    (g, i) =>
      `| ${titel} | ${g.gueltigAb} | ${g.gueltigBis ?? (sortiert[i + 1] ? vortag((sortiert[i + 1] as Gueltig<T>).gueltigAb) : 'offen')} | ${zelle(wert(g.wert))} | ${einheit} | ${zelle(g.norm)} | ${zelle(g.quelle)}${g.unsicher ? ` **Unsicher:** ${zelle(g.unsicher)}` : ''} |`,
  );
}

export function parameterTabelleMarkdown(): string {
  return [
    '| Parameter | gültig ab | gültig bis | Wert | Einheit | Norm | Quelle |',
    '|---|---|---|---|---|---|---|',
    ...ALLE_TABELLEN.flatMap((t) => zeilen(t.name, t.einheit, t.eintraege, t.wert)),
  ].join('\n');
}
