import { fallRepository } from '../../db/repositories/fall.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { isUuid, ladeBgFuer } from './common.ts';
import { lesezweck } from './oeffne-fallakte.ts';

/** The bytes of a document of the case (audited as a read). */
export async function dokumentLaden(opts: { ctx: AppContext; actor: Actor; id: string; dokumentId: string }) {
  const { ctx, actor, id, dokumentId } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, id, 'fall.lesen');
    if (!isUuid(dokumentId)) throw notFound('Das Dokument');
    const d = await fallRepository.findDokument(tx, bg.id, dokumentId);
    if (!d) throw notFound('Das Dokument');
    await recordAudit(tx, actor, {
      objectType: 'dokument',
      objectId: d.id,
      personId: d.personId,
      action: 'read',
      purpose: lesezweck(actor).replace('Fallakte einsehen', 'Dokument einsehen'),
      details: { bgId: bg.id },
    });
    return d;
  });
}
