import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { integrationenRepository } from '../../db/repositories/integrationen.ts';
import { NACHFRAGE_TEXT, NACHHALTIGKEIT_TEXT } from '../../domain/foerdern/integration.ts';
import { NACHHALTIGKEIT_ERGEBNISSE } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { datumText } from '../fall/texte.ts';
import { leerAlsFehlend, leerAlsNull, version } from '../schemas/formular.ts';
import { tagesdatum } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { gezaehlt, ladeIntegration, presentIntegration, zweckIntegration } from './integrationen-gemeinsam.ts';

export const nachhaltigkeitSchema = z.object({
  id: z.string().max(100).describe('Beschäftigungsaufnahme (UUID)'),
  ergebnis: z.enum(NACHHALTIGKEIT_ERGEBNISSE, { error: 'Bitte wählen Sie das Ergebnis der Nachfrage.' }),
  /** The day the follow-up was made (default: today). */
  am: leerAlsFehlend(tagesdatum()),
  bemerkung: leerAlsNull(text(2000)).optional().transform((v) => v ?? null),
  version: version().describe('gelesene Version der Beschäftigungsaufnahme'),
});

/**
 * Records the 6-month follow-up of a job start (is the person still sozialversicherungspflichtig employed? — what
 * K2E3 needs) and closes its Wiedervorlage. Recorded once; the day lies between the start and today.
 */
export const nachhaltigkeitErfassen = defineUseCase({
  name: 'integration.nachhaltigkeit-erfassen',
  zugang: 'angemeldet',
  input: nachhaltigkeitSchema,
  audit: ['integration.update', 'fallakte.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const tag = heute(ctx.clock.now());
      const { integration, bg } = await ladeIntegration(tx, actor, input.id, 'integration.bearbeiten', tag);
      if (integration.nachhaltigkeitErgebnis) {
        throw fehler('status_ungueltig', { meldung: `Die Nachfrage wurde schon am ${datumText(integration.nachhaltigkeitAm ?? tag)} erfasst.` });
      }
      const am = input.am ?? tag;
      if (am < integration.beginn || am > tag) {
        throw validationFailed([{ path: 'am', code: 'datum_ausserhalb', message: `Das Datum der Nachfrage muss zwischen dem Beginn (${datumText(integration.beginn)}) und heute liegen.` }]);
      }
      if (integration.version !== input.version) throw versionConflict();
      const bemerkung = input.bemerkung ? [integration.bemerkung, `Nachfrage ${datumText(am)}: ${input.bemerkung}`].filter(Boolean).join('\n') : integration.bemerkung;
      const neu = await integrationenRepository.update(tx, integration.id, integration.version, { nachhaltigkeitAm: am, nachhaltigkeitErgebnis: input.ergebnis, bemerkung });
      if (!neu) throw versionConflict();
      // the follow-up is done: its Wiedervorlage closes (one of this art per Integration)
      const wv = integration.wiedervorlageId ? await antraegeRepository.findWiedervorlage(tx, integration.wiedervorlageId) : undefined;
      if (wv && !wv.erledigtAm) {
        const erledigt = await antraegeRepository.updateWiedervorlage(tx, wv.id, wv.version, { erledigtAm: ctx.clock.now(), erledigtVon: actor.userId });
        if (!erledigt) throw versionConflict();
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'wiedervorlage_erledigt',
          personId: integration.personId,
          beschreibung: `Wiedervorlage zum ${datumText(wv.faelligAm)} erledigt: Nachfrage zur Beschäftigung bei ${integration.arbeitgeber} – ${NACHHALTIGKEIT_TEXT[input.ergebnis]}.`,
          details: { wiedervorlageId: wv.id },
          zweck: zweckIntegration(actor, `${NACHFRAGE_TEXT} erfassen`),
        });
      }
      await recordAudit(tx, actor, {
        objectType: 'integration',
        objectId: integration.id,
        personId: integration.personId,
        action: 'update',
        purpose: zweckIntegration(actor, `${NACHFRAGE_TEXT} erfassen`),
        details: { ergebnis: input.ergebnis, ...(wv ? { wiedervorlageId: wv.id } : {}) },
      });
      const alle = await integrationenRepository.vonPerson(tx, integration.personId);
      return presentIntegration(neu, gezaehlt(alle), tag);
    }),
});
