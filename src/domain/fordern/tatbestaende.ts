/**
 * Tatbestände of a Leistungsminderung (docs/fordern.md, "Regeln nach Datum"): titles for pages and letters, and
 * whether a Tatbestand is a ground for a Minderung on the day of the Pflichtverletzung.
 */
import { ARBEITSVERWEIGERUNG, MINDERUNG_PFLICHTVERLETZUNG } from '../recht/fordern.ts';
import { gueltigAm } from '../recht/typen.ts';
import type { AnlassArt, Tatbestand } from './typen.ts';

export type TatbestandInfo = {
  /** German title for lists and the Bescheid */
  titel: string;
  /** short label (select options, tables) */
  kurz: string;
  norm: string;
  /** a written Rechtsfolgenbelehrung (or proven knowledge of the consequences) is a precondition */
  belehrungNoetig: boolean;
  /** § 32 Meldeversäumnis (own scale, counted "in Folge") */
  meldeversaeumnis: boolean;
};

export const TATBESTAND_INFO: Record<Tatbestand, TatbestandInfo> = {
  '31_1_1': {
    titel: 'Einer Aufforderung aus dem Kooperationsplan oder dem Verwaltungsakt nicht nachgekommen',
    kurz: 'Aufforderung nicht befolgt',
    norm: '§ 31 Abs. 1 S. 1 Nr. 1 SGB II',
    belehrungNoetig: true,
    meldeversaeumnis: false,
  },
  '31_1_2': {
    titel: 'Zumutbare Arbeit, Ausbildung oder geförderte Stelle nicht aufgenommen, nicht fortgeführt oder ihre Anbahnung verhindert',
    kurz: 'Arbeit oder Ausbildung abgelehnt',
    norm: '§ 31 Abs. 1 S. 1 Nr. 2 SGB II',
    belehrungNoetig: true,
    meldeversaeumnis: false,
  },
  '31_1_3': {
    titel: 'Zumutbare Maßnahme zur Eingliederung in Arbeit nicht angetreten, abgebrochen oder Anlass zum Abbruch gegeben',
    kurz: 'Maßnahme nicht angetreten oder abgebrochen',
    norm: '§ 31 Abs. 1 S. 1 Nr. 3 SGB II',
    belehrungNoetig: true,
    meldeversaeumnis: false,
  },
  '31_2_1': {
    titel: 'Einkommen oder Vermögen in der Absicht vermindert, die Leistung herbeizuführen oder zu erhöhen',
    kurz: 'Einkommen oder Vermögen absichtlich vermindert',
    norm: '§ 31 Abs. 2 Nr. 1 SGB II',
    belehrungNoetig: false,
    meldeversaeumnis: false,
  },
  '31_2_2': {
    titel: 'Trotz Belehrung unwirtschaftliches Verhalten fortgesetzt',
    kurz: 'Unwirtschaftliches Verhalten',
    norm: '§ 31 Abs. 2 Nr. 2 SGB II',
    belehrungNoetig: false,
    meldeversaeumnis: false,
  },
  '31_2_3': {
    titel: 'Sperrzeit beim Arbeitslosengeld oder Erlöschen des Anspruchs auf Arbeitslosengeld',
    kurz: 'Sperrzeit oder Erlöschen Arbeitslosengeld',
    norm: '§ 31 Abs. 2 Nr. 3 SGB II',
    belehrungNoetig: false,
    meldeversaeumnis: false,
  },
  '31_2_4': {
    titel: 'Voraussetzungen einer Sperrzeit nach dem SGB III erfüllt',
    kurz: 'Sperrzeit-Voraussetzungen erfüllt',
    norm: '§ 31 Abs. 2 Nr. 4 SGB II',
    belehrungNoetig: false,
    meldeversaeumnis: false,
  },
  '32': {
    titel: 'Ohne wichtigen Grund nicht zu einem Meldetermin oder einer Untersuchung erschienen',
    kurz: 'Meldeversäumnis',
    norm: '§ 32 SGB II',
    belehrungNoetig: true,
    meldeversaeumnis: true,
  },
  '31a_7': {
    titel: 'Eine tatsächlich und unmittelbar verfügbare zumutbare Arbeit willentlich verweigert (Arbeitsverweigerung)',
    kurz: 'Arbeitsverweigerung',
    norm: '§ 31a Abs. 7 SGB II',
    belehrungNoetig: true,
    meldeversaeumnis: false,
  },
};

const datumText = (tag: string) => `${tag.slice(8, 10)}.${tag.slice(5, 7)}.${tag.slice(0, 4)}`;

/** Is the Tatbestand a ground for a Minderung for a Pflichtverletzung on `tag` (Moratorium 2022, § 31a Abs. 7 periods, …)? */
export function tatbestandZulaessig(t: Tatbestand, tag: string): { ok: true } | { ok: false; meldung: string; norm: string } {
  if (tag < '2021-01-01') {
    return { ok: false, meldung: `Für eine Pflichtverletzung am ${datumText(tag)} ist kein Rechtsstand hinterlegt (erst ab 01.01.2021).`, norm: TATBESTAND_INFO[t].norm };
  }
  if (t === '32') return { ok: true };
  if (t === '31a_7') {
    const r = gueltigAm(ARBEITSVERWEIGERUNG, tag, 'Arbeitsverweigerung');
    if (r.wert.anwendbar) return { ok: true };
    return {
      ok: false,
      meldung:
        tag < '2024-03-28'
          ? `Den Tatbestand der Arbeitsverweigerung (§ 31a Abs. 7 SGB II) gibt es erst für Pflichtverletzungen ab dem 28.03.2024; am ${datumText(tag)} galt er nicht.`
          : `§ 31a Abs. 7 SGB II ist mit Ablauf des 27.03.2026 aufgehoben; für eine Pflichtverletzung am ${datumText(tag)} gilt er nicht (die neue Fassung erst für Pflichtverletzungen ab ${datumText(r.gueltigBis ? nachTag(r.gueltigBis) : tag)}). Prüfen Sie § 31 Abs. 1 S. 1 Nr. 2 SGB II.`,
      norm: r.norm,
    };
  }
  const r = gueltigAm(MINDERUNG_PFLICHTVERLETZUNG, tag, 'Minderung bei Pflichtverletzung');
  if (r.wert.anwendbar) return { ok: true };
  return {
    ok: false,
    meldung: `Sanktionsmoratorium: Für Pflichtverletzungen vom 01.07.2022 bis 31.12.2022 wird § 31a SGB II nicht angewandt; am ${datumText(tag)} ist keine Minderung wegen ${TATBESTAND_INFO[t].kurz} möglich.`,
    norm: r.norm,
  };
}

function nachTag(tag: string): string {
  const d = new Date(Date.UTC(Number(tag.slice(0, 4)), Number(tag.slice(5, 7)) - 1, Number(tag.slice(8, 10)) + 1));
  return d.toISOString().slice(0, 10);
}

/** Default Tatbestand of an Anlass: meldeversaeumnis→'32', zuweisung/massnahme_abbruch→'31_1_3', kooperationsplan→'31_1_1', arbeitsangebot→'31_1_2'; manuell→null */
export function tatbestandZuAnlass(a: AnlassArt): Tatbestand | null {
  switch (a) {
    case 'meldeversaeumnis':
      return '32';
    case 'zuweisung':
    case 'massnahme_abbruch':
      return '31_1_3';
    case 'kooperationsplan':
      return '31_1_1';
    case 'arbeitsangebot':
      return '31_1_2';
    case 'manuell':
      return null;
  }
}
