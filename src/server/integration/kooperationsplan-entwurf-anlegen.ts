import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { planSchema, pruefeNeuerPlan, pruefePlan, rechtsstandName, spaetesteUeberpruefung } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeElbPerson, verlangeElb } from './betreuung-zugriff.ts';
import { feldfehler, ladePersonFuer, mitRechtsstand, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

export const entwurfAnlegenSchema = planSchema.extend({ personId: uuid('Die Person') });

/**
 * A new draft of a person's Kooperationsplan, dated today (the plan's date decides the law, § 15 SGB II in the
 * version of that day). While a plan is in force the draft is its Fortschreibung (`vorgaenger_id`). A step due before
 * today → 400 `schritt_in_vergangenheit` at the step, nothing saved; a second open draft → 409.
 */
export const kooperationsplanEntwurfAnlegen = defineUseCase({
  name: 'integration.kooperationsplan-entwurf-anlegen',
  zugang: 'angemeldet',
  input: entwurfAnlegenSchema,
  audit: ['kooperationsplan.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const person = await ladePersonFuer(tx, actor, input.personId, 'integration.bearbeiten', tag);
      // a Kooperationsplan is made with an erwerbsfähige Leistungsberechtigte (§ 15 Abs. 2 SGB II)
      verlangeElb(await ladeElbPerson(tx, actor, input.personId, 'integration.bearbeiten', tag));
      const ablehnung = mitRechtsstand('personId', () => pruefeNeuerPlan(tag));
      if (ablehnung) throw rechtsfehler(ablehnung);
      const fehler = pruefePlan(input, tag);
      if (fehler.length) throw feldfehler(fehler);
      const plaene = await kooperationsplanRepository.plaeneDerPerson(tx, person.personId);
      if (plaene.some((p) => p.status === 'entwurf')) throw new AppError('already_exists', 409, 'Für diese Person gibt es schon einen Entwurf. Bitte bearbeiten Sie ihn.');
      const geltend = plaene.find((p) => p.status === 'abgestimmt' || p.status === 'nicht_zustande_gekommen');
      const neu = await kooperationsplanRepository.insertPlan(tx, {
        traegerId: actor.traegerId,
        personId: person.personId,
        bgId: person.bgId,
        fassung: await kooperationsplanRepository.naechsteFassung(tx, person.personId),
        vorgaengerId: geltend?.id ?? null,
        art: 'plan',
        status: 'entwurf',
        rechtsstand: rechtsstandName(tag),
        erstelltAm: tag,
        eingliederungsziel: input.eingliederungsziel,
        inhalt: input.inhalt,
        naechsteUeberpruefung: spaetesteUeberpruefung(tag),
        createdBy: actor.userId,
        createdByName: actor.name,
      });
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: neu.id,
        personId: person.personId,
        action: 'create',
        purpose: 'Integration: Kooperationsplan entwerfen',
        details: { fassung: neu.fassung, status: 'entwurf' },
      });
      return { id: neu.id, version: neu.version, fassung: neu.fassung, personId: person.personId };
    });
  },
});
