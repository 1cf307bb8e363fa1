import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { changedFields, requireUuid, withUniqueFields } from './common.ts';
import { requireActiveKommune, STANDORT_NAME_TAKEN } from './create-standort.ts';
import { standortAendernSchema } from './schemas.ts';

/** Changes a Standort; `input.version` must be the version that was read (optimistic locking). */
export const standortAendern = defineUseCase({
  name: 'verwaltung.standort-aendern',
  zugang: 'organisation.verwalten',
  input: standortAendernSchema,
  audit: ['standort.update'],
  run: async ({ ctx, actor, input }): Promise<{ standort: Standort; kommune: string }> => {
  const { id } = input;
  requireUuid(id, 'Der Standort');
  return withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const current = await organisationRepository.findStandort(tx, id);
        if (!current) throw notFound('Der Standort');
        if (current.version !== input.version) throw versionConflict();
        const patch = {
          name: input.name,
          kommuneId: input.kommuneId,
          strasse: input.strasse,
          plz: input.plz,
          ort: input.ort,
          telefon: input.telefon === undefined ? undefined : input.telefon || null,
          email: input.email === undefined ? undefined : input.email || null,
          oeffnungszeiten: input.oeffnungszeiten,
        };
        const felder = changedFields(current, patch);
        // A Standort may stay in a Kommune deactivated since; moving it needs an active one.
        const kommune = felder.includes('kommuneId')
          ? await requireActiveKommune(tx, patch.kommuneId!)
          : await organisationRepository.findKommune(tx, current.kommuneId);
        if (felder.length === 0) return { standort: current, kommune: kommune?.name ?? '' };
        const updated = await organisationRepository.updateStandort(tx, id, input.version, patch);
        if (!updated) throw versionConflict();
        await recordAudit(tx, actor, {
          objectType: 'standort',
          objectId: id,
          action: 'update',
          purpose: 'Organisationsverwaltung: Standort ändern',
          details: { felder },
        });
        return { standort: updated, kommune: kommune?.name ?? '' };
      }),
    { standorte_name_unique: STANDORT_NAME_TAKEN },
    STANDORT_NAME_TAKEN,
  );
  },
});
