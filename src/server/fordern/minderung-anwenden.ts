import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { leistungsminderungenRepository } from '../../db/repositories/leistungsminderungen.ts';
import { monatText } from '../../domain/bewilligung/index.ts';
import { neuberechnungMitMinderungen } from '../../domain/fordern/neuberechnung.ts';
import type { Actor } from '../context.ts';
import { alsAppError } from '../bewilligung/berechnung-aus-fallakte.ts';
import { entscheide, type AenderungsDaten } from '../bewilligung/freigeben.ts';
import { speichereVersion } from '../bewilligung/neue-version.ts';
import { protokolliere } from '../fall/protokolliere.ts';

export type MinderungAngewendet = {
  bewilligungIds: string[];
  nachzahlungCent: number;
  ueberzahlungCent: number;
  monate: { monat: string; altCent: number; neuCent: number }[];
};

/**
 * A decided, ended or lifted Minderung reaches the money (docs/fordern.md, "Geld"). Inside the caller's transaction:
 * every approved Bewilligung of the BG with a month from `abMonat` on is recomputed from that month with the
 * Minderungen as they stand now – from the stored engine inputs of its months, so nothing but the Minderung changes
 * (a Fallakte change not yet decided is not carried along). Where an amount changes, a new version (vorgang
 * 'minderung') is approved directly on behalf of the deciding person – the Minderungsbescheid is the decision, there
 * is no Änderungsbescheid – and replaces the old one; months already paid get a Nachzahlung (next Zahllauf) or an
 * Erstattungsforderung, as for an approved Änderung (`entscheide`). Nothing changes → nothing is written.
 *
 * Zahllauf at the same time: the approved Bewilligungen of the BG are locked (bewilligungRepository.sperreBewilligte)
 * before anything paid is read; a Zahllauf batch holds the same rows FOR SHARE while it records payments. So a month
 * is paid with the old amount (and then counts as paid here: the difference follows) or, once replaced, by the next
 * run with the new amount – never both.
 */
export async function wendeMinderungenAn(
  tx: Tx,
  actor: Actor,
  o: { bgId: string; abMonat: string; grund: string; heute: string; jetzt?: Date },
): Promise<MinderungAngewendet> {
  const ergebnis: MinderungAngewendet = { bewilligungIds: [], nachzahlungCent: 0, ueberzahlungCent: 0, monate: [] };
  const bewilligte = (await bewilligungRepository.sperreBewilligte(tx, o.bgId)).filter((b) => b.bis.slice(0, 7) >= o.abMonat).sort((a, b) => (a.von < b.von ? -1 : 1));
  if (bewilligte.length === 0) return ergebnis;
  const gezahltBis = await bewilligungRepository.gezahltBis(tx, o.bgId);
  const personIds = await fallRepository.personIdsDerBg(tx, o.bgId);
  const fakten = await leistungsminderungenRepository.fakten(tx, personIds);
  for (const alt of bewilligte) {
    const abMonat = alt.von.slice(0, 7) > o.abMonat ? alt.von.slice(0, 7) : o.abMonat;
    const altMonate = await bewilligungRepository.monate(tx, alt.id);
    const betroffen = altMonate.filter((m) => m.monat >= abMonat);
    if (betroffen.length === 0) continue;
    let neuberechnet;
    try {
      neuberechnet = neuberechnungMitMinderungen(betroffen, fakten, { gezahltBis, entscheidungsdatum: o.heute });
    } catch (err) {
      alsAppError(err);
    }
    if (!neuberechnet) continue;
    const { zeitraum: z, vergleich, kosten } = neuberechnet;
    const aenderung: AenderungsDaten = { ab: `${abMonat}-01`, gruende: [o.grund], vergleich };
    const neu = await speichereVersion(tx, { alt, altMonate, abMonat, z, kosten, art: alt.art, vorgang: 'minderung', vierAugenGruende: [], aenderung, createdBy: actor.userId });
    // approved at once, the stored comparison is current (taken under the lock); the deciding person is named
    await entscheide(tx, { system: 'fordern', traegerId: actor.traegerId, userId: actor.userId }, neu, o.jetzt ?? new Date());
    const geaendert = vergleich.geaenderteMonate.map((m) => ({ monat: m.monat, altCent: m.altCent, neuCent: m.neuCent }));
    await protokolliere(tx, actor, {
      bgId: o.bgId,
      art: 'bewilligung_minderung',
      beschreibung: `Bewilligung ab ${monatText(abMonat)} wegen Leistungsminderung neu berechnet: ${o.grund}`,
      details: { bewilligungId: neu.id, vorgaengerId: alt.id, nachzahlungCent: vergleich.nachzahlung.gesamtCent, ueberzahlungCent: vergleich.ueberzahlung.gesamtCent, monate: geaendert },
      zweck: 'Fordern: Leistungsminderung in die Bewilligung übernehmen',
    });
    ergebnis.bewilligungIds.push(neu.id);
    ergebnis.nachzahlungCent += vergleich.nachzahlung.gesamtCent;
    ergebnis.ueberzahlungCent += vergleich.ueberzahlung.gesamtCent;
    ergebnis.monate.push(...geaendert);
  }
  return ergebnis;
}
