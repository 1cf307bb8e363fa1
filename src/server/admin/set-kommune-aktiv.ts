import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { requireUuid } from './common.ts';
import { aktivSetzenSchema } from './schemas.ts';

/**
 * Deactivates (aktiv: false) or reactivates a Kommune — Kommunen are never deleted. A Kommune with active
 * Standorte cannot be deactivated. Setting the state it already has changes nothing.
 */
export const kommuneAktivSetzen = defineUseCase({
  name: 'verwaltung.kommune-aktiv-setzen',
  zugang: 'organisation.verwalten',
  input: aktivSetzenSchema,
  audit: ['kommune.activate', 'kommune.deactivate'],
  run: async ({ ctx, actor, input: opts }): Promise<Kommune> => {
  const { id, aktiv } = opts;
  requireUuid(id, 'Die Kommune');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const current = await organisationRepository.findKommune(tx, id);
    if (!current) throw notFound('Die Kommune');
    if (opts.version !== undefined && opts.version !== current.version) throw versionConflict();
    if (current.aktiv === aktiv) return current;
    if (!aktiv && (await organisationRepository.countActiveStandorte(tx, id)) > 0) {
      throw new AppError(
        'kommune_in_use',
        409,
        'In dieser Kommune gibt es noch aktive Standorte. Bitte deaktivieren Sie zuerst die Standorte oder ordnen Sie sie einer anderen Kommune zu.',
      );
    }
    const updated = await organisationRepository.updateKommune(tx, id, current.version, { aktiv });
    if (!updated) throw versionConflict();
    await recordAudit(tx, actor, {
      objectType: 'kommune',
      objectId: id,
      action: aktiv ? 'activate' : 'deactivate',
      purpose: aktiv ? 'Organisationsverwaltung: Kommune wieder aktivieren' : 'Organisationsverwaltung: Kommune deaktivieren',
      details: { felder: ['aktiv'] },
    });
    return updated;
  });
  },
});
