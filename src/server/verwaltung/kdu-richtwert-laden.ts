import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { heute } from '../clock.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentKduRichtwert } from './kdu-richtwerte.ts';
import { kduIdSchema } from './schemas.ts';

/** One KdU-Richtwert with its Kommune and every Richtwert of the same Kommune and household size (its history). */
export const kduRichtwertLaden = defineUseCase({
  name: 'verwaltung.kdu-richtwert-laden',
  zugang: 'kdu.verwalten',
  input: kduIdSchema,
  audit: [],
  run: async ({ ctx, actor, input }) => {
  const opts = { ctx, id: input.id };
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = istUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
    if (!r) throw notFound('Der Richtwert');
    const kommune = await organisationRepository.findKommune(tx, r.kommuneId);
    const verlauf = (await kduRepository.fuerKommune(tx, r.kommuneId))
      .filter((x) => x.haushaltsgroesse === r.haushaltsgroesse)
      .sort((a, b) => a.gueltigVon.localeCompare(b.gueltigVon))
      .map(presentKduRichtwert);
    return { richtwert: { ...presentKduRichtwert(r), kommune: kommune?.name ?? '' }, verlauf, heute: heute(opts.ctx.clock.now()) };
  });
  },
});
