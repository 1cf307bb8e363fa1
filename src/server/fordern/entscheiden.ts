import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { entscheidungMoeglich, pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed, versionConflict, type FieldIssue } from '../errors.ts';
import { leerAlsFehlend, tagesdatum, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import {
  berechneEntscheidung,
  datumText,
  ereignis,
  euroText,
  festsetzen,
  fordernEinstellungen,
  ladeVerfahren,
  monatText,
  pruefeEntscheider,
  pruefeSchlichtung,
  schliesseFristWiedervorlage,
} from './entscheidung-gemeinsam.ts';
import { wichtigenGrundAnerkennen } from './wichtiger-grund.ts';

/** the message names the question, so the error summary tells the two yes/no questions apart */
const jaNein = (frage: string) => z.enum(['ja', 'nein'], { error: `${frage}: Bitte „ja“ oder „nein“ wählen.` });

export const entscheidenSchema = z.object({
  id: z.string().max(100).describe('ID des Minderungsverfahrens'),
  version: version(),
  wichtigerGrund: jaNein('Wichtiger Grund').describe('Liegt ein wichtiger Grund vor (§ 31 Abs. 1 S. 2, § 32 Abs. 1 S. 2 SGB II)?'),
  wichtigerGrundWuerdigung: text(5000).describe('Würdigung: warum (k)ein wichtiger Grund vorliegt – Pflicht'),
  haerte: jaNein('Außergewöhnliche Härte').describe('Bedeutet die Minderung eine außergewöhnliche Härte (§ 31a Abs. 3 SGB II)?'),
  haerteWuerdigung: leerAlsFehlend(text(5000)).describe('Würdigung der Härte (wie die Anhörung gewürdigt wurde) – Pflicht bei jeder Entscheidung'),
  bescheidAm: leerAlsFehlend(tagesdatum()).describe('Datum des Bescheids (Standard: heute); nicht vor heute, nicht nach Ablauf der Feststellungsfrist'),
});

/**
 * The decision of a Minderungsverfahren: Würdigung of wichtiger Grund and außergewöhnliche Härte; with either the
 * procedure ends without Minderung (`eingestellt`); otherwise the Stufe by the law of the day of the Pflichtverletzung
 * (`bestimmeMinderung`) — `keine_minderung` ends it too (documented, it counts for the next one); a Minderung that the
 * Träger's Vier-Augen rule catches waits for approval (`freigabe_erforderlich`), else it is festgesetzt at once.
 */
export const fordernEntscheiden = defineUseCase({
  name: 'fordern.entscheiden',
  zugang: 'fordern.entscheiden',
  input: entscheidenSchema,
  audit: ['minderungsverfahren.update', 'leistungsminderung.create', 'postfach_nachricht.create', 'einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const tag = heute(jetzt);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, person } = await ladeVerfahren(tx, actor, input.id, 'fordern.entscheiden', tag, true);
      const einstellungen = await fordernEinstellungen(tx);
      pruefeEntscheider(actor, einstellungen.entscheider);
      if (v.version !== input.version) throw versionConflict();
      const aktion = pruefeAktion(v.status, 'entscheiden');
      if (!aktion.ok) throw fehler('verfahren_status', { meldung: aktion.meldung });
      const moeglich = entscheidungMoeglich({ status: v.status, anhoerungFrist: v.anhoerungFrist, antwortAm: v.antwortAm ? v.antwortAm.toISOString() : null, fristEnde: v.fristEnde, anhoerungArt: v.anhoerungArt }, tag);
      if (!moeglich.ok) throw fehler(moeglich.code, { meldung: moeglich.meldung });

      const bescheidAm = input.bescheidAm ?? tag;
      const issues: FieldIssue[] = [];
      if (bescheidAm < tag) issues.push({ path: 'bescheidAm', code: 'bescheid_rueckdatiert', message: 'Der Bescheid darf nicht vor dem heutigen Tag datiert sein.' });
      if (bescheidAm > v.fristEnde) issues.push({ path: 'bescheidAm', code: 'nach_frist', message: `Die Feststellung ist nur bis zum ${datumText(v.fristEnde)} zulässig (§ 31b Abs. 1 S. 5 SGB II).` });
      if (!input.wichtigerGrundWuerdigung.trim()) issues.push({ path: 'wichtigerGrundWuerdigung', code: 'pflicht', message: 'Bitte begründen Sie, warum ein wichtiger Grund vorliegt oder nicht.' });
      const daten = await berechneEntscheidung(tx, v, bescheidAm, einstellungen.vierAugen);
      // the Bescheid says how the Anhörung was weighed: the Härte Würdigung is required on every decision
      const haerteText = input.haerteWuerdigung?.trim() ?? '';
      if (!haerteText) {
        issues.push({
          path: 'haerteWuerdigung',
          code: 'pflicht',
          message:
            input.haerte === 'ja'
              ? 'Bitte begründen Sie, worin die außergewöhnliche Härte liegt.'
              : daten.schutz.haertePruefungPflicht
                ? 'Die Härteprüfung ist hier vorgeschrieben. Bitte begründen Sie, warum keine außergewöhnliche Härte vorliegt.'
                : 'Bitte begründen Sie, warum keine außergewöhnliche Härte vorliegt (Würdigung der Anhörung).',
        });
      }
      if (issues.length) throw validationFailed(issues);
      // 2026 safeguards bind: where a personal Anhörung is required, a written-only Anhörung is not enough
      if (daten.schutz.persoenlicheAnhoerung && input.wichtigerGrund === 'nein' && input.haerte === 'nein' && daten.vorschlag.ergebnis === 'minderung' && v.anhoerungArt !== 'persoenlich' && v.antwortKanal !== 'persoenlich') {
        throw fehler('persoenliche_anhoerung_noetig', { meldung: `${daten.schutz.gruende.join(' ')} Die Anhörung war nur schriftlich. Bitte hören Sie die Person persönlich an und erfassen Sie ihre Äußerung (Antwort „persönlich“).` });
      }
      await pruefeSchlichtung(tx, v);

      const wuerdigung = {
        wichtigerGrund: input.wichtigerGrund === 'ja',
        wichtigerGrundWuerdigung: input.wichtigerGrundWuerdigung.trim(),
        haerte: input.haerte === 'ja',
        haerteWuerdigung: haerteText,
        entschiedenAm: tag,
        entschiedenVon: actor.userId,
      };
      const audit = async (status: string, extra: Record<string, string | number> = {}) =>
        recordAudit(tx, actor, {
          objectType: 'minderungsverfahren',
          objectId: v.id,
          personId: v.personId,
          action: 'update',
          purpose: 'Fordern: über die Minderung entscheiden',
          details: { schritt: 'entscheidung', status, tatbestand: v.tatbestand, ...extra },
        });

      // wichtiger Grund or außergewöhnliche Härte: no Minderung
      let einstellung: string | null = null;
      if (wuerdigung.wichtigerGrund) einstellung = 'Ein wichtiger Grund liegt vor; es tritt keine Minderung ein.';
      else if (wuerdigung.haerte) einstellung = 'Die Minderung würde eine außergewöhnliche Härte bedeuten (§ 31a Abs. 3 SGB II); es tritt keine Minderung ein.';
      else if (daten.vorschlag.ergebnis === 'keine_minderung') einstellung = `${daten.vorschlag.grund} (${daten.vorschlag.norm})`;
      if (einstellung !== null) {
        const r = await repo.updateVerfahren(tx, v.id, v.version, {
          ...wuerdigung,
          status: 'eingestellt',
          entscheidung: daten,
          einstellungsgrund: einstellung,
          verlauf: [...v.verlauf, ereignis(actor, jetzt, 'eingestellt', `Entschieden: keine Minderung. ${einstellung}`)],
        });
        if (!r) throw versionConflict();
        await schliesseFristWiedervorlage(tx, v, actor, jetzt);
        // an excused Meldeversäumnis no longer counts "in Folge" (the Anlass Einladung records the wichtigen Grund)
        if (wuerdigung.wichtigerGrund) await wichtigenGrundAnerkennen(tx, actor, v, wuerdigung.wichtigerGrundWuerdigung, jetzt);
        await audit('eingestellt');
        return { id: r.id, version: r.version, status: r.status, ergebnis: 'keine_minderung' as const, grund: einstellung, zustellung: null };
      }

      const m = daten.vorschlag;
      if (m.ergebnis !== 'minderung') throw fehler('verfahren_status');
      const beschreibung = `${m.prozent} % (${euroText(m.betragCent)} im Monat) von ${monatText(m.vonMonat)} bis ${monatText(m.bisMonat)}, Stufe ${m.stufe}`;
      if (daten.vierAugen) {
        const r = await repo.updateVerfahren(tx, v.id, v.version, {
          ...wuerdigung,
          status: 'freigabe_erforderlich',
          entscheidung: daten,
          verlauf: [...v.verlauf, ereignis(actor, jetzt, 'entschieden', `Minderung entschieden: ${beschreibung}. Nach den Regeln des Trägers gibt eine zweite Person den Bescheid frei.`)],
        });
        if (!r) throw versionConflict();
        await audit('freigabe_erforderlich', { stufe: m.stufe, prozent: m.prozent });
        return { id: r.id, version: r.version, status: r.status, ergebnis: 'freigabe_erforderlich' as const, grund: null, zustellung: null };
      }
      const f = await festsetzen(tx, ctx, actor, {
        v,
        person,
        daten,
        patch: wuerdigung,
        verlauf: [...v.verlauf, ereignis(actor, jetzt, 'entschieden', `Minderung entschieden: ${beschreibung}.`)],
      });
      await audit('festgestellt', { stufe: m.stufe, prozent: m.prozent });
      return { id: f.v.id, version: f.v.version, status: f.v.status, ergebnis: 'festgestellt' as const, grund: null, zustellung: f.zustellung };
    });
  },
});
