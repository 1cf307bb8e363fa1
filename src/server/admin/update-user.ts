import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { changedFields, readOnlyAccount, requireUuid, withUniqueFields } from './common.ts';
import { checkRolesAndStandorte, EMAIL_TAKEN, EMAIL_UNIQUE_CONSTRAINTS } from './create-user.ts';
import { loadUserView, recordUserRead } from './get-user.ts';
import { userAendernSchema, type UserView } from './schemas.ts';

/**
 * Changes name, e-mail, roles and Standorte of a staff account; `input.version` must be the version that was
 * read (optimistic locking). Citizen accounts are read-only here. Admins cannot take their own admin role away.
 */
export const benutzerAendern = defineUseCase({
  name: 'verwaltung.benutzer-aendern',
  zugang: 'benutzer.verwalten',
  input: userAendernSchema,
  audit: ['user.update', 'user.read'],
  run: async ({ ctx, actor, input }): Promise<UserView> => {
  const { id } = input;
  requireUuid(id, 'Das Konto');
  return withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const current = await userRepository.findByIdWithStandorte(tx, id);
        if (!current) throw notFound('Das Konto');
        if (current.art !== 'staff') throw readOnlyAccount();
        if (current.version !== input.version) throw versionConflict();
        const roles = input.roles ? [...new Set(input.roles)] : current.roles;
        const standortIds = input.standortIds ? [...new Set(input.standortIds)] : current.standortIds;
        if (id === actor.userId && current.roles.includes('admin') && !roles.includes('admin')) {
          throw validationFailed([
            { path: 'roles', code: 'own_admin_role', message: 'Sie können sich die Rolle Administration nicht selbst entziehen. Bitten Sie eine andere Administratorin oder einen anderen Administrator.' },
          ]);
        }
        const felder = changedFields(
          { name: current.name, email: current.email, roles: current.roles, standorte: current.standortIds },
          { name: input.name, email: input.email, roles: input.roles ? roles : undefined, standorte: input.standortIds ? standortIds : undefined },
        );
        if (felder.includes('roles') || felder.includes('standorte')) await checkRolesAndStandorte(tx, roles, standortIds, current.standortIds);
        if (felder.length === 0) {
          // Nothing to change; the answer still shows the account.
          await recordUserRead(tx, actor, id);
          return (await loadUserView(tx, id))!;
        }
        const updated = await userRepository.update(tx, id, input.version, {
          name: input.name,
          email: input.email,
          roles: felder.includes('roles') ? roles : undefined,
        });
        if (!updated) throw versionConflict();
        if (felder.includes('standorte')) await userRepository.replaceStandorte(tx, current.traegerId, id, standortIds);
        await recordAudit(tx, actor, {
          objectType: 'user',
          objectId: id,
          personId: id,
          action: 'update',
          purpose: 'Benutzerverwaltung: Konto ändern',
          details: { felder, ...(felder.includes('roles') ? { roles } : {}) },
        });
        return (await loadUserView(tx, id))!;
      }),
    EMAIL_UNIQUE_CONSTRAINTS,
    EMAIL_TAKEN,
  );
  },
});
