import type { Tx } from '../../db/client.ts';
import { termineRepository } from '../../db/repositories/termine.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { can, standortErreichbar } from '../policies.ts';

/**
 * Does the actor reach this bookable desk (permission table, `berechtigungen.ts`)? `'pflegen'`: may maintain its
 * Sprechzeiten, Ausnahmen and Abwesenheiten – with `termine.planen` every desk in reach, with
 * `termine.eigenerKalender` only the own desk; `'sehen'`: sees it (appointments of its Standort) but may not change it.
 */
export function ressourcenZugriff(actor: Actor, r: { standortId: string; userId: string | null }): 'pflegen' | 'sehen' | null {
  if (standortErreichbar(actor, 'termine.planen', r.standortId)) return 'pflegen';
  if (can(actor, 'termine.eigenerKalender') && r.userId === actor.userId) return 'pflegen';
  if (standortErreichbar(actor, 'termine.bearbeiten', r.standortId)) return 'sehen';
  return null;
}

/** A desk the actor may maintain: unknown or out of reach → 404, only visible → 403. */
export async function eigeneRessource(actor: Actor, tx: Tx, id: string) {
  const r = /^[0-9a-f-]{36}$/i.test(id) ? await termineRepository.findRessource(tx, id) : undefined;
  // staff maintain their own desk (termine.eigenerKalender); Teamleitung and admin every desk in reach (termine.planen)
  const zugriff = r ? ressourcenZugriff(actor, r) : null;
  if (!r || !zugriff) throw notFound('Die Ressource');
  if (zugriff !== 'pflegen') throw new AppError('forbidden', 403, 'Sie können nur Ihre eigenen Sprechzeiten pflegen.');
  return r;
}
