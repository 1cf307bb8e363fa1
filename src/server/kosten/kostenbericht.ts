import { zahlungRepository } from '../../db/repositories/zahlungen.ts';
import { aufrechnungRepository } from '../../db/repositories/erstattungen.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { kostenBisMonat, kostenImMonat, type Buchung, type Kostenbericht } from '../../domain/kosten/index.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Expenditure of the month and of the year to date from the recorded bookings (by payment month): total, Bund,
 * KdU of the Kreis and per Kommune, and the Einnahmen aus Aufrechnung. Aggregates only – no personal data.
 */
export const kostenbericht = defineUseCase({
  name: 'leistung.kostenbericht',
  zugang: 'kosten.lesen',
  input: z.object({ monat: kalendermonat() }),
  audit: [],
  run: async ({ ctx, actor, input: { monat } }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await zahlungRepository.buchungenBis(tx, `${monat.slice(0, 4)}-01`, monat);
    const buchungen: Buchung[] = rows.map((r) => ({
      bgId: r.bgId,
      leistungsmonat: r.leistungsmonat,
      zahlmonat: r.zahlmonat,
      kostenart: r.kostenart as Buchung['kostenart'],
      traeger: r.kostentraeger as Buchung['traeger'],
      kommuneId: r.kommuneId,
      betragCent: r.betragCent,
    }));
    const namen = new Map((await organisationRepository.listKommunen(tx)).map((k) => [k.id, k.name]));
    const mitNamen = (b: Kostenbericht) => ({
      ...b,
      unterkunftJeKommune: b.unterkunftJeKommune.map((k) => ({ ...k, name: namen.get(k.kommuneId) ?? 'unbekannt' })),
      kommunalJeKommune: b.kommunalJeKommune.map((k) => ({ ...k, name: namen.get(k.kommuneId) ?? 'unbekannt' })),
    });
    // The bookings are the gross benefit; what was set off against Erstattungsforderungen (§ 43 SGB II) was not
    // transferred and is shown as a separate line (Einnahmen aus Aufrechnung), not deducted from the expenditure.
    const aufrechnung = {
      imMonatCent: await aufrechnungRepository.summe(tx, monat, monat),
      bisMonatCent: await aufrechnungRepository.summe(tx, `${monat.slice(0, 4)}-01`, monat),
    };
    return { monat, imMonat: mitNamen(kostenImMonat(buchungen, monat)), bisMonat: mitNamen(kostenBisMonat(buchungen, monat)), aufrechnung };
  }),
});
