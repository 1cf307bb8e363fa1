import { fallRepository, type PeriodenTabelle } from '../../db/repositories/fall.ts';
import type { Tx } from '../../db/client.ts';
import { planeAenderungAb, PeriodenFehler, type Periode } from '../../domain/fallakte/index.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * "Ab Datum X" on a series without overlaps: closes the running period the day before X, replaces a period
 * starting at X, and inserts the new values (unless `werte` is null: the series ends at X).
 */
export async function aendereSerieAb<K extends PeriodenTabelle>(
  tx: Tx,
  opts: { tabelle: K; filter: { personId?: string; bgId?: string }; ab: string; werte: Record<string, unknown> | null; traegerId: string },
): Promise<{ vorher: Periode | null }> {
  const serie = await fallRepository.serie(tx, opts.tabelle, opts.filter);
  let plan;
  try {
    plan = planeAenderungAb(serie, opts.ab, { beenden: opts.werte === null });
  } catch (err) {
    if (err instanceof PeriodenFehler) throw new AppError('nichts_zu_beenden', 409, err.message);
    throw err;
  }
  const vorher = serie.find((p) => p.gueltigVon <= opts.ab && (p.gueltigBis === null || p.gueltigBis >= opts.ab)) ?? null;
  for (const id of plan.entfernen) await fallRepository.entfernePeriode(tx, opts.tabelle, id);
  for (const s of plan.schliessen) await fallRepository.schliessePeriode(tx, opts.tabelle, s.id, s.gueltigBis);
  if (plan.neu && opts.werte) {
    await fallRepository.insertPerioden(tx, opts.tabelle, [
      { ...opts.werte, ...opts.filter, traegerId: opts.traegerId, gueltigVon: plan.neu.gueltigVon, gueltigBis: plan.neu.gueltigBis } as never,
    ]);
  }
  return { vorher };
}

/**
 * "Ab Datum X" on one entry of a person's own list (income, assets: several may run side by side): with `eintragId`
 * the entry changes (or, with `werte` null, ends) from X; without it a new entry starts at X. Returns the entry as it
 * was before (404 `nichtGefunden` if it is not the person's).
 */
export async function aendereEintragAb<K extends 'einkommen' | 'vermoegen'>(
  tx: Tx,
  opts: {
    tabelle: K;
    personId: string;
    eintragId?: string | undefined;
    ab: string;
    werte: Record<string, unknown> | null;
    traegerId: string;
    nichtGefunden: string;
    /** A fixed period for the new values (a one-off income): a changed one-off entry is replaced, not continued from `ab`. */
    periode?: Periode;
  },
): Promise<{ vorher: Record<string, unknown> | undefined }> {
  const { tabelle, personId } = opts;
  if (!opts.eintragId) {
    if (opts.werte) await fallRepository.insertPerioden(tx, tabelle, [{ ...opts.werte, traegerId: opts.traegerId, personId, gueltigVon: opts.periode?.gueltigVon ?? opts.ab, gueltigBis: opts.periode?.gueltigBis ?? null } as never]);
    return { vorher: undefined };
  }
  const vorher = await fallRepository.findPeriode(tx, tabelle, opts.eintragId);
  if (!vorher || vorher.personId !== personId) throw notFound(opts.nichtGefunden);
  // a one-off income corrected: the entry is replaced (its period is fixed by the Zuflussdatum)
  if (opts.periode && opts.werte && vorher.art === 'einmalig') {
    await fallRepository.entfernePeriode(tx, tabelle, String(vorher.id));
    await fallRepository.insertPerioden(tx, tabelle, [{ ...opts.werte, traegerId: opts.traegerId, personId, ...opts.periode } as never]);
    return { vorher };
  }
  const periode = { id: String(vorher.id), gueltigVon: String(vorher.gueltigVon), gueltigBis: (vorher.gueltigBis as string | null) ?? null };
  let plan;
  try {
    plan = planeAenderungAb([periode], opts.ab, { beenden: opts.werte === null });
  } catch (err) {
    throw new AppError('nichts_zu_beenden', 409, (err as Error).message);
  }
  for (const x of plan.entfernen) await fallRepository.entfernePeriode(tx, tabelle, x);
  for (const z of plan.schliessen) await fallRepository.schliessePeriode(tx, tabelle, z.id, z.gueltigBis);
  if (plan.neu && opts.werte) {
    // a running income replaced by a one-off one: it ends the day before `ab`, the new one has its own period
    const neu = opts.periode ?? plan.neu;
    await fallRepository.insertPerioden(tx, tabelle, [
      { ...opts.werte, traegerId: opts.traegerId, personId, gueltigVon: neu.gueltigVon, gueltigBis: neu.gueltigBis } as never,
    ]);
  }
  return { vorher };
}
