import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { pruefeSchlichtungsbeginn, schlichtungsEnde } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { kalenderdatum, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumDe, feldfehler, ladePlanFuer, mitRechtsstand, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

export const schlichtungBeginnenSchema = z.object({
  id: z.string(),
  /** Start: the invitation to the first appointment (default today); not before the plan, not in the future. */
  beginn: kalenderdatum().optional(),
  beantragtVon: z.enum(['person', 'jobcenter']).default('jobcenter'),
  schlichtende: text(200).optional(),
});

/**
 * Starts a § 15a Schlichtung (1.7.2023 – 30.6.2026 only; afterwards 409 `schlichtung_nicht_mehr_moeglich`): it ends
 * four weeks after its start at the latest, and no Minderung may be imposed while it runs (`minderungGesperrt`).
 */
export const kooperationsplanSchlichtungBeginnen = defineUseCase({
  name: 'integration.kooperationsplan-schlichtung-beginnen',
  zugang: 'angemeldet',
  input: schlichtungBeginnenSchema,
  audit: ['schlichtung.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      const beginn = input.beginn ?? tag;
      if (beginn > tag || beginn < plan.erstelltAm) {
        throw feldfehler([{ path: 'beginn', code: 'beginn_ungueltig', message: 'Der Beginn (Einladung zum ersten Termin) darf nicht vor dem Plan und nicht in der Zukunft liegen.' }]);
      }
      const ablehnung = mitRechtsstand('beginn', () => pruefeSchlichtungsbeginn(beginn));
      if (ablehnung) throw rechtsfehler(ablehnung);
      if (plan.art !== 'plan' || plan.status === 'fortgeschrieben') throw new AppError('status_ungueltig', 409, 'Eine Schlichtung ist nur zu einem Entwurf oder dem geltenden Kooperationsplan möglich.');
      const laufend = (await kooperationsplanRepository.schlichtungenDerPerson(tx, plan.personId)).find((s) => s.ergebnis === 'laufend' && s.ende >= tag);
      if (laufend) throw new AppError('schlichtung_laeuft', 409, `Es läuft bereits ein Schlichtungsverfahren bis zum ${datumDe(laufend.ende)}.`);
      const s = await kooperationsplanRepository.insertSchlichtung(tx, {
        traegerId: actor.traegerId,
        kooperationsplanId: plan.id,
        personId: plan.personId,
        beantragtVon: input.beantragtVon,
        beginn,
        ende: schlichtungsEnde(beginn),
        ergebnis: 'laufend',
        schlichtende: input.schlichtende?.trim() || null,
      });
      await recordAudit(tx, actor, {
        objectType: 'schlichtung',
        objectId: s.id,
        personId: plan.personId,
        action: 'create',
        purpose: 'Integration: Schlichtungsverfahren einleiten (§ 15a SGB II)',
        details: { beginn: s.beginn, ende: s.ende, beantragtVon: s.beantragtVon },
      });
      return { id: s.id, version: s.version, beginn: s.beginn, ende: s.ende, ergebnis: s.ergebnis };
    });
  },
});
