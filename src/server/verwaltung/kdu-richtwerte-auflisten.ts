import { z } from 'zod';
import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { presentKduRichtwert } from './kdu-richtwerte.ts';

/** All KdU-Richtwerte of the Träger with the names of their Kommunen. */
export const kduRichtwerteAuflisten = defineUseCase({
  name: 'verwaltung.kdu-richtwerte-auflisten',
  zugang: 'kdu.verwalten',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const namen = new Map((await organisationRepository.listKommunen(tx)).map((k) => [k.id, k.name]));
      return {
        kommunen: [...namen].map(([id, name]) => ({ id, name })),
        // by Kommune (name), household size, then from the oldest validity on
        richtwerte: (await kduRepository.list(tx))
          .map((r) => ({ ...presentKduRichtwert(r), kommune: namen.get(r.kommuneId) ?? '' }))
          .sort((a, b) => a.kommune.localeCompare(b.kommune, 'de') || a.haushaltsgroesse - b.haushaltsgroesse || a.gueltigVon.localeCompare(b.gueltigVon)),
      };
    }),
});
