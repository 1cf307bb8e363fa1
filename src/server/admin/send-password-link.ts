import { userRepository } from '../../db/repositories/users.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { konfigurierteBasisUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { readOnlyAccount, requireUuid } from './common.ts';
import { idInputSchema } from './schemas.ts';
import { issuePasswordLink, mailPasswordLink, type MailStatus } from './password-link.ts';

/**
 * Sends a staff account a new link to set its password (e.g. the first mail expired, or the person forgot it).
 * Earlier links stop working. Citizens reset their password themselves.
 */
export const passwortLinkSenden = defineUseCase({
  name: 'verwaltung.passwort-link-senden',
  zugang: 'benutzer.verwalten',
  input: idInputSchema,
  audit: ['user.password_link'],
  run: async ({ ctx, actor, input }): Promise<{ passwortMail: MailStatus; gueltigBis: Date }> => {
  const { id } = input;
  requireUuid(id, 'Das Konto');
  const { user, link } = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const found = await userRepository.findById(tx, id);
    if (!found) throw notFound('Das Konto');
    if (found.art !== 'staff') throw readOnlyAccount();
    if (!found.aktiv) throw new AppError('account_inactive', 409, 'Das Konto ist deaktiviert. Bitte aktivieren Sie es zuerst wieder.');
    return { user: found, link: await issuePasswordLink(tx, actor, found, 'erneut') };
  });
  return { passwortMail: await mailPasswordLink(ctx, { user, link, anlass: 'erneut', baseUrl: konfigurierteBasisUrl(ctx.config) }), gueltigBis: link.gueltigBis };
  },
});
