import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { withUniqueFields } from './common.ts';
import { kommuneCreateSchema } from './schemas.ts';

export const KOMMUNE_NAME_TAKEN = { path: 'name', code: 'name_taken', message: 'Eine Kommune mit diesem Namen gibt es schon.' };

/** Verwaltung: eine Kommune des Trägers anlegen (Name eindeutig je Träger). */
export const kommuneAnlegen = defineUseCase({
  name: 'verwaltung.kommune-anlegen',
  zugang: 'organisation.verwalten',
  input: kommuneCreateSchema,
  audit: ['kommune.create'],
  run: ({ ctx, actor, input }): Promise<Kommune> =>
    withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const kommune = await organisationRepository.insertKommune(tx, { traegerId: actor.traegerId, name: input.name, ags: input.ags ?? null, postleitzahlen: [...new Set(input.postleitzahlen ?? [])].sort() });
        await recordAudit(tx, actor, {
          objectType: 'kommune',
          objectId: kommune.id,
          action: 'create',
          purpose: 'Organisationsverwaltung: Kommune anlegen',
          details: { felder: ['name', ...(kommune.ags ? ['ags'] : []), ...(kommune.postleitzahlen.length ? ['postleitzahlen'] : [])] },
        });
        return kommune;
      }),
    { kommunen_name_unique: KOMMUNE_NAME_TAKEN },
    KOMMUNE_NAME_TAKEN,
  ),
});
