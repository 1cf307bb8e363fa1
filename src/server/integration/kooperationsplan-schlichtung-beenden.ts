import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { istUuid, kalenderdatum, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { feldfehler, ladePlanFuer } from './kooperationsplan-gemeinsam.ts';

/** Ends a Schlichtung with its result: agreement (often earlier than 4 weeks) or none. The end day ends the Minderung block. */
export const kooperationsplanSchlichtungBeenden = defineUseCase({
  name: 'integration.kooperationsplan-schlichtung-beenden',
  zugang: 'angemeldet',
  input: z.object({
    id: z.string(),
    version: z.coerce.number().int().min(0),
    ergebnis: z.enum(['einigung', 'ohne_einigung'], { message: 'Bitte wählen Sie das Ergebnis.' }),
    am: kalenderdatum().optional(),
    bemerkung: text(2000).optional(),
  }),
  audit: ['schlichtung.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!istUuid(input.id)) throw notFound('Die Schlichtung');
      const s = await kooperationsplanRepository.findSchlichtung(tx, input.id);
      if (!s) throw notFound('Die Schlichtung');
      try {
        await ladePlanFuer(tx, actor, s.kooperationsplanId, 'integration.bearbeiten', tag);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) throw notFound('Die Schlichtung');
        throw err;
      }
      if (s.ergebnis !== 'laufend') throw new AppError('status_ungueltig', 409, 'Diese Schlichtung ist schon beendet.');
      if (s.version !== input.version) throw versionConflict();
      const am = input.am ?? (tag < s.ende ? tag : s.ende);
      if (am < s.beginn || am > s.ende || am > tag) {
        throw feldfehler([{ path: 'am', code: 'ende_ungueltig', message: 'Das Ende muss zwischen Beginn und dem regulären Ende (vier Wochen) liegen und darf nicht in der Zukunft liegen.' }]);
      }
      const r = await kooperationsplanRepository.updateSchlichtung(tx, s.id, s.version, { ergebnis: input.ergebnis, ende: am, bemerkung: input.bemerkung?.trim() || s.bemerkung });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'schlichtung',
        objectId: s.id,
        personId: s.personId,
        action: 'update',
        purpose: 'Integration: Schlichtungsverfahren abschließen',
        details: { ergebnis: input.ergebnis, ende: am },
      });
      return { id: s.id, version: r.version, ergebnis: r.ergebnis, ende: r.ende };
    });
  },
});
