import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { ladePlanFuer } from './kooperationsplan-gemeinsam.ts';

const NACHWEIS = 'Der Nachweis';

/**
 * Staff open a proof of Eigenbemühungen the citizen uploaded (only after a clean virus scan), within the reach of the
 * person's Standort; audited.
 */
export const kooperationsplanNachweisOeffnen = defineUseCase({
  name: 'integration.kooperationsplan-nachweis-oeffnen',
  zugang: 'angemeldet',
  input: z.object({ id: z.string() }),
  audit: ['portal_datei.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!istUuid(input.id)) throw notFound(NACHWEIS);
      const n = await kooperationsplanRepository.findNachweis(tx, input.id);
      if (!n?.portalDateiId) throw notFound(NACHWEIS);
      try {
        await ladePlanFuer(tx, actor, n.kooperationsplanId, 'integration.lesen', tag);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) throw notFound(NACHWEIS);
        throw err;
      }
      const d = await portalRepository.findDatei(tx, n.portalDateiId);
      if (!d) throw notFound(NACHWEIS);
      if (d.status !== 'sauber') throw new AppError('datei_nicht_freigegeben', 409, d.status === 'quarantaene' ? 'Die Datei wird noch auf Viren geprüft.' : 'Die Datei wurde abgelehnt.');
      await recordAudit(tx, actor, { objectType: 'portal_datei', objectId: d.id, action: 'read', purpose: 'Integration: Nachweis der Eigenbemühungen öffnen' });
      return { dateiname: d.dateiname, mime: d.mime, inhalt: d.inhalt };
    });
  },
});
