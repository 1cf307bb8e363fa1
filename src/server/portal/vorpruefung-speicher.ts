/**
 * Keeps the answers of the public pre-check ("Anspruch prüfen") for an anonymous visitor until they start the
 * Online-Antrag — across registration, e-mail confirmation and sign-in — without putting income or rent into a URL,
 * the browser history or the database: one httpOnly, SameSite=Lax cookie, sealed with AES-GCM under a key derived
 * from VORORT_SECRET (purpose `vorpruefung`, like the mail outbox), valid for a few hours (real time: it is a
 * privacy limit, not a business date). The cookie is removed once an application has taken the answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { VORPRUEFUNG_FELDER } from '../../domain/formular/vorpruefung.ts';
import type { AppContext } from '../context.ts';
import { decrypt, encrypt } from '../security/crypto.ts';

export const VORPRUEFUNG_COOKIE = 'vorort_vorpruefung';
/** How long the answers stay in the browser. */
export const VORPRUEFUNG_STUNDEN = 4;
const ZWECK = 'vorpruefung';
const MAX_LAENGE = 40;

export type VorpruefungWerte = Record<string, string>;

/** Only the known fields, as short strings (anything else in a form post is dropped). */
export function nurVorpruefungsfelder(get: (name: string) => unknown): VorpruefungWerte {
  const werte: VorpruefungWerte = {};
  for (const f of VORPRUEFUNG_FELDER) {
    const v = get(f);
    if (typeof v === 'string' && v.trim() !== '') werte[f] = v.trim().slice(0, MAX_LAENGE);
  }
  return werte;
}

export function versiegele(ctx: AppContext, werte: VorpruefungWerte, jetztMs = Date.now()): string {
  return encrypt(ctx.config.secret, ZWECK, JSON.stringify({ bis: jetztMs + VORPRUEFUNG_STUNDEN * 3_600_000, werte }));
}

/** The sealed answers, or null when missing, tampered with, sealed with another secret or expired. */
export function oeffne(ctx: AppContext, versiegelt: string | undefined, jetztMs = Date.now()): VorpruefungWerte | null {
  if (!versiegelt) return null;
  try {
    const inhalt = JSON.parse(decrypt(ctx.config.secret, ZWECK, versiegelt)) as { bis?: unknown; werte?: unknown };
    if (typeof inhalt.bis !== 'number' || inhalt.bis < jetztMs || !inhalt.werte || typeof inhalt.werte !== 'object') return null;
    const werte = inhalt.werte as Record<string, unknown>;
    return nurVorpruefungsfelder((n) => werte[n]);
  } catch {
    return null;
  }
}

export function merkeVorpruefung(ctx: AppContext, reply: FastifyReply, werte: VorpruefungWerte): void {
  reply.setCookie(VORPRUEFUNG_COOKIE, versiegele(ctx, werte), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: VORPRUEFUNG_STUNDEN * 3600,
  });
}

export function leseVorpruefung(ctx: AppContext, req: FastifyRequest): VorpruefungWerte | null {
  return oeffne(ctx, req.cookies[VORPRUEFUNG_COOKIE]);
}

export function vergissVorpruefung(reply: FastifyReply): void {
  reply.clearCookie(VORPRUEFUNG_COOKIE, { path: '/' });
}
