import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import { monatPlus, monateVonBis, type MonatsBetraege, type PersonBetrag, type VierAugenGrund, type ZeitraumErgebnis } from '../../domain/bewilligung/index.ts';
import type { FallakteDaten } from '../../domain/fallakte/index.ts';
import type { Kostenanteil } from '../../domain/kosten/index.ts';
import { berechneAusFallakte, monatsZeilen, type BerechneteMonate } from './berechnung-aus-fallakte.ts';
import type { AenderungsDaten } from './freigeben.ts';
import { monatBis, monatVonTag } from './zeitraum-tage.ts';

/**
 * A new version of an approved Bewilligung from `abMonat` on – shared by the Änderung (aendere-bewilligung.ts) and
 * the Minderung (src/server/fordern/minderung-anwenden.ts): the months from `abMonat` recomputed with the Fallakte
 * as it stands, the months before copied unchanged.
 */
export async function berechneAb(
  tx: Tx,
  alt: Bewilligung,
  daten: FallakteDaten,
  abMonat: string,
): Promise<BerechneteMonate & { altMonate: BewilligungMonat[]; altBetraege: MonatsBetraege[] }> {
  const altMonate = await bewilligungRepository.monate(tx, alt.id);
  const erster = altMonate[0]?.input as { leistungsbeginn?: string; fruehererBezug?: { von: string; bis: string }[] } | undefined;
  const berechnet = await berechneAusFallakte(tx, daten, monateVonBis(abMonat, monatBis(alt.bis)), {
    leistungsbeginn: erster?.leistungsbeginn ?? monatVonTag(alt.von),
    bewilligungszeitraumBeginn: monatVonTag(alt.von),
    ...(erster?.fruehererBezug ? { fruehererBezug: erster.fruehererBezug } : {}),
    // the months before the change stay as provided (§ 11 Abs. 3 S. 3 for a one-off income that flowed in then)
    bereitsErbrachtBis: monatPlus(abMonat, -1),
  });
  return { ...berechnet, altMonate, altBetraege: betraegeAb(altMonate, abMonat) };
}

/** The decided amounts (BG and per person) of the stored months from `abMonat` on, for `vergleiche`. */
export function betraegeAb(monate: readonly BewilligungMonat[], abMonat: string): MonatsBetraege[] {
  return monate
    .filter((m) => m.monat >= abMonat)
    .map((m) => ({ monat: m.monat, auszahlungCent: m.auszahlungCent, personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) }));
}

/** Stores the new version (`vorgaenger_id` = alt) with the unchanged months before `abMonat` and the recomputed ones. */
export async function speichereVersion(
  tx: Tx,
  o: {
    alt: Bewilligung;
    altMonate: readonly BewilligungMonat[];
    abMonat: string;
    z: ZeitraumErgebnis;
    kosten: Map<string, Kostenanteil[]>;
    art: Bewilligung['art'];
    vorgang: string;
    vierAugenGruende: VierAugenGrund[];
    aenderung: AenderungsDaten;
    createdBy: string;
  },
): Promise<Bewilligung> {
  const { alt, z } = o;
  const unveraendert = o.altMonate.filter((m) => m.monat < o.abMonat);
  const alle = [...unveraendert.map((m) => m.auszahlungCent), ...z.monate.map((m) => m.auszahlungCent)];
  const neu = await bewilligungRepository.insert(tx, {
    traegerId: alt.traegerId,
    bgId: alt.bgId,
    antragId: alt.antragId,
    von: alt.von,
    bis: alt.bis,
    art: o.art,
    vorlaeufigGrund: o.art === 'vorlaeufig' ? alt.vorlaeufigGrund : null,
    vorgang: o.vorgang,
    status: 'entwurf',
    rechtsstand: z.rechtsstand > alt.rechtsstand ? z.rechtsstand : alt.rechtsstand,
    vorgaengerId: alt.id,
    summeCent: alle.reduce((s, x) => s + x, 0),
    hoechsterMonatCent: Math.max(0, ...alle),
    vierAugenGruende: o.vierAugenGruende,
    aenderung: o.aenderung,
    createdBy: o.createdBy,
  });
  await bewilligungRepository.kopiereMonate(tx, [{ vonId: alt.id, nachId: neu.id }], o.abMonat);
  await bewilligungRepository.insertMonate(tx, monatsZeilen(alt.traegerId, neu.id, z, o.kosten));
  return neu;
}
