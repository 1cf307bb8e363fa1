import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { bescheidStammdaten } from '../../db/repositories/bg-stammdaten.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bedarfsgemeinschaft, Bewilligung } from '../../db/schema/index.ts';
import { BescheidFehler, erstelleBescheid as erstelleModell } from '../../domain/bescheid/index.ts';
import { AppError } from '../errors.ts';
import type { AenderungsDaten } from '../bewilligung/freigeben.ts';
import { zeitraumAusGespeichert } from '../bewilligung/gespeicherter-zeitraum.ts';
import { briefkopf } from './briefkopf.ts';
import { bescheidEingabe } from './eingabe.ts';

/** Builds the model of the Bescheid of a decided Bewilligung (no PDF yet). */
export async function bescheidModell(tx: Tx, bg: Bedarfsgemeinschaft, b: Bewilligung, opts: { datum: string; sachbearbeitung?: { name: string } }) {
  const monate = await bewilligungRepository.monate(tx, b.id);
  const aenderung = b.aenderung as AenderungsDaten | null;
  const relevant = aenderung && b.vorgang === 'aenderung' ? monate.filter((m) => m.monat >= aenderung.ab.slice(0, 7)) : monate;
  // an Aufhebung states no new amounts: the months it keeps are unchanged
  const zeitraum = b.vorgang === 'aufhebung' ? undefined : zeitraumAusGespeichert(relevant);
  const stamm = (await bescheidStammdaten(tx, [bg.id], opts.datum, { bank: true })).get(bg.id)!;
  const antrag = b.antragId ? await antraegeRepository.find(tx, b.antragId) : undefined;
  const eingabe = bescheidEingabe({
    b,
    fallnummer: bg.fallnummer,
    briefkopf: await briefkopf(tx, bg.standortId),
    stamm,
    zeitraum,
    datum: opts.datum,
    antragsdatum: antrag?.antragsdatum,
    sachbearbeitung: opts.sachbearbeitung,
  });
  try {
    return erstelleModell(eingabe);
  } catch (err) {
    if (err instanceof BescheidFehler) throw new AppError(err.code, 409, err.message);
    throw err;
  }
}
