import type { Tx } from '../../db/client.ts';
import { termineRepository, type TerminRow } from '../../db/repositories/termine.ts';
import { darfAbsagen, darfVerschieben, type Kanal } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { listeVerschiebeZiele } from './freie-zeiten.ts';
import { alsTerminZeit, regelnFuer } from './gemeinsam.ts';

/**
 * What the page of one appointment shows, whoever opens it (the citizen, staff, or the personal link): Anliegen,
 * the Standort's address, and whether it may still be moved or cancelled online. Read in the caller's transaction.
 */
export async function terminAnsicht(tx: Tx, t: TerminRow, traegerId: string, jetzt: Date) {
  const daten = await termineRepository.stammdaten(tx);
  const anliegen = daten.anliegen.find((a) => a.id === t.anliegenId);
  const standort = daten.standorte.find((s) => s.id === t.standortId);
  const regeln = await regelnFuer(tx, traegerId);
  return {
    termin: t,
    anliegen: anliegen ? { id: anliegen.id, name: anliegen.name, schluessel: anliegen.schluessel } : undefined,
    standort: standort ? { name: standort.name, anschrift: `${standort.strasse}, ${standort.plz} ${standort.ort}` } : undefined,
    kanal: t.kanal as Kanal,
    darfVerschieben: darfVerschieben(alsTerminZeit(t), jetzt, regeln),
    darfAbsagen: darfAbsagen(alsTerminZeit(t), jetzt, regeln),
  };
}

/** The times the appointment can be moved to (only when asked and allowed; never its own time), at most 20. */
export async function verschiebeZiele(ctx: AppContext, traegerId: string, r: Awaited<ReturnType<typeof terminAnsicht>>, gewuenscht: boolean | undefined) {
  const t = r.termin;
  if (!gewuenscht || t.status !== 'gebucht' || t.art !== 'buchung' || !r.darfVerschieben.ok) return [];
  return (await listeVerschiebeZiele({ ctx, traegerId, termin: { anliegenId: t.anliegenId, kanal: r.kanal, standortId: t.standortId, beginn: t.beginn } })).slice(0, 20);
}
