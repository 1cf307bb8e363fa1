import { z } from 'zod';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { datenstand } from '../../domain/statistik/merkmale.ts';
import { BEZUGSGROESSE_ARTEN } from '../../domain/statistik/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler, validationFailed } from '../errors.ts';
import { ganzzahl } from '../schemas/formular.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

export const bezugsgroesseSchema = z.object({
  art: z.enum(BEZUGSGROESSE_ARTEN, { error: 'Bitte wählen Sie die Art der Bezugsgröße.' }).describe('zivile_erwerbspersonen (Arbeitslosenquote) | bevoelkerung_bis_altersgrenze (SGB II-Quote)'),
  kommuneId: z
    .preprocess((v) => (v === '' || v === undefined ? null : v), z.string().uuid({ error: 'Bitte wählen Sie den Träger oder eine Kommune.' }).nullable())
    .describe('Kommune; leer/null = der ganze Träger'),
  gueltigAbMonat: kalendermonat().describe('Berichtsmonat JJJJ-MM, ab dem der Wert gilt (bis zum nächsten Eintrag)'),
  wert: ganzzahl('Bitte eine ganze Zahl größer als 0 angeben, z. B. 229000.', 1, 2_000_000_000).describe('Anzahl Personen'),
  quelle: z
    .string({ error: 'Bitte geben Sie die Quelle an.' })
    .trim()
    .min(1, { error: 'Bitte geben Sie die Quelle an, z. B. „Statistik der BA, Bezugsgrößen 2026“.' })
    .max(300, { error: 'Höchstens 300 Zeichen.' }),
});

/**
 * A new Bezugsgröße (docs/statistik.md, "Einstellungen und Bezugsgrößen"). Versioned: it applies from its Berichtsmonat
 * until the next entry of the same art and region; an entry is never changed (a correction is a new entry). Past
 * figures stay as they are: a month whose figures are already endgültig cannot be the start of a new entry (400),
 * and the same art, region and month twice → 409 bezugsgroesse_besteht.
 */
export const bezugsgroesseAnlegen = defineUseCase({
  name: 'statistik.bezugsgroesse-anlegen',
  zugang: 'statistik.verwalten',
  input: bezugsgroesseSchema,
  audit: ['statistik.create'],
  run: ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (input.kommuneId !== null && !(await organisationRepository.findKommune(tx, input.kommuneId))) {
        throw validationFailed([{ path: 'kommuneId', code: 'kommune_unbekannt', message: 'Diese Kommune gibt es nicht. Bitte wählen Sie den Träger oder eine Kommune.' }]);
      }
      const { stichtagTag } = await statistikEinstellungenRepository.lesen(tx);
      if (datenstand(input.gueltigAbMonat, stichtagTag, heute(ctx.clock.now())) === 'endgueltig') {
        throw validationFailed([
          {
            path: 'gueltigAbMonat',
            code: 'monat_endgueltig',
            message: 'Die Zahlen dieses Monats sind endgültig und werden nicht nachträglich geändert. Bitte wählen Sie einen Monat, dessen Zahlen noch vorläufig sind, oder einen künftigen.',
          },
        ]);
      }
      const r = await statistikEinstellungenRepository.bezugsgroesseAnlegen(tx, { ...input, traegerId: actor.traegerId, createdBy: actor.userId });
      if (!r) {
        throw fehler('bezugsgroesse_besteht', {
          issues: [{ path: 'gueltigAbMonat', code: 'bezugsgroesse_besteht', message: 'Für diese Art, Region und diesen Monat gibt es schon einen Eintrag. Ein späterer Wert bekommt einen späteren Monat.' }],
        });
      }
      await recordAudit(tx, actor, {
        objectType: 'statistik',
        objectId: r.id,
        action: 'create',
        purpose: 'Bezugsgrößen der Statistik pflegen',
        details: { art: input.art, monat: input.gueltigAbMonat, ebene: input.kommuneId ? 'kommune' : 'traeger' },
      });
      return { id: r.id, ...input };
    }),
});
