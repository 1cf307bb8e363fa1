import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { massnahmeAktivSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme } from './teilnahme-gemeinsam.ts';

/** Takes a Maßnahme out of the programme (no new Vorschläge) or back in; running Teilnahmen go on. */
export const massnahmeAktivSetzen = defineUseCase({
  name: 'integration.massnahme-aktiv-setzen',
  zugang: 'massnahmen.verwalten',
  input: massnahmeAktivSchema,
  audit: ['massnahme.activate', 'massnahme.deactivate'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const vorher = await ladeMassnahme(tx, input.id);
      const m = await massnahmenRepository.update(tx, vorher.id, input.version, { aktiv: input.aktiv });
      if (!m) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'massnahme', objectId: m.id, action: input.aktiv ? 'activate' : 'deactivate', purpose: 'Maßnahmenprogramm pflegen' });
      return m;
    }),
});
