import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { pruefeBescheinigung } from '../../domain/foerdern/teilnahme.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { bescheinigungSchema } from './massnahmen-schemas.ts';
import { falscherStatus, ladeTeilnahme, regelFehler, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/** Records the Teilnahmebescheinigung (its date) after the Austritt; the PDF comes from teilnahme-dokument.ts. */
export const teilnahmeBescheinigen = defineUseCase({
  name: 'integration.teilnahme-bescheinigen',
  zugang: 'integration.bearbeiten',
  input: bescheinigungSchema,
  audit: ['teilnahme.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.bearbeiten');
      if (t.version !== input.version) throw versionConflict();
      if (t.status !== 'ausgetreten' || !t.austrittAm) throw falscherStatus(t, 'Eine Teilnahmebescheinigung');
      const f = pruefeBescheinigung({ austrittAm: t.austrittAm, am: input.am });
      if (f.length) throw regelFehler(f);
      const r = await teilnahmenRepository.update(tx, t.id, t.version, { teilnahmebescheinigungAm: input.am });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: t.id,
        personId: t.personId,
        action: 'update',
        purpose: zweckTeilnahme(actor, 'Teilnahmebescheinigung ausstellen'),
        details: { massnahmeId: t.massnahmeId, dokument: 'bescheinigung' },
      });
      return { id: t.id, personId: t.personId, teilnahmebescheinigungAm: input.am };
    }),
});
