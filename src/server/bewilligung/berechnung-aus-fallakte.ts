import type { Tx } from '../../db/client.ts';
import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import type { KduRichtwert } from '../../db/schema/index.ts';
import { BerechnungsFehler } from '../../domain/berechnung/fehler.ts';
import type { BerechnungInput } from '../../domain/berechnung/schema.ts';
import { berechneZeitraum, BewilligungsFehler, type ZeitraumErgebnis } from '../../domain/bewilligung/index.ts';
import { ersterTag, FallakteFehler, fallakteZuBerechnungInput, zustandFuerMonat, type FallakteDaten } from '../../domain/fallakte/index.ts';
import { kostenaufteilung, type Kostenanteil } from '../../domain/kosten/index.ts';
import { AppError } from '../errors.ts';

/** The KdU-Richtwert of the Kommune for the household size valid on `tag` (the largest size recorded if beyond). */
export function richtwertAm(werte: readonly KduRichtwert[], groesse: number, tag: string): KduRichtwert | undefined {
  const gueltig = werte.filter((w) => w.gueltigVon <= tag && (w.gueltigBis === null || w.gueltigBis >= tag));
  const genau = gueltig.find((w) => w.haushaltsgroesse === groesse);
  if (genau) return genau;
  const kleiner = gueltig.filter((w) => w.haushaltsgroesse < groesse).sort((a, b) => b.haushaltsgroesse - a.haushaltsgroesse);
  return kleiner[0];
}

export type BerechneteMonate = {
  zeitraum: ZeitraumErgebnis;
  kommuneJeMonat: Map<string, string>;
  kosten: Map<string, Kostenanteil[]>;
};

/** Engine errors and missing Fallakte facts → clear 400 errors. */
export function alsAppError(err: unknown): never {
  if (err instanceof BerechnungsFehler) {
    const code = err.code === 'zeitraum_ausserhalb_rechtsstand' ? 'datum_ausserhalb_rechtsstand' : 'berechnung_ungueltig';
    throw new AppError(code, 400, `Die Berechnung ist nicht möglich: ${err.message}`, [{ path: err.pfad, code: err.code, message: err.message }]);
  }
  if (err instanceof FallakteFehler) throw new AppError(err.code, 400, err.message);
  if (err instanceof BewilligungsFehler) throw new AppError(err.code, 400, err.message);
  throw err;
}

/**
 * Computes the months of a period from the Fallakte: the state of each month (zustandFuerMonat), the KdU-Richtwert
 * of the BG's Kommune and household size as `unterkunft.angemessen`, the engine month by month.
 */
export async function berechneAusFallakte(
  tx: Tx,
  daten: FallakteDaten,
  monate: readonly string[],
  opts: {
    leistungsbeginn: string;
    bewilligungszeitraumBeginn: string;
    fruehererBezug?: readonly { von: string; bis: string }[];
    /** last month already provided by an earlier decision (one-off income then counts from the month after, § 11 Abs. 3 S. 3) */
    bereitsErbrachtBis?: string;
  },
): Promise<BerechneteMonate> {
  const kduCache = new Map<string, KduRichtwert[]>();
  const inputs: BerechnungInput[] = [];
  const kommuneJeMonat = new Map<string, string>();
  try {
    for (const monat of monate) {
      const zustand = zustandFuerMonat(daten, monat);
      const kommuneId = zustand.adresse?.kommuneId;
      if (!kommuneId) throw new AppError('keine_adresse', 400, `Für ${monat} ist keine Anschrift der Bedarfsgemeinschaft eingetragen.`);
      kommuneJeMonat.set(monat, kommuneId);
      if (!kduCache.has(kommuneId)) kduCache.set(kommuneId, await kduRepository.fuerKommune(tx, kommuneId));
      const rw = richtwertAm(kduCache.get(kommuneId) ?? [], zustand.personen.length, ersterTag(monat));
      const input = fallakteZuBerechnungInput(zustand, monat, {
        leistungsbeginn: opts.leistungsbeginn,
        bewilligungszeitraumBeginn: opts.bewilligungszeitraumBeginn,
        ...(opts.fruehererBezug?.length ? { fruehererBezug: opts.fruehererBezug } : {}),
        ...(opts.bereitsErbrachtBis ? { bereitsErbrachtBis: opts.bereitsErbrachtBis } : {}),
        ...(rw ? { angemessen: { bruttokaltmieteCent: rw.bruttokaltmieteCent, heizkostenCent: rw.heizkostenCent } } : {}),
      });
      inputs.push(input);
    }
    const zeitraum = berechneZeitraum(inputs, { erklaerung: true });
    const kosten = new Map<string, Kostenanteil[]>();
    for (const m of zeitraum.monate) kosten.set(m.monat, kostenaufteilung(m.ergebnis, kommuneJeMonat.get(m.monat)!).anteile);
    return { zeitraum, kommuneJeMonat, kosten };
  } catch (err) {
    if (err instanceof AppError) throw err;
    alsAppError(err);
  }
}

export function monatsZeilen(traegerId: string, bewilligungId: string, z: ZeitraumErgebnis, kosten: Map<string, Kostenanteil[]>) {
  return z.monate.map((m) => ({
    traegerId,
    bewilligungId,
    monat: m.monat,
    input: m.input,
    ergebnis: m.ergebnis,
    personen: m.personen,
    kosten: kosten.get(m.monat) ?? [],
    auszahlungCent: m.auszahlungCent,
  }));
}
