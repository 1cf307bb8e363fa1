import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { planInhaltSchema, pruefePlan, pruefeVerwaltungsakt, rechtsstandName, spaetesteUeberpruefung } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { fertigeAus, loeseGeltendenAb } from './kooperationsplan-ausfertigen.ts';
import { feldfehler, ladePlanFuer, mitRechtsstand, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

export const verwaltungsaktSchema = z.object({
  id: z.string(),
  version: z.coerce.number().int().min(0),
  /** The obligations; default: the content of the plan that did not come about. */
  eingliederungsziel: z.string().trim().min(1).max(1000).optional(),
  inhalt: planInhaltSchema.optional(),
});

/**
 * From 1.7.2026 (before: 409 `verwaltungsakt_noch_nicht_moeglich`): when no plan came about, the obligations are set
 * by written Verwaltungsakt with Rechtsfolgen- and Rechtsbehelfsbelehrung. A new version (`art = 'verwaltungsakt'`)
 * replaces the plan that failed; its PDF goes to the Postfach where the citizen opted in; review within 6 months.
 */
export const kooperationsplanVerwaltungsakt = defineUseCase({
  name: 'integration.kooperationsplan-verwaltungsakt',
  zugang: 'angemeldet',
  input: verwaltungsaktSchema,
  audit: ['kooperationsplan.create', 'postfach_nachricht.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan, person } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      const ablehnung = mitRechtsstand('id', () => pruefeVerwaltungsakt(tag));
      if (ablehnung) throw rechtsfehler(ablehnung);
      if (plan.status !== 'nicht_zustande_gekommen' || plan.art !== 'plan') {
        throw new AppError('status_ungueltig', 409, 'Ein Verwaltungsakt ergeht nur, wenn ein Kooperationsplan nicht zustande gekommen ist.');
      }
      if (plan.version !== input.version) throw versionConflict();
      const daten = { eingliederungsziel: input.eingliederungsziel ?? plan.eingliederungsziel, inhalt: input.inhalt ?? planInhaltSchema.parse(plan.inhalt) };
      const fehler = pruefePlan(daten, tag);
      if (fehler.length) throw feldfehler(fehler);
      await loeseGeltendenAb(tx, ctx, actor, plan.personId, null);
      const ueberpruefung = spaetesteUeberpruefung(tag);
      const neu = await kooperationsplanRepository.insertPlan(tx, {
        traegerId: actor.traegerId,
        personId: plan.personId,
        bgId: person.bgId,
        fassung: await kooperationsplanRepository.naechsteFassung(tx, plan.personId),
        vorgaengerId: plan.id,
        art: 'verwaltungsakt',
        status: 'nicht_zustande_gekommen',
        rechtsstand: rechtsstandName(tag),
        erstelltAm: tag,
        eingliederungsziel: daten.eingliederungsziel,
        inhalt: daten.inhalt,
        naechsteUeberpruefung: ueberpruefung,
        createdBy: actor.userId,
        createdByName: actor.name,
      });
      const aus = await fertigeAus(tx, ctx, actor, {
        plan: { id: neu.id, fassung: neu.fassung, bgId: person.bgId, personId: plan.personId },
        person,
        art: 'verwaltungsakt',
        datum: tag,
        eingliederungsziel: daten.eingliederungsziel,
        inhalt: daten.inhalt,
        naechsteUeberpruefung: ueberpruefung,
        schlichtungMoeglich: false,
      });
      const r = await kooperationsplanRepository.updatePlan(tx, neu.id, neu.version, {
        sprache: aus.sprache,
        dokumentPdf: aus.pdf,
        postfachNachrichtId: aus.nachrichtId,
        wiedervorlageId: aus.wiedervorlageId,
      });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: neu.id,
        personId: plan.personId,
        action: 'create',
        purpose: 'Integration: Pflichten durch Verwaltungsakt festlegen',
        details: { fassung: neu.fassung, art: 'verwaltungsakt', zustellung: aus.zustellung },
      });
      return { id: neu.id, version: r.version, fassung: neu.fassung, art: 'verwaltungsakt' as const, zustellung: aus.zustellung, wiedervorlageId: aus.wiedervorlageId, naechsteUeberpruefung: ueberpruefung };
    });
  },
});
