import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';
import { withUniqueFields } from './common.ts';
import type { KommuneCreate } from './schemas.ts';

export const KOMMUNE_NAME_TAKEN = { path: 'name', code: 'name_taken', message: 'Eine Kommune mit diesem Namen gibt es schon.' };

export async function createKommune(opts: { ctx: AppContext; actor: Actor; input: KommuneCreate }): Promise<Kommune> {
  const { ctx, actor, input } = opts;
  authorize(actor, 'organisation.verwalten');
  return withUniqueFields(
    () =>
      ctx.db.withTenant(tenantScope(actor), async (tx) => {
        const kommune = await organisationRepository.insertKommune(tx, { traegerId: actor.traegerId, name: input.name, ags: input.ags ?? null, postleitzahlen: [...new Set(input.postleitzahlen ?? [])].sort() });
        await recordAudit(tx, actor, {
          objectType: 'kommune',
          objectId: kommune.id,
          action: 'create',
          purpose: 'Organisationsverwaltung: Kommune anlegen',
          details: { felder: ['name', ...(kommune.ags ? ['ags'] : []), ...(kommune.postleitzahlen.length ? ['postleitzahlen'] : [])] },
        });
        return kommune;
      }),
    { kommunen_name_unique: KOMMUNE_NAME_TAKEN },
    KOMMUNE_NAME_TAKEN,
  );
}
