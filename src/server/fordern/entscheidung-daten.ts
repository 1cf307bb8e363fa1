/** The stored facts of a Minderung decision (slice D): shared by the decision use cases and the Bescheid PDF. */
import type { RegelbedarfGrundlage } from '../../domain/fordern/regelbedarf.ts';
import type { MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import type { MinderungWirkung } from '../../domain/fordern/wirkung.ts';

/** What the decision rests on (stored in `minderungsverfahren.entscheidung`, read by the Bescheid and the page). */
export type EntscheidungDaten = {
  bescheidAm: string;
  bekanntgabeAm: string;
  vorschlag: MinderungsVorschlag;
  regelbedarf: RegelbedarfGrundlage;
  meldeversaeumnisseInFolge: number;
  schutz: { persoenlicheAnhoerung: boolean; haertePruefungPflicht: boolean; gruende: string[] };
  /** the earlier Feststellung a "weitere" Minderung counts (the latest one not lifted) */
  fruehere: { festgestelltAm: string; vonMonat: string; bisMonat: string; prozent: number; tatbestand: string }[];
  vierAugen: boolean;
  /**
   * what the Minderung does, by its Art, in plain German (a § 7b Abs. 4 lapse has no Stufe and no percentage: first
   * month the Regelbedarf, then the whole claim incl. the KdU share); absent in decisions stored before it existed
   */
  wirkung?: MinderungWirkung | null;
};
