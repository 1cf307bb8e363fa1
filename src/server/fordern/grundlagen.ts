/**
 * The facts the Stufe and the 2026 safeguards rest on (docs/fordern.md, "Regeln"): the person's earlier decided
 * Minderungen and Einladungen, the Meldeversäumnisse in Folge and the days of earlier Meldeversäumnisse. One place for
 * the Anhörung's estimate, the decision and the demo data's procedures alike.
 */
import type { Tx } from '../../db/client.ts';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import type { LeistungsminderungRow } from '../../db/schema/index.ts';
import { fruehereMeldeversaeumnisse, meldeversaeumnisseInFolge, type FruehereMinderung } from '../../domain/fordern/stufe.ts';
import type { Tatbestand } from '../../domain/fordern/typen.ts';
import type { MeldeErgebnis } from '../../domain/recht/meldeaufforderung.ts';

export type EinladungErgebnis = { tag: string; ergebnis: MeldeErgebnis | 'eingeladen' | 'aufgehoben' };

export type Grundlagen = {
  /** earlier decided Minderungen of the person (this procedure's own excluded), oldest first, as the Stufe reads them */
  fruehere: FruehereMinderung[];
  /** the same rows as stored (with the procedure's Aktenzeichen), oldest first */
  frueherGespeichert: (LeistungsminderungRow & { aktenzeichen: string })[];
  einladungen: EinladungErgebnis[];
  /** Meldeversäumnisse in Folge including this one (§ 32 only; 0 otherwise) */
  inFolge: number;
  /** days of earlier Meldeversäumnisse without wichtigen Grund (also those without a Minderung) */
  fruehereMeldeversaeumnisseAm: string[];
};

const ERGEBNIS: Record<string, EinladungErgebnis['ergebnis']> = {
  wahrgenommen: 'wahrgenommen',
  nicht_erschienen_mit_wichtigem_grund: 'nicht_erschienen_mit_wichtigem_grund',
  nicht_erschienen_ohne_wichtigen_grund: 'nicht_erschienen_ohne_wichtigen_grund',
  eingeladen: 'eingeladen',
  aufgehoben: 'aufgehoben',
};

/** A decided Minderung as the Stufe reads it. */
export function alsFruehere(m: LeistungsminderungRow): FruehereMinderung {
  return {
    tatbestand: m.tatbestand,
    art: m.art,
    prozent: m.prozent,
    vonMonat: m.vonMonat,
    bisMonat: m.bisMonat,
    beendetAbMonat: m.beendetAbMonat,
    aufgehoben: m.aufgehobenAm !== null,
    festgestelltAm: m.festgestelltAm,
    pflichtverletzungAm: m.pflichtverletzungAm,
  };
}

/** Pure part: the counts from already loaded Einladungen (also used by the demo data). */
export function meldeGrundlagen(
  einladungen: readonly EinladungErgebnis[],
  v: { tatbestand: Tatbestand; pflichtverletzungAm: string },
): { inFolge: number; fruehereMeldeversaeumnisseAm: string[] } {
  return {
    // the procedure's own Meldeversäumnis always counts (a manual start may have no Einladung on record)
    inFolge: v.tatbestand === '32' ? Math.max(1, meldeversaeumnisseInFolge(einladungen, v.pflichtverletzungAm)) : 0,
    fruehereMeldeversaeumnisseAm: fruehereMeldeversaeumnisse(einladungen, v.pflichtverletzungAm),
  };
}

export async function grundlagen(tx: Tx, v: { id: string; personId: string; tatbestand: Tatbestand; pflichtverletzungAm: string }): Promise<Grundlagen> {
  const frueherGespeichert = (await minderungsverfahrenRepository.minderungenDerPerson(tx, v.personId)).filter((m) => m.verfahrenId !== v.id).toReversed();
  const einladungen = (await minderungsverfahrenRepository.einladungenDerPerson(tx, v.personId)).map((e) => ({ tag: e.tag, ergebnis: ERGEBNIS[e.status] ?? 'eingeladen' }));
  return { fruehere: frueherGespeichert.map(alsFruehere), frueherGespeichert, einladungen, ...meldeGrundlagen(einladungen, v) };
}
