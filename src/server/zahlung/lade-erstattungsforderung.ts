import { z } from 'zod';
import { bescheidStammdaten } from '../../db/repositories/bg-stammdaten.ts';
import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { heute } from '../clock.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentForderung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

/** One Erstattungsforderung with its history and the names of the persons who owe it; audited as a read. */
export const erstattungsforderungLaden = defineUseCase({
  name: 'leistung.erstattungsforderung-laden',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: z.object({ id: text(100).describe('ID der Erstattungsforderung') }),
  audit: ['erstattungsforderung.read'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await ladeForderungFuer(tx, actor, input.id);
      await recordAudit(tx, actor, { objectType: 'erstattungsforderung', objectId: r.f.id, action: 'read', purpose: 'Leistungssachbearbeitung: Erstattungsforderung einsehen', details: { bgId: r.f.bgId } });
      const bescheid = r.f.bescheidId ? ((await erstattungRepository.bescheidKopf(tx, r.f.bescheidId)) ?? null) : null;
      const f = presentForderung(r, await erstattungRepository.vorgaenge(tx, r.f.id), bescheid, await aufrechnungRepository.derForderung(tx, r.f.id));
      // names of the persons who owe (for the Aufrechnung form and the list of Aufrechnungen)
      const namen = new Map(((await bescheidStammdaten(tx, [r.f.bgId], heute(ctx.clock.now()), { bank: false })).get(r.f.bgId)?.personen ?? []).map((p) => [p.id, p.name]));
      return { ...f, personen: f.personen.map((p) => ({ ...p, name: namen.get(p.id) ?? null })) };
    }),
});
