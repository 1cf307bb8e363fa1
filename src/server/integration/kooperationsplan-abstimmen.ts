import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { planInhaltSchema, pruefeNeuerPlan, pruefePlan, rechtsstandName, regimeAm, spaetesteUeberpruefung } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { kalenderdatum } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { fertigeAus, loeseGeltendenAb } from './kooperationsplan-ausfertigen.ts';
import { datumDe, feldfehler, ladePlanFuer, mitRechtsstand, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

export const abstimmenSchema = z.object({
  id: z.string(),
  version: z.coerce.number().int().min(0),
  /** Review day; default and latest: today + 6 months (§ 15 Abs. 3 SGB II). */
  naechsteUeberpruefung: kalenderdatum().optional(),
});

/**
 * Both sides agree the draft (today): it becomes `abgestimmt`, the version it replaces `fortgeschrieben` (its review
 * closed). The Textform document (PDF, plain German; in the citizen's portal language too, German binding) is stored
 * and delivered to the Postfach where the citizen opted in; the review Wiedervorlage is due at the latest in 6 months.
 */
export const kooperationsplanAbstimmen = defineUseCase({
  name: 'integration.kooperationsplan-abstimmen',
  zugang: 'angemeldet',
  input: abstimmenSchema,
  audit: ['kooperationsplan.update', 'postfach_nachricht.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan, person } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      if (plan.status !== 'entwurf') throw new AppError('status_ungueltig', 409, 'Nur ein Entwurf kann vereinbart werden.');
      if (plan.version !== input.version) throw versionConflict();
      const ablehnung = mitRechtsstand('id', () => pruefeNeuerPlan(tag));
      if (ablehnung) throw rechtsfehler(ablehnung);
      const inhalt = planInhaltSchema.parse(plan.inhalt);
      const fehler = pruefePlan({ eingliederungsziel: plan.eingliederungsziel, inhalt }, tag);
      if (fehler.length) throw feldfehler(fehler);
      const spaetestens = spaetesteUeberpruefung(tag);
      const ueberpruefung = input.naechsteUeberpruefung ?? spaetestens;
      if (ueberpruefung > spaetestens || ueberpruefung < tag) {
        throw feldfehler([
          {
            path: 'naechsteUeberpruefung',
            code: 'ueberpruefung_ausserhalb',
            message: `Die Überprüfung muss zwischen heute und spätestens ${datumDe(spaetestens)} liegen (§ 15 Abs. 3 SGB II: spätestens nach ${regimeAm(tag).wert.ueberpruefungMonate} Monaten).`,
          },
        ]);
      }
      await loeseGeltendenAb(tx, ctx, actor, plan.personId, plan.id);
      const aus = await fertigeAus(tx, ctx, actor, {
        plan,
        person,
        art: 'plan',
        datum: tag,
        eingliederungsziel: plan.eingliederungsziel,
        inhalt,
        naechsteUeberpruefung: ueberpruefung,
        schlichtungMoeglich: regimeAm(tag).wert.schlichtung,
      });
      const r = await kooperationsplanRepository.updatePlan(tx, plan.id, plan.version, {
        status: 'abgestimmt',
        abgestimmtAm: tag,
        rechtsstand: rechtsstandName(tag),
        naechsteUeberpruefung: ueberpruefung,
        sprache: aus.sprache,
        dokumentPdf: aus.pdf,
        postfachNachrichtId: aus.nachrichtId,
        wiedervorlageId: aus.wiedervorlageId,
      });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: plan.id,
        personId: plan.personId,
        action: 'update',
        purpose: 'Integration: Kooperationsplan vereinbaren und aushändigen',
        details: { fassung: plan.fassung, status: 'abgestimmt', zustellung: aus.zustellung },
      });
      return { id: plan.id, version: r.version, status: 'abgestimmt' as const, naechsteUeberpruefung: ueberpruefung, zustellung: aus.zustellung, wiedervorlageId: aus.wiedervorlageId, sprache: aus.sprache };
    });
  },
});
