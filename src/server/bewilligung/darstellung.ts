import type { Bewilligung, BewilligungMonat } from '../../db/schema/index.ts';
import type { BerechnungErgebnis } from '../../domain/berechnung/schema.ts';
import type { PersonBetrag } from '../../domain/bewilligung/index.ts';
import { monatBis, monatVonTag } from './zeitraum-tage.ts';

/** Ab, reason and Erstattung of an Aufhebung (stored in `aenderung`), null for other decisions. */
function aufhebungVon(b: Bewilligung): { ab: string; text: string; norm: string; erstattungCent: number } | null {
  if (b.vorgang !== 'aufhebung' || !b.aenderung) return null;
  const a = b.aenderung as {
    ab: string;
    vergleich: { erstattungsforderung: { betragCent: number } | null };
    aufhebung: { text: string; norm: string; tatbestand?: { norm: string } | null };
  };
  // the norm of the reason plus, for the past, the Tatbestand of § 48 Abs. 1 S. 2 SGB X
  const norm = a.aufhebung.tatbestand ? `${a.aufhebung.norm}; ${a.aufhebung.tatbestand.norm}` : a.aufhebung.norm;
  return { ab: a.ab, text: a.aufhebung.text, norm, erstattungCent: a.vergleich.erstattungsforderung?.betragCent ?? 0 };
}

/** Plain JSON view of a Bewilligung for the API and pages. */
export function presentBewilligung(b: Bewilligung, monate?: readonly BewilligungMonat[]) {
  return {
    id: b.id,
    bgId: b.bgId,
    antragId: b.antragId,
    beginn: monatVonTag(b.von),
    ende: monatBis(b.bis),
    art: b.art,
    vorgang: b.vorgang,
    status: b.status,
    rechtsstand: b.rechtsstand,
    vorlaeufigGrund: b.vorlaeufigGrund,
    vorgaengerId: b.vorgaengerId,
    summeCent: b.summeCent,
    hoechsterMonatCent: b.hoechsterMonatCent,
    vierAugenGruende: (b.vierAugenGruende as { code: string; text: string }[] | null) ?? [],
    ablehnungsgruende: ((b.ablehnungsgruende as { text: string; norm: string }[] | null) ?? []).map((g) => ({ text: g.text, norm: g.norm })),
    aufhebung: aufhebungVon(b),
    computedAt: b.computedAt.toISOString(),
    createdBy: b.createdBy,
    approvedBy: b.approvedBy,
    approvedAt: b.approvedAt ? b.approvedAt.toISOString() : null,
    version: b.version,
    ...(monate
      ? {
          monate: monate.map((m) => ({
            monat: m.monat,
            auszahlungCent: m.auszahlungCent,
            personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent, anspruchCent: p.anspruchCent, sofortzuschlagCent: p.sofortzuschlagCent })),
            schritte: ((m.ergebnis as BerechnungErgebnis).schritte ?? []).map((s) => ({ text: s.text, norm: s.norm })),
            fortgeschrieben: (m.ergebnis as BerechnungErgebnis).fortgeschrieben !== undefined,
            rechtBekanntBis: (m.ergebnis as BerechnungErgebnis).fortgeschrieben?.rechtBekanntBis ?? null,
          })),
          fortgeschriebeneMonate: monate.filter((m) => (m.ergebnis as BerechnungErgebnis).fortgeschrieben !== undefined).map((m) => m.monat),
        }
      : {}),
  };
}
