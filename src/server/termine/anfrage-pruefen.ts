import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../security/crypto.ts';
import { defineUseCase } from '../use-case.ts';

/** Checks a double-opt-in link without using it (for the page that asks to confirm). */
export const anfragePruefen = defineUseCase({
  name: 'termine.anfrage-pruefen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: [],
  run: async ({ ctx, input }) => {
    const jetzt = ctx.clock.now();
    const b = await ctx.db.withSystem((tx) => termineRepository.findBestaetigungSystem(tx, hashToken(input.token)));
    if (!b) throw new AppError('link_ungueltig', 404, 'Dieser Bestätigungslink ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.');
    if (b.usedAt) throw new AppError('link_verbraucht', 410, 'Dieser Bestätigungslink wurde bereits verwendet. Ihr Termin ist gebucht; die Bestätigung haben Sie per E-Mail erhalten.');
    if (b.expiresAt.getTime() <= jetzt.getTime()) throw new AppError('link_abgelaufen', 410, 'Dieser Bestätigungslink ist abgelaufen. Bitte wählen Sie erneut einen Termin.');
    return b;
  },
});
