import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';

/** Choices for the Erstantrag form: the Träger's active Kommunen (no personal data). */
export async function formularDaten(opts: { ctx: AppContext; actor: Actor }) {
  authorize(opts.actor, 'fall.bearbeiten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => ({
    kommunen: (await organisationRepository.listKommunen(tx)).filter((k) => k.aktiv).map((k) => ({ id: k.id, name: k.name })),
  }));
}
