import { z } from 'zod';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { Lang } from '../../web/i18n/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { AppContext, RequestInfo } from '../context.ts';
import { AppError, validationFailed, type FieldIssue } from '../errors.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../security/passwords.ts';
import { composeMail } from './mail-text.ts';
import { merkeMailVor, versendeMails } from '../../mail/ausgang.ts';

/** A verification link stays valid for 48 hours and can be used once. */
export const VERIFY_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

export type RegisterInput = { name: string; email: string; password: string };

export type RegisterOptions = {
  ctx: AppContext;
  request: RequestInfo;
  /**
   * The Träger the new citizen account belongs to. Callers pass the default Träger (`defaultTraeger(ctx)`):
   * the one whose public start page this installation shows, so citizens register with the Jobcenter whose pages
   * they are on — the same rule the start page and the sign-in page's OIDC buttons follow.
   */
  traegerId: string;
  input: RegisterInput;
  /** Language of the pages the citizen used; also the language of the mail and of the account. */
  lang: Lang;
  /** Base for the link in the mail (VORORT_PUBLIC_URL or the request's origin). */
  baseUrl: string;
  /**
   * Where the citizen was going when asked to register (e.g. the Online-Antrag with the pre-check's answers): the
   * confirmation link carries it, so after confirming and signing in they arrive there. Only a local path is kept.
   */
  weiter?: string | undefined;
};

/** A local path of this site (no other host, no scheme, no backslash tricks), or undefined. */
export function lokalesZiel(wert: string | null | undefined): string | undefined {
  if (!wert || wert.length > 500 || !wert.startsWith('/') || wert.startsWith('//') || wert.includes('\\') || !/^[\x21-\x7e]+$/.test(wert)) return undefined;
  try {
    const basis = 'http://vorort.invalid';
    const url = new URL(wert, basis);
    return url.origin === basis ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

const mitWeiter = (url: string, weiter: string | undefined) => {
  const ziel = lokalesZiel(weiter);
  return ziel ? `${url}${url.includes('?') ? '&' : '?'}weiter=${encodeURIComponent(ziel)}` : url;
};

const emailSchema = z.email();

/** Field rules shared by the API and the page (the page shows translated messages for the same rules). */
export function registrationIssues(input: RegisterInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.name.trim() || input.name.trim().length > 200) {
    issues.push({ path: 'name', code: 'invalid_name', message: 'Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).' });
  }
  if (!emailSchema.safeParse(input.email.trim()).success || input.email.trim().length > 320) {
    issues.push({ path: 'email', code: 'invalid_email', message: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' });
  }
  if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > 1000) {
    issues.push({
      path: 'password',
      code: 'password_too_short',
      message: `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`,
    });
  }
  return issues;
}

/**
 * Citizen self-registration. Creates an unverified citizen account and mails a one-time verification link.
 * Whether the address already has an account is never revealed: in that case the owner of the address gets a
 * "you already have an account" mail instead, and the caller shows the same confirmation as for a new account.
 */
export async function register(opts: RegisterOptions): Promise<void> {
  const { ctx, request, input } = opts;
  const issues = registrationIssues(input);
  if (issues.length) throw validationFailed(issues);
  const name = input.name.trim();
  const email = input.email.trim();

  const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, opts.traegerId));
  if (!traeger) throw new AppError('not_found', 404, 'Dieses Jobcenter gibt es nicht.');

  // Hash before the look-up, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  // Sign-in identifies an account by its address alone, so addresses are unique across Träger.
  const existing = await ctx.db.withSystem((tx) => directoryRepository.findUserByEmail(tx, email));
  if (existing) return sendAlreadyRegistered(opts, email, traeger.id, traeger.jobcenterName);

  const token = randomToken();
  const link = mitWeiter(`${opts.baseUrl}/registrieren/bestaetigen?token=${encodeURIComponent(token)}`, opts.weiter);
  const mail = composeMail({
    lang: opts.lang,
    subject: 'mail.register.betreff',
    body: 'mail.register.text',
    params: { name, link },
    jobcenter: traeger.jobcenterName,
  });
  const vorgemerkt = await ctx.db
    .withTenant({ traegerId: traeger.id, requestId: request.requestId }, async (tx) => {
      const user = await userRepository.insert(tx, {
        traegerId: traeger.id,
        art: 'buerger',
        email,
        name,
        passwordHash,
        roles: ['buerger'],
        sprache: opts.lang,
      });
      await userRepository.createToken(tx, {
        traegerId: traeger.id,
        userId: user.id,
        zweck: 'email_bestaetigung',
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + VERIFY_TOKEN_TTL_MS),
      });
      await recordAudit(
        tx,
        { system: 'selbstregistrierung', traegerId: traeger.id, requestId: request.requestId },
        {
          objectType: 'user',
          objectId: user.id,
          personId: user.id,
          action: 'create',
          purpose: 'Selbstregistrierung eines Bürgerkontos',
          details: { art: 'buerger' },
        },
      );
      // The link mail goes through the outbox: with the mail server down the account still exists and the mail follows.
      return merkeMailVor(tx, { secret: ctx.config.secret, traegerId: traeger.id, anlass: 'registrierung', mail: { to: email, ...mail } });
    })
    .catch((err: unknown) => {
      // The same address registered a moment ago by a parallel request: treat like an existing account.
      if (isUniqueViolation(err)) return null;
      throw err;
    });
  if (!vorgemerkt) return sendAlreadyRegistered(opts, email, traeger.id, traeger.jobcenterName);
  await versendeMails({ ctx, vorgemerkt: [vorgemerkt] });
}

async function sendAlreadyRegistered(opts: RegisterOptions, email: string, traegerId: string, jobcenter: string) {
  const mail = composeMail({
    lang: opts.lang,
    subject: 'mail.register.vorhanden.betreff',
    body: 'mail.register.vorhanden.text',
    params: { anmelden: mitWeiter(`${opts.baseUrl}/anmelden`, opts.weiter), vergessen: `${opts.baseUrl}/passwort-vergessen` },
    jobcenter,
  });
  const vorgemerkt = await opts.ctx.db.withTenant({ traegerId, requestId: opts.request.requestId }, (tx) =>
    merkeMailVor(tx, { secret: opts.ctx.config.secret, traegerId, anlass: 'registrierung_vorhanden', mail: { to: email, ...mail } }),
  );
  await versendeMails({ ctx: opts.ctx, vorgemerkt: [vorgemerkt] });
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}
