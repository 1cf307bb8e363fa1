import { z } from 'zod';
import { zahlungRepository } from '../../db/repositories/zahlungen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

/** The pain.001 file of a run (contains bank details: only who may run payments). Audited as an export. */
export const zahllaufDatei = defineUseCase({
  name: 'leistung.zahllauf-datei',
  zugang: 'zahllauf.ausfuehren',
  input: z.object({ id: text(100).describe('ID des Zahllaufs') }),
  audit: ['zahllauf.export'],
  run: async ({ ctx, actor, input: opts }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    if (!istUuid(opts.id)) throw notFound('Der Zahllauf');
    const l = await zahlungRepository.findLauf(tx, opts.id);
    if (!l || !l.pain001) throw notFound('Die SEPA-Datei');
    await recordAudit(tx, actor, { objectType: 'zahllauf', objectId: l.id, action: 'export', purpose: 'SEPA-Datei für die Bank herunterladen', details: { zahlmonat: l.zahlmonat, anzahl: l.anzahl } });
    return { dateiname: `${l.nachrichtId}.xml`, xml: l.pain001 };
  }),
});
