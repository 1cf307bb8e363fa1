import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { pruefeNeuerPlan, rechtsstandName, spaetesteUeberpruefung } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { ladePlanFuer, mitRechtsstand, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

/**
 * Fortschreibung (§ 15 Abs. 3 SGB II): a new draft version that starts from the content of the plan in force. The
 * plan in force stays valid until the new version is agreed (then it becomes `fortgeschrieben` and its review
 * Wiedervorlage is closed).
 */
export const kooperationsplanFortschreiben = defineUseCase({
  name: 'integration.kooperationsplan-fortschreiben',
  zugang: 'angemeldet',
  input: z.object({ id: z.string(), version: z.coerce.number().int().min(0) }),
  audit: ['kooperationsplan.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan, person } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      if (plan.status !== 'abgestimmt' && plan.status !== 'nicht_zustande_gekommen') throw new AppError('status_ungueltig', 409, 'Fortgeschrieben wird der geltende Plan.');
      if (plan.version !== input.version) throw versionConflict();
      const ablehnung = mitRechtsstand('id', () => pruefeNeuerPlan(tag));
      if (ablehnung) throw rechtsfehler(ablehnung);
      const plaene = await kooperationsplanRepository.plaeneDerPerson(tx, plan.personId);
      if (plaene.some((p) => p.status === 'entwurf')) throw new AppError('already_exists', 409, 'Für diese Person gibt es schon einen Entwurf. Bitte bearbeiten Sie ihn.');
      const neu = await kooperationsplanRepository.insertPlan(tx, {
        traegerId: actor.traegerId,
        personId: plan.personId,
        bgId: person.bgId,
        fassung: await kooperationsplanRepository.naechsteFassung(tx, plan.personId),
        vorgaengerId: plan.id,
        art: 'plan',
        status: 'entwurf',
        rechtsstand: rechtsstandName(tag),
        erstelltAm: tag,
        eingliederungsziel: plan.eingliederungsziel,
        inhalt: plan.inhalt,
        naechsteUeberpruefung: spaetesteUeberpruefung(tag),
        createdBy: actor.userId,
        createdByName: actor.name,
      });
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: neu.id,
        personId: plan.personId,
        action: 'create',
        purpose: 'Integration: Kooperationsplan fortschreiben',
        details: { fassung: neu.fassung, status: 'entwurf' },
      });
      return { id: neu.id, version: neu.version, fassung: neu.fassung, vorgaengerId: plan.id };
    });
  },
});
