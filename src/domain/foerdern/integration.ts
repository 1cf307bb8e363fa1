/**
 * Job starts (Beschäftigungsaufnahmen) and what counts as an Integration (docs/foerdern.md, jobcenter-domain.md § 2).
 *
 * The Statistik der BA counts as Integration (§ 2 Abs. 2, § 5 der Verordnung zur Festlegung der Kennzahlen nach
 * § 48a SGB II) the take-up by an eLb of a sozialversicherungspflichtige Beschäftigung, a voll qualifizierende
 * Ausbildung or a selbständige Tätigkeit — at most one per person and month. Subsidised employment counts when the
 * subsidy is a beschäftigungsbegleitende Leistung (EGZ, Einstiegsgeld, § 16e SGB II): so `gefoerdert_16e` counts.
 * Issue #13 lists § 16e among "öffentlich gefördert" next to § 16d and § 16i; the BA's definition decides here, and
 * only the old § 16e (Förderung von Arbeitsverhältnissen until 2018) was öffentlich geförderte Beschäftigung.
 * Minijobs are counted apart (Eintritte in geringfügige Beschäftigung, K2E1); § 16d Arbeitsgelegenheiten and § 16i
 * Teilhabe am Arbeitsmarkt are öffentlich geförderte Beschäftigung, recorded and counted apart.
 *
 * Pure: the caller passes the day, the memberships and the values of the law.
 */
import { ersterTag, monatVon } from '../fallakte/datum.ts';
import { minijobGrenzeAm } from '../recht/foerdern-integration.ts';
import { INTEGRATIONSARTEN, type Integrationsart, type NachhaltigkeitErgebnis } from './typen.ts';

/** How a job start is counted. */
export type Zaehlart = 'integration' | 'minijob' | 'oeffentlich_gefoerdert';

export const ZAEHLART: Readonly<Record<Integrationsart, Zaehlart>> = {
  svb_vollzeit: 'integration',
  svb_teilzeit: 'integration',
  ausbildung: 'integration',
  selbststaendigkeit: 'integration',
  // beschäftigungsbegleitend gefördert (§ 16e SGB II, Eingliederung von Langzeitarbeitslosen): an svB, counted
  gefoerdert_16e: 'integration',
  minijob: 'minijob',
  gefoerdert_16d: 'oeffentlich_gefoerdert',
  gefoerdert_16i: 'oeffentlich_gefoerdert',
};

export const zaehltAlsIntegration = (art: Integrationsart): boolean => ZAEHLART[art] === 'integration';

/** Kinds that are sozialversicherungspflichtig employment (what the 6-month follow-up asks about). */
export const SV_PFLICHTIG: ReadonlySet<Integrationsart> = new Set(['svb_vollzeit', 'svb_teilzeit', 'ausbildung', 'gefoerdert_16e', 'gefoerdert_16i']);

export const INTEGRATIONSART_TEXT: Readonly<Record<Integrationsart, string>> = {
  svb_vollzeit: 'sozialversicherungspflichtig, Vollzeit',
  svb_teilzeit: 'sozialversicherungspflichtig, Teilzeit',
  ausbildung: 'Ausbildung',
  selbststaendigkeit: 'Selbständigkeit',
  minijob: 'Minijob (geringfügig)',
  gefoerdert_16d: 'Arbeitsgelegenheit (§ 16d SGB II)',
  gefoerdert_16e: 'gefördert nach § 16e SGB II (Eingliederung von Langzeitarbeitslosen)',
  gefoerdert_16i: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
};

export const ZAEHLART_TEXT: Readonly<Record<Zaehlart, string>> = {
  integration: 'zählt als Integration',
  minijob: 'Minijob – getrennt gezählt, keine Integration',
  oeffentlich_gefoerdert: 'öffentlich geförderte Beschäftigung – getrennt gezählt, keine Integration',
};

export const NACHHALTIGKEIT_TEXT: Readonly<Record<NachhaltigkeitErgebnis, string>> = {
  noch_beschaeftigt: 'noch beschäftigt',
  nicht_mehr_beschaeftigt: 'nicht mehr beschäftigt',
  unbekannt: 'unbekannt (nicht zu klären)',
};

/** The follow-up asks after this many months whether the person is still employed (K2E3, issue #13 point 7). */
export const NACHHALTIGKEIT_MONATE: number = 6;
const ZAHLWORT = ['null', 'einem', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
/** "Nachfrage nach sechs Monaten" in the words of the pages (from the constant). */
export const NACHFRAGE_TEXT = `Nachfrage nach ${ZAHLWORT[NACHHALTIGKEIT_MONATE] ?? NACHHALTIGKEIT_MONATE} Monat${NACHHALTIGKEIT_MONATE === 1 ? '' : 'en'}`;

/** A calendar date plus whole months; the day is clamped to the month's end (31.8. + 6 Monate = 28./29.2.). */
export function plusMonate(tag: string, monate: number): string {
  const [j, m, t] = tag.split('-').map(Number) as [number, number, number];
  const index = j * 12 + (m - 1) + monate;
  const jahr = Math.floor(index / 12);
  const monat = (index % 12) + 1;
  const letzter = new Date(Date.UTC(jahr, monat, 0)).getUTCDate();
  return `${String(jahr).padStart(4, '0')}-${String(monat).padStart(2, '0')}-${String(Math.min(t, letzter)).padStart(2, '0')}`;
}

/** Due day of the follow-up: beginn + 6 months. */
export const nachhaltigkeitFaelligAm = (beginn: string): string => plusMonate(beginn, NACHHALTIGKEIT_MONATE);

/** The day the expected income is proposed to the Leistung side from: the first day of the start month. */
export const einkommenAb = (beginn: string): string => ersterTag(monatVon(beginn));

export type GezaehlteAufnahme = { id: string; personId: string; art: Integrationsart; beginn: string };

/**
 * Which job starts count as Integration: kinds that count, at most one per person and calendar month (the earliest
 * start of the month, ties by id). Returns the ids that count.
 */
export function gezaehlteIntegrationen(liste: readonly GezaehlteAufnahme[]): Set<string> {
  const gezaehlt = new Set<string>();
  const belegt = new Set<string>();
  const sortiert = liste.filter((a) => zaehltAlsIntegration(a.art)).toSorted((a, b) => a.beginn.localeCompare(b.beginn) || a.id.localeCompare(b.id));
  for (const a of sortiert) {
    const schluessel = `${a.personId}|${monatVon(a.beginn)}`;
    if (belegt.has(schluessel)) continue;
    belegt.add(schluessel);
    gezaehlt.add(a.id);
  }
  return gezaehlt;
}

/** Why a recorded job start counts or not, for the list. */
export function zaehlung(a: GezaehlteAufnahme, gezaehlt: ReadonlySet<string>): { zaehlart: Zaehlart; gezaehlt: boolean; text: string } {
  const zaehlart = ZAEHLART[a.art];
  if (zaehlart !== 'integration') return { zaehlart, gezaehlt: false, text: ZAEHLART_TEXT[zaehlart] };
  return gezaehlt.has(a.id)
    ? { zaehlart, gezaehlt: true, text: ZAEHLART_TEXT.integration }
    : { zaehlart, gezaehlt: false, text: 'nicht gezählt: in diesem Monat zählt schon eine andere Integration dieser Person' };
}

/** The highest weekly hours accepted (a plausibility limit, like the database check). */
export const HOECHST_WOCHENSTUNDEN = 60;
/** A Minijob above this many hours a week is a contradiction: at the Mindestlohn it would exceed the Minijob-Grenze. */
export const MINIJOB_HOECHST_WOCHENSTUNDEN = 15;

export type IntegrationEingabe = {
  art: Integrationsart;
  beginn: string;
  wochenstunden: number;
  erwartetesBruttoCent: number | null;
  erwartetesNettoCent: number | null;
};

/** The person's memberships of BGs (in_bg only) — a job start is recorded while the person belongs to one. */
export type Mitgliedszeit = { bgId: string; gueltigVon: string; gueltigBis: string | null };

export type Pruefhinweis = { feld: keyof IntegrationEingabe | 'ende'; code: string; meldung: string };

const datumText = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const euro = (cent: number) => `${Math.floor(cent / 100).toLocaleString('de-DE')}${cent % 100 ? `,${String(cent % 100).padStart(2, '0')}` : ''} €`;

/**
 * The membership a job start on `beginn` belongs to: the one covering the day. Null when the person was not a member
 * of a BG on that day.
 */
export function mitgliedschaftAm(zeiten: readonly Mitgliedszeit[], tag: string): Mitgliedszeit | null {
  return zeiten.find((z) => z.gueltigVon <= tag && (z.gueltigBis === null || tag <= z.gueltigBis)) ?? null;
}

/**
 * Checks a job start before it is saved; each finding is tied to the field it concerns. Rules: the start lies in a
 * BG membership of the person (not before she belonged to a BG, not after she left it); weekly hours 0 < h ≤ 60; a
 * Minijob has at most 15 hours and an expected gross pay up to the Minijob-Grenze of its start day (§ 8 Abs. 1a SGB
 * IV); netto not above brutto; a start at most a year ahead.
 */
export function pruefeIntegration(e: IntegrationEingabe, kontext: { mitgliedschaften: readonly Mitgliedszeit[]; heute: string }): Pruefhinweis[] {
  const hinweise: Pruefhinweis[] = [];
  if (!mitgliedschaftAm(kontext.mitgliedschaften, e.beginn)) {
    const erste = kontext.mitgliedschaften.map((m) => m.gueltigVon).toSorted()[0];
    hinweise.push({
      feld: 'beginn',
      code: 'beginn_ausserhalb_bg',
      meldung:
        erste && e.beginn < erste
          ? `Der Beginn liegt vor der Zugehörigkeit zur Bedarfsgemeinschaft (seit ${datumText(erste)}).`
          : 'Am Beginn gehörte die Person zu keiner Bedarfsgemeinschaft. Bitte prüfen Sie das Datum.',
    });
  }
  if (e.beginn > plusMonate(kontext.heute, 12)) {
    hinweise.push({ feld: 'beginn', code: 'beginn_zu_spaet', meldung: 'Der Beginn darf höchstens ein Jahr in der Zukunft liegen.' });
  }
  if (!(e.wochenstunden > 0) || e.wochenstunden > HOECHST_WOCHENSTUNDEN) {
    hinweise.push({ feld: 'wochenstunden', code: 'wochenstunden_ungueltig', meldung: `Bitte geben Sie die Wochenstunden an: mehr als 0 und höchstens ${HOECHST_WOCHENSTUNDEN}.` });
  } else if (e.art === 'minijob' && e.wochenstunden > MINIJOB_HOECHST_WOCHENSTUNDEN) {
    hinweise.push({
      feld: 'wochenstunden',
      code: 'minijob_stunden',
      meldung: `Ein Minijob mit mehr als ${MINIJOB_HOECHST_WOCHENSTUNDEN} Wochenstunden ist nicht möglich. Bitte prüfen Sie die Art oder die Stunden.`,
    });
  }
  if (e.art === 'minijob' && e.erwartetesBruttoCent !== null) {
    const grenze = minijobGrenzeAm(e.beginn);
    if (e.erwartetesBruttoCent > grenze.wert) {
      hinweise.push({
        feld: 'erwartetesBruttoCent',
        code: 'minijob_entgelt',
        meldung: `Das Brutto liegt über der Minijob-Grenze von ${euro(grenze.wert)} (${grenze.norm}). Bitte prüfen Sie die Art oder den Betrag.`,
      });
    }
  }
  if (e.erwartetesBruttoCent !== null && e.erwartetesNettoCent !== null && e.erwartetesNettoCent > e.erwartetesBruttoCent) {
    hinweise.push({ feld: 'erwartetesNettoCent', code: 'netto_ueber_brutto', meldung: 'Das Netto kann nicht höher sein als das Brutto.' });
  }
  return hinweise;
}

/** Checks the end of a Beschäftigungsperiode. */
export function pruefeEnde(o: { beginn: string; ende: string }): Pruefhinweis | null {
  return o.ende < o.beginn ? { feld: 'ende', code: 'ende_vor_beginn', meldung: `Das Ende darf nicht vor dem Beginn (${datumText(o.beginn)}) liegen.` } : null;
}

/** Is the Beschäftigungsperiode running on a day? */
export const laeuftAm = (p: { beginn: string; ende: string | null }, tag: string): boolean => p.beginn <= tag && (p.ende === null || tag <= p.ende);

/** All kinds, for selects. */
export const INTEGRATIONSARTEN_AUSWAHL = INTEGRATIONSARTEN.map((art) => ({ art, text: INTEGRATIONSART_TEXT[art], zaehlart: ZAEHLART[art] }));
