import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { traegerFuer } from './gemeinsam.ts';

/** Träger of a public request: a signed-in person's own, otherwise the one named by slug (default: the first). */
export const traegerEingabe = () => leerAlsFehlend(z.string().max(100).describe('Kurzname des Trägers (ohne Anmeldung)'));

/** Anliegen bookable online and the Standorte (public). */
export const anliegenAuflisten = defineUseCase({
  name: 'termine.anliegen-auflisten',
  zugang: 'oeffentlich',
  input: z.object({ traeger: traegerEingabe() }),
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const traegerId = actor ? actor.traegerId : (await traegerFuer(ctx, input.traeger)).id;
    return ctx.db.withTenant({ traegerId }, async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      return {
        anliegen: daten.anliegen
          .filter((a) => a.online)
          .map((a) => ({ id: a.id, schluessel: a.schluessel, name: a.name, dauerMinuten: a.dauerMinuten, kanaele: a.kanaele })),
        standorte: daten.standorte.map((s) => ({ id: s.id, name: s.name, anschrift: `${s.strasse}, ${s.plz} ${s.ort}` })),
      };
    });
  },
});
