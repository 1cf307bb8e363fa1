import { organisationRepository } from '../../db/repositories/organisation.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

export type SignInSettings = {
  totpPflicht: boolean;
  providers: { id: string; label: string; issuer: string; clientId: string; aktiv: boolean }[];
};

/** The Träger's sign-in settings for the admin page: TOTP requirement and OIDC providers (never their secrets). */
export const getSignInSettings = defineUseCase({
  name: 'auth.get-sign-in-settings',
  zugang: 'organisation.verwalten',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }): Promise<SignInSettings> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const traeger = await organisationRepository.traeger(tx);
      const providers = await organisationRepository.listOidcProviders(tx);
      return {
        totpPflicht: traeger?.totpPflicht ?? false,
        providers: providers.map((p) => ({ id: p.id, label: p.label, issuer: p.issuer, clientId: p.clientId, aktiv: p.aktiv })),
      };
    }),
});
