import { z } from 'zod';
import { translate } from '../../i18n/index.ts';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { anhoerungsfristEnde } from '../../domain/fordern/fristen.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { briefkopf } from '../bescheid/briefkopf.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { spracheDerPerson } from '../integration/kooperationsplan-ausfertigen.ts';
import { stelleDokumentZu } from '../portal/bescheid-zustellen.ts';
import { kalenderdatum, uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { anhoerungPdf } from './anhoerung-dokument.ts';
import { datumDe, einschaetzung, ladeVerfahren } from './anhoerung-gemeinsam.ts';

const leer = (v: unknown) => (v === '' || v === null ? undefined : v);

export const anhoerungVersendenSchema = z.object({
  id: z.string().max(100),
  version: z.coerce.number({ error: 'Die Version fehlt.' }).int(),
  art: z.enum(['schriftlich', 'persoenlich'], { error: 'Bitte wählen Sie, wie die Person angehört wird.' }),
  /** answer deadline; default: anhoerungsfristEnde(today) for a written one, the day of the personal one otherwise */
  frist: z.preprocess(leer, kalenderdatum().optional()),
  /** day of the personal Anhörung (required for art 'persoenlich'; with art 'schriftlich': written and in person) */
  persoenlichAm: z.preprocess(leer, kalenderdatum().optional()),
  /** the appointment the personal Anhörung is held in (Termine module), optional */
  terminId: z.preprocess(leer, uuid('Der Termin').optional()),
});

/**
 * Sends the Anhörung of a Minderungsverfahren (§ 24 SGB X, § 31a Abs. 2 SGB II): the letter PDF (plain German, with
 * the translated copy in the portal language) is stored and delivered to the Postfach where the citizen opted in,
 * else marked for post. Where the 2026 safeguards require a personal Anhörung (schutzpflichten), a written-only one is
 * refused (409 persoenliche_anhoerung_noetig); written and in person together are fine. State → 'anhoerung'.
 */
export const anhoerungVersenden = defineUseCase({
  name: 'fordern.anhoerung-versenden',
  zugang: 'fordern.bearbeiten',
  input: anhoerungVersendenSchema,
  audit: ['minderungsverfahren.update', 'postfach_nachricht.create'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, person } = await ladeVerfahren(tx, actor, input.id, 'fordern.bearbeiten', tag, true);
      if (v.version !== input.version) throw versionConflict();
      const ok = pruefeAktion(v.status, 'anhoerung_versenden');
      if (!ok.ok) throw fehler('verfahren_status', { meldung: ok.meldung });
      if (tag > v.fristEnde) throw fehler('feststellungsfrist_abgelaufen');

      let persoenlichAm = input.persoenlichAm ?? null;
      if (input.terminId) {
        const terminTag = await fordernAnhoerungRepository.terminTag(tx, input.terminId);
        if (!terminTag) throw validationFailed([{ path: 'terminId', code: 'unbekannt', message: 'Diesen Termin gibt es nicht.' }]);
        persoenlichAm ??= terminTag;
      }
      if (input.art === 'persoenlich' && !persoenlichAm) throw validationFailed([{ path: 'persoenlichAm', code: 'pflichtfeld', message: 'Bitte geben Sie an, wann die persönliche Anhörung stattfindet.' }]);
      if (persoenlichAm && persoenlichAm < tag) throw validationFailed([{ path: 'persoenlichAm', code: 'in_vergangenheit', message: 'Die persönliche Anhörung kann nicht in der Vergangenheit liegen.' }]);
      const frist = input.frist ?? (input.art === 'persoenlich' && persoenlichAm ? persoenlichAm : anhoerungsfristEnde(tag));
      if (frist < tag) throw validationFailed([{ path: 'frist', code: 'in_vergangenheit', message: 'Die Frist kann nicht vor dem heutigen Tag enden.' }]);
      if (frist > v.fristEnde) {
        throw validationFailed([{ path: 'frist', code: 'nach_feststellungsfrist', message: `Die Frist muss vor dem Ende der Feststellungsfrist (${datumDe(v.fristEnde)}) liegen, damit noch entschieden werden kann.` }]);
      }

      const e = await einschaetzung(tx, v, frist);
      if (e.schutz.persoenlicheAnhoerung && !persoenlichAm) {
        throw fehler('persoenliche_anhoerung_noetig', {
          ...(e.schutz.gruende.length ? { meldung: `${e.schutz.gruende.join(' ')} Bitte geben Sie den Tag der persönlichen Anhörung an; ein zusätzliches Schreiben ist möglich.` } : {}),
          issues: [{ path: 'persoenlichAm', code: 'persoenliche_anhoerung_noetig', message: 'Bitte geben Sie den Tag der persönlichen Anhörung an.' }],
        });
      }

      const sprache = await spracheDerPerson(tx, v.bgId);
      const name = `${person.vorname} ${person.nachname}`.trim();
      const termin = input.terminId ? ((await fordernAnhoerungRepository.terminFuerBrief(tx, input.terminId)) ?? null) : null;
      const pdf = await anhoerungPdf({
        briefkopf: await briefkopf(tx, person.standortId),
        name,
        anschrift: (await teilnahmenRepository.briefKontext(tx, v.bgId, tag)).adresse,
        v,
        datum: tag,
        frist,
        persoenlichAm,
        termin,
        vorschlag: e.vorschlag,
        haertePruefungPflicht: e.schutz.haertePruefungPflicht,
        sprache,
        erstelltVon: actor.name,
        erzeugtAm: ctx.clock.now(),
      });
      const zu = await stelleDokumentZu({
        tx,
        actor,
        bgId: v.bgId,
        titel: `Anhörung vor einer möglichen Minderung (Az. ${v.aktenzeichen}) – bitte antworten bis ${datumDe(frist)}`,
        pdf,
        dateiname: `anhoerung-${v.aktenzeichen}.pdf`,
        art: 'nachricht',
        text: `Wir prüfen, ob Ihre Leistung gemindert wird, und möchten vorher Ihre Sicht hören. Das Schreiben liegt als PDF im Anhang. Sie können im Bürgerportal unter „Anhörungen“ antworten: /portal/anhoerungen/${v.id}`,
        zweck: 'Fordern: Anhörung online zustellen (Zustellungswunsch)',
        uebersetzt: (lang) => ({
          titel: translate(lang, 'anh.post.betreff', { aktenzeichen: v.aktenzeichen, datum: datumDe(frist) }),
          text: translate(lang, 'anh.post.text', { link: `/portal/anhoerungen/${v.id}` }),
        }),
      });
      const wie = persoenlichAm ? (input.art === 'schriftlich' ? 'schriftlich und persönlich' : 'persönlich') : 'schriftlich';
      const r = await fordernAnhoerungRepository.update(
        tx,
        v.id,
        v.version,
        {
          status: 'anhoerung',
          anhoerungArt: persoenlichAm ? 'persoenlich' : 'schriftlich',
          anhoerungAm: tag,
          anhoerungFrist: frist,
          anhoerungSprache: sprache,
          anhoerungPdf: pdf,
          anhoerungPostfachId: zu.nachrichtId,
          anhoerungTerminId: input.terminId ?? null,
        },
        {
          am: ctx.clock.now().toISOString(),
          art: 'anhoerung_versandt',
          text: `${persoenlichAm ? (input.art === 'schriftlich' ? `Anhörung schriftlich versandt und persönliche Anhörung am ${datumDe(persoenlichAm)} vereinbart` : `Persönliche Anhörung am ${datumDe(persoenlichAm)} vereinbart`) : `Anhörung ${wie} versandt`}; Frist bis ${datumDe(frist)}; ${zu.weg === 'postfach' ? 'ins Postfach des Bürgerportals zugestellt' : 'per Post zu versenden (PDF drucken)'}.`,
          von: actor.name,
        },
      );
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'minderungsverfahren',
        objectId: v.id,
        personId: v.personId,
        action: 'update',
        purpose: 'Fordern: Anhörung versenden',
        details: { schritt: 'anhoerung_versenden', status: 'anhoerung', dokument: zu.weg },
      });
      return {
        id: v.id,
        version: r.version,
        status: r.status,
        anhoerungArt: persoenlichAm ? ('persoenlich' as const) : ('schriftlich' as const),
        frist,
        persoenlichAm,
        zustellung: zu.weg,
        nachrichtId: zu.nachrichtId,
        sprache,
        schutz: e.schutz,
      };
    });
  },
});
