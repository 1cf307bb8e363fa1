import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { TabellenBereich } from './tabelle.tsx';

/**
 * A chart rendered on the server (docs/statistik.md, "Diagramme"): Observable Plot draws into linkedom's document, the
 * page gets the SVG as markup – no JavaScript in the browser. Accessible: the SVG is one image (role="img") with a
 * title and an aria-label that says what it shows, and a real table with the same numbers follows it (in a
 * <details>, so it does not crowd the page). Colours: dark tones with at least 4.5:1 contrast against white (WCAG
 * 1.4.11 needs 3:1 for graphics); lines carry dots and bars a white edge, so series stay apart without colour vision.
 * Responsive: viewBox with width 100 %, no fixed height. The Content-Security-Policy allows no inline styles, so
 * Plot's <style> elements and style attributes are dropped (presentation attributes stay).
 */

/** Dark, mutually distinct colours (contrast against white ≥ 4.5:1). */
export const DIAGRAMM_FARBEN = ['#004b87', '#b3400e', '#2e6b30', '#6a1b9a', '#5d4037', '#00695c', '#8a1538', '#37474f'] as const;

export type DiagrammReihe = { name: string; werte: readonly (number | null)[] };

export type DiagrammProps = {
  art: 'linie' | 'balken';
  /** heading of the chart and its table */
  titel: string;
  /** id for aria-labelledby (unique on the page) */
  id: string;
  /** x values in order (e.g. months 'YYYY-MM') */
  kategorien: readonly string[];
  /** how an x value is written (axis and table) */
  kategorieText?: (k: string) => string;
  /** the series; `werte[i]` belongs to `kategorien[i]`; null = no data */
  reihen: readonly DiagrammReihe[];
  /** how a value is written in the table (and the y axis unless `achsenText`) */
  wertText: (n: number) => string;
  achsenText?: (n: number) => string;
  /** y axis label, e.g. "Anzahl" or "Mio. Euro" */
  einheit: string;
  /** one sentence for screen readers, e.g. "Bedarfsgemeinschaften von 01/2025 bis 01/2027, zuletzt 7.741" */
  beschreibung: string;
  /** balken: stacked bars per category (default true) */
  gestapelt?: boolean;
};

/**
 * Intrinsic size and font size: the SVG scales with the page, so on a phone (~350 px content width) the text shrinks
 * by ~350/BREITE; with 500 and 15 it stays at about 10 px.
 */
const BREITE = 500;
const HOEHE = 300;
const SCHRIFT = 15;

/** Every n-th tick label so that at most ~6 labels share the axis (they must not overlap at the larger font). */
function jedeNte(n: number): number {
  return Math.max(1, Math.ceil(n / 6));
}

/** The SVG markup of the chart (server side). Exported for tests. */
export function diagrammSvg(p: DiagrammProps): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const kText = p.kategorieText ?? ((k: string) => k);
  const daten = p.reihen.flatMap((r, ri) => p.kategorien.map((k, i) => ({ k, reihe: r.name, ri, wert: r.werte[i] ?? null })));
  const schritt = jedeNte(p.kategorien.length);
  const xAchse = {
    domain: [...p.kategorien],
    label: null,
    tickFormat: (k: string) => {
      const i = p.kategorien.indexOf(k);
      return i % schritt === 0 || i === p.kategorien.length - 1 ? kText(k) : '';
    },
  };
  const farben = { domain: p.reihen.map((r) => r.name), range: p.reihen.map((_, i) => DIAGRAMM_FARBEN[i % DIAGRAMM_FARBEN.length]!) };
  // all values 0 (or none): Plot would stretch the empty domain [0, 0] over the whole height
  const hoechster = Math.max(0, ...daten.map((d) => d.wert ?? 0));
  const y = { grid: true, label: p.einheit, tickFormat: p.achsenText ?? p.wertText, zero: true, ...(hoechster > 0 ? {} : { domain: [0, 1] }) };
  const common = { document, width: BREITE, height: HOEHE, marginLeft: 80, marginBottom: 40, marginRight: 24, ariaLabel: p.beschreibung, color: farben, y };
  const gefiltert = daten.filter((d) => d.wert !== null);
  const el =
    p.art === 'linie'
      ? Plot.plot({
          ...common,
          x: { ...xAchse, type: 'point', inset: 10 },
          marks: [
            Plot.ruleY([0]),
            Plot.line(daten, { x: 'k', y: 'wert', stroke: 'reihe', strokeWidth: 2.5 }),
            Plot.dot(gefiltert, { x: 'k', y: 'wert', fill: 'reihe', r: 3, symbol: 'ri' }),
          ],
          symbol: { domain: p.reihen.map((_, i) => i), range: ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'times'] },
        })
      : Plot.plot({
          ...common,
          x: { ...xAchse, type: 'band', padding: 0.15 },
          marks: [
            p.gestapelt === false
              ? Plot.barY(gefiltert, { x: 'k', y: 'wert', fill: 'reihe', fx: undefined })
              : Plot.barY(gefiltert, Plot.stackY({ x: 'k', y: 'wert', fill: 'reihe', stroke: 'white', strokeWidth: 1, order: p.reihen.map((r) => r.name) })),
            Plot.ruleY([0]),
          ],
        });
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
  if (!svg) throw new Error('Diagramm: Plot lieferte kein SVG');
  for (const s of svg.querySelectorAll('style')) s.remove();
  for (const e of [svg, ...svg.querySelectorAll('[style]')]) e.removeAttribute('style');
  // inside role="img" the parts are presentational: Plot's aria-labels on <g> would be prohibited ARIA (axe)
  for (const e of svg.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    e.removeAttribute('aria-label');
    e.removeAttribute('aria-description');
    e.removeAttribute('aria-hidden');
  }
  svg.removeAttribute('class');
  svg.removeAttribute('height');
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${p.titel}: ${p.beschreibung}`);
  svg.setAttribute('font-size', String(SCHRIFT));
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = p.titel;
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}

/** Legend as HTML (Plot's own legend needs inline styles): a small coloured square per series. */
function Legende(p: { reihen: readonly DiagrammReihe[] }) {
  return (
    <ul className="kern-list kern-list--horizontal diagramm__legende" aria-hidden="true">
      {p.reihen.map((r, i) => (
        <li key={r.name}>
          <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
            <rect width="14" height="14" fill={DIAGRAMM_FARBEN[i % DIAGRAMM_FARBEN.length]} />
          </svg>{' '}
          {r.name}
        </li>
      ))}
    </ul>
  );
}

/** Chart + legend + data table. */
export function Diagramm(p: DiagrammProps) {
  const kText = p.kategorieText ?? ((k: string) => k);
  return (
    <figure className="diagramm kern-stack-sm" aria-labelledby={`${p.id}-titel`}>
      <figcaption id={`${p.id}-titel`} className="kern-heading-small">
        {p.titel}
      </figcaption>
      {p.reihen.length > 1 ? <Legende reihen={p.reihen} /> : null}
      {/* oxlint-disable-next-line react/no-danger -- SVG generated on the server by Observable Plot from numbers and our own labels */}
      <div className="diagramm__bild" dangerouslySetInnerHTML={{ __html: diagrammSvg(p) }} />
      <details>
        <summary className="kern-link">{`Daten als Tabelle: ${p.titel}`}</summary>
        <TabellenBereich label={`Tabelle: ${p.titel}`}>
          <table className="kern-table">
            <caption className="kern-sr-only">{p.titel}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  Monat
                </th>
                {p.reihen.map((r) => (
                  <th key={r.name} scope="col" className="kern-table__header kern-table__header--numeric">
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {p.kategorien.map((k, i) => (
                <tr key={k} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {kText(k)}
                  </th>
                  {p.reihen.map((r) => {
                    const w = r.werte[i];
                    return (
                      <td key={r.name} className="kern-table__cell kern-table__cell--numeric">
                        {w === null || w === undefined ? '–' : p.wertText(w)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      </details>
    </figure>
  );
}
