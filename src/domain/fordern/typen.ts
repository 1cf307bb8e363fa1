/**
 * Fordern (docs/fordern.md): the closed lists of the Minderungsverfahren, shared by domain, schema and pages.
 * Legal domain terms stay German (GLOSSARY.md, section "Fordern").
 */

/**
 * Tatbestände of a Leistungsminderung.
 * - `31_1_1` … `31_1_3`: § 31 Abs. 1 S. 1 Nr. 1–3 SGB II (Aufforderung nach § 15 Abs. 5/6 nicht nachgekommen;
 *   zumutbare Arbeit/Ausbildung/§ 16e-Stelle nicht aufgenommen oder Anbahnung verhindert; Maßnahme nicht angetreten,
 *   abgebrochen oder Anlass zum Abbruch gegeben)
 * - `31_2_1` … `31_2_4`: § 31 Abs. 2 Nr. 1–4 SGB II (Einkommen/Vermögen absichtlich gemindert; fortgesetzt
 *   unwirtschaftliches Verhalten; Sperrzeit/Erlöschen Alg I; Sperrzeit-Voraussetzungen erfüllt)
 * - `32`: § 32 SGB II Meldeversäumnis
 * - `31a_7`: Arbeitsverweigerung (§ 31a Abs. 7 SGB II, 28.3.2024–27.3.2026, and its 2026 form)
 */
export const TATBESTAENDE = ['31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32', '31a_7'] as const;
export type Tatbestand = (typeof TATBESTAENDE)[number];

/** What the procedure starts from; `anlass_id` names the object (Einladung, Kooperationsplan, Teilnahme) where there is one. */
export const ANLASS_ARTEN = ['meldeversaeumnis', 'kooperationsplan', 'zuweisung', 'massnahme_abbruch', 'arbeitsangebot', 'manuell'] as const;
export type AnlassArt = (typeof ANLASS_ARTEN)[number];

/** How the person knew the consequences: written Rechtsfolgenbelehrung, proven knowledge, or not needed (§ 31 Abs. 2). */
export const BELEHRUNG_ARTEN = ['schriftlich', 'kenntnis', 'nicht_erforderlich'] as const;
export type BelehrungArt = (typeof BELEHRUNG_ARTEN)[number];

/** How a letter (Einladung, Anhörung, Bescheid) reached the person – the Zugangsnachweis the Jobcenter must prove. */
export const ZUGANG_ARTEN = ['postfach', 'post', 'persoenlich', 'zustellungsurkunde'] as const;
export type ZugangArt = (typeof ZUGANG_ARTEN)[number];

/**
 * States of a Minderungsverfahren (src/domain/fordern/verfahren.ts is the state machine):
 * erfasst → anhoerung → entscheidung → (freigabe_erforderlich →) festgestellt; from erfasst/anhoerung/entscheidung
 * also → eingestellt (no Minderung: wichtiger Grund, Härte, Frist, Schlichtung); festgestellt → aufgehoben
 * (Widerspruch granted / Rücknahme).
 */
export const VERFAHREN_STATUS = ['erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich', 'festgestellt', 'eingestellt', 'aufgehoben'] as const;
export type VerfahrenStatus = (typeof VERFAHREN_STATUS)[number];

export const ANHOERUNG_ARTEN = ['schriftlich', 'persoenlich'] as const;
export type AnhoerungArt = (typeof ANHOERUNG_ARTEN)[number];

export const ANTWORT_KANAELE = ['portal', 'post', 'persoenlich', 'telefon'] as const;
export type AntwortKanal = (typeof ANTWORT_KANAELE)[number];

/**
 * Kind of a decided Minderung (the dated fact the Bewilligung reads):
 * - `minderung`: percentage of the person's maßgebender Regelbedarf (§ 31a Abs. 1, § 32)
 * - `wegfall_regelbedarf`: the Regelbedarf lapses (§ 31a Abs. 7), KdU untouched
 * - `nichterreichbarkeit`: § 7b Abs. 4 (from 1.7.2026) – the person's whole claim lapses incl. KdU; in a
 *   Mehrpersonen-BG the KdU share is redistributed to the others and KdU are paid to the landlord
 */
export const MINDERUNG_ARTEN = ['minderung', 'wegfall_regelbedarf', 'nichterreichbarkeit'] as const;
export type MinderungArt = (typeof MINDERUNG_ARTEN)[number];

/** Which role decides Minderungen at a Träger (setting): the integration side or the Leistung side. */
export const ENTSCHEIDER_ROLLEN = ['integration', 'leistung'] as const;
export type EntscheiderRolle = (typeof ENTSCHEIDER_ROLLEN)[number];

/** Träger rule for a second person's approval of a Minderungsbescheid. */
export const MINDERUNG_VIER_AUGEN = ['nie', 'wegfall', 'immer'] as const;
export type MinderungVierAugen = (typeof MINDERUNG_VIER_AUGEN)[number];

/** One entry of a procedure's history (shown on the procedure page, oldest first). */
export type VerfahrenEreignis = {
  am: string; // ISO timestamp
  art: string; // e.g. 'eroeffnet', 'anhoerung_versandt', 'antwort', 'entschieden', 'freigegeben', 'bescheid', 'vorzeitig_beendet', 'aufgehoben', 'eingestellt'
  text: string; // German, for the page
  von?: string; // display name of the actor ('Bürgerportal' for the citizen)
};
