import { z } from 'zod';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { kalenderdatum } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { traegerEingabe } from './anliegen-auflisten.ts';
import { kanalFeld, kennung } from './eingaben.ts';
import { freieZeitenLaden } from './freie-zeiten.ts';
import { traegerFuer } from './gemeinsam.ts';

/** Free start times of an Anliegen (id or key) for citizens, two weeks from `von` (default today); public. */
export const freieZeitenAuflisten = defineUseCase({
  name: 'termine.freie-zeiten-auflisten',
  zugang: 'oeffentlich',
  input: z.object({
    traeger: traegerEingabe(),
    anliegen: z.string().min(1).max(100),
    kanal: leerAlsFehlend(kanalFeld()),
    standortId: leerAlsFehlend(kennung()),
    von: leerAlsFehlend(kalenderdatum()),
    bis: leerAlsFehlend(kalenderdatum()),
  }),
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const traegerId = actor ? actor.traegerId : (await traegerFuer(ctx, input.traeger)).id;
    return freieZeitenLaden({ ctx, traegerId, input });
  },
});
