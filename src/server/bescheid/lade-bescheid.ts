import { createHash } from 'node:crypto';
import { bescheidRepository } from '../../db/repositories/bewilligung.ts';
import type { Bescheid } from '../../domain/bescheid/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { isUuid, ladeBgFuer } from '../fall/common.ts';
import { renderBescheidPdf } from './pdf.ts';

/**
 * One Bescheid (model and PDF) for download. A PDF not yet rendered (Massenänderung renders in the background) is
 * rendered now from the stored model and kept. Every read is audited.
 */
export async function ladeBescheid(opts: { ctx: AppContext; actor: Actor; id: string }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    if (!isUuid(opts.id)) throw notFound('Der Bescheid');
    const row = await bescheidRepository.find(tx, opts.id);
    if (!row) throw notFound('Der Bescheid');
    const bg = await ladeBgFuer(tx, actor, row.bgId, 'bewilligung.lesen');
    let pdf = row.pdf;
    if (!pdf) {
      pdf = await renderBescheidPdf(row.modell as Bescheid);
      await bescheidRepository.setPdf(tx, row.id, pdf, createHash('sha256').update(pdf).digest('hex'));
    }
    await recordAudit(tx, actor, {
      objectType: 'bescheid',
      objectId: row.id,
      action: 'read',
      purpose: 'Bescheid einsehen',
      details: { bgId: bg.id, art: row.art },
    });
    const modell = row.modell as Bescheid;
    return { id: row.id, bgId: bg.id, fallnummer: bg.fallnummer, art: row.art, titel: modell.titel, datum: row.datum, sha256: row.sha256, pdf };
  });
}
