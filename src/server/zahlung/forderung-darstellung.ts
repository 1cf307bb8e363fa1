import type { Aufrechnung, Erstattungsforderung, ErstattungVorgang } from '../../db/schema/index.ts';

/** Plain JSON views of an Erstattungsforderung and its Aufrechnungen for the API and the pages. */
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
