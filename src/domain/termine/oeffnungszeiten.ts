/**
 * The opening hours of a Standort as weekly windows – pure, without IO.
 *
 * Why this exists: the bookable hours of a desk (Sprechzeiten of a Ressource) and the hours the building is open to
 * the public (the Standort's "Öffnungszeiten", entered by the admin as text and printed on every Bescheid) are kept
 * apart. A desk may take calls and video appointments while the house is closed (e.g. Wednesday), but a citizen can
 * only come in person while it is open. So on-site appointments are offered only inside the opening hours;
 * telephone and video follow the Sprechzeiten alone (see `freieSlots` in verfuegbarkeit.ts).
 *
 * The admin's text stays the one source: `oeffnungszeitenAusText` reads the usual German notation
 * ("Mo, Di, Do, Fr 8:00–12:00", "Mo–Fr 7:30–12:30", "Do 14–17:30 Uhr"). Lines it cannot read (e.g. "Termine auch
 * außerhalb der Öffnungszeiten nach Vereinbarung") are ignored; a text without any readable line means "unknown",
 * and then nothing is restricted.
 */
import type { Wochentag } from './zeit.ts';

/** One weekly window in which the Standort is open to the public ('HH:MM' local time, `von` < `bis`). */
export type Oeffnungszeit = { wochentag: Wochentag; von: string; bis: string };

const TAGE: Record<string, Wochentag> = { mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6, so: 7 };

const zwei = (n: number) => String(n).padStart(2, '0');

/** '8', '8:00', '08.30' → 'HH:MM' (undefined when not a time of day). */
function uhrzeit(s: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return `${zwei(h)}:${zwei(min)}`;
}

/** The weekdays named at the start of a line: "Mo, Di, Do", "Mo–Fr", "Mo bis Mi und Fr". */
function tageAus(teil: string): Wochentag[] {
  const tage = new Set<Wochentag>();
  const norm = teil.toLowerCase().replace(/\s+bis\s+/g, '-').replace(/[–—]/g, '-');
  for (const stueck of norm.split(/\s*(?:,|\bund\b|\/|&)\s*/)) {
    const bereich = /^([a-zä]{2})[a-zä]*\.?\s*-\s*([a-zä]{2})[a-zä]*\.?$/.exec(stueck.trim());
    if (bereich) {
      const a = TAGE[bereich[1]!];
      const b = TAGE[bereich[2]!];
      if (a === undefined || b === undefined || b < a) return [];
      for (let d = a; d <= b; d++) tage.add(d as Wochentag);
      continue;
    }
    const einzeln = /^([a-zä]{2})[a-zä]*\.?$/.exec(stueck.trim());
    const d = einzeln ? TAGE[einzeln[1]!] : undefined;
    if (d === undefined) return [];
    tage.add(d);
  }
  return [...tage].sort();
}

/**
 * Reads opening hours from the admin's text, one statement per line: weekdays first, then one or more time ranges.
 * Unreadable lines are skipped. Windows of the same day are kept as given (they may touch or overlap).
 */
export function oeffnungszeitenAusText(text: string): Oeffnungszeit[] {
  const ergebnis: Oeffnungszeit[] = [];
  for (const roh of text.split(/\r?\n/)) {
    const zeile = roh.trim().replace(/\s*uhr\b/gi, '');
    // the weekday part ends where the first digit begins
    const erste = zeile.search(/\d/);
    if (erste <= 0) continue;
    const tage = tageAus(zeile.slice(0, erste).trim().replace(/[:,]\s*$/, ''));
    if (tage.length === 0) continue;
    const zeiten: { von: string; bis: string }[] = [];
    let lesbar = true;
    for (const bereich of zeile.slice(erste).split(/\s*(?:,|;|\bund\b)\s*/)) {
      if (!bereich) continue;
      const m = /^(\d{1,2}(?:[:.]\d{2})?)\s*(?:-|–|—|bis)\s*(\d{1,2}(?:[:.]\d{2})?)$/.exec(bereich.trim());
      const von = m ? uhrzeit(m[1]!) : undefined;
      const bis = m ? uhrzeit(m[2]!) : undefined;
      if (!von || !bis || von >= bis) {
        lesbar = false;
        break;
      }
      zeiten.push({ von, bis });
    }
    if (!lesbar) continue;
    for (const wochentag of tage) for (const z of zeiten) ergebnis.push({ wochentag, ...z });
  }
  return ergebnis;
}
