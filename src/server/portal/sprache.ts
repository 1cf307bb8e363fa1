import { portalRepository } from '../../db/repositories/portal.ts';
import { isLang, type Lang } from '../../i18n/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';

/**
 * A signed-in citizen chose a language with the switch on a citizen page: it becomes the account's language, in
 * which mails go out (reminders, Eingangsbestätigung, password reset). Staff accounts keep German. Recorded in the
 * audit trail when it changed; choosing the same language again writes nothing.
 */
export async function setzeSprache(opts: { ctx: AppContext; actor: Actor; sprache: Lang }): Promise<boolean> {
  const { ctx, actor, sprache } = opts;
  if (actor.art !== 'buerger' || !isLang(sprache)) return false;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const geaendert = await portalRepository.setzeSprache(tx, actor.userId, sprache);
    if (geaendert) {
      await recordAudit(tx, actor, { objectType: 'user', objectId: actor.userId, personId: actor.userId, action: 'update', purpose: 'Bürgerportal: Sprache wählen', details: { sprache } });
    }
    return geaendert;
  });
}
