import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { bucheForderung, type ForderungsStatus } from '../../domain/bewilligung/index.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { validationFailed, versionConflict } from '../errors.ts';
import { heute, protokolliere } from '../fall/common.ts';
import { alsFehler, ladeForderungFuer, presentForderung, pruefeDatum } from './erstattung-common.ts';

/**
 * Records a Zahlungseingang on an Erstattungsforderung (also a partial one): the balance falls by the amount; at 0
 * the Forderung is erledigt. More than the balance is refused (no silent overpayment).
 */
export async function bucheZahlungseingang(opts: { ctx: AppContext; actor: Actor; id: string; input: { betragCent: number; datum: string; version: number } }) {
  const { ctx, actor, input } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, opts.id);
    if (r.f.version !== input.version) throw versionConflict();
    const datum = pruefeDatum(input.datum, 'datum', 'den Tag des Zahlungseingangs');
    if (datum > heute(ctx.clock.now())) throw validationFailed([{ path: 'datum', code: 'datum_zukunft', message: 'Ein Zahlungseingang kann nicht in der Zukunft liegen.' }]);
    let neu;
    try {
      neu = bucheForderung({ betragCent: r.f.betragCent, offenCent: r.offenCent, status: r.f.status as ForderungsStatus }, { art: 'zahlung', betragCent: input.betragCent });
    } catch (err) {
      alsFehler(err, 'betrag');
    }
    await erstattungRepository.insertVorgang(tx, { traegerId: actor.traegerId, forderungId: r.f.id, art: 'zahlung', datum, betragCent: neu.gebuchtCent, createdBy: actor.userId });
    const f = await erstattungRepository.update(tx, r.f.id, r.f.version, {
      offenCent: neu.offenCent,
      status: neu.status,
      ...(neu.status === 'erledigt' ? { erledigtAt: ctx.clock.now() } : {}),
    });
    if (!f) throw versionConflict();
    // a Forderung no longer open ends its Aufrechnungen (§ 43 SGB II): nothing is left to set off
    const beendet = neu.status === 'erledigt' ? await aufrechnungRepository.beendeDerForderung(tx, r.f.id) : [];
    await protokolliere(tx, actor, {
      bgId: r.f.bgId,
      art: 'erstattung_zahlung',
      beschreibung: `Zahlungseingang ${euroText(neu.gebuchtCent)} vom ${datum} auf die Erstattungsforderung gebucht; offen ${euroText(neu.offenCent)}.`,
      details: { forderungId: r.f.id, betragCent: neu.gebuchtCent, offenCent: neu.offenCent, ...(beendet.length ? { aufrechnungenBeendet: beendet.map((a) => a.id) } : {}) },
      zweck: 'Leistungssachbearbeitung: Erstattungsforderung bearbeiten',
    });
    return presentForderung({ f, offenCent: neu.offenCent, fallnummer: r.fallnummer }, await erstattungRepository.vorgaenge(tx, f.id));
  });
}
