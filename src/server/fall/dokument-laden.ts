import { fallRepository } from '../../db/repositories/fall.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { ladeBgFuer } from './zugriff.ts';
import { lesezweck } from './oeffne-fallakte.ts';

/** The bytes of a document of the case (audited as a read). */
export const dokumentLaden = defineUseCase({
  name: 'fall.dokument-laden',
  zugang: 'angemeldet',
  /** Fallakte and document from the URL; an unknown or malformed id answers 404. */
  input: z.object({ id: z.string().max(100), dokumentId: z.string().max(100) }),
  audit: ['dokument.read'],
  run: async ({ ctx, actor, input: { id, dokumentId } }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.lesen');
      if (!istUuid(dokumentId)) throw notFound('Das Dokument');
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
    }),
});
