import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { datumText } from './texte.ts';

/** The last day anyone belonged to a closed BG (null: the BG is not closed). */
export async function letzterTagDerBg(tx: Tx, bg: Bedarfsgemeinschaft): Promise<string | null> {
  if (bg.status !== 'geschlossen') return null;
  const serie = await fallRepository.serie(tx, 'mitgliedschaften', { bgId: bg.id });
  return serie.reduce<string>((max, m) => (m.gueltigBis && m.gueltigBis > max ? m.gueltigBis : max), '0000-01-01');
}

/**
 * A closed Bedarfsgemeinschaft gets no Bewilligung for any day after its end.
 * Called before a Bewilligung is computed or approved; earlier periods stay open for corrections.
 */
export async function pruefeOffenBis(tx: Tx, bg: Bedarfsgemeinschaft, bis: string) {
  const letzter = await letzterTagDerBg(tx, bg);
  if (letzter !== null && bis > letzter) {
    throw new AppError(
      'fall_geschlossen',
      409,
      `Die Bedarfsgemeinschaft besteht nur bis zum ${datumText(letzter)} (Fallakte geschlossen). Für die Zeit danach ist keine Bewilligung möglich.`,
    );
  }
}
