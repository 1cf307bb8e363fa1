import type { Tx } from '../../db/client.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune, Standort } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { withUniqueFields } from './common.ts';
import { standortCreateSchema, type StandortCreate } from './schemas.ts';

export const STANDORT_NAME_TAKEN = { path: 'name', code: 'name_taken', message: 'Einen Standort mit diesem Namen gibt es schon.' };

/** The Kommune a Standort is (to be) placed in: one of the Träger's, and active. */
export async function requireActiveKommune(tx: Tx, kommuneId: string): Promise<Kommune> {
  const kommune = await organisationRepository.findKommune(tx, kommuneId);
  if (!kommune) throw validationFailed([{ path: 'kommuneId', code: 'unknown', message: 'Diese Kommune gibt es nicht.' }]);
  if (!kommune.aktiv) {
    throw validationFailed([{ path: 'kommuneId', code: 'inactive', message: 'Diese Kommune ist deaktiviert. Bitte wählen Sie eine aktive Kommune.' }]);
  }
  return kommune;
}

/** Verwaltung: einen Standort in einer aktiven Kommune anlegen (Name eindeutig je Träger). */
export const standortAnlegen = defineUseCase({
  name: 'verwaltung.standort-anlegen',
  zugang: 'organisation.verwalten',
  input: standortCreateSchema,
  audit: ['standort.create'],
  run: ({ ctx, actor, input }): Promise<{ standort: Standort; kommune: string }> =>
    withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const kommune = await requireActiveKommune(tx, input.kommuneId);
        const standort = await organisationRepository.insertStandort(tx, {
          traegerId: actor.traegerId,
          kommuneId: kommune.id,
          name: input.name,
          strasse: input.strasse,
          plz: input.plz,
          ort: input.ort,
          telefon: input.telefon || null,
          email: input.email || null,
          oeffnungszeiten: input.oeffnungszeiten ?? '',
        });
        await recordAudit(tx, actor, {
          objectType: 'standort',
          objectId: standort.id,
          action: 'create',
          purpose: 'Organisationsverwaltung: Standort anlegen',
          details: { felder: Object.keys(input).filter((k) => input[k as keyof StandortCreate]) },
        });
        return { standort, kommune: kommune.name };
      }),
    { standorte_name_unique: STANDORT_NAME_TAKEN },
    STANDORT_NAME_TAKEN,
  ),
});
