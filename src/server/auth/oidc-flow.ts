import { decrypt, encrypt } from '../security/crypto.ts';

/**
 * What the browser carries between "Anmelden mit …" and the provider's redirect back: provider, PKCE verifier,
 * state, nonce and where to go afterwards. Kept in a short-lived httpOnly cookie, encrypted and authenticated
 * with the server secret (AES-GCM), so it can neither be read nor forged.
 */
export const OIDC_FLOW_COOKIE = 'vorort_oidc';
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;
const PURPOSE = 'oidc-anmeldung';

export type OidcFlow = {
  providerId: string;
  traegerId: string;
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  weiter: string;
  expiresAt: number;
};

export const sealOidcFlow = (secret: string, flow: OidcFlow): string => encrypt(secret, PURPOSE, JSON.stringify(flow));

export function openOidcFlow(secret: string, sealed: string | undefined): OidcFlow | null {
  if (!sealed || sealed.length > 4000) return null;
  try {
    const flow = JSON.parse(decrypt(secret, PURPOSE, sealed)) as OidcFlow;
    if (typeof flow.expiresAt !== 'number' || flow.expiresAt < Date.now()) return null;
    return flow;
  } catch {
    return null;
  }
}
