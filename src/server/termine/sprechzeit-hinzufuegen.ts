import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { ganzzahl, leerAlsFehlend, mehrfachAuswahl } from '../schemas/formular.ts';
import { uhrzeit, vonVorBis } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kanalFeld, kennung, tagesdatum } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

const GUELTIG_FEHLER = 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.';

export const sprechzeitEingabe = z
  .object({
    ressourceId: kennung(),
    wochentag: ganzzahl('Bitte wählen Sie den Wochentag.', 1, 7),
    von: uhrzeit(),
    bis: uhrzeit(),
    gueltigAb: leerAlsFehlend(tagesdatum(GUELTIG_FEHLER)),
    gueltigBis: leerAlsFehlend(tagesdatum(GUELTIG_FEHLER)),
    kanaele: mehrfachAuswahl(kanalFeld()),
  })
  .superRefine(vonVorBis('uhrzeit'))
  .refine((s) => !s.gueltigAb || !s.gueltigBis || s.gueltigAb <= s.gueltigBis, { message: '„Gültig bis“ darf nicht vor „Gültig ab“ liegen.', path: ['gueltigBis'] });

/** A weekly consultation hour of a desk (own desk, or every desk in reach with `termine.planen`). */
export const sprechzeitHinzufuegen = defineUseCase({
  name: 'termine.sprechzeit-hinzufuegen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: sprechzeitEingabe,
  audit: [],
  run: async ({ ctx, actor, input: s }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, s.ressourceId);
      return termineRepository.insertSprechzeit(tx, {
        traegerId: actor.traegerId,
        ressourceId: r.id,
        wochentag: s.wochentag,
        von: s.von,
        bis: s.bis,
        gueltigAb: s.gueltigAb ?? null,
        gueltigBis: s.gueltigBis ?? null,
        kanaele: s.kanaele ?? null,
      });
    }),
});
