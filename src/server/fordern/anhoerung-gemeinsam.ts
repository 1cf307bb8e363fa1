/**
 * What the Anhörung use cases share (docs/fordern.md, "Anhörung"): loading a procedure with the reach of the
 * person's Standort, the 2026 safeguards and the expected Minderung (src/domain/fordern/stufe.ts), the portal's view
 * of the Anhörung, and the answers' history.
 */
import type { Tx } from '../../db/client.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { fordernAnhoerungRepository, type AnhoerungVerfahren } from '../../db/repositories/fordern-anhoerung.ts';
import { datumText, monatText } from '../../domain/bewilligung/monat.ts';
import { bekanntgabeAm } from '../../domain/fordern/fristen.ts';
import { bestimmeMinderung, schutzpflichten, type MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import type { PersonKontext } from '../integration/betreuung-zugriff.ts';
import { grundlagen } from './grundlagen.ts';
import { ladeVerfahrenFuer } from './zugriff.ts';
import type { Permission } from '../policies.ts';

export const VERFAHREN = 'Das Minderungsverfahren';
export const ANHOERUNG = 'Die Anhörung';

export const datumDe = (iso: string | null | undefined) => (iso ? datumText(iso) : '');

/**
 * A procedure for staff: 404 for an unknown id, one of another Träger (RLS) or a person of a Standort the permission
 * does not reach; 403 for a missing permission (same rules as ladeElbPerson). `sperren` locks the row.
 */
export async function ladeVerfahren(tx: Tx, actor: Actor, id: string, permission: Permission, tag: string, sperren = false): Promise<{ v: AnhoerungVerfahren; person: PersonKontext }> {
  // reach and permission as every Fordern use case (slice B's loader): 404 / 403
  await ladeVerfahrenFuer(tx, actor, id, permission, sperren);
  const v = await fordernAnhoerungRepository.find(tx, id);
  if (!v) throw notFound(VERFAHREN);
  const person = await betreuungRepository.personKontext(tx, v.personId, tag);
  if (!person) throw notFound(VERFAHREN);
  return { v, person };
}

export type Einschaetzung = {
  schutz: { persoenlicheAnhoerung: boolean; haertePruefungPflicht: boolean; gruende: string[] };
  vorschlag: MinderungsVorschlag | null;
};

/**
 * The 2026 safeguards and the Minderung to be expected, from the person's earlier decided Minderungen and Einladungen.
 * The period is computed as if the Bescheid were made the day after the answer deadline (`entscheidungAb`); the amount in
 * euros is not stated (the Regelbedarf of the month is the decision's), only percentage and duration.
 */
export async function einschaetzung(tx: Tx, v: Pick<AnhoerungVerfahren, 'id' | 'personId' | 'tatbestand' | 'pflichtverletzungAm'>, entscheidungAb: string): Promise<Einschaetzung> {
  const { fruehere, inFolge, fruehereMeldeversaeumnisseAm } = await grundlagen(tx, v);
  const schutz = schutzpflichten({ tatbestand: v.tatbestand, pflichtverletzungAm: v.pflichtverletzungAm, fruehere, meldeversaeumnisseInFolge: inFolge, fruehereMeldeversaeumnisseAm });
  let vorschlag: MinderungsVorschlag | null = null;
  try {
    vorschlag = bestimmeMinderung({
      tatbestand: v.tatbestand,
      pflichtverletzungAm: v.pflichtverletzungAm,
      bekanntgabeAm: bekanntgabeAm(entscheidungAb),
      regelbedarfCent: 0,
      fruehere,
      meldeversaeumnisseInFolge: inFolge,
      fruehereMeldeversaeumnisseAm,
    });
  } catch {
    vorschlag = null;
  }
  return { schutz, vorschlag };
}

/**
 * The expected Minderung in plain German ("voraussichtlich"), for the letter, the procedure page and the portal alike.
 * No fixed month: the period starts with the month after the Bekanntgabe of the decision, which is not known at the
 * Anhörung (the decision proposal states the months).
 */
export function minderungText(vorschlag: MinderungsVorschlag | null): string {
  if (!vorschlag) return 'Wie hoch eine Minderung wäre, prüfen wir bei der Entscheidung.';
  if (vorschlag.ergebnis === 'keine_minderung') return `Nach unserer jetzigen Prüfung käme keine Minderung in Betracht: ${vorschlag.grund.replace(/[.\s]+$/, '')} (${vorschlag.norm}). Wir hören Sie trotzdem an, bevor wir entscheiden.`;
  const monate = vorschlag.monate === 1 ? 'einen Monat' : `${vorschlag.monate} Monate`;
  const ab = 'ab dem Monat nach der Bekanntgabe unserer Entscheidung';
  if (vorschlag.art === 'nichterreichbarkeit') {
    return `In Betracht kommt, dass Sie als nicht erreichbar gelten (§ 7b Abs. 4 SGB II): voraussichtlich ${ab}, bis Sie sich persönlich bei uns melden, höchstens für ${monate}. Im ersten Monat entfällt Ihr Regelbedarf (Mehrbedarfe und Ihre Kosten für Unterkunft und Heizung bleiben). Ab dem zweiten Monat entfällt Ihr ganzer Anspruch, auch Ihr Anteil an den Kosten für Unterkunft und Heizung.`;
  }
  if (vorschlag.art === 'wegfall_regelbedarf') return `In Betracht kommt, dass Ihr Regelbedarf voraussichtlich für ${monate} vollständig entfällt, ${ab}. Die Kosten für Unterkunft und Heizung bleiben.`;
  return `In Betracht kommt eine Minderung um ${vorschlag.prozent} Prozent des für Sie maßgebenden Regelbedarfs, voraussichtlich für ${monate} ${ab}. Die Kosten für Unterkunft und Heizung werden nicht gemindert.`;
}

export const monatDe = monatText;

/** Where answers may still come in: until the decision (later ones are appended while the decision is open). */
export const antwortMoeglich = (status: string) => status === 'anhoerung' || status === 'entscheidung';

/** The answer text with a later answer appended (dated, with its channel); the first answer stands alone. */
export function antwortAnhaengen(bisher: string | null, neu: string, am: string, kanal: string): string {
  if (!bisher) return neu;
  return `${bisher}\n\n— Weitere Antwort vom ${datumDe(am)} (${KANAL_TEXT[kanal] ?? kanal}) —\n${neu}`;
}

export const KANAL_TEXT: Record<string, string> = { portal: 'Bürgerportal', post: 'per Post', persoenlich: 'persönlich', telefon: 'telefonisch' };
