import * as oidc from 'openid-client';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { oidcConfiguration } from './oidc-client.ts';
import { OIDC_FLOW_TTL_MS, sealOidcFlow } from './oidc-flow.ts';

/**
 * First half of the OpenID Connect sign-in (authorization code flow with PKCE, state and nonce): returns the
 * provider's authorization URL to redirect to and the sealed flow state for the short-lived cookie.
 */
export const startOidcSignIn = defineUseCase({
  name: 'auth.start-oidc-sign-in',
  zugang: 'oeffentlich',
  input: z.object({
    /** Not a UUID: no such provider (404). */
    providerId: z.string(),
    /** publicUrl (or the request's origin) + /anmelden/oidc/callback — must be registered at the provider. */
    redirectUri: z.string(),
    /** Local path to continue to after sign-in (already checked by the caller). */
    weiter: z.string(),
  }),
  audit: [],
  run: async ({ ctx, input: opts }): Promise<{ authorizationUrl: string; flowCookie: string }> => {
    if (!istUuid(opts.providerId)) throw notFound('Der Anmeldedienst');
    const provider = await ctx.db.withSystem((tx) => directoryRepository.findOidcProvider(tx, opts.providerId));
    if (!provider || !provider.aktiv) throw notFound('Der Anmeldedienst');
    const config = await oidcConfiguration(ctx, provider);

    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: opts.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flowCookie = sealOidcFlow(ctx.config.secret, {
      providerId: provider.id,
      traegerId: provider.traegerId,
      codeVerifier,
      state,
      nonce,
      redirectUri: opts.redirectUri,
      weiter: opts.weiter,
      expiresAt: Date.now() + OIDC_FLOW_TTL_MS,
    });
    return { authorizationUrl: url.href, flowCookie };
  },
});
