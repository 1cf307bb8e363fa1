import type { Tx } from '../../db/client.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { requireUuid } from './common.ts';
import { idInputSchema, presentUser, type UserView } from './schemas.ts';

/** The account with the names of its Standorte, within the current Träger (RLS); undefined when not there. */
export async function loadUserView(tx: Tx, id: string): Promise<UserView | undefined> {
  const user = await userRepository.findByIdWithStandorte(tx, id);
  if (!user) return undefined;
  const names = new Map((await organisationRepository.listStandorte(tx)).map((s) => [s.standort.id, s.standort.name]));
  const standorte = user.standortIds.map((sid) => ({ id: sid, name: names.get(sid) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return presentUser(user, standorte);
}

/** Records that the actor has seen an account (in the caller's transaction). */
export async function recordUserRead(tx: Tx, actor: Actor, id: string): Promise<void> {
  await recordAudit(tx, actor, {
    objectType: 'user',
    objectId: id,
    personId: id,
    action: 'read',
    purpose: 'Benutzerverwaltung: Konto ansehen',
  });
}

/** One account of the Träger, for the administration; the read is recorded in the audit trail. */
export const benutzerLaden = defineUseCase({
  name: 'verwaltung.benutzer-laden',
  zugang: 'benutzer.verwalten',
  input: idInputSchema,
  audit: ['user.read'],
  run: async ({ ctx, actor, input }): Promise<UserView> => {
  const { id } = input;
  requireUuid(id, 'Das Konto');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const view = await loadUserView(tx, id);
    if (!view) throw notFound('Das Konto');
    await recordUserRead(tx, actor, id);
    return view;
  });
  },
});
