import { userRepository } from '../../db/repositories/users.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { authorize } from '../policies.ts';
import { readOnlyAccount, requireUuid } from './common.ts';
import { issuePasswordLink, mailPasswordLink, type MailStatus } from './password-link.ts';

/**
 * Sends a staff account a new link to set its password (e.g. the first mail expired, or the person forgot it).
 * Earlier links stop working. Citizens reset their password themselves.
 */
export async function sendPasswordLink(opts: { ctx: AppContext; actor: Actor; id: string; baseUrl: string }): Promise<{ passwortMail: MailStatus; gueltigBis: Date }> {
  const { ctx, actor, id } = opts;
  authorize(actor, 'benutzer.verwalten');
  requireUuid(id, 'Das Konto');
  const { user, link } = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const found = await userRepository.findById(tx, id);
    if (!found) throw notFound('Das Konto');
    if (found.art !== 'staff') throw readOnlyAccount();
    if (!found.aktiv) throw new AppError('account_inactive', 409, 'Das Konto ist deaktiviert. Bitte aktivieren Sie es zuerst wieder.');
    return { user: found, link: await issuePasswordLink(tx, actor, found, 'erneut') };
  });
  return { passwortMail: await mailPasswordLink(ctx, { user, link, anlass: 'erneut', baseUrl: opts.baseUrl }), gueltigBis: link.gueltigBis };
}
