import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict } from '../errors.ts';
import { haekchen, leerAlsFehlend, tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { datumText, ereignis, fordernEinstellungen, ladeVerfahren, pruefeEntscheider } from './entscheidung-gemeinsam.ts';
import { wendeMinderungenAn } from './minderung-anwenden.ts';
import { wichtigenGrundAnerkennen } from './wichtiger-grund.ts';

export const AUFHEBUNG_ANLAESSE = { widerspruch: 'Widerspruch stattgegeben', ruecknahme: 'Rücknahme (§ 44 SGB X)', gericht: 'Gerichtliche Entscheidung' } as const;

export const aufhebenSchema = z.object({
  id: z.string().max(100).describe('ID des Minderungsverfahrens'),
  version: version(),
  anlass: z.enum(['widerspruch', 'ruecknahme', 'gericht'], { error: 'Bitte wählen Sie den Anlass der Aufhebung.' }),
  grund: text(2000).describe('Begründung der Aufhebung'),
  aufgehobenAm: leerAlsFehlend(tagesdatum()).describe('Tag der Aufhebung (Standard: heute)'),
  wichtigerGrundAnerkannt: haekchen()
    .default(false)
    .describe('Wurde ein wichtiger Grund anerkannt (z. B. im Widerspruch)? Dann zählt das Meldeversäumnis nicht mehr als Meldeversäumnis in Folge.'),
});

/**
 * Lifts a decided Minderung as a whole (Widerspruch granted, Rücknahme nach § 44 SGB X, court): no month is reduced any
 * more; the Bewilligungen are recomputed from the first month and the withheld amounts follow as Nachzahlung in the
 * next Zahllauf (slice M1). Who may decide a Minderung may lift it (Träger setting). With `wichtigerGrundAnerkannt` the
 * Anlass Einladung records the wichtigen Grund, so the Meldeversäumnis stops counting "in Folge".
 */
export const fordernAufheben = defineUseCase({
  name: 'fordern.aufheben',
  zugang: 'fordern.entscheiden',
  input: aufhebenSchema,
  audit: ['minderungsverfahren.update', 'leistungsminderung.update', 'einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const tag = heute(jetzt);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.entscheiden', tag, true);
      pruefeEntscheider(actor, (await fordernEinstellungen(tx)).entscheider);
      if (v.version !== input.version) throw versionConflict();
      const aktion = pruefeAktion(v.status, 'aufheben');
      if (!aktion.ok) throw fehler('verfahren_status', { meldung: aktion.meldung });
      const am = input.aufgehobenAm ?? tag;
      if (!input.grund.trim()) throw validationFailed([{ path: 'grund', code: 'pflicht', message: 'Bitte begründen Sie die Aufhebung.' }]);
      if (am > tag) throw validationFailed([{ path: 'aufgehobenAm', code: 'in_zukunft', message: 'Der Tag darf nicht in der Zukunft liegen.' }]);
      if (v.bescheidAm && am < v.bescheidAm) throw validationFailed([{ path: 'aufgehobenAm', code: 'vor_bescheid', message: `Der Tag liegt vor dem Minderungsbescheid vom ${datumText(v.bescheidAm)}.` }]);
      const m = await repo.minderungDesVerfahrens(tx, v.id);
      if (!m || m.aufgehobenAm) throw fehler('verfahren_status');
      const grund = `${AUFHEBUNG_ANLAESSE[input.anlass]}${input.wichtigerGrundAnerkannt ? ' (wichtiger Grund anerkannt)' : ''}: ${input.grund.trim()}`;
      const geaendert = await repo.updateMinderung(tx, m.id, m.version, { aufgehobenAm: am, aufhebungGrund: grund });
      if (!geaendert) throw versionConflict();
      const r = await repo.updateVerfahren(tx, v.id, v.version, {
        status: 'aufgehoben',
        einstellungsgrund: grund,
        verlauf: [...v.verlauf, ereignis(actor, jetzt, 'aufgehoben', `Minderung aufgehoben am ${datumText(am)} (${AUFHEBUNG_ANLAESSE[input.anlass]}). Einbehaltene Beträge werden nachgezahlt.`)],
      });
      if (!r) throw versionConflict();
      // an excused Meldeversäumnis no longer counts "in Folge" (pending decisions that relied on it are caught at the Freigabe)
      if (input.wichtigerGrundAnerkannt) await wichtigenGrundAnerkennen(tx, actor, v, input.grund, jetzt);
      await recordAudit(tx, actor, { objectType: 'leistungsminderung', objectId: m.id, personId: v.personId, action: 'update', purpose: 'Fordern: Minderung aufheben', details: { verfahrenId: v.id, aufgehobenAm: am } });
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'update', purpose: 'Fordern: Minderung aufheben', details: { schritt: 'aufhebung', status: 'aufgehoben' } });
      const geld = await wendeMinderungenAn(tx, actor, { bgId: v.bgId, abMonat: m.vonMonat, grund: `Minderung aufgehoben (Az. ${v.aktenzeichen})`, heute: tag });
      return { id: r.id, version: r.version, status: r.status, nachzahlungCent: geld.nachzahlungCent };
    });
  },
});
