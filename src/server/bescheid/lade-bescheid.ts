import { createHash } from 'node:crypto';
import { bescheidRepository } from '../../db/repositories/bescheide.ts';
import type { Bescheid } from '../../domain/bescheid/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { renderBescheidPdf } from './pdf.ts';

/**
 * One Bescheid (model and PDF) for download. A PDF not yet rendered (Massenänderung renders in the background) is
 * rendered now from the stored model and kept. Every read is audited.
 */
export const bescheidLaden = defineUseCase({
  name: 'bescheid.laden',
  zugang: 'angemeldet',
  input: z.object({ id: text(100).describe('ID des Bescheids') }),
  audit: ['bescheid.read'],
  run: async ({ ctx, actor, input: opts }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    if (!istUuid(opts.id)) throw notFound('Der Bescheid');
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
  }),
});
