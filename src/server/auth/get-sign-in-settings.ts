import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';

export type SignInSettings = {
  totpPflicht: boolean;
  providers: { id: string; label: string; issuer: string; clientId: string; aktiv: boolean }[];
};

/** The Träger's sign-in settings for the admin page: TOTP requirement and OIDC providers (never their secrets). */
export async function getSignInSettings(opts: { ctx: AppContext; actor: Actor }): Promise<SignInSettings> {
  authorize(opts.actor, 'organisation.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const traeger = await organisationRepository.traeger(tx);
    const providers = await organisationRepository.listOidcProviders(tx);
    return {
      totpPflicht: traeger?.totpPflicht ?? false,
      providers: providers.map((p) => ({ id: p.id, label: p.label, issuer: p.issuer, clientId: p.clientId, aktiv: p.aktiv })),
    };
  });
}
