import { z } from 'zod';
import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { LISTE_GRENZE } from './verfahren-liste.ts';
import { zweckFordern } from './zugriff.ts';

/**
 * Minderungsbescheide waiting for the second person (Vier-Augen-Prinzip) in the Standorte the actor may approve for:
 * the Teamleitung's queue on /freigaben next to the Bewilligungen. At most 200 rows (`mehr`).
 */
export const freigabenListe = defineUseCase({
  name: 'fordern.freigaben-liste',
  zugang: 'fordern.freigeben',
  input: z.object({}),
  audit: ['minderungsverfahren.search'],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await minderungsverfahrenRepository.liste(tx, { standorte: sichtbareStandorte(actor, 'fordern.freigeben'), status: 'freigabe_erforderlich', limit: LISTE_GRENZE });
      if (r.zeilen.length) {
        await recordAudit(tx, actor, {
          objectType: 'minderungsverfahren',
          action: 'search',
          purpose: zweckFordern('Minderungsbescheide zur Freigabe auflisten'),
          details: { schritt: 'freigaben', anzahl: r.zeilen.length, faelle: [...new Set(r.zeilen.map((zeile) => zeile.bgId))] },
        });
      }
      return {
        mehr: r.mehr,
        verfahren: r.zeilen.map((v) => ({ id: v.id, aktenzeichen: v.aktenzeichen, name: v.name, fallnummer: v.fallnummer, bgId: v.bgId, tatbestandText: TATBESTAND_INFO[v.tatbestand].titel, fristEnde: v.fristEnde })),
      };
    }),
});
