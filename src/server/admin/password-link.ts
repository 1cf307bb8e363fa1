import type { Tx } from '../../db/client.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { User } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor, AppContext } from '../context.ts';
import { hashToken, randomToken } from '../security/crypto.ts';

/** How long the link in the mail works. */
export const PASSWORD_LINK_HOURS = 72;
const ZWECK = 'passwort_zuruecksetzen';

export type PasswordLink = { token: string; gueltigBis: Date; jobcenterName: string };

/**
 * Issues a one-time token to set the password (only its hash is stored; older open links of the user stop
 * working) and records it in the audit trail — inside the caller's transaction. The mail goes out after commit.
 */
export async function issuePasswordLink(tx: Tx, actor: Actor, user: User, anlass: 'neues_konto' | 'erneut'): Promise<PasswordLink> {
  const token = randomToken();
  // security timer: real time on purpose, not the business clock ctx.clock (src/server/clock.ts)
  const gueltigBis = new Date(Date.now() + PASSWORD_LINK_HOURS * 3600 * 1000);
  await userRepository.invalidateTokens(tx, user.id, ZWECK);
  await userRepository.createToken(tx, { traegerId: user.traegerId, userId: user.id, zweck: ZWECK, tokenHash: hashToken(token), expiresAt: gueltigBis });
  await recordAudit(tx, actor, {
    objectType: 'user',
    objectId: user.id,
    personId: user.id,
    action: 'password_link',
    purpose: 'Benutzerverwaltung: Link zum Festlegen des Passworts senden',
    details: { anlass, gueltigStunden: PASSWORD_LINK_HOURS },
  });
  const traeger = await organisationRepository.traeger(tx);
  return { token, gueltigBis, jobcenterName: traeger?.jobcenterName ?? actor.traegerName };
}

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });

export type MailStatus = 'versandt' | 'fehlgeschlagen';

/**
 * Sends the link; a failed delivery is reported to the admin (who can send a new link), not thrown.
 * `baseUrl` comes from src/server/auth/public-url.ts (VORORT_PUBLIC_URL in production).
 */
export async function mailPasswordLink(
  ctx: AppContext,
  opts: { user: Pick<User, 'email' | 'name'>; link: PasswordLink; anlass: 'neues_konto' | 'erneut'; baseUrl: string },
): Promise<MailStatus> {
  const { user, link, anlass } = opts;
  const url = `${opts.baseUrl.replace(/\/$/, '')}/passwort-neu?token=${encodeURIComponent(link.token)}`;
  const einleitung =
    anlass === 'neues_konto'
      ? `für Sie wurde ein Zugang zu vorort beim ${link.jobcenterName} eingerichtet.`
      : `die Administration des ${link.jobcenterName} hat Ihnen einen neuen Link zum Festlegen Ihres Passworts für vorort geschickt.`;
  const text = [
    `Guten Tag ${user.name},`,
    '',
    einleitung,
    '',
    'Bitte legen Sie über diesen Link Ihr Passwort fest:',
    url,
    '',
    `Der Link gilt ${PASSWORD_LINK_HOURS} Stunden (bis ${berlin.format(link.gueltigBis)} Uhr) und nur einmal.`,
    `Sie melden sich danach mit Ihrer E-Mail-Adresse ${user.email} an.`,
    '',
    'Falls Sie diese E-Mail nicht erwartet haben, wenden Sie sich bitte an die Administration Ihres Jobcenters.',
    '',
    `${link.jobcenterName}`,
  ].join('\n');
  try {
    await ctx.mailer.send({ to: user.email, subject: 'vorort: Bitte legen Sie Ihr Passwort fest', text });
    return 'versandt';
  } catch {
    return 'fehlgeschlagen';
  }
}
