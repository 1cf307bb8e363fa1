import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

/** Team label of a desk (Teamleitung); empty = no team. Optimistic locking on the desk's version. */
export const teamSetzen = defineUseCase({
  name: 'termine.team-setzen',
  zugang: 'termine.planen',
  input: z.object({
    ressourceId: kennung(),
    team: z.preprocess((v) => (v === undefined || v === null ? '' : v), text(200)).transform((s) => s.trim()).pipe(z.string().max(100, { error: 'Der Teamname darf höchstens 100 Zeichen haben.' })),
    version: version(),
  }),
  audit: ['termin_ressource.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, input.ressourceId).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 404) throw validationFailed([{ path: 'ressourceId', code: 'invalid', message: 'Bitte wählen Sie einen Platz.' }]);
        throw err;
      });
      const neu = await termineRepository.updateRessourceTeam(tx, r.id, input.version, input.team || null);
      if (!neu) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'termin_ressource', objectId: r.id, action: 'update', purpose: 'Team eines buchbaren Platzes ändern', details: { team: input.team || null } });
      return neu;
    }),
});
