import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { leistungsminderungenRepository } from '../../db/repositories/leistungsminderungen.ts';
import type { Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import type { FallakteDaten } from '../../domain/fallakte/index.ts';

/**
 * The Fallakte of a BG as the benefit engine reads it (with or without bank data), with the decided Minderungen of
 * everyone who ever belonged to it (docs/fordern.md, "Geld"): Erstbewilligung, Weiterbewilligung and Änderung keep
 * a running Minderung without anyone entering it again.
 */
export async function ladeFallakte(tx: Tx, bg: Bedarfsgemeinschaft, bank: boolean): Promise<FallakteDaten> {
  const rows = await fallRepository.ladeDaten(tx, bg.id, { bank });
  const minderungen = await leistungsminderungenRepository.fakten(tx, [...new Set(rows.mitgliedschaften.map((m) => m.personId))]);
  return { bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows, minderungen };
}
