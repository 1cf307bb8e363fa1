import { z } from 'zod';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { BUNDESLAENDER } from '../../domain/statistik/merkmale.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { ganzzahl, leerAlsNull, version } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { statistikEinstellungen } from './einstellungen.ts';

const LAND_CODES = BUNDESLAENDER.map((l) => l.code) as [(typeof BUNDESLAENDER)[number]['code'], ...(typeof BUNDESLAENDER)[number]['code'][]];
const TAG_FEHLER = 'Bitte wählen Sie einen Tag von 1 bis 28 oder „Letzter Tag des Monats“.';

export const einstellungenSchema = z.object({
  stichtagTag: z
    .preprocess((v) => (v === '' || v === 'letzter' ? null : v), ganzzahl(TAG_FEHLER, 1, 28).nullable())
    .describe('Tag des Monats 1–28; null = letzter Kalendertag'),
  land: leerAlsNull(z.enum(LAND_CODES, { error: 'Bitte wählen Sie ein Land aus der Liste.' })).describe('Land (ISO 3166-2:DE ohne "DE-"), für die Bundesbeteiligung an den KdU; null = nicht gesetzt'),
  kleinzahlGrenze: ganzzahl('Bitte eine ganze Zahl von 0 bis 20 angeben.', 0, 20).describe('Zahlen von 1 bis unter diesem Wert erscheinen in Exporten zur Veröffentlichung als *; 0 oder 1 = keine'),
  version: version(),
});

/**
 * Changes the Statistik settings (optimistic version; 0 = the first save). A new Stichtag or Land applies to every
 * snapshot built from now on – vorläufige months on their next build, endgültige never (docs/statistik.md).
 */
export const einstellungenAendern = defineUseCase({
  name: 'statistik.einstellungen-aendern',
  zugang: 'statistik.verwalten',
  input: einstellungenSchema,
  audit: ['statistik.update'],
  run: async ({ ctx, actor, input }) => {
    const werte = { stichtagTag: input.stichtagTag, land: input.land, kleinzahlGrenze: input.kleinzahlGrenze };
    await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bisher = await statistikEinstellungenRepository.lesen(tx);
      const r =
        bisher.version === 0 && input.version === 0
          ? await statistikEinstellungenRepository.anlegen(tx, actor.traegerId, werte)
          : await statistikEinstellungenRepository.aendern(tx, input.version, werte);
      if (!r) throw versionConflict();
      const geaendert = (Object.keys(werte) as (keyof typeof werte)[]).filter((k) => werte[k] !== bisher[k]);
      await recordAudit(tx, actor, {
        objectType: 'statistik',
        objectId: actor.traegerId,
        action: 'update',
        purpose: 'Einstellungen der Statistik pflegen',
        details: { feld: geaendert.join(',') },
      });
    });
    return statistikEinstellungen.run({ ctx, actor, input: {} });
  },
});
