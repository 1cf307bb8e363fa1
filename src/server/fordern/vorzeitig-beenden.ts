import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { vorzeitigesEnde } from '../../domain/fordern/vorzeitig.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ereignis, ladeVerfahren, monatText } from './entscheidung-gemeinsam.ts';
import { wendeMinderungenAn } from './minderung-anwenden.ts';

export const vorzeitigBeendenSchema = z.object({
  id: z.string().max(100).describe('ID des Minderungsverfahrens'),
  version: version(),
  erfuelltAm: tagesdatum().describe('Tag, an dem die Person die Pflicht erfüllt oder sich ernsthaft und nachhaltig bereit erklärt hat'),
  grund: text(2000).describe('Was die Person getan oder erklärt hat'),
});

/** A refusal that concerns the day entered: tied to the field `erfuelltAm` (still 409 with its code). */
const amTag = (meldung: string) => fehler('vorzeitiges_ende_unzulaessig', { meldung, issues: [{ path: 'erfuelltAm', code: 'vorzeitiges_ende_unzulaessig', message: meldung }] });

/**
 * Early end of a decided Minderung (§ 31a Abs. 1 S. 6, § 31b Abs. 2 S. 2 SGB II): the person complies — the Minderung
 * ends from the month `vorzeitigesEnde` names (at least one month served); the Bewilligungen are recomputed from it.
 */
export const fordernVorzeitigBeenden = defineUseCase({
  name: 'fordern.vorzeitig-beenden',
  zugang: 'fordern.bearbeiten',
  input: vorzeitigBeendenSchema,
  audit: ['minderungsverfahren.update', 'leistungsminderung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const tag = heute(jetzt);
    if (!input.grund.trim()) throw validationFailed([{ path: 'grund', code: 'pflicht', message: 'Bitte beschreiben Sie, wie die Person ihre Pflicht erfüllt hat.' }]);
    if (input.erfuelltAm > tag) throw validationFailed([{ path: 'erfuelltAm', code: 'in_zukunft', message: 'Der Tag darf nicht in der Zukunft liegen.' }]);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.bearbeiten', tag, true);
      if (v.version !== input.version) throw versionConflict();
      const aktion = pruefeAktion(v.status, 'vorzeitig_beenden');
      if (!aktion.ok) throw fehler('verfahren_status', { meldung: aktion.meldung });
      const m = await repo.minderungDesVerfahrens(tx, v.id);
      if (!m || m.aufgehobenAm) throw fehler('verfahren_status');
      if (input.erfuelltAm < v.pflichtverletzungAm) throw validationFailed([{ path: 'erfuelltAm', code: 'vor_pflichtverletzung', message: `Der Tag liegt vor der Pflichtverletzung am ${datumText(v.pflichtverletzungAm)}.` }]);
      const ende = vorzeitigesEnde({ vonMonat: m.vonMonat, bisMonat: m.bisMonat, art: m.art }, input.erfuelltAm);
      if (!ende.ok) throw amTag(ende.meldung);
      if (m.beendetAbMonat && m.beendetAbMonat <= ende.beendetAbMonat) throw amTag(`Die Minderung endet bereits ab ${monatText(m.beendetAbMonat)}.`);
      const geaendert = await repo.updateMinderung(tx, m.id, m.version, { beendetAbMonat: ende.beendetAbMonat, beendetGrund: input.grund.trim() });
      if (!geaendert) throw versionConflict();
      const r = await repo.updateVerfahren(tx, v.id, v.version, {
        verlauf: [...v.verlauf, ereignis(actor, jetzt, 'vorzeitig_beendet', `Pflicht erfüllt am ${datumText(input.erfuelltAm)}: Die Minderung endet vorzeitig, ab ${monatText(ende.beendetAbMonat)} wird nicht mehr gemindert.`)],
      });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'leistungsminderung', objectId: m.id, personId: v.personId, action: 'update', purpose: 'Fordern: Minderung vorzeitig beenden', details: { verfahrenId: v.id, beendetAb: ende.beendetAbMonat } });
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'update', purpose: 'Fordern: Minderung vorzeitig beenden', details: { schritt: 'vorzeitiges_ende' } });
      const geld = await wendeMinderungenAn(tx, actor, { bgId: v.bgId, abMonat: ende.beendetAbMonat, grund: `Minderung vorzeitig beendet (Az. ${v.aktenzeichen})`, heute: tag });
      return { id: r.id, version: r.version, status: r.status, beendetAbMonat: ende.beendetAbMonat, nachzahlungCent: geld.nachzahlungCent };
    });
  },
});
