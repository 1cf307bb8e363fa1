import { z } from 'zod';
import { arbeitsmarktstatusRepository } from '../../db/repositories/arbeitsmarktstatus.ts';
import { planeArbeitslosWiederherstellen } from '../../domain/foerdern/status.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { tagesdatum } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, verlangeElb, zweckBetreuung } from './betreuung-zugriff.ts';
import { alsDomaene, wendePlanAn } from './status-folgen.ts';
import { alsFehler, ohneStatusUeberschneidung } from './status-gemeinsam.ts';

/**
 * The button the Integrationsakte offers after an Austritt from a Maßnahme: 'arbeitslos' again from the day after
 * (source `massnahme_austritt`, linked to the Teilnahme). Offered, never automatic: whether the person is available
 * and seeking work again is the Fachkraft's finding.
 */
export const arbeitslosWiederherstellen = defineUseCase({
  name: 'integration.arbeitslos-wiederherstellen',
  zugang: 'angemeldet',
  input: z.object({
    personId: z.string().max(100).describe('Person (UUID)'),
    ab: tagesdatum().describe('erster Tag der Arbeitslosigkeit (Tag nach dem Austritt)'),
  }),
  audit: ['arbeitsmarktstatus.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ohneStatusUeberschneidung(
      () =>
        ctx.db.withTenant(tenantScope(actor), async (tx) => {
          const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
          verlangeElb(person);
          await arbeitsmarktstatusRepository.sperrePerson(tx, person.personId);
          const perioden = (await arbeitsmarktstatusRepository.perioden(tx, person.personId)).map(alsDomaene);
          // the Maßnahme period that ended the day before (if any) names the Teilnahme
          const vorher = perioden.find((p) => p.quelle === 'massnahme_eintritt' && p.gueltigBis !== null && p.gueltigBis < input.ab);
          const plan = planeArbeitslosWiederherstellen(perioden, { ab: input.ab, teilnahmeId: vorher?.quelleId ?? null });
          if ('code' in plan) throw alsFehler(plan);
          await wendePlanAn(tx, actor, person.personId, plan, zweckBetreuung(actor, `Arbeitslosigkeit ab ${datumText(input.ab)} nach Austritt wiederherstellen`));
          return { personId: person.personId, ab: input.ab, bis: plan.oeffnen[0]?.gueltigBis ?? null };
        }),
      'ab',
    );
  },
});
