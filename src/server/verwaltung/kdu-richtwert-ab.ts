import { kduRepository } from '../../db/repositories/bewilligung.ts';
import { istKalenderdatum, tagVorher } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';
import { mitUeberschneidung, presentKduRichtwert } from './kdu-richtwerte.ts';

const datumDe = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * A new KdU-Richtwert from a date: the current one ends the day before `ab`, the new amounts apply from `ab` until
 * the old end (or open-ended). Both rows in one transaction, so there is never a gap or an overlap.
 */
export async function aendereKduRichtwertAb(opts: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  version: number;
  input: { ab: string; bruttokaltmieteCent: number; heizkostenCent: number };
}) {
  const { ctx, actor, input } = opts;
  authorize(actor, 'kdu.verwalten');
  const issues: FieldIssue[] = [];
  if (!istKalenderdatum(input.ab)) issues.push({ path: 'ab', code: 'datum_ungueltig', message: 'Bitte das Datum angeben, ab dem der neue Richtwert gilt.' });
  for (const f of ['bruttokaltmieteCent', 'heizkostenCent'] as const) {
    if (!Number.isInteger(input[f]) || input[f] < 0) issues.push({ path: f, code: 'betrag_ungueltig', message: 'Bitte einen Betrag von 0 oder mehr angeben.' });
  }
  if (issues.length) throw validationFailed(issues);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const alt = isUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
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
}
