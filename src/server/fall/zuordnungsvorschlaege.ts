import { z } from 'zod';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kandidaten, type Zuordnungskandidat } from './antrag-zuordnen.ts';
import { standortSichtbar } from './zugriff.ts';

/** For the page: what "Fallakte anlegen/zuordnen" (`antragZuordnen`) would do for each of these Anträge (only those without Fallakte). */
export const zuordnungsvorschlaege = defineUseCase({
  name: 'fall.zuordnungsvorschlaege',
  zugang: 'fall.bearbeiten',
  input: z.object({ antragIds: z.array(z.string().max(100)).max(500) }),
  audit: [],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const ergebnis: Record<string, { version: number; kandidaten: Zuordnungskandidat[]; datenVollstaendig: boolean }> = {};
      for (const id of input.antragIds) {
        const antrag = istUuid(id) ? await antraegeRepository.find(tx, id) : undefined;
        if (!antrag || antrag.bgId || antrag.art !== 'erstantrag' || !standortSichtbar(actor, antrag.standortId, 'fall.bearbeiten')) continue;
        try {
          ergebnis[id] = { version: antrag.version, kandidaten: await kandidaten(tx, actor, antrag), datenVollstaendig: true };
        } catch (err) {
          if (err instanceof AppError && err.code === 'antragsdaten_unvollstaendig') ergebnis[id] = { version: antrag.version, kandidaten: [], datenVollstaendig: false };
          else throw err;
        }
      }
      return ergebnis;
    }),
});
