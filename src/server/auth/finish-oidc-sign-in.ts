import * as oidc from 'openid-client';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { User } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { oidcConfiguration } from './oidc-client.ts';
import { openOidcFlow } from './oidc-flow.ts';
import { startSession } from './session.ts';

const failed = (message: string) => new AppError('oidc_failed', 400, message);
const noAccount = (message: string) => new AppError('oidc_no_account', 403, message);

/**
 * Second half of the OpenID Connect sign-in: the provider redirected back with a code. Checks state, PKCE and
 * nonce (openid-client), then maps the identity to a vorort account:
 * - an account of the provider's Träger already linked to this issuer + subject, or
 * - an ACTIVE STAFF account of that Träger with the e-mail address the provider reports; on this first use the
 *   issuer + subject are stored with the account, and later sign-ins go by them.
 * Nobody is created here — administrators create staff accounts; an unknown person gets a clear refusal.
 * The second factor is the provider's business: a Träger that requires TOTP configures it in its directory
 * (e.g. Keycloak's OTP policy), so an OIDC sign-in yields a full session without asking for vorort's TOTP.
 */
export const finishOidcSignIn = defineUseCase({
  name: 'auth.finish-oidc-sign-in',
  zugang: 'oeffentlich',
  input: z.object({
    /** The sealed flow state from the short-lived cookie (missing: the sign-in ran out or began elsewhere). */
    flowCookie: z.string().optional(),
    /** The query string the provider sent back (code, state, iss — or error). */
    query: z.instanceof(URLSearchParams),
    anfrage: anfrageSchema,
  }),
  audit: ['user.update'],
  run: async ({ ctx, input: opts }): Promise<{ token: string; user: User; weiter: string }> => {
    const request = opts.anfrage;
    const flow = openOidcFlow(ctx.config.secret, opts.flowCookie);
    if (!flow) throw failed('Die Anmeldung ist abgelaufen oder wurde in einem anderen Browserfenster begonnen. Bitte starten Sie sie erneut.');
    if (opts.query.get('error')) {
      throw failed(
        opts.query.get('error') === 'access_denied'
          ? 'Die Anmeldung wurde beim Anmeldedienst abgebrochen.'
          : 'Der Anmeldedienst hat die Anmeldung abgelehnt. Bitte versuchen Sie es erneut oder wenden Sie sich an Ihre Administration.',
      );
    }
    const provider = await ctx.db.withSystem((tx) => directoryRepository.findOidcProvider(tx, flow.providerId));
    if (!provider || !provider.aktiv || provider.traegerId !== flow.traegerId) throw failed('Dieser Anmeldedienst ist nicht mehr eingerichtet.');
    const config = await oidcConfiguration(ctx, provider);

    const currentUrl = new URL(flow.redirectUri);
    currentUrl.search = opts.query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no id token');
      claims = { ...idClaims };
      // Providers that follow the spec strictly put scope claims (email) only into the userinfo response.
      if (typeof claims.email !== 'string' && tokens.access_token) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch {
      throw failed('Die Antwort des Anmeldedienstes konnte nicht bestätigt werden. Bitte starten Sie die Anmeldung erneut.');
    }

    const issuer = String(claims.iss ?? '');
    const subject = String(claims.sub ?? '');
    const email = typeof claims.email === 'string' ? claims.email.trim() : '';
    if (!issuer || !subject) throw failed('Der Anmeldedienst hat keine eindeutige Kennung übermittelt.');

    return ctx.db.withTenant({ traegerId: provider.traegerId, requestId: request.requestId }, async (tx) => {
      let user = await userRepository.findByOidc(tx, issuer, subject);
      let linkNow = false;
      if (!user) {
        if (!email) throw noAccount('Der Anmeldedienst hat keine E-Mail-Adresse übermittelt. Ohne sie kann vorort Ihr Konto nicht finden.');
        if (claims.email_verified === false) {
          throw noAccount('Der Anmeldedienst meldet Ihre E-Mail-Adresse als nicht bestätigt. Bitte lassen Sie sie dort bestätigen.');
        }
        user = await userRepository.findByEmail(tx, email);
        if (!user) {
          throw noAccount(
            'Für Ihre Kennung beim Anmeldedienst gibt es kein Konto in vorort. Konten für Mitarbeitende legt die Administration Ihres Jobcenters an — bitte wenden Sie sich an sie.',
          );
        }
        if (user.oidcIssuer === issuer && user.oidcSubject && user.oidcSubject !== subject) {
          throw noAccount('Ihr vorort-Konto ist bereits mit einer anderen Kennung dieses Anmeldedienstes verknüpft. Bitte wenden Sie sich an die Administration.');
        }
        linkNow = true;
      }
      if (user.art !== 'staff') throw noAccount('Die Anmeldung über den Anmeldedienst ist nur für Mitarbeitende vorgesehen.');
      if (!user.aktiv) throw noAccount('Ihr Konto in vorort ist deaktiviert. Bitte wenden Sie sich an die Administration.');

      if (linkNow) {
        await userRepository.setTechnical(tx, user.id, { oidcIssuer: issuer, oidcSubject: subject });
        await recordAudit(
          tx,
          { system: 'anmeldung', traegerId: user.traegerId, requestId: request.requestId },
          {
            objectType: 'user',
            objectId: user.id,
            personId: user.id,
            action: 'update',
            purpose: 'Erste Anmeldung über OpenID Connect: Kennung des Anmeldedienstes mit dem Konto verknüpft',
            details: { feld: 'oidc', anbieter: provider.label },
          },
        );
      }
      const session = await startSession(tx, { user, secondFactorPending: false, totpSetupRequired: false, methode: 'oidc' });
      return { token: session.token, user, weiter: flow.weiter };
    });
  },
});
