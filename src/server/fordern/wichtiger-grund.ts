/**
 * A wichtiger Grund recognised for a Meldeversäumnis (decision, Einstellung, Aufhebung after a Widerspruch) is written
 * back to the Anlass: the Einladung's result becomes 'nicht_erschienen_mit_wichtigem_grund', so the missed appointment
 * no longer counts "in Folge" nor as an earlier Meldeversäumnis (meldeversaeumnisseInFolge / fruehereMeldeversaeumnisse,
 * docs/fordern.md "Regeln"). The earlier result text is kept in the Begründung. Audited as `einladung.update`.
 */
import type { Tx } from '../../db/client.ts';
import { termineRepository } from '../../db/repositories/termine.ts';
import type { MinderungsverfahrenRow } from '../../db/schema/index.ts';
import { datumText } from '../../domain/bewilligung/monat.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import type { Actor } from '../context.ts';
import { versionConflict } from '../errors.ts';


/** Returns true when the Einladung was changed (nothing to do for other Anlässe or an Einladung already excused). */
export async function wichtigenGrundAnerkennen(tx: Tx, actor: Actor, v: Pick<MinderungsverfahrenRow, 'id' | 'anlassArt' | 'anlassId' | 'aktenzeichen'>, begruendung: string, jetzt: Date): Promise<boolean> {
  if (v.anlassArt !== 'meldeversaeumnis' || !v.anlassId) return false;
  const e = await termineRepository.findEinladung(tx, v.anlassId);
  if (!e || e.status !== 'nicht_erschienen_ohne_wichtigen_grund') return false;
  const nachtrag = `Wichtiger Grund nachträglich anerkannt am ${datumText(heute(jetzt))} (Minderungsverfahren Az. ${v.aktenzeichen}): ${begruendung.trim()}`;
  const text = e.begruendung ? `${e.begruendung}\n\n${nachtrag}` : nachtrag;
  const neu = await termineRepository.updateEinladung(tx, e.id, e.version, { status: 'nicht_erschienen_mit_wichtigem_grund', begruendung: text.slice(0, 8000), ergebnisAm: jetzt, ergebnisVon: actor.userId });
  if (!neu) throw versionConflict();
  await recordAudit(tx, actor, {
    objectType: 'einladung',
    objectId: e.id,
    personId: e.personId,
    action: 'update',
    purpose: 'Fordern: wichtigen Grund für das Meldeversäumnis anerkennen',
    details: { ergebnis: 'nicht_erschienen_mit_wichtigem_grund' },
  });
  return true;
}
