import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { fehler, notFound } from '../errors.ts';
import { euroCent, haekchen, tagesdatum } from '../schemas/formular.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { loeseBis } from './budget-bindung.ts';

const euro = (cent: number) => `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

export const rechnungSchema = z.object({
  teilnahmeId: z.string().max(100).describe('Teilnahme (UUID), deren Mittelbindung die Rechnung mindert'),
  betragCent: euroCent('Bitte den Rechnungsbetrag in Euro angeben, z. B. 1.234,56.')
    .refine((c) => c > 0, { error: 'Der Rechnungsbetrag muss größer als 0 sein.' })
    .describe('Rechnungsbetrag in Cent (Formular: Euro-Text)'),
  datum: tagesdatum().describe('Buchungstag; bestimmt das Haushaltsjahr'),
  beleg: text(100).trim().min(1, { error: 'Bitte die Rechnungsnummer angeben.' }).describe('Rechnungsnummer des Maßnahmeträgers'),
  schlussrechnung: haekchen().optional().describe('Schlussrechnung: gibt den Rest der Mittelbindung frei'),
});

/**
 * Books a provider's invoice against the Mittelbindung of a Teilnahme in the Haushaltsjahr of the booking day: the
 * payment reduces what is still bound. More than is still bound in that year → 400 at the amount, nothing booked.
 * A Schlussrechnung releases whatever remains bound (all years).
 */
export const budgetRechnungBuchen = defineUseCase({
  name: 'integration.budget-rechnung-buchen',
  zugang: 'budget.verwalten',
  input: rechnungSchema,
  audit: ['mittelbindung.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!istUuid(input.teilnahmeId)) throw notFound('Die Teilnahme');
      const teilnahme = await budgetRepository.teilnahmeMitKosten(tx, input.teilnahmeId);
      if (!teilnahme) throw notFound('Die Teilnahme');
      const bindungen = await budgetRepository.bindungenVon(tx, { teilnahmeId: input.teilnahmeId });
      const jahr = Number(input.datum.slice(0, 4));
      const imJahr = bindungen.filter((b) => b.haushaltsjahr === jahr);
      const offen = imJahr.reduce((s, b) => s + b.betragCent - b.aufgeloestCent - b.ausgezahltCent, 0);
      if (input.betragCent > offen) {
        const meldung =
          imJahr.length === 0
            ? `Für diese Teilnahme sind im Haushaltsjahr ${jahr} keine Mittel gebunden; die Rechnung kann nicht gebucht werden.`
            : `Der Rechnungsbetrag (${euro(input.betragCent)}) ist höher als die im Haushaltsjahr ${jahr} noch gebundenen Mittel (${euro(offen)}).`;
        throw fehler('rechnung_ueber_bindung', { meldung, issues: [{ path: 'betragCent', code: 'rechnung_ueber_bindung', message: meldung }] });
      }
      let rest = input.betragCent;
      for (const b of imJahr) {
        const teil = Math.min(rest, b.betragCent - b.aufgeloestCent - b.ausgezahltCent);
        if (teil <= 0) continue;
        await budgetRepository.insertAuszahlung(tx, { traegerId: actor.traegerId, mittelbindungId: b.id, datum: input.datum, betragCent: teil, beleg: input.beleg, createdBy: actor.userId });
        b.ausgezahltCent += teil;
        rest -= teil;
      }
      const freigegeben = input.schlussrechnung ? await loeseBis(tx, bindungen, new Map()) : 0;
      await recordAudit(tx, actor, {
        objectType: 'mittelbindung',
        objectId: input.teilnahmeId,
        personId: teilnahme.personId,
        action: 'update',
        purpose: 'Rechnung eines Maßnahmeträgers buchen',
        details: { teilnahmeId: input.teilnahmeId, betragCent: input.betragCent, beleg: input.beleg, jahre: [jahr] },
      });
      return { teilnahmeId: input.teilnahmeId, haushaltsjahr: jahr, gebuchtCent: input.betragCent, nochGebundenCent: input.schlussrechnung ? 0 : offen - input.betragCent, freigegebenCent: freigegeben };
    }),
});

