import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { requireUuid } from './common.ts';
import { aktivSetzenSchema } from './schemas.ts';

/**
 * Deactivates or reactivates a Standort (never deleted). A deactivated Standort disappears from the public
 * start page; staff keep their assignment. Reactivation needs an active Kommune.
 */
export const standortAktivSetzen = defineUseCase({
  name: 'verwaltung.standort-aktiv-setzen',
  zugang: 'organisation.verwalten',
  input: aktivSetzenSchema,
  audit: ['standort.activate', 'standort.deactivate'],
  run: async ({ ctx, actor, input: opts }): Promise<{ standort: Standort; kommune: string }> => {
  const { id, aktiv } = opts;
  requireUuid(id, 'Der Standort');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const current = await organisationRepository.findStandort(tx, id);
    if (!current) throw notFound('Der Standort');
    if (opts.version !== undefined && opts.version !== current.version) throw versionConflict();
    const kommune = await organisationRepository.findKommune(tx, current.kommuneId);
    if (current.aktiv === aktiv) return { standort: current, kommune: kommune?.name ?? '' };
    if (aktiv && !kommune?.aktiv) {
      throw new AppError(
        'kommune_inactive',
        409,
        'Die Kommune dieses Standorts ist deaktiviert. Bitte aktivieren Sie zuerst die Kommune oder ordnen Sie den Standort einer aktiven Kommune zu.',
      );
    }
    const updated = await organisationRepository.updateStandort(tx, id, current.version, { aktiv });
    if (!updated) throw versionConflict();
    await recordAudit(tx, actor, {
      objectType: 'standort',
      objectId: id,
      action: aktiv ? 'activate' : 'deactivate',
      purpose: aktiv ? 'Organisationsverwaltung: Standort wieder aktivieren' : 'Organisationsverwaltung: Standort deaktivieren',
      details: { felder: ['aktiv'] },
    });
    return { standort: updated, kommune: kommune?.name ?? '' };
  });
  },
});
