import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { haekchen } from '../schemas/formular.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { forgetOidcConfiguration } from './oidc-client.ts';

/** Switches a provider off (its button disappears, sign-ins through it stop) or on again. Never deleted. */
export const setOidcProviderActive = defineUseCase({
  name: 'auth.set-oidc-provider-active',
  zugang: 'organisation.verwalten',
  // An id that is no UUID names no provider: 404 like an unknown one.
  input: z.object({ providerId: z.string(), aktiv: haekchen() }),
  audit: ['oidc_provider.activate', 'oidc_provider.deactivate'],
  run: async ({ ctx, actor, input: opts }): Promise<void> => {
    if (!istUuid(opts.providerId)) throw notFound('Der Anmeldedienst');
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
  },
});
