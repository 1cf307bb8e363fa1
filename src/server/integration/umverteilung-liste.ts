import { z } from 'zod';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { istElb } from '../../domain/foerdern/status.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { zweckBetreuung } from './betreuung-zugriff.ts';

/**
 * The list the Teamleitung re-assigns from: eLb of its Standorte today, of one Fachkraft (`von`), without any
 * (`von=ohne`), or all; each with the current persönliche Ansprechpartnerin.
 */
export const umverteilungListe = defineUseCase({
  name: 'integration.umverteilung-liste',
  zugang: 'betreuung.zuweisen',
  input: z.object({
    von: leerAlsFehlend(z.string().max(100)).describe('Fachkraft (UUID), „ohne“ oder leer für alle'),
  }),
  audit: ['betreuung.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    const standortIds = sichtbareStandorte(actor, 'betreuung.zuweisen');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const fachkraefte = await betreuungRepository.fachkraefte(tx, standortIds);
      const von = input.von === 'ohne' ? 'ohne' : input.von && fachkraefte.some((f) => f.id === input.von) ? input.von : null;
      const kandidaten = (await betreuungRepository.kandidaten(tx, { tag, standortIds, fachkraft: von })).filter((k) =>
        istElb({ geburtsdatum: k.geburtsdatum, erwerbsfaehig: k.erwerbsfaehig, inBg: true, bgAktiv: true }, tag),
      );
      await recordAudit(tx, actor, {
        objectType: 'betreuung',
        action: 'read',
        purpose: zweckBetreuung(actor, 'Umverteilung vorbereiten'),
        details: { anzahl: kandidaten.length, treffer: kandidaten.map((k) => k.personId), ansicht: 'umverteilung' },
      });
      return { heute: tag, von, fachkraefte, personen: kandidaten };
    });
  },
});
