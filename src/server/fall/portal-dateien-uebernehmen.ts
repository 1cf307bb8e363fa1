import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { istTextSchluessel, text } from '../../domain/formular/texte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { datumText } from './texte.ts';
import { heute } from '../clock.ts';

type Handelnder = Actor | { system: string; traegerId: string; requestId?: string };

/** Title of a citizen's upload in the Fallakte: the Nachweis it was uploaded for, else a general one. */
export function portalDokumentTitel(nachweis: string | null): string {
  const schluessel = `nachweis.${nachweis ?? ''}`;
  return nachweis && istTextSchluessel(schluessel) ? `${text(schluessel, 'de')} (Bürgerportal)` : 'Nachweis aus dem Bürgerportal';
}

/**
 * Copies the clean uploads of an Antrag that belongs to a Fallakte into its documents (`fall_dokumente`, with the
 * Nachweis as title, linked back through `portal_dateien.fall_dokument_id`, so a file is copied once). Files still in
 * quarantine are not copied; they are returned as pending and copied when the scan releases them
 * (`scanneQuarantaene`). Runs in the caller's transaction; one history line and audit entry per copied file.
 */
export async function uebernehmePortalDateien(tx: Tx, wer: Handelnder, antrag: { id: string; bgId: string | null }) {
  const uebernommen: { id: string; titel: string; dateiname: string }[] = [];
  const ausstehend: { id: string; dateiname: string }[] = [];
  if (!antrag.bgId) return { uebernommen, ausstehend };
  for (const d of await portalRepository.dateienFuerFallakte(tx, antrag.id)) {
    if (d.status !== 'sauber') {
      ausstehend.push({ id: d.id, dateiname: d.dateiname });
      continue;
    }
    const titel = portalDokumentTitel(d.nachweis);
    const eingegangenAm = heute(d.createdAt);
    const dok = await fallRepository.insertDokument(tx, {
      traegerId: wer.traegerId,
      bgId: antrag.bgId,
      antragId: antrag.id,
      titel,
      dateiname: d.dateiname,
      mime: d.mime,
      groesse: d.groesse,
      sha256: d.sha256,
      inhalt: d.inhalt,
      eingegangenAm,
      createdBy: 'system' in wer ? null : wer.userId,
    });
    await portalRepository.updateDatei(tx, d.id, { fallDokumentId: dok.id });
    await fallRepository.insertEreignis(tx, {
      traegerId: wer.traegerId,
      bgId: antrag.bgId,
      actorUserId: 'system' in wer ? null : wer.userId,
      actorName: 'system' in wer ? 'vorort (nach der Virenprüfung)' : wer.name,
      art: 'dokument',
      beschreibung: `Dokument „${titel}“ aus dem Bürgerportal (hochgeladen am ${datumText(eingegangenAm)}) abgelegt.`,
      personId: null,
      details: { dokumentId: dok.id, portalDateiId: d.id, antragId: antrag.id, sha256: d.sha256 },
    });
    await recordAudit(tx, wer, {
      objectType: 'fallakte',
      objectId: antrag.bgId,
      action: 'update',
      purpose: 'Nachweis aus dem Bürgerportal in die Fallakte übernehmen',
      details: { art: 'dokument', dokumentId: dok.id, portalDateiId: d.id },
    });
    uebernommen.push({ id: dok.id, titel, dateiname: d.dateiname });
  }
  return { uebernommen, ausstehend };
}
