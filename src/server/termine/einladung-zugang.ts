import { z } from 'zod';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { termineRepository } from '../../db/repositories/termine.ts';
import { ZUGANG_ARTEN, type ZugangArt } from '../../domain/fordern/typen.ts';
import { lokalesDatum } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, notFound, validationFailed, versionConflict } from '../errors.ts';
import { deutschesDatum, leerAlsFehlend, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung, tagesdatum } from './eingaben.ts';
import { darfSehen } from './gemeinsam.ts';

export const ZUGANG_TEXT: Record<ZugangArt, string> = {
  postfach: 'im Postfach des Bürgerportals geöffnet',
  post: 'per Post',
  persoenlich: 'persönlich ausgehändigt',
  zustellungsurkunde: 'mit Zustellungsurkunde',
};

export const einladungZugangSchema = z.object({
  id: kennung(),
  art: z.enum(ZUGANG_ARTEN, { error: 'Bitte wählen Sie, wie die Einladung die Person erreicht hat.' }),
  am: z.preprocess(deutschesDatum, tagesdatum('Bitte geben Sie an, wann die Einladung die Person erreicht hat (TT.MM.JJJJ).')),
  nachweis: leerAlsFehlend(text(500)).describe('z. B. „Einwurf-Einschreiben Nr. …“, „Zustellungsurkunde vom …“, „vom Empfang ausgehändigt, quittiert“'),
  version: version(),
});

/**
 * The Zugangsnachweis of an Einladung (Fordern, docs/fordern.md "Verfahren"): how and when the invitation with its
 * Rechtsfolgenbelehrung reached the person — the Jobcenter must prove it before a Minderung for a Meldeversäumnis.
 * Staff of the appointment's Standort record it; the day may not lie in the future or after the appointment (then
 * the invitation could not oblige the person). Once a Minderungsverfahren relies on it, it cannot be changed
 * (409 `verfahren_besteht`).
 */
export const einladungZugang = defineUseCase({
  name: 'termine.einladung-zugang',
  zugang: 'termine.bearbeiten',
  input: einladungZugangSchema,
  audit: ['einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const e = await termineRepository.findEinladung(tx, input.id);
      const t = e && (await termineRepository.findTermin(tx, e.terminId));
      if (!e || !t || !darfSehen(actor, t)) throw notFound('Die Einladung');
      const terminTag = lokalesDatum(t.beginn);
      if (input.am > tag) throw validationFailed([{ path: 'am', code: 'datum_in_zukunft', message: 'Der Zugang kann nicht in der Zukunft liegen.' }]);
      if (input.am > terminTag) {
        throw validationFailed([{ path: 'am', code: 'zugang_nach_termin', message: 'Die Einladung muss die Person vor dem Termin erreicht haben; ein späterer Zugang verpflichtet nicht zum Erscheinen.' }]);
      }
      const verfahren = await minderungsverfahrenRepository.findZuAnlass(tx, 'meldeversaeumnis', e.id);
      if (verfahren) {
        throw fehler('verfahren_besteht', { meldung: `Auf diese Einladung stützt sich das Minderungsverfahren ${verfahren.aktenzeichen}; ihr Zugang kann nicht mehr geändert werden.` });
      }
      if (e.version !== input.version) throw versionConflict();
      const neu = await termineRepository.updateEinladung(tx, e.id, e.version, { zugangArt: input.art, zugangAm: input.am, zugangNachweis: input.nachweis?.trim() || null });
      if (!neu) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'update', purpose: 'Zugang einer Einladung erfassen', details: { zugang: input.art } });
      return { id: neu.id, version: neu.version, zugangArt: input.art, zugangAm: input.am, zugangNachweis: neu.zugangNachweis };
    });
  },
});
