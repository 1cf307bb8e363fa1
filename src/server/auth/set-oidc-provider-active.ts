import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policies.ts';
import { forgetOidcConfiguration } from './oidc-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Switches a provider off (its button disappears, sign-ins through it stop) or on again. Never deleted. */
export async function setOidcProviderActive(opts: { ctx: AppContext; actor: Actor; providerId: string; aktiv: boolean }): Promise<void> {
  const { ctx, actor } = opts;
  authorize(actor, 'organisation.verwalten');
  if (!UUID.test(opts.providerId)) throw notFound('Der Anmeldedienst');
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    // RLS: another Träger's provider is simply not found (404, never 403).
    const row = await organisationRepository.setOidcProviderActive(tx, opts.providerId, opts.aktiv);
    if (!row) throw notFound('Der Anmeldedienst');
    await recordAudit(tx, actor, {
      objectType: 'oidc_provider',
      objectId: row.id,
      action: opts.aktiv ? 'activate' : 'deactivate',
      purpose: opts.aktiv ? 'Anmeldedienst (OpenID Connect) wieder eingeschaltet' : 'Anmeldedienst (OpenID Connect) abgeschaltet',
      details: { label: row.label },
    });
  });
  forgetOidcConfiguration(opts.providerId);
}
