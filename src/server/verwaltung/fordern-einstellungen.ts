import { z } from 'zod';
import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { STANDARD_VIER_AUGEN_REGELN } from '../../domain/bewilligung/index.ts';
import { ENTSCHEIDER_ROLLEN, MINDERUNG_VIER_AUGEN } from '../../domain/fordern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { version } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { presentEinstellungen } from './schemas.ts';

export const fordernEinstellungenSchema = z.object({
  minderungEntscheider: z.enum(ENTSCHEIDER_ROLLEN, { error: 'Bitte wählen Sie, wer über Minderungen entscheidet.' }).describe('integration | leistung (die Teamleitung darf immer)'),
  minderungVierAugen: z.enum(MINDERUNG_VIER_AUGEN, { error: 'Bitte wählen Sie, wann eine zweite Person den Minderungsbescheid freigibt.' }).describe('nie | wegfall (nur Wegfall des Regelbedarfs oder des Anspruchs) | immer'),
  version: version(),
});

/**
 * Fordern settings of the Träger (docs/fordern.md): which side decides Minderungen (integration or leistung; the
 * Teamleitung always may) and when a Minderungsbescheid needs a second person's approval. Version 0 = first save
 * (then the other settings keep their defaults).
 */
export const fordernEinstellungenSpeichern = defineUseCase({
  name: 'verwaltung.fordern-einstellungen',
  zugang: 'einstellungen.verwalten',
  input: fordernEinstellungenSchema,
  audit: ['traeger_einstellungen.update'],
  run: ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const werte = { minderungEntscheider: input.minderungEntscheider, minderungVierAugen: input.minderungVierAugen };
      const bisher = await einstellungenRepository.find(tx);
      let r;
      if (!bisher) {
        if (input.version !== 0) throw versionConflict();
        r = await einstellungenRepository.insert(tx, { traegerId: actor.traegerId, vierAugenRegeln: STANDARD_VIER_AUGEN_REGELN, ...werte });
      } else {
        r = await einstellungenRepository.update(tx, input.version, werte);
      }
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'traeger_einstellungen', objectId: actor.traegerId, action: 'update', purpose: 'Einstellungen des Trägers pflegen: Minderungen' });
      return presentEinstellungen(r);
    }),
});
