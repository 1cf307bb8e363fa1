/**
 * Early end of a Minderung (§ 31b Abs. 2 SGB II; docs/fordern.md, "Regeln nach Datum"): when the person fulfils the
 * duty or seriously and lastingly declares readiness, the Minderung ends — but only after at least one month has
 * run. Months are whole (FORDERN_AUSLEGUNG.vorzeitigesEndeAb). A § 7b Abs. 4 lapse ends when the person reports in
 * person (no minimum); a Wegfall des Regelbedarfs (§ 31a Abs. 7) after its own minimum (ARBEITSVERWEIGERUNG).
 */
import { datumText, ersterTag, monatPlus, monatText, monatVon } from '../bewilligung/monat.ts';
import { ARBEITSVERWEIGERUNG, FORDERN_AUSLEGUNG, MINDERUNG_VORZEITIGES_ENDE } from '../recht/fordern.ts';
import { gueltigAm } from '../recht/typen.ts';
import type { MinderungArt } from './typen.ts';

/** the months the Minderung must run at least, by its art and the law of its Pflichtverletzung */
export function mindestMonate(art: MinderungArt, pflichtverletzungAm: string): number {
  if (art === 'nichterreichbarkeit') return 0;
  if (art === 'wegfall_regelbedarf') return gueltigAm(ARBEITSVERWEIGERUNG, pflichtverletzungAm, 'Arbeitsverweigerung').wert.mindestMonate;
  return gueltigAm(MINDERUNG_VORZEITIGES_ENDE, pflichtverletzungAm, 'Vorzeitiges Ende').wert.mindestMonate;
}

/**
 * first month no longer reduced when the person complies on `erfuelltAm` (§ 31b Abs. 2 S. 2: at least one month served).
 * `pflichtverletzungAm` selects the law (without it: the first day of `vonMonat`).
 */
export function vorzeitigesEnde(
  m: { vonMonat: string; bisMonat: string; art: MinderungArt; pflichtverletzungAm?: string },
  erfuelltAm: string,
): { ok: true; beendetAbMonat: string } | { ok: false; meldung: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(erfuelltAm)) return { ok: false, meldung: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' };
  const gesetzTag = m.pflichtverletzungAm ?? ersterTag(m.vonMonat);
  const mindest = gesetzTag < '2021-01-01' ? 1 : mindestMonate(m.art, gesetzTag);
  const ausErfuellung = FORDERN_AUSLEGUNG.vorzeitigesEndeAb === 'erfuellungsmonat' ? monatVon(erfuelltAm) : monatPlus(monatVon(erfuelltAm), 1);
  const fruehestens = monatPlus(m.vonMonat, mindest);
  const ab = ausErfuellung > fruehestens ? ausErfuellung : fruehestens;
  if (ab > m.bisMonat) {
    return {
      ok: false,
      meldung: `Die Minderung endet ohnehin mit ${monatText(m.bisMonat)}; ein vorzeitiges Ende ab ${monatText(ab)} (Erfüllung am ${datumText(erfuelltAm)}) ändert nichts.`,
    };
  }
  return { ok: true, beendetAbMonat: ab };
}
