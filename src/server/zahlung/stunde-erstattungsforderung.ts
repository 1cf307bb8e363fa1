import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { AppError, validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { euroCentOderNull, leerAlsNull, tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { presentForderung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

export const stundungSchema = z.object({
  id: text(100).describe('ID der Erstattungsforderung'),
  bis: tagesdatum().describe('Ende der Stundung JJJJ-MM-TT'),
  ratenCent: euroCentOderNull().optional().describe('Monatsrate in Cent (Ratenzahlung)'),
  grund: leerAlsNull(text(1000)).optional(),
  version: version(),
});

/**
 * Stundung / Ratenzahlung of an open Erstattungsforderung: collection is deferred until a date, optionally with a
 * monthly instalment (Stundung under the budget law of the Träger, federal model § 59 Abs. 1 Nr. 1 BHO). Recorded as a note in the history.
 */
export const erstattungsforderungStunden = defineUseCase({
  name: 'leistung.erstattungsforderung-stunden',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: stundungSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input: eingabe }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const input = { ...eingabe, ratenCent: eingabe.ratenCent ?? undefined };
    const r = await ladeForderungFuer(tx, actor, input.id);
    if (r.f.version !== input.version) throw versionConflict();
    if (r.f.status !== 'offen') throw new AppError('forderung_nicht_offen', 409, 'Nur eine offene Erstattungsforderung kann gestundet werden.');
    const bis = input.bis;
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
  }),
});
