import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import type { MinderungVierAugen } from '../../domain/fordern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, versionConflict } from '../errors.ts';
import { version } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { berechneEntscheidung, ereignis, festsetzen, ladeVerfahren, pruefeSchlichtung } from './entscheidung-gemeinsam.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';

const ART_TEXT = { minderung: 'Minderung', wegfall_regelbedarf: 'Wegfall des Regelbedarfs', nichterreichbarkeit: 'Wegfall des Anspruchs wegen Nichterreichbarkeit' } as const;

export const freigebenSchema = z.object({
  id: z.string().max(100).describe('ID des Minderungsverfahrens'),
  version: version(),
});

/**
 * Vier-Augen: a second person (fordern.freigeben, another one than who decided) approves a decided Minderung; then it
 * is festgesetzt like a decision without approval. The Bescheid is dated on the day of the approval: when that is
 * later than the decision, the period (month after Bekanntgabe) and the amount are taken again for that day; the
 * Feststellungsfrist is checked again. The Stufe is always computed again: when Art, Stufe or percentage differ from the
 * decision (an earlier Meldeversäumnis excused, an earlier Minderung lifted), the approval is refused (409
 * entscheidung_veraltet) and the procedure goes back to 'entscheidung' to be decided again.
 */
export const fordernFreigeben = defineUseCase({
  name: 'fordern.freigeben',
  zugang: 'fordern.freigeben',
  input: freigebenSchema,
  audit: ['minderungsverfahren.update', 'leistungsminderung.create', 'postfach_nachricht.create'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const tag = heute(jetzt);
    const ergebnis = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v, person } = await ladeVerfahren(tx, actor, input.id, 'fordern.freigeben', tag, true);
      if (v.version !== input.version) throw versionConflict();
      const aktion = pruefeAktion(v.status, 'freigeben');
      if (!aktion.ok) throw fehler('verfahren_status', { meldung: aktion.meldung });
      if (v.entschiedenVon === actor.userId) throw fehler('eigene_entscheidung_freigeben');
      if (tag > v.fristEnde) throw fehler('feststellungsfrist_abgelaufen');
      await pruefeSchlichtung(tx, v);
      const gespeichert = v.entscheidung as EntscheidungDaten | null;
      // the Bescheid is issued now (or on the later day the decision named): always taken again from the facts as
      // they stand — an earlier Meldeversäumnis excused or an earlier Minderung lifted since changes Art and Stufe
      const bescheidAm = gespeichert && gespeichert.bescheidAm > tag ? gespeichert.bescheidAm : tag;
      const daten = await berechneEntscheidung(tx, v, bescheidAm, 'immer' satisfies MinderungVierAugen);
      const alt = gespeichert?.vorschlag;
      const neu = daten.vorschlag;
      const veraltet =
        !alt ||
        alt.ergebnis !== 'minderung' ||
        neu.ergebnis !== 'minderung' ||
        alt.art !== neu.art ||
        alt.stufe !== neu.stufe ||
        alt.prozent !== neu.prozent;
      if (veraltet) {
        // back to the decision: the stored Würdigung stays as the starting point of the new decision
        const jetztText =
          neu.ergebnis === 'minderung' ? `nach heutigem Stand ${ART_TEXT[neu.art]}, ${neu.prozent} %` : `nach heutigem Stand keine Minderung (${neu.grund})`;
        const r = await repo.updateVerfahren(tx, v.id, v.version, {
          status: 'entscheidung',
          verlauf: [...v.verlauf, ereignis(actor, jetzt, 'entscheidung_veraltet', `Freigabe abgelehnt: Die Grundlage der Entscheidung hat sich geändert (${jetztText}). Bitte neu entscheiden.`)],
        });
        if (!r) throw versionConflict();
        await recordAudit(tx, actor, {
          objectType: 'minderungsverfahren',
          objectId: v.id,
          personId: v.personId,
          action: 'update',
          purpose: 'Fordern: Minderungsbescheid freigeben (Vier-Augen-Prinzip)',
          details: { schritt: 'freigabe', status: 'entscheidung' },
        });
        return { veraltet: true as const, jetztText };
      }
      const f = await festsetzen(tx, ctx, actor, {
        v,
        person,
        daten,
        patch: { freigegebenVon: actor.userId, freigegebenAm: jetzt },
        verlauf: [...v.verlauf, ereignis(actor, jetzt, 'freigegeben', 'Minderung nach dem Vier-Augen-Prinzip freigegeben.')],
      });
      await recordAudit(tx, actor, {
        objectType: 'minderungsverfahren',
        objectId: v.id,
        personId: v.personId,
        action: 'update',
        purpose: 'Fordern: Minderungsbescheid freigeben (Vier-Augen-Prinzip)',
        details: { schritt: 'freigabe', status: f.v.status, stufe: f.minderung.stufe, prozent: f.minderung.prozent },
      });
      return { veraltet: false as const, id: f.v.id, version: f.v.version, status: f.v.status, zustellung: f.zustellung };
    });
    // the step back to 'entscheidung' is committed; the refusal follows outside the transaction
    if (ergebnis.veraltet) {
      throw fehler('entscheidung_veraltet', {
        meldung: `Die Grundlage der Entscheidung hat sich geändert (${ergebnis.jetztText}), zum Beispiel weil ein früheres Meldeversäumnis entschuldigt oder eine frühere Minderung aufgehoben wurde. Die Minderung wird nicht freigegeben; das Verfahren ist wieder zur Entscheidung offen.`,
      });
    }
    return { id: ergebnis.id, version: ergebnis.version, status: ergebnis.status, zustellung: ergebnis.zustellung };
  },
});
