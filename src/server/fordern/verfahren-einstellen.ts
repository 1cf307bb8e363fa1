import { z } from 'zod';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { pruefeAktion } from '../../domain/fordern/verfahren.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { fehler, versionConflict } from '../errors.ts';
import { haekchen, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { wichtigenGrundAnerkennen } from './wichtiger-grund.ts';
import { ladeVerfahrenFuer, zweckFordern } from './zugriff.ts';

export const verfahrenEinstellenSchema = z.object({
  id: z.string().max(100).describe('Minderungsverfahren (UUID)'),
  grund: text(2000).refine((t) => t.trim().length > 0, { error: 'Bitte geben Sie an, warum das Verfahren ohne Minderung endet.' }),
  version: version(),
  wichtigerGrund: haekchen().describe('Endet das Verfahren, weil ein wichtiger Grund anerkannt ist? Dann zählt das Meldeversäumnis nicht mehr als Meldeversäumnis in Folge.'),
});

/**
 * Ends a procedure without a Minderung (wichtiger Grund, Härte, Frist abgelaufen, Schlichtung, Anlass entfallen) while
 * the state machine allows it ('einstellen'): status 'eingestellt' with the reason, an entry in the history, the
 * Feststellungsfrist Wiedervorlage closed. With `wichtigerGrund` the Anlass Einladung records the wichtigen Grund (it
 * stops counting as a Meldeversäumnis in Folge). Stale version → 409 `version_conflict`; wrong state → 409 `verfahren_status`.
 */
export const verfahrenEinstellen = defineUseCase({
  name: 'fordern.verfahren-einstellen',
  zugang: 'fordern.bearbeiten',
  input: verfahrenEinstellenSchema,
  audit: ['minderungsverfahren.update', 'einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const v = await ladeVerfahrenFuer(tx, actor, input.id, 'fordern.bearbeiten', true);
      const erlaubt = pruefeAktion(v.status, 'einstellen');
      if (!erlaubt.ok) throw fehler('verfahren_status', { meldung: erlaubt.meldung });
      if (v.version !== input.version) throw versionConflict();
      const grund = input.grund.trim();
      const r = await minderungsverfahrenRepository.update(
        tx,
        v.id,
        v.version,
        { status: 'eingestellt', einstellungsgrund: grund },
        { am: jetzt.toISOString(), art: 'eingestellt', text: `Verfahren ohne Minderung eingestellt: ${grund}`, von: actor.name },
      );
      if (!r) throw versionConflict();
      const erledigt = await minderungsverfahrenRepository.erledigeFristWiedervorlagen(tx, v.id, jetzt, actor.userId);
      // an excused Meldeversäumnis no longer counts "in Folge" (the Anlass Einladung records the wichtigen Grund)
      if (input.wichtigerGrund) await wichtigenGrundAnerkennen(tx, actor, v, grund, jetzt);
      await recordAudit(tx, actor, {
        objectType: 'minderungsverfahren',
        objectId: v.id,
        personId: v.personId,
        action: 'update',
        purpose: zweckFordern('Minderungsverfahren einstellen'),
        details: { schritt: 'einstellen', status: 'eingestellt', anzahl: erledigt.length },
      });
      return { id: r.id, version: r.version, status: r.status, aktenzeichen: v.aktenzeichen };
    });
  },
});
