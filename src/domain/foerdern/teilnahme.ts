/**
 * The lifecycle of a Teilnahme (participation in a Maßnahme) as a state machine, and its date rules. Pure, no IO:
 * the use cases (src/server/integration/teilnahme-*.ts) ask here whether a step is allowed and turn the answers into
 * field errors.
 *
 *   vorschlag ──► zugewiesen ──► eingetreten ──► ausgetreten (+ Grund; Teilnahmebescheinigung is a date on it)
 *      │  ▲ ▲          │
 *      │  │ └─ warteliste (no free place) ◄──┐
 *      │  └── wartet_auf_genehmigung (over budget; teamleitung approves) ─┘
 *      ├──► abgelehnt          zugewiesen/warteliste/wartet_auf_genehmigung/vorschlag ──► storniert
 */
import { plusTage, tagDanach } from '../fallakte/datum.ts';
import type { Austrittsgrund, TeilnahmeStatus } from './typen.ts';

export const UEBERGAENGE: Readonly<Record<TeilnahmeStatus, readonly TeilnahmeStatus[]>> = {
  vorschlag: ['zugewiesen', 'warteliste', 'wartet_auf_genehmigung', 'abgelehnt', 'storniert'],
  warteliste: ['zugewiesen', 'wartet_auf_genehmigung', 'storniert'],
  wartet_auf_genehmigung: ['zugewiesen', 'warteliste', 'abgelehnt', 'storniert'],
  zugewiesen: ['eingetreten', 'storniert'],
  eingetreten: ['ausgetreten'],
  ausgetreten: [],
  abgelehnt: [],
  storniert: [],
};

export const uebergangErlaubt = (von: TeilnahmeStatus, nach: TeilnahmeStatus): boolean => UEBERGAENGE[von].includes(nach);

/** Statuses from which a Zuweisung may be attempted (the result may still be warteliste or wartet_auf_genehmigung). */
export const ZUWEISBAR: readonly TeilnahmeStatus[] = ['vorschlag', 'warteliste', 'wartet_auf_genehmigung'];

export const STATUS_TEXT: Readonly<Record<TeilnahmeStatus, string>> = {
  vorschlag: 'Vorschlag',
  warteliste: 'Warteliste',
  wartet_auf_genehmigung: 'wartet auf Genehmigung',
  zugewiesen: 'zugewiesen',
  eingetreten: 'eingetreten',
  ausgetreten: 'ausgetreten',
  abgelehnt: 'abgelehnt',
  storniert: 'storniert',
};

export const AUSTRITTSGRUND_TEXT: Readonly<Record<Austrittsgrund, string>> = {
  regulaer: 'regulär beendet',
  arbeitsaufnahme: 'Arbeitsaufnahme',
  abbruch: 'Abbruch durch die teilnehmende Person',
  ausschluss: 'Ausschluss durch den Maßnahmeträger',
  krankheit: 'Krankheit',
};

/** A refused rule: the field it belongs to, a stable code and a German message. */
export type Regelfehler = { feld: string; code: string; meldung: string };

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The planned period must be ordered and lie inside the Kontingent's period. */
export function pruefePlanung(o: { geplantVon: string; geplantBis: string; kontingent: { von: string; bis: string | null } }): Regelfehler[] {
  const f: Regelfehler[] = [];
  if (o.geplantBis < o.geplantVon) f.push({ feld: 'geplantBis', code: 'zeitraum_ungueltig', meldung: 'Das geplante Ende liegt vor dem Beginn.' });
  if (o.geplantVon < o.kontingent.von) {
    f.push({ feld: 'geplantVon', code: 'ausserhalb_kontingent', meldung: `Die Plätze gelten erst ab ${datum(o.kontingent.von)}. Bitte wählen Sie einen späteren Beginn.` });
  }
  if (o.kontingent.bis !== null && o.geplantBis > o.kontingent.bis) {
    f.push({ feld: 'geplantBis', code: 'ausserhalb_kontingent', meldung: `Die Plätze gelten nur bis ${datum(o.kontingent.bis)}. Bitte wählen Sie ein früheres Ende.` });
  }
  return f;
}

/**
 * The planned end when none is given: start + Regeldauer − 1 day, but not beyond the Kontingent's last day (the
 * places end there; the default must not turn the optional field into a required one). `gekappt` says the Regeldauer
 * was shortened to the Kontingent. Without a Regeldauer there is no default (null).
 */
export function vorgabeEnde(o: { geplantVon: string; regeldauerTage: number | null; kontingentBis: string | null }): { bis: string; gekappt: boolean } | null {
  if (!o.regeldauerTage) return null;
  const regel = plusTage(o.geplantVon, o.regeldauerTage - 1);
  if (o.kontingentBis !== null && regel > o.kontingentBis && o.kontingentBis >= o.geplantVon) return { bis: o.kontingentBis, gekappt: true };
  return { bis: regel, gekappt: false };
}

/** Eintritt: on or after the Zuweisung's planned start is not required (a late start happens), but not after the planned end. */
export function pruefeEintritt(o: { eintrittAm: string; geplantBis: string; zugewiesenAm: string | null }): Regelfehler[] {
  if (o.zugewiesenAm && o.eintrittAm < o.zugewiesenAm) {
    return [{ feld: 'eintrittAm', code: 'eintritt_vor_zuweisung', meldung: `Der Eintritt kann nicht vor der Zuweisung am ${datum(o.zugewiesenAm)} liegen.` }];
  }
  if (o.eintrittAm > o.geplantBis) {
    return [{ feld: 'eintrittAm', code: 'eintritt_nach_ende', meldung: `Der Eintritt liegt nach dem geplanten Ende am ${datum(o.geplantBis)}.` }];
  }
  return [];
}

/** Austritt: not before the Eintritt (`austritt_vor_eintritt`). */
export function pruefeAustritt(o: { eintrittAm: string; austrittAm: string }): Regelfehler[] {
  if (o.austrittAm < o.eintrittAm) {
    return [{ feld: 'austrittAm', code: 'austritt_vor_eintritt', meldung: `Der Austritt kann nicht vor dem Eintritt am ${datum(o.eintrittAm)} liegen.` }];
  }
  return [];
}

/** Teilnahmebescheinigung: only after the Austritt, dated on or after it. */
export function pruefeBescheinigung(o: { austrittAm: string; am: string }): Regelfehler[] {
  if (o.am < o.austrittAm) return [{ feld: 'am', code: 'bescheinigung_vor_austritt', meldung: `Die Bescheinigung kann nicht vor dem Austritt am ${datum(o.austrittAm)} ausgestellt werden.` }];
  return [];
}

/** The lowest free place number 1 … plaetze, or null when all are taken. */
export function niedrigsterFreierPlatz(belegt: readonly number[], plaetze: number): number | null {
  const s = new Set(belegt);
  for (let n = 1; n <= plaetze; n++) if (!s.has(n)) return n;
  return null;
}

/**
 * An Austritt before the planned end releases the rest of the bound budget from the day after; an Austritt with
 * Arbeitsaufnahme leads on to recording the Integration (beginning the day after the Austritt unless given).
 */
export function nachAustritt(o: { austrittAm: string; geplantBis: string; grund: Austrittsgrund }): { mittelFreiAb: string | null; integrationErfassen: boolean } {
  return { mittelFreiAb: o.austrittAm < o.geplantBis ? tagDanach(o.austrittAm) : null, integrationErfassen: o.grund === 'arbeitsaufnahme' };
}
