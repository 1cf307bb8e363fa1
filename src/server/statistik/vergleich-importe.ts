import { z } from 'zod';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import type { AbgelehnteZeile } from '../../domain/statistik/vergleich-import.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The imports of published Kennzahlen (docs/statistik.md, "Vergleich mit allen Jobcentern"), newest first: file,
 * rows read and taken over, and every rejected row of a refused file (then nothing of it was taken over).
 */
export type VergleichImportEintrag = {
  id: string;
  dateiname: string;
  zeilenGelesen: number;
  zeilenUebernommen: number;
  abgelehnt: AbgelehnteZeile[];
  fiktiv: boolean;
  importiertAm: string;
};

export const vergleichImporte = defineUseCase({
  name: 'statistik.vergleich-importe',
  zugang: 'statistik.verwalten',
  input: z.object({}).passthrough(),
  audit: [],
  run: async ({ ctx, actor }): Promise<{ importe: VergleichImportEintrag[] }> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => ({
      importe: (await vergleichRepository.importe(tx)).map((i) => ({
        ...i,
        abgelehnt: Array.isArray(i.abgelehnt) ? (i.abgelehnt as AbgelehnteZeile[]) : [],
        importiertAm: i.importiertAm.toISOString(),
      })),
    })),
});
