import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { haekchen } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Switches the Träger's TOTP requirement. While it is on, staff without TOTP must set it up at their next
 * sign-in (sessions already open stay open) and nobody can switch their second factor off.
 */
export const setTotpRequirement = defineUseCase({
  name: 'auth.set-totp-requirement',
  zugang: 'organisation.verwalten',
  /** `required`: a boolean (API) or the checkbox value "1" (form). */
  input: z.object({ required: haekchen() }),
  audit: ['traeger.update'],
  run: async ({ ctx, actor, input }): Promise<void> => {
    await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const before = await organisationRepository.traeger(tx);
      if (before?.totpPflicht === input.required) return;
      await organisationRepository.updateTraeger(tx, { totpPflicht: input.required });
      await recordAudit(tx, actor, {
        objectType: 'traeger',
        objectId: actor.traegerId,
        action: 'update',
        purpose: input.required ? 'Zweiten Faktor (TOTP) für Mitarbeitende verpflichtend gemacht' : 'Pflicht zum zweiten Faktor (TOTP) aufgehoben',
        details: { feld: 'totp_pflicht', wert: input.required },
      });
    });
  },
});
