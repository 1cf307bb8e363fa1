import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { pruefeSchlichtungsbeginn, schlichtungsEnde } from '../../domain/foerdern/kooperationsplan.ts';
import { PLAN_REAKTIONEN } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { istUuid, text } from '../schemas/grenzen.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { defineUseCase } from '../use-case.ts';
import { bgsDesBuergers, datumDe, feldfehler, mitRechtsstand, PLAN, rechtsfehler } from './kooperationsplan-gemeinsam.ts';

/**
 * The citizen's answer to the plan in force: confirm it, write a comment (kept as a history), or ask for a Schlichtung (§ 15a a.F., only
 * until 30.6.2026 — it starts on the day of the request and blocks Minderungen for its 4 weeks). A plan of another BG
 * → 404.
 */
export const kooperationsplanReagieren = defineUseCase({
  name: 'integration.kooperationsplan-reagieren',
  zugang: 'portal.nutzen',
  input: z.object({ id: z.string(), reaktion: z.enum(PLAN_REAKTIONEN), text: text(2000).optional(), fuer: z.string().max(40).optional() }),
  audit: ['kooperationsplan.update', 'schlichtung.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'handeln', tag);
      if (!istUuid(input.id)) throw notFound(PLAN);
      const plan = await kooperationsplanRepository.lockPlan(tx, input.id);
      if (!plan || !(plan.status === 'abgestimmt' || plan.status === 'nicht_zustande_gekommen') || !(await bgsDesBuergers(tx, zugriff.buergerId)).includes(plan.bgId)) throw notFound(PLAN);
      const textEingabe = input.text?.trim() ?? '';
      if (input.reaktion !== 'bestaetigt' && !textEingabe) throw feldfehler([{ path: 'text', code: 'pflichtfeld', message: 'Bitte schreiben Sie einen Text.' }]);
      if (input.reaktion === 'bestaetigt' && (plan.status !== 'abgestimmt' || plan.art !== 'plan')) throw new AppError('status_ungueltig', 409, 'Bestätigen können Sie nur einen vereinbarten Kooperationsplan.');
      let schlichtung: { id: string; beginn: string; ende: string } | null = null;
      if (input.reaktion === 'schlichtung') {
        const ablehnung = mitRechtsstand('reaktion', () => pruefeSchlichtungsbeginn(tag));
        if (ablehnung) throw rechtsfehler(ablehnung, 'reaktion');
        if (plan.art !== 'plan') throw new AppError('status_ungueltig', 409, 'Zu einem Verwaltungsakt gibt es kein Schlichtungsverfahren.');
        const laufend = (await kooperationsplanRepository.schlichtungenDerPerson(tx, plan.personId)).find((s) => s.ergebnis === 'laufend' && s.ende >= tag);
        if (laufend) throw new AppError('schlichtung_laeuft', 409, `Es läuft bereits ein Schlichtungsverfahren bis zum ${datumDe(laufend.ende)}.`);
        const s = await kooperationsplanRepository.insertSchlichtung(tx, {
          traegerId: actor.traegerId,
          kooperationsplanId: plan.id,
          personId: plan.personId,
          beantragtVon: 'person',
          beginn: tag,
          ende: schlichtungsEnde(tag),
          ergebnis: 'laufend',
          bemerkung: textEingabe,
        });
        schlichtung = { id: s.id, beginn: s.beginn, ende: s.ende };
        await recordAudit(tx, actor, { objectType: 'schlichtung', objectId: s.id, personId: plan.personId, action: 'create', purpose: 'Bürgerportal: Schlichtung verlangen', details: { beginn: s.beginn, ende: s.ende, beantragtVon: 'person' } });
      }
      // the confirmation stays in reaktion/reaktion_am; written answers are appended to the history (a later
      // confirmation never overwrites a comment, and a comment never undoes a confirmation)
      let r: { version: number } | undefined = { version: plan.version };
      if (input.reaktion === 'bestaetigt') {
        if (plan.reaktion !== 'bestaetigt') r = await kooperationsplanRepository.updatePlan(tx, plan.id, plan.version, { reaktion: 'bestaetigt', reaktionAm: ctx.clock.now() });
      } else {
        await kooperationsplanRepository.kommentarAnhaengen(tx, plan.id, { am: ctx.clock.now().toISOString(), art: input.reaktion, text: textEingabe });
      }
      if (input.reaktion !== 'bestaetigt') {
        // the Fachkraft who made the plan learns of the answer in her follow-ups (due today)
        await antraegeRepository.insertWiedervorlage(tx, {
          traegerId: actor.traegerId,
          bgId: plan.bgId,
          faelligAm: tag,
          grund: `${input.reaktion === 'schlichtung' ? 'Schlichtung verlangt' : 'Anmerkung'} zum Kooperationsplan (Fassung ${plan.fassung}) im Bürgerportal: ${textEingabe.slice(0, 300)}`,
          art: 'allgemein',
          personId: plan.personId,
          bezugId: plan.id,
          zugewiesenAn: plan.createdBy,
          createdBy: plan.createdBy,
        });
      }
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'kooperationsplan', objectId: plan.id, personId: plan.personId, action: 'update', purpose: 'Bürgerportal: auf den Kooperationsplan antworten', details: { reaktion: input.reaktion, als: zugriff.als } });
      return { id: plan.id, reaktion: input.reaktion, schlichtung };
    });
  },
});
