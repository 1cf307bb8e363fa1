/**
 * The Eingliederungsinstrumente: label and norm of each code of INSTRUMENTE, whether it can be used on a day, the
 * legal maximum duration checked at the Zuweisung (with earlier participations of the same person), the subsidy
 * steps, and whether it counts as Maßnahme der aktiven Arbeitsförderung. The dated values live in
 * src/domain/recht/foerdern-instrumente.ts; this file applies them. Pure, no IO.
 */
import { plusTage, tageZwischen } from '../fallakte/datum.ts';
import { INSTRUMENT_HOECHSTDAUER, INSTRUMENT_VERFUEGBARKEIT, MASSNAHME_ZAEHLUNG, type Dauerregel } from '../recht/foerdern-instrumente.ts';
import { gueltigAm } from '../recht/typen.ts';
import { INSTRUMENTE, type BudgetTitel, type Instrument } from './typen.ts';

export type InstrumentText = { bezeichnung: string; norm: string; titel: BudgetTitel };

/** Label and norm for the pages and the letter; `titel`: where its cost is booked by default. */
export const INSTRUMENT_TEXT: Readonly<Record<Instrument, InstrumentText>> = {
  sgb3_44_vermittlungsbudget: { bezeichnung: 'Vermittlungsbudget', norm: '§ 16 Abs. 1 SGB II i.V.m. § 44 SGB III', titel: 'egt_bund' },
  sgb3_45_mat: { bezeichnung: 'Aktivierung und berufliche Eingliederung bei einem Träger (AVGS-MAT)', norm: '§ 16 Abs. 1 SGB II i.V.m. § 45 SGB III', titel: 'egt_bund' },
  sgb3_45_mag: { bezeichnung: 'Maßnahme bei einem Arbeitgeber (AVGS-MAG)', norm: '§ 16 Abs. 1 SGB II i.V.m. § 45 SGB III', titel: 'egt_bund' },
  sgb3_45_mpav: { bezeichnung: 'Private Arbeitsvermittlung (AVGS-MPAV)', norm: '§ 16 Abs. 1 SGB II i.V.m. § 45 SGB III', titel: 'egt_bund' },
  sgb3_88_egz: { bezeichnung: 'Eingliederungszuschuss', norm: '§ 16 Abs. 1 SGB II i.V.m. §§ 88 ff. SGB III', titel: 'egt_bund' },
  sgb3_81_fbw: { bezeichnung: 'Berufliche Weiterbildung durch das Jobcenter (bis 2024)', norm: '§ 16 Abs. 1 SGB II a.F. i.V.m. §§ 81 ff. SGB III', titel: 'egt_bund' },
  verweisung_aa_fbw: { bezeichnung: 'Verweisung an die Agentur für Arbeit: berufliche Weiterbildung', norm: '§ 16 Abs. 1 SGB II i.V.m. §§ 81 ff. SGB III', titel: 'egt_bund' },
  verweisung_aa_reha: { bezeichnung: 'Verweisung an die Agentur für Arbeit: berufliche Rehabilitation', norm: '§ 16 Abs. 1 SGB II i.V.m. §§ 112 ff. SGB III', titel: 'egt_bund' },
  sgb2_16a_kinderbetreuung: { bezeichnung: 'Kinderbetreuung, häusliche Pflege von Angehörigen', norm: '§ 16a Nr. 1 SGB II', titel: 'kommunal_16a' },
  sgb2_16a_schuldnerberatung: { bezeichnung: 'Schuldnerberatung', norm: '§ 16a Nr. 2 SGB II', titel: 'kommunal_16a' },
  sgb2_16a_psychosozial: { bezeichnung: 'Psychosoziale Betreuung', norm: '§ 16a Nr. 3 SGB II', titel: 'kommunal_16a' },
  sgb2_16a_suchtberatung: { bezeichnung: 'Suchtberatung', norm: '§ 16a Nr. 4 SGB II', titel: 'kommunal_16a' },
  sgb2_16b_einstiegsgeld: { bezeichnung: 'Einstiegsgeld', norm: '§ 16b SGB II', titel: 'egt_bund' },
  sgb2_16c_selbststaendige: { bezeichnung: 'Leistungen zur Eingliederung von Selbständigen', norm: '§ 16c SGB II', titel: 'egt_bund' },
  sgb2_16d_agh: { bezeichnung: 'Arbeitsgelegenheit mit Mehraufwandsentschädigung', norm: '§ 16d SGB II', titel: 'egt_bund' },
  sgb2_16e_lza: { bezeichnung: 'Eingliederung von Langzeitarbeitslosen', norm: '§ 16e SGB II', titel: 'egt_bund' },
  sgb2_16f_freie_foerderung: { bezeichnung: 'Freie Förderung', norm: '§ 16f SGB II', titel: 'egt_bund' },
  sgb2_16h_junge_menschen: { bezeichnung: 'Förderung schwer zu erreichender junger Menschen', norm: '§ 16h SGB II', titel: 'egt_bund' },
  sgb2_16i_teilhabe: { bezeichnung: 'Teilhabe am Arbeitsmarkt', norm: '§ 16i SGB II', titel: 'egt_bund' },
  sgb2_16k_coaching: { bezeichnung: 'Ganzheitliche Betreuung (Coaching)', norm: '§ 16k SGB II', titel: 'egt_bund' },
};

function verfuegbarAm(tag: string): readonly Instrument[] {
  const e = INSTRUMENT_VERFUEGBARKEIT.find((x) => x.gueltigAb <= tag && (x.gueltigBis === undefined || tag <= x.gueltigBis));
  return e?.wert.verfuegbar ?? [];
}

/** Whether the instrument can be used (assigned) on this day. */
export function instrumentVerfuegbar(instrument: Instrument, tag: string): boolean {
  return verfuegbarAm(tag).includes(instrument);
}

/** The instruments that can be used on this day, in the order of INSTRUMENTE. */
export function verfuegbareInstrumente(tag: string): Instrument[] {
  const v = verfuegbarAm(tag);
  return INSTRUMENTE.filter((i) => v.includes(i));
}

/** The validity of an instrument in vorort's law (first and last day; `bis` null = open), for the catalogue page. */
export function instrumentGueltigkeit(instrument: Instrument): { von: string; bis: string | null } | null {
  const mit = INSTRUMENT_VERFUEGBARKEIT.filter((x) => x.wert.verfuegbar.includes(instrument));
  if (mit.length === 0) return null;
  const letzter = mit.at(-1)!;
  return { von: mit[0]!.gueltigAb, bis: letzter.gueltigBis ?? null };
}

/**
 * Whether a participation in the instrument that starts on `tag` counts as Maßnahme der aktiven Arbeitsförderung
 * (Kennzahlen, Arbeitsmarktstatus), with the version of the mapping that said so.
 */
export function zaehltAlsMassnahme(instrument: Instrument, tag: string): { zaehlt: boolean; version: string } {
  const e = gueltigAm(MASSNAHME_ZAEHLUNG, tag, 'die Zuordnung „Maßnahme der aktiven Arbeitsförderung“');
  return { zaehlt: e.wert.zaehlt[instrument], version: e.wert.version };
}

/** The duration rule of the instrument on this day (null: no legal maximum). */
export function dauerregel(instrument: Instrument, tag: string): (Dauerregel & { norm: string }) | null {
  const e = INSTRUMENT_HOECHSTDAUER.find((x) => x.gueltigAb <= tag && (x.gueltigBis === undefined || tag <= x.gueltigBis));
  return e?.wert[instrument] ?? null;
}

/** The day `monate` calendar months after `tag` (end of month clipped: 31.1. + 1 → 28./29.2.). */
export function plusMonate(tag: string, monate: number): string {
  const j = Number(tag.slice(0, 4));
  const m = Number(tag.slice(5, 7)) - 1 + monate;
  const d = Number(tag.slice(8, 10));
  const jahr = j + Math.floor(m / 12);
  const monat = ((m % 12) + 12) % 12;
  const letzter = new Date(Date.UTC(jahr, monat + 1, 0)).getUTCDate();
  return `${jahr}-${String(monat + 1).padStart(2, '0')}-${String(Math.min(d, letzter)).padStart(2, '0')}`;
}

export type Zeitraum = { von: string; bis: string };

/** Days of a period (inclusive), clipped to [ab, bis]. */
function tageIn(z: Zeitraum, ab: string, bis: string): number {
  const von = z.von > ab ? z.von : ab;
  const ende = z.bis < bis ? z.bis : bis;
  return ende < von ? 0 : tageZwischen(von, ende) + 1;
}

export type DauerPruefung =
  | { ok: true; verlaengert: boolean; spaetestesEnde: string | null }
  | { ok: false; feld: 'geplantBis' | 'begruendung'; code: 'hoechstdauer_ueberschritten'; meldung: string; spaetestesEnde: string };

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Which extra inputs of the Zuweisung apply to the instrument on the day: the higher § 45 limit for
 * Langzeitarbeitslose with schwerwiegenden Vermittlungshemmnissen (`hemmnisse`), the extension after a documented
 * review (§ 16d Arbeitsgelegenheit, `verlaengerung`) and the Rechtsfolgenbelehrung (not for § 16a and § 16k).
 */
export function zuweisungsOptionen(instrument: Instrument, tag: string): { hemmnisse: boolean; verlaengerung: boolean; rechtsfolgenbelehrung: boolean } {
  const regel = dauerregel(instrument, tag);
  return {
    hemmnisse: Boolean(regel?.hoechstWochenErhoeht),
    verlaengerung: Boolean(regel?.verlaengerungMonate),
    rechtsfolgenbelehrung: !(instrument.startsWith('sgb2_16a_') || instrument === 'sgb2_16k_coaching'),
  };
}

/**
 * Checks a planned participation against the instrument's legal maximum duration. `frueher`: the person's earlier
 * (not cancelled) participations in the same instrument with their actual or planned period. The limit is the
 * calendar span of the allowed months from the start, shortened by the days already used (insgesamt, or within the
 * five-year frame from the first Eintritt for § 16d). § 16d: up to 12 more months only with a documented review
 * (`begruendung`). § 45 at an employer: 6 weeks, 12 for Langzeitarbeitslose with schwerwiegenden Hemmnissen.
 */
export function pruefeHoechstdauer(o: {
  instrument: Instrument;
  geplant: Zeitraum;
  frueher: readonly Zeitraum[];
  begruendung?: string | null | undefined;
  schwerwiegendeHemmnisse?: boolean | undefined;
}): DauerPruefung {
  const regel = dauerregel(o.instrument, o.geplant.von);
  if (!regel) return { ok: true, verlaengert: false, spaetestesEnde: null };
  const { von } = o.geplant;
  let genutzt = 0;
  if (regel.zaehlung === 'insgesamt') {
    genutzt = o.frueher.reduce((s, z) => s + tageIn(z, '0000-01-01', '9999-12-31'), 0);
  } else if (regel.zaehlung === 'rahmenfrist') {
    // frames of `rahmenJahre` start with the first Eintritt; a participation after a frame's end starts a new one
    const alle = [...o.frueher].filter((z) => z.von < von).sort((a, b) => a.von.localeCompare(b.von));
    let rahmenAb = alle[0]?.von ?? von;
    const rahmenEnde = (ab: string) => plusTage(plusMonate(ab, 12 * (regel.rahmenJahre ?? 5)), -1);
    for (const z of [...alle, o.geplant]) if (z.von > rahmenEnde(rahmenAb)) rahmenAb = z.von;
    genutzt = alle.reduce((s, z) => s + tageIn(z, rahmenAb, rahmenEnde(rahmenAb)), 0);
  }
  const grenze = (monate: number | undefined, wochen: number | undefined) =>
    plusTage(monate !== undefined ? plusTage(plusMonate(von, monate), -1) : plusTage(von, wochen! * 7 - 1), -genutzt);
  const wochen = o.schwerwiegendeHemmnisse && regel.hoechstWochenErhoeht ? regel.hoechstWochenErhoeht : regel.hoechstWochen;
  const ende = grenze(regel.hoechstMonate, wochen);
  const bisher = genutzt > 0 ? ` Frühere Teilnahmen zählen mit (${genutzt} Tage).` : '';
  const grundlage = `${INSTRUMENT_TEXT[o.instrument].bezeichnung} (${regel.norm})`;
  const umfang = regel.hoechstMonate !== undefined ? `${regel.hoechstMonate} Monate` : `${wochen} Wochen`;
  if (o.geplant.bis <= ende) return { ok: true, verlaengert: false, spaetestesEnde: ende };
  if (regel.verlaengerungMonate) {
    const endeVerlaengert = grenze((regel.hoechstMonate ?? 0) + regel.verlaengerungMonate, undefined);
    if (o.geplant.bis <= endeVerlaengert) {
      if (o.begruendung && o.begruendung.trim().length > 0) return { ok: true, verlaengert: true, spaetestesEnde: endeVerlaengert };
      return {
        ok: false,
        feld: 'begruendung',
        code: 'hoechstdauer_ueberschritten',
        spaetestesEnde: ende,
        meldung: `${grundlage}: höchstens ${umfang}${regel.rahmenJahre ? ` innerhalb von ${regel.rahmenJahre} Jahren` : ''}, also bis ${datum(ende)}.${bisher} Eine Verlängerung um bis zu ${regel.verlaengerungMonate} Monate ist nur nach dokumentierter Prüfung möglich: Bitte begründen Sie sie.`,
      };
    }
    return {
      ok: false,
      feld: 'geplantBis',
      code: 'hoechstdauer_ueberschritten',
      spaetestesEnde: endeVerlaengert,
      meldung: `${grundlage}: höchstens ${umfang}, mit Verlängerung ${(regel.hoechstMonate ?? 0) + regel.verlaengerungMonate} Monate – die Teilnahme darf spätestens am ${datum(endeVerlaengert)} enden.${bisher}`,
    };
  }
  return {
    ok: false,
    feld: 'geplantBis',
    code: 'hoechstdauer_ueberschritten',
    spaetestesEnde: ende,
    meldung: `${grundlage}: höchstens ${umfang}${regel.zaehlung === 'insgesamt' ? ' insgesamt' : ''} – die Teilnahme darf spätestens am ${datum(ende)} enden.${bisher}`,
  };
}

/** The subsidy steps of a participation by year (§ 16i, § 16e), for the letter and the page; [] when none. */
export function zuschussStufen(instrument: Instrument, geplant: Zeitraum): { von: string; bis: string; prozent: number }[] {
  const regel = dauerregel(instrument, geplant.von);
  if (!regel?.zuschussProzent) return [];
  const out: { von: string; bis: string; prozent: number }[] = [];
  regel.zuschussProzent.forEach((prozent, jahr) => {
    const von = plusMonate(geplant.von, 12 * jahr);
    if (von > geplant.bis) return;
    const ende = plusTage(plusMonate(geplant.von, 12 * (jahr + 1)), -1);
    out.push({ von, bis: ende < geplant.bis ? ende : geplant.bis, prozent });
  });
  return out;
}
