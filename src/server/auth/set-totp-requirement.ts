import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';

/**
 * Switches the Träger's TOTP requirement. While it is on, staff without TOTP must set it up at their next
 * sign-in (sessions already open stay open) and nobody can switch their second factor off.
 */
export async function setTotpRequirement(opts: { ctx: AppContext; actor: Actor; required: boolean }): Promise<void> {
  authorize(opts.actor, 'organisation.verwalten');
  await opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const before = await organisationRepository.traeger(tx);
    if (before?.totpPflicht === opts.required) return;
    await organisationRepository.updateTraeger(tx, { totpPflicht: opts.required });
    await recordAudit(tx, opts.actor, {
      objectType: 'traeger',
      objectId: opts.actor.traegerId,
      action: 'update',
      purpose: opts.required ? 'Zweiten Faktor (TOTP) für Mitarbeitende verpflichtend gemacht' : 'Pflicht zum zweiten Faktor (TOTP) aufgehoben',
      details: { feld: 'totp_pflicht', wert: opts.required },
    });
  });
}
