import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { OFFENE_STATUS } from '../../domain/fallakte/index.ts';
import type { Actor } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { ART_TEXT, datumText } from './texte.ts';
import { protokolliere } from './protokolliere.ts';

/** Bewilligung decisions that answer an application (Erstantrag / Weiterbewilligungsantrag). */
const ANTWORT_AUF_ANTRAG: Record<string, readonly string[]> = {
  erstbewilligung: ['erstantrag', 'weiterbewilligung'],
  weiterbewilligung: ['erstantrag', 'weiterbewilligung'],
  ablehnung: ['erstantrag', 'weiterbewilligung'],
};

/**
 * Approving a Bewilligung decides the application it answers: every open Erstantrag / Weiterbewilligungsantrag of
 * the BG received on or before the Bewilligung's last day becomes `entschieden` (erledigt now, linked to the
 * Bewilligung, whose Bescheid the citizen then sees). `offenLassen` keeps them open on purpose (recorded in the
 * history). Runs in the caller's transaction; one history line (with audit entry) per Antrag.
 */
export async function schliesseAntraegeNachEntscheidung(
  tx: Tx,
  actor: Actor,
  b: { id: string; bgId: string; vorgang: string; bis: string; status: string },
  opts: { offenLassen: boolean; jetzt: Date },
): Promise<{ geschlossen: string[]; offenGelassen: string[] }> {
  const arten = ANTWORT_AUF_ANTRAG[b.vorgang];
  if (!arten || (b.status !== 'bewilligt' && b.status !== 'abgelehnt')) return { geschlossen: [], offenGelassen: [] };
  const offen = (await antraegeRepository.listByBg(tx, b.bgId))
    .map((r) => r.antrag)
    .filter((a) => arten.includes(a.art) && (OFFENE_STATUS as readonly string[]).includes(a.status) && a.antragsdatum <= b.bis);
  const geschlossen: string[] = [];
  const offenGelassen: string[] = [];
  for (const a of offen) {
    const name = `${ART_TEXT[a.art] ?? a.art} vom ${datumText(a.antragsdatum)}`;
    if (opts.offenLassen) {
      offenGelassen.push(a.id);
      await protokolliere(tx, actor, {
        bgId: b.bgId,
        art: 'antrag_offen_gelassen',
        beschreibung: `${name} bleibt nach der Entscheidung ausdrücklich offen.`,
        details: { antragId: a.id, bewilligungId: b.id },
        zweck: 'Leistungssachbearbeitung: Bewilligung entscheiden',
      });
      continue;
    }
    const r = await antraegeRepository.update(tx, a.id, a.version, { status: 'entschieden', erledigtAm: opts.jetzt, bewilligungId: b.id });
    if (!r) throw versionConflict();
    geschlossen.push(a.id);
    await protokolliere(tx, actor, {
      bgId: b.bgId,
      art: 'antrag_entschieden',
      beschreibung: `${name} mit der Freigabe der ${b.status === 'abgelehnt' ? 'Ablehnung' : 'Bewilligung'} entschieden und abgeschlossen.`,
      details: { antragId: a.id, bewilligungId: b.id },
      zweck: 'Leistungssachbearbeitung: Bewilligung entscheiden',
    });
  }
  return { geschlossen, offenGelassen };
}
