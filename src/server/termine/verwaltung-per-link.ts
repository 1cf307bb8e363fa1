import { termineRepository } from '../../db/repositories/termine.ts';
import { videoraumFenster } from '../../domain/termine/index.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../security/crypto.ts';
import { regelnFuer } from './gemeinsam.ts';

/**
 * Self-service by the personal link of a booking without account (docs/termine.md, „Persönlicher Link“): the
 * confirmation mail carries a random token, the appointment only its SHA-256 hash (`verwaltung_token_hash`).
 * The link names no Träger, so the hash is looked up across Träger (withSystem); everything after that runs in the
 * Träger's tenant transaction. Unknown token → 404 (guessing learns nothing); cancelled → 410 `link_verbraucht`;
 * the appointment is over → 410 `link_abgelaufen`.
 */
export const LINK_UNGUELTIG = 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail kopiert haben.';

export async function linkAufloesen(ctx: AppContext, token: string, jetzt = ctx.clock.now()) {
  const hash = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? hashToken(token) : '';
  const gefunden = hash
    ? await ctx.db.withSystem(async (tx) => {
        const t = await termineRepository.findTerminByVerwaltungTokenSystem(tx, hash);
        return t ? { row: t, regeln: await regelnFuer(tx, t.traegerId) } : undefined;
      })
    : undefined;
  if (!gefunden) throw new AppError('link_ungueltig', 404, LINK_UNGUELTIG);
  const { row, regeln } = gefunden;
  if (row.status === 'abgesagt') throw new AppError('link_verbraucht', 410, 'Dieser Termin ist abgesagt; der Link gilt deshalb nicht mehr. Einen neuen Termin können Sie jederzeit online buchen.');
  const bis = videoraumFenster({ beginn: row.ende }, regeln).bis;
  if (row.status !== 'gebucht' || jetzt.getTime() > bis.getTime()) {
    throw new AppError('link_abgelaufen', 410, 'Dieser Termin liegt in der Vergangenheit; der Link gilt nicht mehr. Einen neuen Termin können Sie jederzeit online buchen.');
  }
  return { terminId: row.id, traegerId: row.traegerId, hash };
}
