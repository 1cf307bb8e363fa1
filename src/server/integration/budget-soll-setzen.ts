import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { BUDGET_TITEL } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { euroCent, ganzzahl, leerAlsFehlend, leerAlsNull } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

export const budgetSollSchema = z.object({
  haushaltsjahr: ganzzahl('Bitte ein Haushaltsjahr zwischen 2000 und 2100 angeben.', 2000, 2100).describe('Haushaltsjahr'),
  titel: z.enum(BUDGET_TITEL, { error: 'Bitte einen Titel wählen: Bundesmittel (EGT) oder kommunale Mittel (§ 16a).' }).describe('Budget-Titel'),
  sollCent: euroCent('Bitte den Betrag des Budgets in Euro angeben, z. B. 1.250.000,00.').describe('Soll in Cent (Formular: Euro-Text)'),
  bemerkung: leerAlsNull(text(500)).optional().describe('z. B. „EinglMV 2027, vorläufig“'),
  /** Optimistic locking when the year's Soll exists: the version shown in the form. */
  version: leerAlsFehlend(ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 0, 2_147_483_647)).describe('Version des vorhandenen Eintrags (optimistisches Sperren; ohne: der Eintrag wird ersetzt)'),
});

/**
 * Enters or changes the Träger's Eingliederungsbudget (Soll) for a Haushaltsjahr and Titel (EinglMV share for the
 * EGT, the Kreis's own funds for § 16a). A Soll below what is already bound and paid is allowed (a Haushaltssperre
 * happens); the overview then shows a negative free budget and new Zuweisungen need approval.
 */
export const budgetSollSetzen = defineUseCase({
  name: 'integration.budget-soll-setzen',
  zugang: 'budget.verwalten',
  input: budgetSollSchema,
  audit: ['eingliederungsbudget.create', 'eingliederungsbudget.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const werte = { sollCent: input.sollCent, bemerkung: input.bemerkung ?? null };
      const vorhanden = await budgetRepository.findSoll(tx, input.haushaltsjahr, input.titel);
      const row = vorhanden
        ? await budgetRepository.updateSoll(tx, vorhanden.id, input.version ?? vorhanden.version, werte)
        : await budgetRepository.insertSoll(tx, { traegerId: actor.traegerId, haushaltsjahr: input.haushaltsjahr, titel: input.titel, ...werte });
      if (!row) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'eingliederungsbudget',
        objectId: row.id,
        action: vorhanden ? 'update' : 'create',
        purpose: 'Eingliederungsbudget eintragen',
        details: { haushaltsjahr: row.haushaltsjahr, titel: row.titel, sollCent: row.sollCent },
      });
      return { id: row.id, haushaltsjahr: row.haushaltsjahr, titel: row.titel, sollCent: row.sollCent, bemerkung: row.bemerkung, version: row.version };
    }),
});
