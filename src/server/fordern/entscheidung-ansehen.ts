import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { entscheidungMoeglich, pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { berechneEntscheidung, darfEntscheiden, fordernEinstellungen, ladeVerfahren } from './entscheidung-gemeinsam.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';

/**
 * What the decision section of the procedure page shows: the stored decision (Würdigung, Stufe, Bescheid), the
 * proposal for a decision today (Stufe, percentage, euros, period — nothing written), who may do what, the decided
 * Minderung (period, early end, Aufhebung) and, after a § 7b Abs. 4 lapse in a Mehrpersonen-BG, the hint to enter the
 * landlord as KdU-Empfänger.
 */
export const fordernEntscheidungAnsehen = defineUseCase({
  name: 'fordern.entscheidung-ansehen',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100) }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.lesen', tag);
      const einstellungen = await fordernEinstellungen(tx);
      const kannEntscheidenRecht = can(actor, 'fordern.entscheiden') && darfEntscheiden(actor, einstellungen.entscheider);
      const entscheidbar = pruefeAktion(v.status, 'entscheiden').ok;
      const moeglich = entscheidbar
        ? entscheidungMoeglich({ status: v.status, anhoerungFrist: v.anhoerungFrist, antwortAm: v.antwortAm ? v.antwortAm.toISOString() : null, fristEnde: v.fristEnde, anhoerungArt: v.anhoerungArt }, tag)
        : null;
      let vorschau: EntscheidungDaten | null = null;
      let vorschauFehler: string | null = null;
      if (entscheidbar && tag <= v.fristEnde) {
        try {
          vorschau = await berechneEntscheidung(tx, v, tag, einstellungen.vierAugen);
        } catch (err) {
          vorschauFehler = err instanceof Error ? err.message : 'Die Stufe lässt sich nicht berechnen.';
        }
      }
      const m = await repo.minderungDesVerfahrens(tx, v.id);
      const mehrpersonen = (await repo.personenInBg(tx, v.bgId, tag)) > 1;
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'read', purpose: 'Fordern: Entscheidung ansehen', details: { schritt: 'entscheidung' } });
      return {
        id: v.id,
        version: v.version,
        status: v.status,
        bgId: v.bgId,
        fristEnde: v.fristEnde,
        einstellungen,
        rechte: {
          entscheiden: kannEntscheidenRecht && entscheidbar,
          freigeben: can(actor, 'fordern.freigeben') && v.status === 'freigabe_erforderlich' && v.entschiedenVon !== actor.userId,
          vorzeitigBeenden: can(actor, 'fordern.bearbeiten') && pruefeAktion(v.status, 'vorzeitig_beenden').ok && !!m && !m.aufgehobenAm,
          aufheben: kannEntscheidenRecht && pruefeAktion(v.status, 'aufheben').ok && !!m && !m.aufgehobenAm,
        },
        entscheidungMoeglich: moeglich,
        vorschau,
        vorschauFehler,
        wuerdigung:
          v.wichtigerGrund === null
            ? null
            : { wichtigerGrund: v.wichtigerGrund, wichtigerGrundWuerdigung: v.wichtigerGrundWuerdigung, haerte: v.haerte, haerteWuerdigung: v.haerteWuerdigung },
        entscheidung: (v.entscheidung as EntscheidungDaten | null) ?? null,
        entschiedenAm: v.entschiedenAm,
        entschiedenVon: await repo.nutzerName(tx, v.entschiedenVon),
        freigegebenVon: await repo.nutzerName(tx, v.freigegebenVon),
        freigegebenAm: v.freigegebenAm ? v.freigegebenAm.toISOString() : null,
        einstellungsgrund: v.einstellungsgrund,
        bescheid: v.bescheidAm ? { bescheidAm: v.bescheidAm, bekanntgabeAm: v.bekanntgabeAm, zustellung: v.bescheidPostfachId ? ('postfach' as const) : ('post' as const) } : null,
        minderung: m
          ? { art: m.art, stufe: m.stufe, prozent: m.prozent, betragCent: m.betragCent, vonMonat: m.vonMonat, bisMonat: m.bisMonat, beendetAbMonat: m.beendetAbMonat, beendetGrund: m.beendetGrund, aufgehobenAm: m.aufgehobenAm, aufhebungGrund: m.aufhebungGrund }
          : null,
        kduEmpfaengerHinweis: !!m && m.art === 'nichterreichbarkeit' && !m.aufgehobenAm && mehrpersonen,
      };
    });
  },
});

export type EntscheidungAnsicht = Awaited<ReturnType<typeof fordernEntscheidungAnsehen.run>>;
