import { z } from 'zod';
import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { visibleStandorte } from '../policies.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentForderung } from './forderung-darstellung.ts';

export const erstattungsforderungenFilterSchema = z.object({
  stand: z.enum(['offen', 'erledigt']).optional(),
  fallnummer: text(40).optional(),
});

/** Erstattungsforderungen of the caller's Standorte, filtered by state and Fallnummer; audited as a search. */
export const erstattungsforderungenListen = defineUseCase({
  name: 'leistung.erstattungsforderungen-listen',
  zugang: 'bewilligung.bearbeiten',
  input: erstattungsforderungenFilterSchema,
  audit: ['erstattungsforderung.search'],
  run: async ({ ctx, actor, input: filter }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const rows = await erstattungRepository.liste(tx, { standorte: visibleStandorte(actor, 'bewilligung.bearbeiten'), stand: filter.stand, fallnummer: filter.fallnummer?.trim() || undefined });
      await recordAudit(tx, actor, {
        objectType: 'erstattungsforderung',
        action: 'search',
        purpose: 'Leistungssachbearbeitung: Erstattungsforderungen bearbeiten',
        details: { anzahl: rows.length, ...filter },
      });
      return rows.map((r) => presentForderung(r));
    }),
});
