import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { ergebnisErfassen as ergebnisPruefen, type EinladungStatus } from '../../domain/termine/index.ts';
import { MELDE_ERGEBNISSE } from '../../domain/recht/meldeaufforderung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { leerAlsFehlend, version } from '../schemas/formular.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { darfSehen } from './gemeinsam.ts';

/** Records the outcome of an invitation (once, from the start of the appointment). */
export const ergebnisErfassen = defineUseCase({
  name: 'termine.ergebnis-erfassen',
  zugang: 'termine.bearbeiten',
  input: z.object({
    id: kennung(),
    ergebnis: z.enum(MELDE_ERGEBNISSE, { error: 'Bitte wählen Sie das Ergebnis.' }),
    begruendung: leerAlsFehlend(text(2000)),
    version: version(),
  }),
  audit: ['einladung.update'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const e = await termineRepository.findEinladung(tx, input.id);
      const t = e && (await termineRepository.findTermin(tx, e.terminId));
      if (!e || !t || !darfSehen(actor, t)) throw notFound('Die Einladung');
      if (e.version !== input.version) throw versionConflict();
      const r = ergebnisPruefen(e.status as EinladungStatus, t.beginn, { ergebnis: input.ergebnis, ...(input.begruendung ? { begruendung: input.begruendung } : {}) }, jetzt);
      if (!r.ok) throw new AppError(r.code, r.code === 'grund_fehlt' ? 400 : 409, r.meldung, r.code === 'grund_fehlt' ? [{ path: 'begruendung', code: 'required', message: r.meldung }] : []);
      const neu = await termineRepository.updateEinladung(tx, e.id, e.version, { status: r.status, begruendung: input.begruendung ?? null, ergebnisAm: jetzt, ergebnisVon: actor.userId });
      if (!neu) throw versionConflict();
      await termineRepository.updateTermin(tx, t.id, t.version, { status: r.status === 'wahrgenommen' ? 'wahrgenommen' : 'nicht_erschienen' });
      await recordAudit(tx, actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'update', purpose: 'Ergebnis einer Einladung erfassen', details: { ergebnis: r.status } });
      return neu;
    });
  },
});
