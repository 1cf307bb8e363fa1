import { z } from 'zod';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeVerfahren } from './anhoerung-gemeinsam.ts';

const DATEI = 'Die Datei';

/** A file the citizen sent with the answer to the Anhörung, for staff — only after a clean virus scan. */
export const antwortDateiOeffnen = defineUseCase({
  name: 'fordern.antwort-datei',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100), dateiId: z.string().max(100) }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.lesen', tag);
      if (!v.antwortDateiIds.includes(input.dateiId)) throw notFound(DATEI);
      const d = await portalRepository.findDatei(tx, input.dateiId);
      if (!d) throw notFound(DATEI);
      if (d.status !== 'sauber') throw fehler('datei_nicht_freigegeben');
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'read', purpose: 'Fordern: Datei zur Antwort auf die Anhörung öffnen', details: { schritt: 'antwort_datei', dokument: d.id } });
      return { inhalt: d.inhalt, mime: d.mime, dateiname: d.dateiname };
    });
  },
});

/** Names and scan states of the answer's files (for the procedure page). */
export async function antwortDateien(tx: Parameters<typeof portalRepository.findDatei>[0], ids: readonly string[]) {
  const r = [];
  for (const id of ids) {
    const d = await portalRepository.findDatei(tx, id);
    if (d) r.push({ id: d.id, dateiname: d.dateiname, status: d.status });
  }
  return r;
}
