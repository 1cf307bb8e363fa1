import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { bucheForderung, NORM_ERLASS, NORM_NIEDERSCHLAGUNG, type ForderungsStatus } from '../../domain/bewilligung/index.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict } from '../errors.ts';
import { heute } from '../clock.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { euroCentOderNull, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { alsFehler } from './buchungsfehler.ts';
import { presentForderung } from './forderung-darstellung.ts';
import { ladeForderungFuer } from './forderung-zugriff.ts';

export const erlassSchema = z.object({
  id: text(100).describe('ID der Erstattungsforderung'),
  art: z.enum(['erlass', 'niederschlagung']),
  betragCent: euroCentOderNull().optional().describe('Erlass eines Teils; leer = der ganze offene Betrag'),
  grund: text(1000),
  version: version(),
});

/**
 * Erlass (§ 44 SGB II: collecting would be unfair in the individual case) of all or part of the balance – at 0
 * the Forderung is `erlassen` – or Niederschlagung (collecting is pointless for now; the claim stays and a later
 * payment still counts). A reason is required for both.
 */
export const erstattungsforderungErlassen = defineUseCase({
  name: 'leistung.erstattungsforderung-erlassen',
  // 404 before 403: ladeForderungFuer answers an unknown or foreign Forderung with 404, then checks the permission
  zugang: 'angemeldet',
  input: erlassSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input: eingabe }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    // a Niederschlagung always concerns the whole balance: an amount typed for it is ignored
    const input = { ...eingabe, betragCent: eingabe.art === 'erlass' ? (eingabe.betragCent ?? undefined) : undefined };
    const r = await ladeForderungFuer(tx, actor, input.id);
    if (r.f.version !== input.version) throw versionConflict();
    const grund = input.grund.trim();
    if (!grund) throw validationFailed([{ path: 'grund', code: 'grund_fehlt', message: `Bitte begründen Sie ${input.art === 'erlass' ? 'den Erlass' : 'die Niederschlagung'}.` }]);
    let neu;
    try {
      neu = bucheForderung({ betragCent: r.f.betragCent, offenCent: r.offenCent, status: r.f.status as ForderungsStatus }, { art: input.art, betragCent: input.betragCent });
    } catch (err) {
      alsFehler(err, 'betrag');
    }
    const norm = input.art === 'erlass' ? NORM_ERLASS : NORM_NIEDERSCHLAGUNG;
    await erstattungRepository.insertVorgang(tx, {
      traegerId: actor.traegerId,
      forderungId: r.f.id,
      art: input.art,
      datum: heute(ctx.clock.now()),
      betragCent: neu.gebuchtCent || null,
      grund: `${grund} (${norm})`,
      createdBy: actor.userId,
    });
    const f = await erstattungRepository.update(tx, r.f.id, r.f.version, {
      offenCent: neu.offenCent,
      status: neu.status,
      ...(neu.status === 'erlassen' ? { erledigtAt: ctx.clock.now() } : {}),
    });
    if (!f) throw versionConflict();
    // a Forderung no longer open ends its Aufrechnungen (§ 43 SGB II): nothing is left to set off
    const beendet = neu.status === 'erlassen' ? await aufrechnungRepository.beendeDerForderung(tx, r.f.id) : [];
    await protokolliere(tx, actor, {
      bgId: r.f.bgId,
      art: input.art === 'erlass' ? 'erstattung_erlass' : 'erstattung_niederschlagung',
      beschreibung:
        input.art === 'erlass'
          ? `Erstattungsforderung über ${euroText(neu.gebuchtCent)} erlassen (${norm}): ${grund}`
          : `Erstattungsforderung niedergeschlagen (offen ${euroText(neu.offenCent)}): ${grund}`,
      details: { forderungId: r.f.id, art: input.art, betragCent: neu.gebuchtCent, offenCent: neu.offenCent, ...(beendet.length ? { aufrechnungenBeendet: beendet.map((a) => a.id) } : {}) },
      zweck: 'Leistungssachbearbeitung: Erstattungsforderung bearbeiten',
    });
    return presentForderung({ f, offenCent: neu.offenCent, fallnummer: r.fallnummer }, await erstattungRepository.vorgaenge(tx, f.id));
  }),
});
