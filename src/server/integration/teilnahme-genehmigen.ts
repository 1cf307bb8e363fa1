import { organisationRepository } from '../../db/repositories/organisation.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { genehmigungSchema } from './massnahmen-schemas.ts';
import { falscherStatus, fuehreZuweisungAus, ladeMassnahme, ladeTeilnahme, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/**
 * The Teamleitung decides on a Zuweisung beyond the free budget: approve (the Zuweisung proceeds: place or
 * Warteliste, Mittelbindung, letter) or refuse (abgelehnt).
 */
export const teilnahmeGenehmigen = defineUseCase({
  name: 'integration.teilnahme-genehmigen',
  zugang: 'zuweisung.genehmigen',
  input: genehmigungSchema,
  audit: ['teilnahme.update', 'mittelbindung.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'zuweisung.genehmigen');
      if (t.version !== input.version) throw versionConflict();
      if (t.status !== 'wartet_auf_genehmigung') throw falscherStatus(t, 'Eine Genehmigung');
      if (input.entscheidung === 'ablehnen') {
        const r = await teilnahmenRepository.update(tx, t.id, t.version, { status: 'abgelehnt' });
        if (!r) throw versionConflict();
        await recordAudit(tx, actor, {
          objectType: 'teilnahme',
          objectId: t.id,
          personId: t.personId,
          action: 'update',
          purpose: zweckTeilnahme(actor, 'Zuweisung über dem Budget ablehnen'),
          details: { massnahmeId: t.massnahmeId, von: t.status, nach: 'abgelehnt' },
        });
        return { id: t.id, personId: t.personId, status: 'abgelehnt' as const, platzNr: null, meldung: 'Die Zuweisung wurde nicht genehmigt.', fehlend: [] };
      }
      const m = await ladeMassnahme(tx, t.massnahmeId);
      const traeger = await organisationRepository.traeger(tx);
      const ergebnis = await fuehreZuweisungAus(tx, actor, {
        t,
        massnahme: m,
        heute: tag,
        budgetFreigabe: true,
        mitRechtsfolgenbelehrung: t.mitRechtsfolgenbelehrung,
        jobcenter: traeger?.jobcenterName ?? '',
      });
      return { id: t.id, personId: t.personId, ...ergebnis };
    });
  },
});
