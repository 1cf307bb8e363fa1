import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute, protokolliere } from '../fall/common.ts';
import { ladeForderungFuer, presentForderung, pruefeDatum } from './erstattung-common.ts';

/**
 * Stundung / Ratenzahlung of an open Erstattungsforderung: collection is deferred until a date, optionally with a
 * monthly instalment (Stundung under the budget law of the Träger, federal model § 59 Abs. 1 Nr. 1 BHO). Recorded as a note in the history.
 */
export async function stundeErstattungsforderung(opts: {
  ctx: AppContext;
  actor: Actor;
  id: string;
  input: { bis: string; ratenCent?: number | undefined; grund?: string | undefined; version: number };
}) {
  const { ctx, actor, input } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, opts.id);
    if (r.f.version !== input.version) throw versionConflict();
    if (r.f.status !== 'offen') throw new AppError('forderung_nicht_offen', 409, 'Nur eine offene Erstattungsforderung kann gestundet werden.');
    const bis = pruefeDatum(input.bis, 'bis', 'das Ende der Stundung');
    const fehler = [];
    if (bis <= heute(ctx.clock.now())) fehler.push({ path: 'bis', code: 'datum_vergangen', message: 'Das Ende der Stundung muss in der Zukunft liegen.' });
    if (input.ratenCent !== undefined && (!Number.isInteger(input.ratenCent) || input.ratenCent <= 0 || input.ratenCent > r.offenCent)) {
      fehler.push({ path: 'ratenCent', code: 'rate_ungueltig', message: `Die Monatsrate muss über 0 € und höchstens ${euroText(r.offenCent)} (offener Betrag) sein.` });
    }
    if (fehler.length) throw validationFailed(fehler);
    const grund = input.grund?.trim() || null;
    await erstattungRepository.insertVorgang(tx, {
      traegerId: actor.traegerId,
      forderungId: r.f.id,
      art: 'stundung',
      datum: heute(ctx.clock.now()),
      betragCent: input.ratenCent ?? null,
      stundungBis: bis,
      grund,
      createdBy: actor.userId,
    });
    const f = await erstattungRepository.update(tx, r.f.id, r.f.version, { stundungBis: bis, ratenCent: input.ratenCent ?? null });
    if (!f) throw versionConflict();
    await protokolliere(tx, actor, {
      bgId: r.f.bgId,
      art: 'erstattung_stundung',
      beschreibung: `Erstattungsforderung gestundet bis ${bis}${input.ratenCent ? `, Ratenzahlung ${euroText(input.ratenCent)} monatlich` : ''}.`,
      details: { forderungId: r.f.id, bis, ratenCent: input.ratenCent ?? null },
      zweck: 'Leistungssachbearbeitung: Erstattungsforderung bearbeiten',
    });
    return presentForderung({ f, offenCent: r.offenCent, fallnummer: r.fallnummer }, await erstattungRepository.vorgaenge(tx, f.id));
  });
}
