import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { instantAus, plusTage } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, validationFailed } from '../errors.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung, tagesdatum } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

/**
 * Absence of a desk over whole days (`vonDatum`..`bisDatum`, both included, local calendar days Europe/Berlin):
 * stored as the half-open instant range [start of vonDatum, start of the day after bisDatum).
 */
export const abwesenheitEintragen = defineUseCase({
  name: 'termine.abwesenheit-eintragen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z
    .object({
      ressourceId: kennung(),
      vonDatum: tagesdatum('Bitte geben Sie den ersten Tag der Abwesenheit an.'),
      bisDatum: tagesdatum('Bitte geben Sie den letzten Tag der Abwesenheit an.'),
      grund: leerAlsFehlend(text(200)),
    })
    .refine((a) => a.bisDatum >= a.vonDatum, { path: ['bisDatum'], message: 'Der letzte Tag darf nicht vor dem ersten liegen.' }),
  audit: ['termin_abwesenheit.create'],
  run: async ({ ctx, actor, input }) => {
    const von = new Date(instantAus(input.vonDatum, 0));
    const bis = new Date(instantAus(plusTage(input.bisDatum, 1), 0));
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, input.ressourceId).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 404) throw validationFailed([{ path: 'ressourceId', code: 'invalid', message: 'Bitte wählen Sie einen Platz.' }]);
        throw err;
      });
      const row = await termineRepository.insertAbwesenheit(tx, { traegerId: actor.traegerId, ressourceId: r.id, von, bis, grund: input.grund ?? null });
      await recordAudit(tx, actor, { objectType: 'termin_abwesenheit', objectId: row.id, personId: r.userId, action: 'create', purpose: 'Abwesenheit für die Terminplanung eintragen' });
      return row;
    });
  },
});
