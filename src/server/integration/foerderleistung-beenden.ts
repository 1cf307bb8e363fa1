import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { foerderleistungenRepository } from '../../db/repositories/foerderleistungen.ts';
import { foerderleistungMonate, jeJahr } from '../../domain/foerdern/budget.ts';
import { letzterTag, plusTage } from '../../domain/fallakte/datum.ts';
import { datumText } from '../../domain/bewilligung/monat.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, notFound, validationFailed, versionConflict } from '../errors.ts';
import { ganzzahl, tagesdatum } from '../schemas/formular.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { loeseBis } from './budget-bindung.ts';
import { presentFoerderleistung } from './foerderleistung-gemeinsam.ts';
import { ladeElbPerson } from './betreuung-zugriff.ts';

/**
 * Ends a Förderleistung early (`beendetAm` = last day paid; the day before its start cancels it entirely). Months
 * already paid through the Zahllauf cannot be taken back here (an overpayment is reclaimed by Erstattung), so the
 * end may not lie before the last paid month's end. What is no longer needed is released from the Mittelbindung.
 */
export const foerderleistungBeenden = defineUseCase({
  name: 'integration.foerderleistung-beenden',
  zugang: 'angemeldet',
  input: z.object({
    personId: z.string().max(100).describe('Person (UUID)'),
    id: z.string().max(100).describe('Förderleistung (UUID)'),
    beendetAm: tagesdatum().describe('Letzter Tag der Leistung'),
    version: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 0, 2_147_483_647).describe('Version (optimistisches Sperren)'),
  }),
  audit: ['foerderleistung.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
      if (!istUuid(input.id)) throw notFound('Die Förderleistung');
      const f = await foerderleistungenRepository.find(tx, input.id);
      if (!f || f.personId !== person.personId) throw notFound('Die Förderleistung');
      if (f.beendetAm) throw fehler('foerderleistung_beendet');
      const bezahlt = (await foerderleistungenRepository.bezahlteMonate(tx, [f.id])).get(f.id) ?? [];
      const ende = f.einmalig ? f.gueltigVon : f.gueltigBis;
      const frueheste = bezahlt.length ? letzterTag([...bezahlt].sort().at(-1)!) : plusTage(f.gueltigVon, -1);
      if (input.beendetAm < frueheste) {
        const message = bezahlt.length
          ? `Die Leistung ist bis ${datumText(frueheste)} bereits ausgezahlt; sie kann frühestens zu diesem Tag beendet werden. Eine Überzahlung ist über eine Erstattung zurückzufordern.`
          : `Das Ende darf nicht vor dem Beginn (${datumText(f.gueltigVon)}) liegen; der Tag davor storniert die Leistung.`;
        throw validationFailed([{ path: 'beendetAm', code: 'ende_vor_zahlung', message }]);
      }
      if (ende && input.beendetAm >= ende) {
        throw validationFailed([{ path: 'beendetAm', code: 'ende_nach_ablauf', message: `Die Leistung endet ohnehin am ${datumText(ende)}; ein früheres Ende angeben.` }]);
      }
      const row = await foerderleistungenRepository.beenden(tx, f.id, input.version, input.beendetAm);
      if (!row) throw versionConflict();
      const bindungen = await budgetRepository.bindungenVon(tx, { foerderleistungId: f.id });
      const neu = new Map(jeJahr(foerderleistungMonate(row)).map((k) => [k.haushaltsjahr, k.betragCent]));
      const freigegeben = await loeseBis(tx, bindungen, neu);
      await recordAudit(tx, actor, {
        objectType: 'foerderleistung',
        objectId: f.id,
        personId: person.personId,
        action: 'update',
        purpose: 'Integration: Förderleistung beenden',
        details: { art: f.art, bgId: f.bgId, beendetAm: input.beendetAm, betragCent: freigegeben },
      });
      return presentFoerderleistung(row, bezahlt, tag);
    });
  },
});
