import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { AppContext } from '../context.ts';

/**
 * The base URL from the configuration alone: VORORT_PUBLIC_URL, otherwise (development, tests) the local address
 * from HOST and PORT. Never the request's Host header, which a client chooses freely — a password-reset mail
 * requested with `Host: evil.example` must still link to this server (issue 11).
 */
export function konfigurierteBasisUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '');
  const host = !config.host || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/**
 * The base URL for links in e-mails and for the OIDC redirect URI. The request is accepted for the callers'
 * convenience but not read: see konfigurierteBasisUrl.
 */
export function publicBaseUrl(ctx: AppContext, _req?: FastifyRequest): string {
  return konfigurierteBasisUrl(ctx.config);
}
