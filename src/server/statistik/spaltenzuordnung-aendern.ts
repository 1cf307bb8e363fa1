import { z } from 'zod';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import { leseZuordnungText, VERGLEICH_FELDER, zuordnungAlsText, type Spaltenzuordnung } from '../../domain/statistik/vergleich-import.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { fehler } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Changes the importer's header mapping (docs/statistik.md, "Spaltenzuordnung"): either `zuordnung` (field → list of
 * column headings), `text` (the editor's lines "feld = Überschrift | Überschrift") or `standard: true` (back to the
 * default). Audit vergleich.update.
 */
const ueberschriften = z.array(z.string().trim().min(1).max(120)).max(10);

export const spaltenzuordnungAendernSchema = z.object({
  zuordnung: z.object(Object.fromEntries(VERGLEICH_FELDER.map((f) => [f, ueberschriften.optional()])) as Record<(typeof VERGLEICH_FELDER)[number], z.ZodOptional<typeof ueberschriften>>).strict().optional(),
  text: z.string().max(5000).optional(),
  standard: z.union([z.boolean(), z.enum(['ja', 'on', 'true']).transform(() => true)]).optional(),
});

export const spaltenzuordnungAendern = defineUseCase({
  name: 'statistik.spaltenzuordnung-aendern',
  zugang: 'statistik.verwalten',
  input: spaltenzuordnungAendernSchema,
  audit: ['vergleich.update'],
  run: async ({ ctx, actor, input }) => {
    let neu: Spaltenzuordnung | null = null;
    if (!input.standard) {
      const text =
        input.text ??
        (input.zuordnung ? VERGLEICH_FELDER.map((f) => `${f} = ${(input.zuordnung![f] ?? []).join(' | ')}`).join('\n') : undefined);
      if (text === undefined) {
        throw fehler('validation_failed', { issues: [{ path: 'zuordnung', code: 'custom', message: 'Bitte geben Sie die Zuordnung an (oder standard: true).' }] });
      }
      const r = leseZuordnungText(text);
      if (!r.ok) throw fehler('validation_failed', { issues: r.fehler.map((message) => ({ path: input.text !== undefined ? 'text' : 'zuordnung', code: 'custom', message })) });
      neu = r.zuordnung;
    }
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      await vergleichRepository.setzeZuordnung(tx, actor.traegerId, neu);
      await recordAudit(tx, actor, { objectType: 'vergleich', action: 'update', purpose: 'Spaltenzuordnung des Imports der veröffentlichten Kennzahlen ändern', details: {} });
      return { standard: neu === null, text: neu ? zuordnungAlsText(neu) : null };
    });
  },
});
