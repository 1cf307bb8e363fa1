import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { integrationenRepository } from '../../db/repositories/integrationen.ts';
import { plusTage, tagDanach } from '../../domain/fallakte/index.ts';
import { INTEGRATIONSART_TEXT, pruefeEnde } from '../../domain/foerdern/integration.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict } from '../errors.ts';
import { MITTEILUNG_PAYLOAD_SCHEMA, type MitteilungPayload } from '../fall/mitteilung-vorbereiten.ts';
import { protokolliere } from '../fall/protokolliere.ts';
import { datumText } from '../fall/texte.ts';
import { haekchen, tagesdatum, version } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { gezaehlt, ladeIntegration, presentIntegration, zweckIntegration } from './integrationen-gemeinsam.ts';

export const beendenSchema = z.object({
  id: z.string().max(100).describe('Beschäftigungsaufnahme (UUID)'),
  /** Last day of the employment. */
  ende: tagesdatum(),
  /** Give the end of the income to the Leistung side as a change proposal (default: yes). */
  leistungInformieren: haekchen().optional().transform((v) => v ?? true),
  version: version().describe('gelesene Version der Beschäftigungsaufnahme'),
});

/**
 * Ends a Beschäftigungsperiode (its last day). The end of the income goes to the Leistung side like the start did:
 * an internal Veränderungsmitteilung "Arbeit beendet" to check and apply (unless the caller says not to).
 */
export const beschaeftigungBeenden = defineUseCase({
  name: 'integration.beschaeftigung-beenden',
  zugang: 'angemeldet',
  input: beendenSchema,
  audit: ['integration.update', 'antrag.create', 'fallakte.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const tag = heute(ctx.clock.now());
      const { integration, person, bg } = await ladeIntegration(tx, actor, input.id, 'integration.bearbeiten', tag);
      const h = pruefeEnde({ beginn: integration.beginn, ende: input.ende });
      if (h) throw validationFailed([{ path: 'ende', code: h.code, message: h.meldung }]);
      if (integration.version !== input.version) throw versionConflict();
      const neu = await integrationenRepository.update(tx, integration.id, integration.version, { ende: input.ende });
      if (!neu) throw versionConflict();
      let antragId: string | null = null;
      if (input.leistungInformieren && integration.ende === null) {
        const payload: MitteilungPayload = {
          schema: MITTEILUNG_PAYLOAD_SCHEMA,
          version: 1,
          flow: 'veraenderung-arbeit',
          veraenderungsart: 'arbeit',
          daten: { mitteilung: { person: `${person.vorname} ${person.nachname}`.trim(), aenderung: 'arbeit_beendet', ab: tagDanach(input.ende), arbeitgeber: integration.arbeitgeber } },
          herkunft: { art: 'integration', integrationId: integration.id, personId: integration.personId, integrationsart: integration.art, beginn: integration.beginn, wochenstunden: Number(integration.wochenstunden), erfasstVon: actor.name },
        };
        const antrag = await antraegeRepository.insert(tx, {
          traegerId: actor.traegerId,
          bgId: bg.id,
          art: 'veraenderung',
          antragsdatum: tag,
          eingangskanal: 'intern',
          standortId: bg.standortId,
          faelligAm: plusTage(tag, 14),
          payload,
        });
        antragId = antrag.id;
        await recordAudit(tx, actor, {
          objectType: 'antrag',
          objectId: antrag.id,
          personId: integration.personId,
          action: 'create',
          purpose: zweckIntegration(actor, 'Ende einer Beschäftigung an die Leistungssachbearbeitung geben'),
          details: { bgId: bg.id },
        });
      }
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'integration',
        personId: integration.personId,
        beschreibung: `Beschäftigung bei ${integration.arbeitgeber} (${INTEGRATIONSART_TEXT[integration.art]}) endet am ${datumText(input.ende)}${antragId ? '; das Ende des Einkommens liegt als Veränderungsmitteilung zur Prüfung vor' : ''}.`,
        details: { integrationId: integration.id, ...(antragId ? { antragId } : {}) },
        zweck: zweckIntegration(actor, 'Ende einer Beschäftigung vermerken'),
      });
      await recordAudit(tx, actor, {
        objectType: 'integration',
        objectId: integration.id,
        personId: integration.personId,
        action: 'update',
        purpose: zweckIntegration(actor, 'Beschäftigungsperiode beenden'),
        details: { ende: input.ende, ...(antragId ? { antragId } : {}) },
      });
      const alle = await integrationenRepository.vonPerson(tx, integration.personId);
      return { integration: presentIntegration(neu, gezaehlt(alle), tag), antragId };
    }),
});
