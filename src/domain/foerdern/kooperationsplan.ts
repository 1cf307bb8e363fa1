/**
 * Kooperationsplan (§ 15 SGB II) and its 2026 successor, the obligation by Verwaltungsakt (docs/foerdern.md): the
 * content, its validation against the plan's date, the state machine, the Schlichtung period (§ 15a a.F.) and the
 * Minderung block during a Schlichtung. Pure; the dated rules come from src/domain/recht/foerdern-kooperationsplan.ts.
 */
import { z } from 'zod';
import { istKalenderdatum, plusTage } from '../fallakte/datum.ts';
import { KOOPERATIONSPLAN_AUSLEGUNG, KOOPERATIONSPLAN_REGIME, type Kooperationsregime } from '../recht/foerdern-kooperationsplan.ts';
import { gueltigAm, type Gueltig } from '../recht/typen.ts';
import { SCHRITT_TRAEGER, SPRACHFOERDERUNG, type KooperationsplanStatus, type SchlichtungErgebnis } from './typen.ts';

const tagSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum im Format JJJJ-MM-TT angeben.')
  .refine(istKalenderdatum, { message: 'Dieses Datum gibt es nicht.' });
const zeile = (max: number, pflicht: string) => z.string().trim().min(1, pflicht).max(max, `Bitte höchstens ${max} Zeichen.`);
const liste = z.array(z.string().trim().min(1).max(300)).max(20, 'Bitte höchstens 20 Einträge.');

/** One essential step: what, who does it, by when. */
export const schrittSchema = z.object({
  was: zeile(500, 'Bitte beschreiben Sie den Schritt.'),
  wer: z.enum(SCHRITT_TRAEGER, { message: 'Bitte wählen Sie, wer den Schritt unternimmt.' }),
  bis: tagSchema,
});
export type Schritt = z.output<typeof schrittSchema>;

/** The structured content beside the Eingliederungsziel (the "soll" contents of § 15 Abs. 2 SGB II). */
export const planInhaltSchema = z.object({
  schritte: z.array(schrittSchema).min(1, 'Bitte tragen Sie mindestens einen wesentlichen Schritt ein.').max(30, 'Bitte höchstens 30 Schritte.'),
  eigenbemuehungen: z.object({
    anzahlJeMonat: z.coerce.number({ message: 'Bitte eine Zahl angeben.' }).int('Bitte eine ganze Zahl angeben.').min(0, 'Die Zahl darf nicht negativ sein.').max(50, 'Bitte höchstens 50.'),
    nachweis: zeile(300, 'Bitte geben Sie an, wie die Eigenbemühungen nachgewiesen werden.'),
  }),
  sprachfoerderung: z.enum(SPRACHFOERDERUNG, { message: 'Bitte wählen Sie eine Angabe.' }),
  rehaBedarf: z.boolean(),
  rehaHinweis: z.string().trim().max(500).optional(),
  eingliederungsleistungen: liste,
  taetigkeitsbereiche: liste,
  leistungenAndererTraeger: z.string().trim().max(500).optional(),
});
export type PlanInhalt = z.output<typeof planInhaltSchema>;

export const planSchema = z.object({
  eingliederungsziel: zeile(1000, 'Bitte geben Sie das Eingliederungsziel an.'),
  inhalt: planInhaltSchema,
});
export type PlanDaten = z.output<typeof planSchema>;

export type Feldfehler = { path: string; code: string; message: string };

/**
 * Checks against the plan's date: a step due before the plan date cannot be agreed (`schritt_in_vergangenheit`, at
 * the step's `bis` field).
 */
export function pruefePlan(daten: PlanDaten, planDatum: string): Feldfehler[] {
  const fehler: Feldfehler[] = [];
  daten.inhalt.schritte.forEach((s, i) => {
    if (s.bis < planDatum) {
      fehler.push({ path: `inhalt.schritte.${i}.bis`, code: 'schritt_in_vergangenheit', message: 'Das Datum dieses Schritts liegt vor dem Datum des Plans. Bitte wählen Sie ein späteres Datum.' });
    }
  });
  return fehler;
}

/** The regime on a day (throws RechtsstandFehler before 2021). */
export function regimeAm(datum: string): Gueltig<Kooperationsregime> {
  return gueltigAm(KOOPERATIONSPLAN_REGIME, datum, 'den Kooperationsplan');
}

/** The rule's name stored with a record (`kooperationsplaene.rechtsstand`), e.g. "kooperationsplan-2023-07-01". */
export function rechtsstandName(datum: string): string {
  const r = regimeAm(datum);
  return `${r.wert.art}-${r.gueltigAb}`;
}

/** The day `monate` calendar months after `tag`, clamped to the month's last day (31.8. + 6 → 28./29.2.). */
export function plusMonate(tag: string, monate: number): string {
  const j = Number(tag.slice(0, 4));
  const m = Number(tag.slice(5, 7)) - 1 + monate;
  const zielJahr = j + Math.floor(m / 12);
  const zielMonat = (m % 12 + 12) % 12;
  const letzter = new Date(Date.UTC(zielJahr, zielMonat + 1, 0)).getUTCDate();
  const t = Math.min(Number(tag.slice(8, 10)), letzter);
  return `${zielJahr}-${String(zielMonat + 1).padStart(2, '0')}-${String(t).padStart(2, '0')}`;
}

/** Latest day of the joint review: the agreement day + 6 months (§ 15 Abs. 3 SGB II, "spätestens nach sechs Monaten"). */
export function spaetesteUeberpruefung(abgestimmtAm: string): string {
  return plusMonate(abgestimmtAm, regimeAm(abgestimmtAm).wert.ueberpruefungMonate);
}

/* ---------- state machine ---------- */

/** What may follow what (entwurf → abgestimmt → fortgeschrieben; entwurf → nicht_zustande_gekommen → …). */
export const PLAN_UEBERGAENGE: Readonly<Record<KooperationsplanStatus, readonly KooperationsplanStatus[]>> = {
  entwurf: ['abgestimmt', 'nicht_zustande_gekommen'],
  abgestimmt: ['fortgeschrieben'],
  nicht_zustande_gekommen: ['fortgeschrieben'],
  fortgeschrieben: [],
};

export const darfUebergehen = (von: KooperationsplanStatus, nach: KooperationsplanStatus): boolean => PLAN_UEBERGAENGE[von].includes(nach);

export type Folgeschritt = 'schlichtung' | 'verwaltungsakt' | 'keiner';

/**
 * What the law offers on `tag` when no plan came about: a Schlichtung (1.7.2023–30.6.2026), the Verwaltungsakt (from
 * 1.7.2026), or nothing (Eingliederungsvereinbarung era: only readable).
 */
export function folgeschrittOhnePlan(tag: string): Folgeschritt {
  const r = regimeAm(tag).wert;
  if (r.schlichtung) return 'schlichtung';
  if (r.verwaltungsakt) return 'verwaltungsakt';
  return 'keiner';
}

export type Ablehnung = { code: 'eingliederungsvereinbarung_nur_lesbar' | 'schlichtung_nicht_mehr_moeglich' | 'verwaltungsakt_noch_nicht_moeglich'; meldung: string };

/** May a new plan (draft, Fortschreibung) be made on `tag`? */
export function pruefeNeuerPlan(tag: string): Ablehnung | null {
  return regimeAm(tag).wert.neueErlaubt
    ? null
    : { code: 'eingliederungsvereinbarung_nur_lesbar', meldung: 'Vor dem 1. Juli 2023 galt die Eingliederungsvereinbarung. Sie kann nur noch gelesen, aber nicht mehr neu angelegt werden.' };
}

/** May a Schlichtung start on `tag`? (only 1.7.2023–30.6.2026) */
export function pruefeSchlichtungsbeginn(tag: string): Ablehnung | null {
  return regimeAm(tag).wert.schlichtung
    ? null
    : {
        code: 'schlichtung_nicht_mehr_moeglich',
        meldung:
          tag > KOOPERATIONSPLAN_AUSLEGUNG.altesRechtBis
            ? 'Das Schlichtungsverfahren (§ 15a SGB II a.F.) ist seit dem 1. Juli 2026 abgeschafft. Kommt kein Kooperationsplan zustande, werden die Pflichten durch Verwaltungsakt festgelegt.'
            : 'Ein Schlichtungsverfahren gibt es erst für Kooperationspläne ab dem 1. Juli 2023.',
      };
}

/** May the obligations be set by Verwaltungsakt on `tag`? (from 1.7.2026) */
export function pruefeVerwaltungsakt(tag: string): Ablehnung | null {
  return regimeAm(tag).wert.verwaltungsakt
    ? null
    : { code: 'verwaltungsakt_noch_nicht_moeglich', meldung: 'Eine Verpflichtung durch Verwaltungsakt ist erst ab dem 1. Juli 2026 möglich. Bis dahin steht das Schlichtungsverfahren offen.' };
}

/* ---------- Schlichtung ---------- */

/**
 * Last day of a Schlichtung that starts on `beginn`: 4 weeks later (§ 15a a.F.: it ends four weeks after its start;
 * §§ 26 SGB X, 187 Abs. 1, 188 Abs. 2 BGB: the day of the 4th week with the start's weekday).
 */
export function schlichtungsEnde(beginn: string): string {
  const wochen = regimeAm(beginn).wert.schlichtungWochen || 4;
  return plusTage(beginn, wochen * 7);
}

export type SchlichtungZeitraum = { beginn: string; ende: string; ergebnis: SchlichtungErgebnis };

/** The last day a Schlichtung blocks Minderungen, given the setting for Schlichtungen running on 1.7.2026. */
export function sperreBis(s: SchlichtungZeitraum): string {
  const grenze = KOOPERATIONSPLAN_AUSLEGUNG.altesRechtBis;
  if (KOOPERATIONSPLAN_AUSLEGUNG.laufendeSchlichtungAmStichtag === 'endet_mit_altem_recht' && s.beginn <= grenze && s.ende > grenze) return grenze;
  return s.ende;
}

/**
 * Is a Minderung blocked on `tag`? § 15a Abs. 3 a.F.: no Leistungsminderung for Pflichtverletzungen during a
 * Schlichtung — from its start to its end (the agreed end day when it ended early) inclusive.
 * (Issue #14, Leistungsminderungen, calls this.)
 */
export function minderungGesperrt(schlichtungen: readonly SchlichtungZeitraum[], tag: string): boolean {
  return schlichtungen.some((s) => s.beginn <= tag && tag <= sperreBis(s));
}
