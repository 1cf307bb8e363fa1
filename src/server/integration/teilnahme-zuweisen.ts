import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { instrumentVerfuegbar, pruefeHoechstdauer } from '../../domain/foerdern/instrumente.ts';
import { pruefePlanung, ZUWEISBAR, type Regelfehler } from '../../domain/foerdern/teilnahme.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, versionConflict } from '../errors.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { zuweisungSchema } from './massnahmen-schemas.ts';
import { falscherStatus, fuehreZuweisungAus, ladeMassnahme, ladeTeilnahme, ohneRechtsfolgen, regelFehler } from './teilnahme-gemeinsam.ts';

/**
 * Zuweisung (also from the Warteliste): checks the dates and the legal maximum duration (earlier participations of
 * the person count), then the free budget (over budget → wartet_auf_genehmigung, unless an approver confirms), then
 * takes a place (none free → warteliste, database-enforced), binds the budget and writes the letter (PDF, with or
 * without Rechtsfolgenbelehrung). A refused check saves nothing.
 */
export const teilnahmeZuweisen = defineUseCase({
  name: 'integration.teilnahme-zuweisen',
  zugang: 'integration.bearbeiten',
  input: zuweisungSchema,
  audit: ['teilnahme.update', 'mittelbindung.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await ladeTeilnahme(tx, actor, input.id, 'integration.bearbeiten');
      if (t.version !== input.version) throw versionConflict();
      if (!ZUWEISBAR.includes(t.status)) throw falscherStatus(t, 'Eine Zuweisung');
      const m = await ladeMassnahme(tx, t.massnahmeId);
      if (!m.aktiv) throw fehler('massnahme_inaktiv');
      const kontingent = (await massnahmenRepository.findKontingent(tx, t.kontingentId))!;
      const geplantVon = input.geplantVon ?? t.geplantVon;
      const geplantBis = input.geplantBis ?? t.geplantBis;
      const begruendung = input.begruendung ?? t.begruendung;
      const f: Regelfehler[] = [];
      if (input.mitRechtsfolgenbelehrung && ohneRechtsfolgen(m.instrument)) {
        f.push({ feld: 'mitRechtsfolgenbelehrung', code: 'keine_rechtsfolgen', meldung: 'Für Leistungen nach § 16a und § 16k SGB II gibt es keine Rechtsfolgenbelehrung: Ein Abbruch führt nicht zu einer Minderung.' });
      }
      if (!instrumentVerfuegbar(m.instrument, geplantVon)) f.push({ feld: 'geplantVon', code: 'instrument_nicht_gueltig', meldung: 'Dieses Instrument gibt es zum geplanten Beginn nicht (mehr).' });
      f.push(...pruefePlanung({ geplantVon, geplantBis, kontingent: { von: kontingent.gueltigVon, bis: kontingent.gueltigBis } }));
      if (f.length) throw regelFehler(f);
      const dauer = pruefeHoechstdauer({
        instrument: m.instrument,
        geplant: { von: geplantVon, bis: geplantBis },
        frueher: await teilnahmenRepository.zeitraeumeImInstrument(tx, t.personId, m.instrument, t.id),
        begruendung,
        schwerwiegendeHemmnisse: input.schwerwiegendeHemmnisse,
      });
      if (!dauer.ok) throw regelFehler([dauer], 'hoechstdauer_ueberschritten');
      const traeger = await organisationRepository.traeger(tx);
      const ergebnis = await fuehreZuweisungAus(tx, actor, {
        t: { ...t, geplantVon, geplantBis },
        massnahme: m,
        heute: tag,
        budgetFreigabe: input.budgetBestaetigt && can(actor, 'zuweisung.genehmigen'),
        mitRechtsfolgenbelehrung: input.mitRechtsfolgenbelehrung,
        jobcenter: traeger?.jobcenterName ?? '',
        patch: { geplantVon, geplantBis, begruendung },
      });
      return { id: t.id, personId: t.personId, ...ergebnis };
    });
  },
});
