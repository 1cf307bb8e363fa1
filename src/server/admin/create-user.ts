import type { Tx } from '../../db/client.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed, type FieldIssue } from '../errors.ts';
import { konfigurierteBasisUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { withUniqueFields } from './common.ts';
import { loadUserView } from './get-user.ts';
import { issuePasswordLink, mailPasswordLink, type MailStatus } from './password-link.ts';
import { ROLES_NEEDING_STANDORT, userCreateSchema, type UserView } from './schemas.ts';

export const EMAIL_TAKEN: FieldIssue = { path: 'email', code: 'email_taken', message: 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.' };
export const EMAIL_UNIQUE_CONSTRAINTS = { users_email_traeger_unique: EMAIL_TAKEN, users_email_global_unique: EMAIL_TAKEN };

/**
 * Checks roles and Standorte of a staff account: every Standort must be one of the Träger's, newly assigned
 * ones must be active (already assigned, since deactivated ones may stay), and roles other than controlling
 * and admin need at least one Standort.
 */
export async function checkRolesAndStandorte(tx: Tx, roles: string[], standortIds: string[], alreadyAssigned: string[] = []): Promise<void> {
  const known = new Map((await organisationRepository.listStandorte(tx)).map((s) => [s.standort.id, s.standort]));
  const issues: FieldIssue[] = [];
  for (const id of standortIds) {
    const standort = known.get(id);
    if (!standort) {
      issues.push({ path: 'standortIds', code: 'unknown', message: 'Einer der gewählten Standorte existiert nicht.' });
      break;
    }
    if (!standort.aktiv && !alreadyAssigned.includes(id)) {
      issues.push({ path: 'standortIds', code: 'inactive', message: `Der Standort „${standort.name}“ ist deaktiviert und kann nicht neu zugeordnet werden.` });
      break;
    }
  }
  if (issues.length === 0 && standortIds.length === 0 && roles.some((r) => ROLES_NEEDING_STANDORT.includes(r))) {
    issues.push({
      path: 'standortIds',
      code: 'standort_required',
      message: 'Bitte ordnen Sie mindestens einen Standort zu. Ohne Standort arbeiten nur Controlling und Administration.',
    });
  }
  if (issues.length) throw validationFailed(issues);
}

/**
 * Creates a staff account. The person gets no password from the admin: a mail with a one-time link
 * (valid 72 hours) lets them set it themselves.
 */
export const benutzerAnlegen = defineUseCase({
  name: 'verwaltung.benutzer-anlegen',
  zugang: 'benutzer.verwalten',
  input: userCreateSchema,
  audit: ['user.create', 'user.password_link'],
  run: async ({ ctx, actor, input }): Promise<{ benutzer: UserView; passwortMail: MailStatus }> => {
  const roles = [...new Set(input.roles)];
  const standortIds = [...new Set(input.standortIds ?? [])];
  const { benutzer, user, link } = await withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        await checkRolesAndStandorte(tx, roles, standortIds);
        const created = await userRepository.insert(tx, { traegerId: actor.traegerId, art: 'staff', name: input.name, email: input.email, roles }, standortIds);
        await recordAudit(tx, actor, {
          objectType: 'user',
          objectId: created.id,
          personId: created.id,
          action: 'create',
          purpose: 'Benutzerverwaltung: Konto anlegen',
          details: { felder: ['name', 'email', 'roles', ...(standortIds.length ? ['standorte'] : [])], roles },
        });
        const issued = await issuePasswordLink(tx, actor, created, 'neues_konto');
        return { benutzer: (await loadUserView(tx, created.id))!, user: created, link: issued };
      }),
    EMAIL_UNIQUE_CONSTRAINTS,
    EMAIL_TAKEN,
  );
  const passwortMail = await mailPasswordLink(ctx, { user, link, anlass: 'neues_konto', baseUrl: konfigurierteBasisUrl(ctx.config) });
  return { benutzer, passwortMail };
  },
});
