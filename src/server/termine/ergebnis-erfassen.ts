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
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import type { MeldeErgebnis } from '../../domain/recht/meldeaufforderung.ts';

type EinladungRow = NonNullable<Awaited<ReturnType<typeof termineRepository.findEinladung>>>;
type TerminRow = NonNullable<Awaited<ReturnType<typeof termineRepository.findTermin>>>;

/**
 * Stores the outcome of an invitation inside the caller's transaction (the use case below, and a Gesprächsvermerk
 * of the integration side that documents the conversation of the Termin): checks it (domain), updates the
 * invitation and the appointment, writes the audit entry. Refusals as AppError (code of the domain).
 */
export async function speichereErgebnis(
  tx: Tx,
  actor: Actor,
  o: { einladung: EinladungRow; termin: TerminRow; ergebnis: MeldeErgebnis; begruendung?: string | undefined; jetzt: Date; zweck?: string },
) {
  const { einladung: e, termin: t } = o;
  const r = ergebnisPruefen(e.status as EinladungStatus, t.beginn, { ergebnis: o.ergebnis, ...(o.begruendung ? { begruendung: o.begruendung } : {}) }, o.jetzt);
  if (!r.ok) throw new AppError(r.code, r.code === 'grund_fehlt' ? 400 : 409, r.meldung, r.code === 'grund_fehlt' ? [{ path: 'begruendung', code: 'required', message: r.meldung }] : []);
  const neu = await termineRepository.updateEinladung(tx, e.id, e.version, { status: r.status, begruendung: o.begruendung ?? null, ergebnisAm: o.jetzt, ergebnisVon: actor.userId });
  if (!neu) throw versionConflict();
  await termineRepository.updateTermin(tx, t.id, t.version, { status: r.status === 'wahrgenommen' ? 'wahrgenommen' : 'nicht_erschienen' });
  await recordAudit(tx, actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'update', purpose: o.zweck ?? 'Ergebnis einer Einladung erfassen', details: { ergebnis: r.status } });
  return neu;
}

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
      return speichereErgebnis(tx, actor, { einladung: e, termin: t, ergebnis: input.ergebnis, begruendung: input.begruendung, jetzt });
    });
  },
});
