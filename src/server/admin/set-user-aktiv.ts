import { sessionRepository } from '../../db/repositories/sessions.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { ownAccount, requireUuid } from './common.ts';
import { loadUserView, recordUserRead } from './get-user.ts';
import { aktivSetzenSchema, type UserView } from './schemas.ts';

/**
 * Deactivates or reactivates a staff or citizen account (accounts are never deleted). Deactivation ends
 * every session of the account at once and voids its open e-mail links. Admins cannot deactivate themselves.
 */
export const benutzerAktivSetzen = defineUseCase({
  name: 'verwaltung.benutzer-aktiv-setzen',
  zugang: 'benutzer.verwalten',
  input: aktivSetzenSchema,
  audit: ['user.activate', 'user.deactivate', 'user.read'],
  run: async ({ ctx, actor, input: opts }): Promise<UserView> => {
  const { id, aktiv } = opts;
  requireUuid(id, 'Das Konto');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const current = await userRepository.findById(tx, id);
    if (!current) throw notFound('Das Konto');
    if (!aktiv && id === actor.userId) throw ownAccount('Sie können Ihr eigenes Konto nicht deaktivieren.');
    if (opts.version !== undefined && opts.version !== current.version) throw versionConflict();
    if (current.aktiv !== aktiv) {
      const updated = await userRepository.update(tx, id, current.version, { aktiv });
      if (!updated) throw versionConflict();
      let sitzungenBeendet = 0;
      if (!aktiv) {
        sitzungenBeendet = await sessionRepository.revokeAllOfUser(tx, id);
        await userRepository.invalidateTokens(tx, id, 'passwort_zuruecksetzen');
        await userRepository.invalidateTokens(tx, id, 'email_bestaetigung');
      }
      await recordAudit(tx, actor, {
        objectType: 'user',
        objectId: id,
        personId: id,
        action: aktiv ? 'activate' : 'deactivate',
        purpose: aktiv ? 'Benutzerverwaltung: Konto wieder aktivieren' : 'Benutzerverwaltung: Konto deaktivieren',
        details: { felder: ['aktiv'], ...(aktiv ? {} : { sitzungenBeendet }) },
      });
    } else {
      // Already in that state: nothing changes, but the answer shows the account.
      await recordUserRead(tx, actor, id);
    }
    return (await loadUserView(tx, id))!;
  });
  },
});
