import { z } from 'zod';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import { alsZuordnung, FELD_TEXT, PFLICHTFELDER, STANDARD_SPALTENZUORDNUNG, VERGLEICH_FELDER, zuordnungAlsText, type Spaltenzuordnung } from '../../domain/statistik/vergleich-import.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The importer's header mapping (docs/statistik.md, "Spaltenzuordnung"): the Träger's own or, while none is saved,
 * the default; with the text form of the mapping editor and the description of every field.
 */
export type SpaltenzuordnungAntwort = {
  zuordnung: Spaltenzuordnung;
  standard: boolean;
  text: string;
  felder: { feld: string; text: string; pflicht: boolean }[];
};

export const spaltenzuordnung = defineUseCase({
  name: 'statistik.spaltenzuordnung',
  zugang: 'statistik.verwalten',
  input: z.object({}).passthrough(),
  audit: [],
  run: async ({ ctx, actor }): Promise<SpaltenzuordnungAntwort> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const eigene = alsZuordnung(await vergleichRepository.zuordnung(tx));
      const zuordnung = eigene ?? STANDARD_SPALTENZUORDNUNG;
      return {
        zuordnung,
        standard: eigene === null,
        text: zuordnungAlsText(zuordnung),
        felder: VERGLEICH_FELDER.map((f) => ({ feld: f, text: FELD_TEXT[f], pflicht: PFLICHTFELDER.includes(f) })),
      };
    }),
});
