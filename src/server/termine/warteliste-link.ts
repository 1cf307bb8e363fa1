import type { AppContext } from '../context.ts';
import { hmac, safeEqual } from '../security/crypto.ts';

/**
 * Personal link to a Warteliste entry for people without account: `<entry id>.<HMAC>` with a key derived from the
 * server secret. Nothing extra is stored; only who got the e-mail knows the HMAC of the entry.
 */
const schluessel = (ctx: AppContext) => hmac(ctx.config.secret, 'vorort-warteliste-link');

export const wartelisteToken = (ctx: AppContext, eintragId: string) => `${eintragId}.${hmac(schluessel(ctx), `warteliste:${eintragId}`)}`;

export const wartelisteLink = (ctx: AppContext, basisUrl: string, eintragId: string) => `${basisUrl}/termine/warteliste/${wartelisteToken(ctx, eintragId)}`;

/** The entry id of a well-signed token, otherwise undefined. */
export function wartelisteTokenPruefen(ctx: AppContext, token: string): string | undefined {
  const [id, mac, rest] = token.split('.');
  if (!id || !mac || rest !== undefined || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return safeEqual(wartelisteToken(ctx, id), token) ? id : undefined;
}
