import { z } from 'zod';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The Jobcenter of the comparison (docs/statistik.md, "Vergleich mit allen Jobcentern"): key, name, Land, Trägerform
 * (gE/zkT), Vergleichstyp, validity, whether it is the Träger's own, whether it came from fictional data.
 */
export type VergleichJobcenterEintrag = {
  schluessel: string;
  name: string;
  land: string;
  traegerTyp: string;
  vergleichstyp: string | null;
  gueltigVon: string;
  gueltigBis: string | null;
  eigener: boolean;
  fiktiv: boolean;
};

export const vergleichJobcenterListe = defineUseCase({
  name: 'statistik.vergleich-jobcenter',
  zugang: 'statistik.lesen',
  input: z.object({}).passthrough(),
  audit: [],
  run: async ({ ctx, actor }): Promise<{ jobcenter: VergleichJobcenterEintrag[] }> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => ({
      jobcenter: (await vergleichRepository.jobcenter(tx)).map((j) => ({
        schluessel: j.schluessel,
        name: j.name,
        land: j.land,
        traegerTyp: j.traegerTyp,
        vergleichstyp: j.vergleichstyp,
        gueltigVon: j.gueltigVon,
        gueltigBis: j.gueltigBis,
        eigener: j.eigener,
        fiktiv: j.fiktiv,
      })),
    })),
});
