import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { changedFields, requireUuid, withUniqueFields } from './common.ts';
import { KOMMUNE_NAME_TAKEN } from './create-kommune.ts';
import { kommuneAendernSchema } from './schemas.ts';

/** Changes name, AGS and Postleitzahlen; `input.version` must be the version that was read (optimistic locking). */
export const kommuneAendern = defineUseCase({
  name: 'verwaltung.kommune-aendern',
  zugang: 'organisation.verwalten',
  input: kommuneAendernSchema,
  audit: ['kommune.update'],
  run: async ({ ctx, actor, input }): Promise<Kommune> => {
  const { id } = input;
  requireUuid(id, 'Die Kommune');
  return withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const current = await organisationRepository.findKommune(tx, id);
        if (!current) throw notFound('Die Kommune');
        if (current.version !== input.version) throw versionConflict();
        const patch = {
          name: input.name,
          ags: input.ags === undefined ? undefined : (input.ags ?? null),
          postleitzahlen: input.postleitzahlen === undefined ? undefined : [...new Set(input.postleitzahlen)].sort(),
        };
        const felder = changedFields(current, patch);
        if (felder.length === 0) return current;
        const updated = await organisationRepository.updateKommune(tx, id, input.version, patch);
        if (!updated) throw versionConflict();
        await recordAudit(tx, actor, {
          objectType: 'kommune',
          objectId: id,
          action: 'update',
          purpose: 'Organisationsverwaltung: Kommune ändern',
          details: { felder },
        });
        return updated;
      }),
    { kommunen_name_unique: KOMMUNE_NAME_TAKEN },
    KOMMUNE_NAME_TAKEN,
  );
  },
});
