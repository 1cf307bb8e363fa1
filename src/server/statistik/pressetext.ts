import { z } from 'zod';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { pressetext as pressetextEntwurf } from '../../domain/statistik/pressetext.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { bereichSchema } from './bereich.ts';
import { monatsbericht } from './monatsbericht.ts';

/** Longest text a Pressetext may have (a draft is about 2,000 characters). */
const TEXT_MAX = 20_000;

export const pressetextSchema = bereichSchema.extend({
  text: z
    .string({ error: 'Bitte geben Sie den Text ein.' })
    .max(TEXT_MAX, { error: `Der Text darf höchstens ${TEXT_MAX.toLocaleString('de-DE')} Zeichen lang sein.` })
    .optional()
    .describe('der bearbeitete Text (nur beim Herunterladen); ohne: nur der Entwurf'),
});

/**
 * Pressetext (docs/statistik.md, "Exporte und Pressetext"): the draft press release of a Monatsbericht, generated
 * from templates (src/domain/statistik/pressetext.ts) – every number in it comes from the report. With `text` (the
 * draft as the user edited it) the result is that text for download as .txt; the download is audited
 * (statistik.export, format txt). The edited text is the user's: vorort does not check or store it.
 */
export const pressetext = defineUseCase({
  name: 'statistik.pressetext',
  zugang: 'statistik.lesen',
  input: pressetextSchema,
  audit: ['statistik.export'],
  run: async ({ ctx, actor, input }) => {
    const { text, ...bereich } = input;
    const bericht = await monatsbericht.run({ ctx, actor, input: bereich });
    // a press release is a publication: small counts as "weniger als <Kleinzahl-Grenze>"
    const kleinzahlGrenze = await ctx.db.withTenant(tenantScope(actor), async (tx) => (await statistikEinstellungenRepository.lesen(tx)).kleinzahlGrenze);
    const entwurf = pressetextEntwurf(bericht, { kleinzahlGrenze });
    if (text !== undefined) {
      await ctx.db.withTenant(tenantScope(actor), (tx) =>
        recordAudit(tx, actor, {
          objectType: 'statistik',
          objectId: bereich.region ?? actor.traegerId,
          action: 'export',
          purpose: 'Pressetext zum Monatsbericht herunterladen',
          details: { monat: bericht.monat, ebene: bericht.ebene, format: 'txt' },
        }),
      );
    }
    return {
      monat: bericht.monat,
      stichtag: bericht.stichtag,
      ebene: bericht.ebene,
      region: bericht.region,
      datenstand: bericht.datenstand,
      entwurf,
      text: text ?? entwurf,
      kleinzahlGrenze,
      dateiname: `pressetext-${bericht.monat}${bericht.ebene === 'traeger' ? '' : `-${bericht.ebene}`}.txt`,
    };
  },
});
