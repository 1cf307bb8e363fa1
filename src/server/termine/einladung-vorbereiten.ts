import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { ladeElbPerson } from '../integration/betreuung-zugriff.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';

/**
 * What the invitation form offers: every Anliegen of the Träger (staff may invite to those not bookable online too)
 * and – with `personId` – the invited person with their Fallakte (`fall.lesen` at its Standort, else 404), so the
 * Einladung is tied to the person and a missed appointment can become a Minderungsverfahren.
 */
export const einladungVorbereiten = defineUseCase({
  name: 'termine.einladung-vorbereiten',
  zugang: 'termine.bearbeiten',
  input: z.object({ personId: leerAlsFehlend(kennung()) }),
  audit: [],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      const p = input.personId ? await ladeElbPerson(tx, actor, input.personId, 'fall.lesen', heute(ctx.clock.now())) : null;
      return {
        anliegen: daten.anliegen.map((a) => ({ id: a.id, name: a.name })),
        person: p ? { personId: p.personId, bgId: p.bgId, name: `${p.vorname} ${p.nachname}`, fallnummer: p.fallnummer } : null,
      };
    }),
});
