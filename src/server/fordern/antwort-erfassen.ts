import { z } from 'zod';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { kalenderdatum, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { antwortAnhaengen, antwortMoeglich, datumDe, KANAL_TEXT, ladeVerfahren } from './anhoerung-gemeinsam.ts';

export const antwortErfassenSchema = z.object({
  id: z.string().max(100),
  version: z.coerce.number({ error: 'Die Version fehlt.' }).int(),
  kanal: z.enum(['post', 'persoenlich', 'telefon'], { error: 'Bitte wählen Sie, wie die Antwort eingegangen ist.' }),
  am: kalenderdatum(),
  text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), text(10000).min(1, { error: 'Bitte geben Sie wieder, was die Person erklärt hat.' })),
});

/**
 * Staff record the person's answer to the Anhörung received by post, in person or by telephone. The first answer
 * moves the procedure to 'entscheidung'; later answers (while the decision is open) are appended with their date.
 * The answer text is never written to the audit trail.
 */
export const antwortErfassen = defineUseCase({
  name: 'fordern.antwort-erfassen',
  zugang: 'fordern.bearbeiten',
  input: antwortErfassenSchema,
  audit: ['minderungsverfahren.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.bearbeiten', tag, true);
      if (v.version !== input.version) throw versionConflict();
      if (input.am > tag) throw validationFailed([{ path: 'am', code: 'in_zukunft', message: 'Das Datum kann nicht in der Zukunft liegen.' }]);
      if (v.anhoerungAm && input.am < v.anhoerungAm) throw validationFailed([{ path: 'am', code: 'vor_anhoerung', message: `Die Antwort kann nicht vor der Anhörung (${datumDe(v.anhoerungAm)}) eingegangen sein.` }]);
      if (v.status === 'anhoerung') {
        const ok = pruefeAktion(v.status, 'antwort_erfassen');
        if (!ok.ok) throw fehler('verfahren_status', { meldung: ok.meldung });
      } else if (!antwortMoeglich(v.status) || !v.anhoerungAm) {
        throw fehler('verfahren_status', { meldung: 'Eine Antwort kann nur nach der Anhörung und vor der Entscheidung erfasst werden.' });
      }
      const erste = !v.antwortText;
      const r = await fordernAnhoerungRepository.update(
        tx,
        v.id,
        v.version,
        {
          status: 'entscheidung',
          antwortText: antwortAnhaengen(v.antwortText, input.text, input.am, input.kanal),
          ...(erste ? { antwortAm: new Date(`${input.am}T12:00:00Z`), antwortKanal: input.kanal } : {}),
        },
        { am: ctx.clock.now().toISOString(), art: 'antwort', text: `${erste ? 'Antwort' : 'Weitere Antwort'} ${KANAL_TEXT[input.kanal]} vom ${datumDe(input.am)} erfasst.`, von: actor.name },
      );
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'update', purpose: 'Fordern: Antwort auf die Anhörung erfassen', details: { schritt: 'antwort_erfassen', status: r.status } });
      return { id: v.id, version: r.version, status: r.status };
    });
  },
});
