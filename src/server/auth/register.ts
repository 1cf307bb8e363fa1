import { z } from 'zod';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { LANGUAGES, type Lang } from '../../i18n/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../security/passwords.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { composeMail } from './mail-text.ts';
import { standardTraeger } from './standard-traeger.ts';
import { merkeMailVor, versendeMails } from '../../mail/ausgang.ts';

/** A verification link stays valid for 48 hours and can be used once. */
export const VERIFY_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

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
const NAME_FEHLER = 'Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).';
const EMAIL_FEHLER = 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
const PASSWORT_FEHLER = `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;

/** What a person types (API body and the registration form); one message per field, the page translates by field. */
export const registerEingabe = z.object({
  name: z.string().trim().min(1, NAME_FEHLER).max(200, NAME_FEHLER),
  email: z
    .string()
    .trim()
    .refine((v) => v.length <= 320 && emailSchema.safeParse(v).success, EMAIL_FEHLER),
  password: z.string().min(PASSWORD_MIN_LENGTH, PASSWORT_FEHLER).max(1000, PASSWORT_FEHLER),
  /**
   * Where the citizen was going when asked to register (e.g. the Online-Antrag with the pre-check's answers): the
   * confirmation link carries it, so after confirming and signing in they arrive there. Only a local path is kept.
   */
  weiter: z
    .string()
    .optional()
    .transform((v) => lokalesZiel(v)),
});

const registerInput = registerEingabe.extend({
  /** Language of the pages the citizen used (cookie); also the language of the mail and of the account. */
  lang: z.enum(Object.keys(LANGUAGES) as [Lang, ...Lang[]]),
  /** Base for the link in the mail (VORORT_PUBLIC_URL or the request's origin). */
  baseUrl: z.string(),
  anfrage: anfrageSchema,
});
type RegisterOptions = { ctx: AppContext } & z.output<typeof registerInput>;

/**
 * Citizen self-registration (`auth.register`). Creates an unverified citizen account and mails a one-time verification link.
 * Whether the address already has an account is never revealed: in that case the owner of the address gets a
 * "you already have an account" mail instead, and the caller shows the same confirmation as for a new account.
 */
export const register = defineUseCase({
  name: 'auth.register',
  zugang: 'oeffentlich',
  input: registerInput,
  audit: ['user.create'],
  run: ({ ctx, input }) => registrieren({ ctx, ...input }),
});

async function registrieren(opts: RegisterOptions): Promise<void> {
  const { ctx } = opts;
  const request = opts.anfrage;
  const { name, email } = opts;

  // The account belongs to the Träger whose public pages this installation shows (start page, sign-in, OIDC
  // buttons follow the same rule), so citizens register with the Jobcenter whose pages they are on.
  const traeger = await standardTraeger(ctx);
  if (!traeger) throw new AppError('not_found', 404, 'Es ist noch kein Jobcenter eingerichtet.');

  // Hash before the look-up, so both answers take the same time.
  const passwordHash = await hashPassword(opts.password);
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
  const vorgemerkt = await opts.ctx.db.withTenant({ traegerId, requestId: opts.anfrage.requestId }, (tx) =>
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
