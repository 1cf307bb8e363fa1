import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { istKonflikt, mitSicherungspunkt, teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { instrumentVerfuegbar, pruefeHoechstdauer } from '../../domain/foerdern/instrumente.ts';
import { pruefePlanung, vorgabeEnde, type Regelfehler } from '../../domain/foerdern/teilnahme.ts';
import { uniqueViolation } from '../admin/common.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { vorschlagSchema } from './massnahmen-schemas.ts';
import { ladeTeilnahmePerson, regelFehler, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

const SCHON_OFFEN = { path: 'kontingentId', code: 'already_exists', message: 'Die Person hat in dieser Maßnahme schon eine offene Teilnahme.' };

/**
 * Proposes a Maßnahme to a person (Vorschlag): a Kontingent at the person's Standort, the planned period (default
 * end: start + Regeldauer, capped at the Kontingent's last day — `endeGekappt`) inside the Kontingent's period and within the instrument's legal maximum duration (with
 * the person's earlier participations). Nothing is bound yet; the Zuweisung takes the place and the budget.
 */
export const teilnahmeVorschlagen = defineUseCase({
  name: 'integration.teilnahme-vorschlagen',
  zugang: 'integration.bearbeiten',
  input: vorschlagSchema,
  audit: ['teilnahme.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladeTeilnahmePerson(tx, actor, input.personId, 'integration.bearbeiten', tag);
      const kontingent = istUuid(input.kontingentId) ? await massnahmenRepository.findKontingent(tx, input.kontingentId) : undefined;
      if (!kontingent || kontingent.standortId !== person.standortId) {
        throw validationFailed([{ path: 'kontingentId', code: 'unknown_reference', message: 'Bitte wählen Sie eine Maßnahme mit Plätzen am Standort der Person.' }]);
      }
      const m = (await massnahmenRepository.find(tx, kontingent.massnahmeId))!;
      if (!m.aktiv) throw fehler('massnahme_inaktiv');
      const vorgabe = input.geplantBis ? null : vorgabeEnde({ geplantVon: input.geplantVon, regeldauerTage: m.regeldauerTage, kontingentBis: kontingent.gueltigBis });
      const geplantBis = input.geplantBis ?? vorgabe?.bis ?? input.geplantVon;
      const f: Regelfehler[] = [];
      if (!input.geplantBis && !m.regeldauerTage) f.push({ feld: 'geplantBis', code: 'missing_value', meldung: 'Bitte geben Sie das geplante Ende an (die Maßnahme hat keine Regeldauer).' });
      if (!instrumentVerfuegbar(m.instrument, input.geplantVon)) f.push({ feld: 'geplantVon', code: 'instrument_nicht_gueltig', meldung: 'Dieses Instrument gibt es zum geplanten Beginn nicht (mehr).' });
      f.push(...pruefePlanung({ geplantVon: input.geplantVon, geplantBis, kontingent: { von: kontingent.gueltigVon, bis: kontingent.gueltigBis } }));
      if (f.length) throw regelFehler(f);
      const dauer = pruefeHoechstdauer({
        instrument: m.instrument,
        geplant: { von: input.geplantVon, bis: geplantBis },
        frueher: await teilnahmenRepository.zeitraeumeImInstrument(tx, person.personId, m.instrument, null),
        begruendung: input.begruendung,
      });
      if (!dauer.ok) throw regelFehler([dauer], 'hoechstdauer_ueberschritten');
      const r = await mitSicherungspunkt(
        tx,
        () =>
          teilnahmenRepository.insert(tx, {
            traegerId: actor.traegerId,
            massnahmeId: m.id,
            kontingentId: kontingent.id,
            personId: person.personId,
            bgId: person.bgId,
            status: 'vorschlag',
            geplantVon: input.geplantVon,
            geplantBis,
            vorgeschlagenAm: tag,
            begruendung: input.begruendung ?? null,
            createdBy: actor.userId,
          }),
        (err) => uniqueViolation(err) === 'massnahme_teilnahmen_offen_unique',
      );
      if (istKonflikt(r)) throw validationFailed([SCHON_OFFEN]);
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        objectId: r.id,
        personId: person.personId,
        action: 'create',
        purpose: zweckTeilnahme(actor, 'Maßnahme vorschlagen'),
        details: { massnahmeId: m.id, nach: 'vorschlag' },
      });
      return { id: r.id, status: 'vorschlag' as const, geplantBis, endeGekappt: vorgabe?.gekappt ?? false };
    });
  },
});
