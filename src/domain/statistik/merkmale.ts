/**
 * Merkmale of a person at the statistical Stichtag (docs/statistik.md, "Regeln nach Datum und Merkmale"): the pure
 * rules the snapshot builder applies to the Fallakte facts — Stichtag, data stand, age group, nationality group, the
 * eLb interval of a month, the person group, the Arbeitsmarktstatus as the statistics count it, what counts as a
 * Maßnahme der aktiven Arbeitsförderung for K3E2, the LZB rule and the split of the KdU into Bundesbeteiligung and
 * kommunaler Anteil. All legal values come from src/domain/recht (statistik.ts, foerdern-status.ts).
 */
import { alterAmTag, parseTag, tageImMonat } from '../berechnung/datum.ts';
import { plusTage } from '../fallakte/datum.ts';
import { letzterTagVorAltersgrenze } from '../foerdern/status.ts';
import type { ArbeitsuchendGrund, Instrument } from '../foerdern/typen.ts';
import { ALTERSGRENZEN } from '../recht/regelbedarf.ts';
import {
  AKTIVIERUNG_K3E2,
  BUNDESBETEILIGUNG_KDU,
  BUNDESLAENDER,
  EU_MITGLIEDER,
  LZB_REGEL,
  STATISTIK_WARTEZEIT,
  type Bundesland,
} from '../recht/statistik.ts';
import { gueltigAm } from '../recht/typen.ts';
import type { Altersgruppe, Personengruppe, StaatsangehoerigkeitGruppe, StatistikArbeitsmarktstatus } from './typen.ts';

export { BUNDESLAENDER, type Bundesland };

// ------------------------------------------------------------------------------------------ calendar

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The day `monate` calendar months after `tag`, clipped to the end of the month (31.1. + 1 → 28./29.2.). */
function plusMonate(tag: string, monate: number): string {
  const t = parseTag(tag);
  const index = t.jahr * 12 + (t.monat - 1) + monate;
  const jahr = Math.floor(index / 12);
  const monat = (index % 12) + 1;
  return `${jahr}-${pad2(monat)}-${pad2(Math.min(t.tag, tageImMonat(jahr, monat)))}`;
}

const letzterTagDes = (monat: string): string => {
  const t = parseTag(`${monat}-01`);
  return `${monat}-${pad2(tageImMonat(t.jahr, t.monat))}`;
};

/**
 * The Stichtag of a Berichtsmonat 'YYYY-MM': the Träger's setting `stichtagTag` (day of the month; clipped to the
 * month's last day, so 31 means "last day" in every month) or, when null, the last calendar day.
 */
export function stichtagVon(monat: string, stichtagTag: number | null): string {
  const t = parseTag(`${monat}-01`);
  const letzter = tageImMonat(t.jahr, t.monat);
  const tag = stichtagTag === null ? letzter : Math.min(Math.max(1, Math.trunc(stichtagTag)), letzter);
  return `${monat}-${pad2(tag)}`;
}

/**
 * Data stand of a month: vorläufig until the Wartezeit (STATISTIK_WARTEZEIT, 3 months) after its Stichtag has passed,
 * endgültig from the day after Stichtag + Wartezeit (Stichtag 31.1. + 3 months = 30.4. → endgültig from 1.5.).
 */
export function datenstand(monat: string, stichtagTag: number | null, heute: string): 'vorlaeufig' | 'endgueltig' {
  const stichtag = stichtagVon(monat, stichtagTag);
  const { monate } = gueltigAm(STATISTIK_WARTEZEIT, stichtag, 'die Wartezeit der Statistik').wert;
  return heute > plusMonate(stichtag, monate) ? 'endgueltig' : 'vorlaeufig';
}

// ------------------------------------------------------------------------------------------ person features

/** Age group at the Stichtag (completed years): u15 (< 15), u25 (15–24), 25_49, ue50 (50 and older). */
export function altersgruppe(geburtsdatum: string, stichtag: string): Altersgruppe {
  const alter = alterAmTag(parseTag(geburtsdatum), parseTag(stichtag));
  if (alter < ALTERSGRENZEN.erwerbsfaehigAb) return 'u15';
  if (alter < 25) return 'u25';
  if (alter < 50) return '25_49';
  return 'ue50';
}

/**
 * Nationality group at the Stichtag from the ISO 3166-1 alpha-2 code of person_stammdaten: 'DE' deutsch; a member
 * state of the European Union on that day (EU_MITGLIEDER, dated: HR from 1.7.2013, GB until 31.1.2020; 'GB' and 'UK'
 * both read as the United Kingdom, 'GR' and 'EL' as Greece) eu; any other
 * real country code drittstaat; codes that say nothing (empty, 'XX' = not recorded/staatenlos/ungeklärt, 'XU', 'ZZ')
 * unbekannt.
 */
export function staatsangehoerigkeitGruppe(code: string, stichtag: string): StaatsangehoerigkeitGruppe {
  const roh = code.trim().toUpperCase();
  const c = roh === 'UK' ? 'GB' : roh;
  if (!/^[A-Z]{2}$/.test(c) || UNBEKANNT.has(c)) return 'unbekannt';
  if (c === 'DE') return 'deutsch';
  const stand = stichtag < EU_MITGLIEDER[0]!.gueltigAb ? null : gueltigAm(EU_MITGLIEDER, stichtag, 'die Mitgliedstaaten der EU');
  return stand?.wert.staaten.includes(c) ? 'eu' : 'drittstaat';
}
const UNBEKANNT: ReadonlySet<string> = new Set(['XX', 'XU', 'ZZ', 'XA']);

const max = (a: string, b: string): string => (a > b ? a : b);
const min = (a: string, b: string): string => (a < b ? a : b);

/**
 * The part of calendar month `monat` in which the person is an eLb as the statistics count it: member of the BG
 * (`mitgliedVon` … `mitgliedBis`, inclusive, null = open) ∩ the month ∩ from the 15th birthday to the last day before
 * the § 7a age limit (ALTERSGRENZE_7A) ∩ erwerbsfähig (false excludes; null = the engine's default "erwerbsfähig from
 * 15") ∩ receiving Bürgergeld in that month (anspruchCent > 0). Null when empty.
 */
export function elbIntervall(o: {
  monat: string;
  mitgliedVon: string;
  mitgliedBis: string | null;
  geburtsdatum: string;
  erwerbsfaehig: boolean | null;
  anspruchCent: number;
}): { von: string; bis: string } | null {
  if (o.erwerbsfaehig === false || !(o.anspruchCent > 0)) return null;
  const monatsende = letzterTagDes(o.monat);
  const ab15 = plusMonate(o.geburtsdatum, ALTERSGRENZEN.erwerbsfaehigAb * 12);
  const von = max(max(`${o.monat}-01`, o.mitgliedVon), ab15);
  const bis = min(min(monatsende, o.mitgliedBis ?? monatsende), letzterTagVorAltersgrenze(o.geburtsdatum, monatsende));
  return von <= bis ? { von, bis } : null;
}

/**
 * Person group at the Stichtag: eLb (15 up to the § 7a limit, not recorded as erwerbsunfähig, Bürgergeld > 0), NEF
 * (Bürgergeld/Sozialgeld > 0 but under 15, over the limit or erwerbsunfähig) or nicht leistungsberechtigt (no claim of
 * the month). A child who only receives the Kindersofortzuschlag (§ 72 Abs. 1 S. 2: no claim only because of
 * Kindergeld) is a "Kind ohne Leistungsanspruch" and counts as nicht leistungsberechtigt, as in the BA statistics;
 * its Sofortzuschlag is still counted in the money figures. `sofortzuschlagCent` is therefore not decisive.
 */
export function personengruppe(o: {
  stichtag: string;
  geburtsdatum: string;
  erwerbsfaehig: boolean | null;
  anspruchCent: number;
  sofortzuschlagCent: number;
}): Personengruppe {
  if (!(o.anspruchCent > 0)) return 'nicht_leistungsberechtigt';
  const alter = alterAmTag(parseTag(o.geburtsdatum), parseTag(o.stichtag));
  const imAlter = alter >= ALTERSGRENZEN.erwerbsfaehigAb && o.stichtag <= letzterTagVorAltersgrenze(o.geburtsdatum, o.stichtag);
  return imAlter && o.erwerbsfaehig !== false ? 'elb' : 'nef';
}

/**
 * The Arbeitsmarktstatus of an eLb at the Stichtag as the statistics count it, from the integration side's status
 * period (src/domain/foerdern/typen.ts ARBEITSMARKTSTATUS with its reason) and the two facts the Fallakte knows:
 * - a Maßnahme der aktiven Arbeitsförderung at the Stichtag always wins: participants are not arbeitslos
 *   (§ 16 Abs. 2 SGB III i.V.m. § 53a SGB II) → `massnahme`;
 * - `arbeitslos` → arbeitslos (unless sv-beschäftigt at the Stichtag: then erwerbstaetig — a recorded job start ends
 *   the Arbeitslosigkeit even if the status period was not yet closed);
 * - `arbeitsuchend` with reason massnahme → massnahme, erwerbstaetigkeit → erwerbstaetig, arbeitsunfaehigkeit →
 *   nicht_verfuegbar, sonstiges → arbeitsuchend;
 * - `nicht_arbeitsuchend` (any § 10 reason) → nicht_verfuegbar;
 * - no status recorded (fallback, "what the Fallakte knows"): in Maßnahme → massnahme, sv-beschäftigt →
 *   erwerbstaetig, otherwise arbeitsuchend (never arbeitslos: that needs a registration).
 */
export function statistikArbeitsmarktstatus(o: {
  status: 'arbeitslos' | 'arbeitsuchend' | 'nicht_arbeitsuchend' | null;
  grund: string | null;
  inMassnahme: boolean;
  svBeschaeftigt: boolean;
}): StatistikArbeitsmarktstatus {
  if (o.inMassnahme) return 'massnahme';
  switch (o.status) {
    case 'arbeitslos':
      return o.svBeschaeftigt ? 'erwerbstaetig' : 'arbeitslos';
    case 'arbeitsuchend': {
      const g = o.grund as ArbeitsuchendGrund | null;
      if (g === 'massnahme') return 'massnahme';
      if (g === 'erwerbstaetigkeit' || o.svBeschaeftigt) return 'erwerbstaetig';
      if (g === 'arbeitsunfaehigkeit') return 'nicht_verfuegbar';
      return 'arbeitsuchend';
    }
    case 'nicht_arbeitsuchend':
      // every § 10 reason (NICHT_ARBEITSUCHEND_GRUENDE) means: not available for placement
      return 'nicht_verfuegbar';
    default:
      return o.svBeschaeftigt ? 'erwerbstaetig' : 'arbeitsuchend';
  }
}

/**
 * Whether a participation in the instrument is a Maßnahme der aktiven Arbeitsförderung in the sense of K3E2
 * (Aktivierungsquote der LZB): §§ 16 (SGB III instruments), 16d, 16e (old version), 16f, 16i SGB II; not the
 * Vermittlungsbudget and not the beschäftigungsbegleitenden Leistungen (EGZ, §§ 16b, 16c, 16e new), not § 16a and not
 * § 16k (AKTIVIERUNG_K3E2). `tag` (the Stichtag) selects the dated version; default: the current one.
 */
export function istAktivierungsmassnahme(instrument: Instrument, tag?: string): boolean {
  const erster = AKTIVIERUNG_K3E2[0]!;
  const eintrag =
    tag === undefined ? AKTIVIERUNG_K3E2.at(-1)! : tag < erster.gueltigAb ? erster : gueltigAm(AKTIVIERUNG_K3E2, tag, 'die Zuordnung der Aktivierungsmaßnahmen (K3E2)');
  return eintrag.wert.zaehlt[instrument];
}

// ------------------------------------------------------------------------------------------ LZB

/** The 730-day window (LZB_REGEL) ending with the Stichtag, both ends included. */
export function lzbFenster(stichtag: string): { von: string; bis: string } {
  const r = gueltigAm(LZB_REGEL, stichtag, 'die LZB-Regel').wert;
  return { von: plusTage(stichtag, -(r.fensterTage - 1)), bis: stichtag };
}

/** LZB: eLb on at least 638 (LZB_REGEL) of the days of the window; `tage` = eLb days in lzbFenster(stichtag). */
export function istLzb(tage: number, stichtag: string): boolean {
  return tage >= gueltigAm(LZB_REGEL, stichtag, 'die LZB-Regel').wert.mindestTage;
}

// ------------------------------------------------------------------------------------------ KdU split

/**
 * Splits the Leistungen für Unterkunft und Heizung of a month into the Bundesbeteiligung (§ 46 Abs. 5–11 SGB II; the
 * percentage of the Land for the year, BUNDESBETEILIGUNG_KDU) and the kommunaler Anteil:
 * bundCent = luhCent × basispunkte / 10 000 rounded half away from zero to whole cents (half up for the normal
 * positive amounts; a negative correction is split symmetrically), kommunalCent = luhCent − bundCent (so the two
 * always add up). No Land, or no percentage hinterlegt for the Land and year → basispunkte null, bund 0, all kommunal
 * (the report then says "nicht hinterlegt"; no figure is invented).
 */
export function teileLuh(luhCent: number, land: Bundesland | null, monat: string): { bundCent: number; kommunalCent: number; basispunkte: number | null } {
  const basispunkte = land === null ? null : bundesbeteiligung(land, monat)?.basispunkte ?? null;
  if (basispunkte === null) return { bundCent: 0, kommunalCent: luhCent, basispunkte: null };
  // integer arithmetic: |luh| × bp is exact far beyond any monthly sum; + 5000 then floor = round half up
  const betrag = Math.floor((Math.abs(luhCent) * basispunkte + 5_000) / 10_000);
  const bund = luhCent < 0 ? -betrag : betrag;
  return { bundCent: bund, kommunalCent: luhCent - bund, basispunkte };
}

/** The Bundesbeteiligung of a Land in the month 'YYYY-MM' with its norm and source, or null when not hinterlegt. */
export function bundesbeteiligung(land: Bundesland, monat: string): { basispunkte: number; norm: string; quelle: string; unsicher?: string } | null {
  const tag = `${monat.slice(0, 7)}-01`;
  const e = BUNDESBETEILIGUNG_KDU.find((x) => x.gueltigAb <= tag && (x.gueltigBis === undefined || tag <= x.gueltigBis));
  const w = e?.wert.laender[land];
  if (!e || !w) return null;
  const unsicher = w.unsicher ?? e.unsicher;
  return { basispunkte: w.basispunkte, norm: e.norm, quelle: w.quelle ?? e.quelle, ...(unsicher ? { unsicher } : {}) };
}
