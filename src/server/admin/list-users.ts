import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { presentUser, type UserView } from './schemas.ts';

export const userFilterSchema = z.object({
  art: z.enum(['staff', 'buerger']).optional().describe('nur Beschäftigte oder nur Bürgerinnen/Bürger'),
  q: z.string().trim().max(200).optional().describe('Teil von Name oder E-Mail-Adresse'),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

/** At most this many accounts per list; a search narrows it down. */
export const USER_LIST_LIMIT = 200;

/**
 * Lists staff and citizen accounts of the Träger (optionally only one kind, optionally matching a name or
 * e-mail). Seeing a list of accounts is a use of personal data: the audit trail records the filter and the
 * ids shown, so a later search by person finds this list too.
 */
export const benutzerAuflisten = defineUseCase({
  name: 'verwaltung.benutzer-auflisten',
  zugang: 'benutzer.verwalten',
  input: userFilterSchema,
  audit: ['user.search'],
  run: async ({ ctx, actor, input }): Promise<{ benutzer: UserView[]; begrenzt: boolean }> => {
  const q = input.q?.trim() || undefined;
  const art = input.art;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await userRepository.list(tx, { art, query: q, limit: USER_LIST_LIMIT + 1 });
    const shown = rows.slice(0, USER_LIST_LIMIT);
    await recordAudit(tx, actor, {
      objectType: 'user',
      action: 'search',
      purpose: q ? 'Benutzerverwaltung: Konten suchen' : 'Benutzerverwaltung: Kontenliste ansehen',
      details: { filter: { art: art ?? 'alle', ...(q ? { suche: q } : {}) }, anzahl: shown.length, treffer: shown.map((u) => u.id) },
    });
    return { benutzer: shown.map((u) => presentUser(u, u.standorte)), begrenzt: rows.length > USER_LIST_LIMIT };
  });
  },
});
