import type { Tx } from '../../db/client.ts';
import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import type { Aufrechnung, Erstattungsforderung, ErstattungVorgang } from '../../db/schema/index.ts';
import { BewilligungsFehler } from '../../domain/bewilligung/index.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound, validationFailed } from '../errors.ts';
import { standortSichtbar } from '../fall/common.ts';
import { authorize } from '../policies.ts';

export const FORDERUNG = 'Die Erstattungsforderung';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a Forderung for the caller: other Träger or Standort → 404, no permission → 403. */
export async function ladeForderungFuer(tx: Tx, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound(FORDERUNG);
  const r = await erstattungRepository.find(tx, id);
  if (!r) throw notFound(FORDERUNG);
  authorize(actor, 'bewilligung.bearbeiten');
  if (!standortSichtbar(actor, r.standortId, 'bewilligung.bearbeiten')) throw notFound(FORDERUNG);
  return r;
}

export function pruefeDatum(wert: string | undefined, pfad: string, name: string): string {
  const d = (wert ?? '').trim();
  if (!istKalenderdatum(d)) throw validationFailed([{ path: pfad, code: 'datum_ungueltig', message: `Bitte geben Sie ${name} als Datum an (TT.MM.JJJJ).` }]);
  return d;
}

/** Domain errors of the bookkeeping → 400 (input) or 409 (state of the Forderung). */
export function alsFehler(err: unknown, pfad: string): never {
  if (err instanceof BewilligungsFehler) {
    if (err.code === 'forderung_erledigt' || err.code === 'bereits_niedergeschlagen') throw new AppError(err.code, 409, err.message);
    throw validationFailed([{ path: pfad, code: err.code, message: err.message }]);
  }
  throw err;
}

export function presentForderung(
  r: { f: Erstattungsforderung; offenCent: number; fallnummer: string },
  vorgaenge?: readonly ErstattungVorgang[],
  bescheid?: { id: string; art: string; datum: string } | null,
  aufrechnungen?: readonly Aufrechnung[],
) {
  const f = r.f;
  return {
    id: f.id,
    bgId: f.bgId,
    fallnummer: r.fallnummer,
    bewilligungId: f.bewilligungId,
    bescheidId: f.bescheidId,
    ...(bescheid !== undefined ? { bescheid } : {}),
    ...(aufrechnungen ? { aufrechnungen: aufrechnungen.map(presentAufrechnung) } : {}),
    betragCent: f.betragCent,
    offenCent: r.offenCent,
    status: f.status,
    norm: f.norm,
    aufrechnungTatbestand: f.aufrechnungTatbestand,
    monate: (f.monate as { monat: string; betragCent: number }[]) ?? [],
    personen: ((f.personen as { id: string; betragCent: number }[]) ?? []).map((p) => ({ id: p.id, betragCent: p.betragCent })),
    stundungBis: f.stundungBis,
    ratenCent: f.ratenCent,
    createdAt: f.createdAt.toISOString(),
    erledigtAt: f.erledigtAt ? f.erledigtAt.toISOString() : null,
    version: f.version,
    ...(vorgaenge
      ? {
          vorgaenge: vorgaenge.map((v) => ({
            id: v.id,
            art: v.art,
            datum: v.datum,
            betragCent: v.betragCent,
            stundungBis: v.stundungBis,
            grund: v.grund,
            createdAt: v.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

export function presentAufrechnung(a: Aufrechnung) {
  return {
    id: a.id,
    personId: a.personId,
    tatbestand: a.tatbestand,
    prozent: a.prozent,
    norm: a.norm,
    abMonat: a.abMonat,
    bisMonat: a.bisMonat,
    status: a.status,
    grund: a.grund,
    anhoerungAm: a.anhoerungAm,
    anhoerungAusnahme: a.anhoerungAusnahme,
    version: a.version,
    bescheidId: a.bescheidId,
    createdAt: a.createdAt.toISOString(),
  };
}
