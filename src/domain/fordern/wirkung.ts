/**
 * What a decided Minderung does, in plain German, by its Art (docs/fordern.md "Entscheidung und Bescheid"): a
 * Minderung takes a percentage of the Regelbedarf (KdU untouched); a Wegfall nach § 31a Abs. 7 takes the Regelbedarf;
 * a lapse nach § 7b Abs. 4 (three Meldeversäumnisse in Folge, from 1.7.2026) is no "Stufe" and no percentage: in the
 * first month the Regelbedarf lapses, from the second month the person's whole claim incl. their share of the KdU (in a
 * Mehrpersonen-BG that share goes to the others). Pure; for the page and the stored decision data.
 */
import { monatPlus, monatText } from '../bewilligung/monat.ts';
import { MINDERUNG } from '../recht/minderung.ts';
import { gueltigAm } from '../recht/typen.ts';
import type { MinderungArt } from './typen.ts';

export type MinderungWirkung = {
  /** e.g. "Minderung, Stufe 2" or "Wegfall des Anspruchs wegen Nichterreichbarkeit" */
  titel: string;
  /** how much, per month or per phase */
  hoehe: string[];
  /** what stays (KdU, floor claim, the others in the BG) */
  hinweis: string;
  norm: string;
};

const euro = (cent: number) => `${Math.floor(cent / 100).toLocaleString('de-DE')},${String(cent % 100).padStart(2, '0')} €`;

export function minderungWirkung(m: { art: MinderungArt; stufe: number; prozent: number; betragCent: number; vonMonat: string; bisMonat: string }, regelbedarfCent: number): MinderungWirkung {
  const mindest = gueltigAm(MINDERUNG, `${m.vonMonat}-01`, 'Leistungsminderung').wert.mindestanspruchCent;
  const rest = mindest > 0 ? ` Bliebe sonst kein Anspruch übrig, werden ${euro(mindest)} im Monat gezahlt.` : '';
  if (m.art === 'nichterreichbarkeit') {
    const zweiter = monatPlus(m.vonMonat, 1);
    const hoehe = [`${monatText(m.vonMonat)} (erster Monat): Der Regelbedarf von ${euro(regelbedarfCent)} entfällt. Kosten der Unterkunft und Heizung und Mehrbedarfe werden weiter gezahlt.`];
    if (zweiter <= m.bisMonat) {
      hoehe.push(
        `Ab ${monatText(zweiter)}${zweiter < m.bisMonat ? ` bis längstens ${monatText(m.bisMonat)}` : ''}: Der gesamte Anspruch der Person entfällt, auch ihr Anteil an den Kosten der Unterkunft und Heizung – bis sie sich persönlich meldet.`,
      );
    }
    return {
      titel: 'Wegfall des Anspruchs wegen Nichterreichbarkeit (§ 7b Abs. 4 SGB II)',
      hoehe,
      hinweis: `Lebt die Person mit anderen in einer Bedarfsgemeinschaft, geht ihr Anteil an den Kosten der Unterkunft und Heizung auf die anderen über; die Miete bleibt gedeckt.${rest}`,
      norm: '§ 7b Abs. 4 SGB II',
    };
  }
  if (m.art === 'wegfall_regelbedarf') {
    return {
      titel: 'Wegfall des Regelbedarfs (Arbeitsverweigerung)',
      hoehe: [`Der Regelbedarf von ${euro(regelbedarfCent)} im Monat entfällt.`],
      hinweis: `Die Kosten der Unterkunft und Heizung werden weiter gezahlt.${rest}`,
      norm: '§ 31a Abs. 7 SGB II',
    };
  }
  return {
    titel: `Minderung, Stufe ${m.stufe}`,
    hoehe: [`${m.prozent} % des Regelbedarfs = ${euro(m.betragCent)} im Monat`],
    hinweis: 'Die Kosten der Unterkunft und Heizung werden nicht gemindert.',
    norm: '§ 31a Abs. 1, § 32 SGB II',
  };
}
