import * as oidc from 'openid-client';
import type { OidcProvider } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { decrypt } from '../security/crypto.ts';

/** The purpose under which OIDC client secrets are encrypted with the server secret. */
export const OIDC_SECRET_PURPOSE = 'oidc';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);

/**
 * Which issuer URLs vorort talks to. openid-client refuses plain http, and so do we — with one exception: outside
 * production an issuer on the loopback interface may use http (a Keycloak on the developer's machine, the
 * OpenID provider the integration tests start). That exception is what `allowInsecureRequests` is used for below.
 */
export function issuerProblem(issuer: string, env: AppContext['config']['env']): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Bitte geben Sie die Adresse des Anbieters als vollständige URL an, z. B. https://login.kreis.example/realms/jobcenter.';
  }
  if (url.search || url.hash) return 'Die Adresse des Anbieters darf keine Parameter (? oder #) enthalten.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url) && env !== 'production') return null;
  return 'Die Adresse des Anbieters muss mit https:// beginnen (http:// nur für localhost außerhalb des Produktivbetriebs).';
}

const cache = new Map<string, { config: oidc.Configuration; until: number }>();
const CACHE_MS = 10 * 60 * 1000;

/**
 * Discovery (/.well-known/openid-configuration) of a provider, cached for ten minutes per provider.
 * The client authenticates at the token endpoint with its secret (client_secret_basic).
 */
export async function oidcConfiguration(ctx: AppContext, provider: OidcProvider): Promise<oidc.Configuration> {
  const key = `${provider.traegerId}:${provider.id}:${provider.issuer}:${provider.clientId}:${provider.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.config;
  const problem = issuerProblem(provider.issuer, ctx.config.env);
  if (problem) throw new AppError('oidc_failed', 400, `Der Anmeldedienst ist falsch eingerichtet: ${problem}`);
  const issuer = new URL(provider.issuer);
  const secret = decrypt(ctx.config.secret, OIDC_SECRET_PURPOSE, provider.clientSecretEnc);
  try {
    const config = await oidc.discovery(
      issuer,
      provider.clientId,
      { client_secret: secret },
      oidc.ClientSecretBasic(secret),
      // http only for loopback issuers outside production (checked by issuerProblem above).
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    cache.set(key, { config, until: Date.now() + CACHE_MS });
    return config;
  } catch {
    throw new AppError('oidc_unavailable', 502, `Der Anmeldedienst „${provider.label}“ ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder melden Sie sich mit E-Mail und Passwort an.`);
  }
}

/** Drops cached discovery results (after a provider was changed, or when its keys may have rotated). */
export function forgetOidcConfiguration(providerId?: string) {
  for (const key of cache.keys()) if (!providerId || key.includes(`:${providerId}:`)) cache.delete(key);
}
