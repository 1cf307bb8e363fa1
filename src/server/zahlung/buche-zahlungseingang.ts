import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { bucheForderung, type ForderungsStatus } from '../../domain/bewilligung/index.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { euroCent, tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { alsFehler } from './buchungsfehler.ts';
import { presentForderung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

export const zahlungseingangSchema = z.object({
  id: text(100).describe('ID der Erstattungsforderung'),
  betragCent: euroCent(),
  datum: tagesdatum(),
  version: version(),
});

/**
 * Records a Zahlungseingang on an Erstattungsforderung (also a partial one): the balance falls by the amount; at 0
 * the Forderung is erledigt. More than the balance is refused (no silent overpayment).
 */
export const zahlungseingangBuchen = defineUseCase({
  name: 'leistung.zahlungseingang-buchen',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: zahlungseingangSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, input.id);
    if (r.f.version !== input.version) throw versionConflict();
    const datum = input.datum;
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
  }),
});
