import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { tagVorher } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { mitUeberschneidung, presentKduRichtwert } from './kdu-richtwerte.ts';
import { kduNeuerWertSchema } from './schemas.ts';

const datumDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * A new KdU-Richtwert from a date: the current one ends the day before `ab`, the new amounts apply from `ab` until
 * the old end (or open-ended). Both rows in one transaction, so there is never a gap or an overlap.
 */
export const kduRichtwertAbAendern = defineUseCase({
  name: 'verwaltung.kdu-richtwert-ab-aendern',
  zugang: 'kdu.verwalten',
  input: kduNeuerWertSchema,
  audit: ['kdu_richtwert.update', 'kdu_richtwert.create'],
  run: async ({ ctx, actor, input }) => {
  const opts = input;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const alt = istUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
    if (!alt) throw notFound('Der Richtwert');
    if (alt.version !== opts.version) throw versionConflict();
    if (input.ab <= alt.gueltigVon || (alt.gueltigBis !== null && input.ab > alt.gueltigBis)) {
      const bis = alt.gueltigBis ? ` und spätestens am ${datumDe(alt.gueltigBis)}` : '';
      throw validationFailed([
        { path: 'ab', code: 'datum_ausserhalb', message: `Der neue Wert muss nach dem ${datumDe(alt.gueltigVon)}${bis} beginnen (innerhalb der Gültigkeit des bisherigen Richtwerts).` },
      ]);
    }
    const beendet = await kduRepository.update(tx, alt.id, alt.version, { gueltigBis: tagVorher(input.ab) });
    if (!beendet) throw versionConflict();
    const neu = await mitUeberschneidung(
      () =>
        kduRepository.insert(tx, {
          traegerId: actor.traegerId,
          kommuneId: alt.kommuneId,
          haushaltsgroesse: alt.haushaltsgroesse,
          bruttokaltmieteCent: input.bruttokaltmieteCent,
          heizkostenCent: input.heizkostenCent,
          gueltigVon: input.ab,
          gueltigBis: alt.gueltigBis,
        }),
      'ab',
    );
    await recordAudit(tx, actor, { objectType: 'kdu_richtwert', objectId: alt.id, action: 'update', purpose: 'KdU-Richtwerte pflegen', details: { gueltigBis: beendet.gueltigBis } });
    await recordAudit(tx, actor, { objectType: 'kdu_richtwert', objectId: neu.id, action: 'create', purpose: 'KdU-Richtwerte pflegen', details: { vorgaenger: alt.id, ab: input.ab } });
    return { beendet: presentKduRichtwert(beendet), neu: presentKduRichtwert(neu) };
  });
  },
});
