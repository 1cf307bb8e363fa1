import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { statistikRepository } from '../../db/repositories/statistik.ts';
import { EBENEN, type Ebene } from '../../domain/statistik/typen.ts';
import type { Actor } from '../context.ts';
import { fehler, notFound } from '../errors.ts';
import { reichweite } from '../policies.ts';
import { kalendermonat } from '../schemas/grenzen.ts';

/**
 * Shared checks of the Steuerung use cases (docs/statistik.md, "Rechte"): which Ebene and region the actor may see,
 * and whether a Berichtsmonat can have figures. Aggregates only; a Standort outside the actor's reach answers 404.
 */

/** Query fields every report takes: Berichtsmonat, Ebene, region (Kommune or Standort id; empty for the Träger). */
export const bereichSchema = z.object({
  monat: kalendermonat(),
  ebene: z.enum(EBENEN).default('traeger'),
  region: z.string().uuid({ message: 'Bitte wählen Sie eine Kommune oder einen Standort aus der Liste.' }).optional().or(z.literal('').transform(() => undefined)),
});
export type Bereich = { ebene: Ebene; region: string | undefined };

/**
 * The actor may see this Ebene/region: Träger-wide reach sees all; Standort reach (teamleitung) only Standorte of
 * its own (another Standort → 404 as if it did not exist; the Träger or a Kommune → 403 statistik_ebene_verboten).
 * A region that does not exist in the Träger → 404. Returns the region key of statistik_werte ('' for the Träger).
 */
export async function pruefeBereich(tx: Tx, actor: Actor, b: Bereich): Promise<string> {
  const r = reichweite(actor, 'statistik.lesen');
  if (b.ebene === 'traeger') {
    if (b.region) throw fehler('validation_failed', { status: 400, meldung: 'Für den ganzen Träger wird keine Region angegeben.', issues: [{ path: 'region', code: 'custom', message: 'Für den ganzen Träger wird keine Region angegeben.' }] });
    if (r !== 'traeger') throw fehler('statistik_ebene_verboten');
    return '';
  }
  if (!b.region) throw fehler('validation_failed', { status: 400, meldung: 'Bitte wählen Sie eine Kommune oder einen Standort.', issues: [{ path: 'region', code: 'custom', message: 'Bitte wählen Sie eine Kommune oder einen Standort.' }] });
  const gibt = await statistikRepository.regionBekannt(tx, b.ebene, b.region);
  if (!gibt) throw notFound(b.ebene === 'kommune' ? 'Die Kommune' : 'Der Standort');
  if (r === 'traeger') return b.region;
  if (b.ebene === 'kommune') throw fehler('statistik_ebene_verboten');
  if (!actor.standorte.some((s) => s.id === b.region)) throw notFound('Der Standort');
  return b.region;
}

/**
 * A Berichtsmonat has figures only when its Stichtag has passed and it is not before the Träger's first data
 * (the first month of a Bewilligung): else 400 with a German message.
 */
export async function pruefeMonat(tx: Tx, monat: string, stichtagVonMonat: string, heute: string): Promise<void> {
  if (stichtagVonMonat > heute) throw fehler('statistik_monat_zukunft', { issues: [{ path: 'monat', code: 'statistik_monat_zukunft', message: 'Der Stichtag dieses Monats liegt in der Zukunft.' }] });
  const erster = await statistikRepository.ersterDatenmonat(tx);
  if (erster === null || monat < erster) throw fehler('statistik_monat_vor_daten', { issues: [{ path: 'monat', code: 'statistik_monat_vor_daten', message: 'Dieser Monat liegt vor den ersten Daten des Trägers.' }] });
}
