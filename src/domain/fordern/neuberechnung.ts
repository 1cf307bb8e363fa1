/**
 * Fordern → Geld (docs/fordern.md, "Geld"): the months of an approved Bewilligung recomputed with the Minderungen
 * as they stand now – from the stored engine inputs of the months, so that nothing but the Minderung changes (a
 * Fallakte change not yet decided is not carried along). Pure; the server (src/server/fordern/minderung-anwenden.ts)
 * stores the result as a new version, the demo data (src/db/seed) likewise.
 */
import type { BerechnungInput } from '../berechnung/schema.ts';
import { berechneZeitraum, betraegeVon, type PersonBetrag, type ZeitraumErgebnis } from '../bewilligung/berechnung.ts';
import { vergleiche, type Vergleich } from '../bewilligung/vergleich.ts';
import { kostenaufteilung, type Kostenanteil } from '../kosten/index.ts';
import { inputMitMinderungen, type MinderungFakt } from './monat.ts';

/** A stored month of the Bewilligung (the shape of a `bewilligung_monate` row). */
export type GespeicherterMonat = { monat: string; input: unknown; auszahlungCent: number; personen: unknown; kosten: unknown };

export type MinderungNeuberechnung = {
  zeitraum: ZeitraumErgebnis;
  vergleich: Vergleich;
  /** cost lines per month, with the Kommune the month was booked for (a Minderung never moves the Kommune) */
  kosten: Map<string, Kostenanteil[]>;
};

/**
 * The months (`monate`, those from the first month concerned on, in order) recomputed with `fakten` and compared
 * with the decided amounts (`gezahltBis`: months already paid → Nachzahlung / Erstattungsforderung). null when no
 * amount changes.
 */
export function neuberechnungMitMinderungen(
  monate: readonly GespeicherterMonat[],
  fakten: readonly MinderungFakt[],
  o: { gezahltBis: string | null; entscheidungsdatum: string; kommuneErsatz?: string },
): MinderungNeuberechnung | null {
  if (monate.length === 0) return null;
  const zeitraum = berechneZeitraum(
    monate.map((m) => inputMitMinderungen(m.input as BerechnungInput, fakten)),
    { erklaerung: true },
  );
  const alt = monate.map((m) => ({
    monat: m.monat,
    auszahlungCent: m.auszahlungCent,
    personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })),
  }));
  const vergleich = vergleiche(alt, betraegeVon(zeitraum), { gezahltBis: o.gezahltBis, entscheidungsdatum: o.entscheidungsdatum });
  if (!vergleich.geaendert) return null;
  const kommune = new Map(monate.map((m) => [m.monat, (m.kosten as Kostenanteil[]).find((k) => k.kommuneId)?.kommuneId ?? o.kommuneErsatz ?? '']));
  const kosten = new Map(zeitraum.monate.map((m) => [m.monat, kostenaufteilung(m.ergebnis, kommune.get(m.monat) ?? o.kommuneErsatz ?? '').anteile]));
  return { zeitraum, vergleich, kosten };
}
