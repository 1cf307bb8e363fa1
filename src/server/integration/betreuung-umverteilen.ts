import { z } from 'zod';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { leerAlsFehlend, tagesdatum } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ladeElbPerson, verlangeElb, zweckBetreuung } from './betreuung-zugriff.ts';
import { weiseZu, type Zuweisung } from './betreuung-zuweisen.ts';

/**
 * Bulk re-assignment by the Teamleitung: several persons get a new persönliche Ansprechpartnerin from one day; each
 * old Betreuung ends the day before. All or nothing: one person out of reach (404) or no eLb (400) saves nothing.
 */
export const betreuungUmverteilen = defineUseCase({
  name: 'integration.betreuung-umverteilen',
  zugang: 'betreuung.zuweisen',
  input: z.object({
    personIds: z
      .preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : [v]) : (v ?? [])), z.array(z.string().max(100)).min(1, { error: 'Bitte wählen Sie mindestens eine Person.' }).max(500))
      .describe('Personen (UUIDs); ein Formular sendet mehrere Felder gleichen Namens'),
    fachkraftId: z
      .string()
      .refine((v) => v !== '', { error: 'Bitte wählen Sie die neue Ansprechpartnerin oder den neuen Ansprechpartner.', abort: true })
      .refine(istUuid, { error: 'Bitte wählen Sie die neue Ansprechpartnerin oder den neuen Ansprechpartner aus der Liste.' })
      .describe('neue persönliche Ansprechperson (UUID)'),
    ab: tagesdatum().describe('Beginn der neuen Betreuung; die bisherige endet am Vortag'),
    grund: leerAlsFehlend(text(200)),
  }),
  audit: ['betreuung.create', 'betreuung.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const ergebnisse: Zuweisung[] = [];
      const zweck = zweckBetreuung(actor, `Umverteilung ab ${datumText(input.ab)}`);
      const fachkraefteJeStandort = new Map<string, { id: string; name: string }[]>();
      for (const personId of new Set(input.personIds)) {
        const person = await ladeElbPerson(tx, actor, personId, 'betreuung.zuweisen', tag);
        verlangeElb(person, 'personIds');
        let fachkraefte = fachkraefteJeStandort.get(person.standortId);
        if (!fachkraefte) {
          fachkraefte = await betreuungRepository.fachkraefte(tx, [person.standortId]);
          fachkraefteJeStandort.set(person.standortId, fachkraefte);
        }
        ergebnisse.push(await weiseZu(tx, actor, person, { fachkraftId: input.fachkraftId, ab: input.ab, grund: input.grund ?? 'Umverteilung', fachkraefte, zweck, mitName: true }));
      }
      return { anzahl: ergebnisse.filter((e) => !e.unveraendert).length, zuweisungen: ergebnisse };
    });
  },
});
