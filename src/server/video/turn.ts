import { createHmac } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import { hmac } from '../security/crypto.ts';

/**
 * Short-lived TURN credentials after the "TURN REST API" scheme that coturn implements with `use-auth-secret` /
 * `static-auth-secret`: username = `<expiry as Unix seconds>:<opaque id>`, password = base64(HMAC-SHA1(secret,
 * username)). coturn recomputes the password from the username and refuses it after the expiry; vorort and coturn
 * share only the secret, no user list. docs/termine.md, "TURN-Server (coturn)".
 */
export type IceServer = { urls: string | string[]; username?: string; credential?: string };

/** The password coturn expects for `username` (base64 of the raw HMAC-SHA1, with padding). */
export const turnPasswort = (secret: string, username: string): string => createHmac('sha1', secret).update(username).digest('base64');

export function turnZugangsdaten(opts: { urls: string[]; secret: string; ablaufUnix: number; kennung: string }): IceServer {
  const username = `${opts.ablaufUnix}:${opts.kennung}`;
  return { urls: opts.urls, username, credential: turnPasswort(opts.secret, username) };
}

/**
 * The ICE servers for one participant of a video room, issued only after the room admitted them (`raumBetreten`):
 * the static list (VORORT_ICE_SERVERS, e.g. STUN) plus, when TURN is configured, own credentials valid for the TTL
 * and at least until the room closes. The id is opaque (derived from appointment and participant with the server
 * secret): coturn's log can tell two participants apart but learns nobody's identity.
 */
export function iceServerFuer(config: Pick<Config, 'iceServers' | 'turn' | 'secret'>, teilnahme: { terminId: string; selbstId: string; offenBis: Date }, jetzt = new Date()): IceServer[] {
  // coturn checks the expiry against its own real clock: real time on purpose, not the business clock
  if (!config.turn) return config.iceServers;
  const ablauf = Math.max(Math.floor(jetzt.getTime() / 1000) + config.turn.ttlSekunden, Math.ceil(teilnahme.offenBis.getTime() / 1000));
  const kennung = hmac(config.secret, `vorort-turn:${teilnahme.terminId}:${teilnahme.selbstId}`).slice(0, 22);
  return [...config.iceServers, turnZugangsdaten({ urls: config.turn.urls, secret: config.turn.secret, ablaufUnix: ablauf, kennung })];
}
