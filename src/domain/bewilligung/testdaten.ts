/** Test fixtures for Bewilligung, Bescheid, Zahlung, Kosten and Massenänderung (used by tests only). */
import type { BerechnungInput, EinkommenInput, PersonInput } from '../berechnung/schema.ts';
import { monateVonBis, monatPlus } from './monat.ts';

export const FAMILIE_NAMEN = [
  { id: 'p1', name: 'Anna Beispiel' },
  { id: 'p2', name: 'Ben Beispiel' },
  { id: 'k1', name: 'Clara Beispiel' },
  { id: 'k2', name: 'David Beispiel' },
];

export type FamilienOptionen = {
  /** Erwerbseinkommen of Ben per month (brutto, netto); default 1.200 € / 950 € */
  erwerb?: (monat: string) => { brutto: number; netto: number } | null;
  vermoegen?: number;
  leistungsbeginn?: string;
  bwzBeginn?: string;
};

function kindergeld(monat: string): number {
  if (monat < '2023-01') return 219;
  if (monat < '2025-01') return 250;
  if (monat < '2026-01') return 255;
  return 259;
}

/**
 * A couple with two children and earnings: Anna (Antragstellerin), Ben (Partner, works), Clara (born 2018-09-15,
 * turns 6 in September 2024 → Regelbedarfsstufe 6 → 5) and David (born 2012-01-20).
 */
export function familienInput(monat: string, o: FamilienOptionen = {}): BerechnungInput {
  const e = o.erwerb ? o.erwerb(monat) : { brutto: 1200, netto: 950 };
  const einkommenBen: EinkommenInput[] = e ? [{ art: 'erwerbstaetigkeit', brutto: e.brutto, netto: e.netto }] : [];
  const personen: PersonInput[] = [
    { id: 'p1', geburtsdatum: '1988-03-10', rolle: 'antragsteller', ...(o.vermoegen ? { vermoegen: o.vermoegen } : {}) },
    { id: 'p2', geburtsdatum: '1986-11-02', rolle: 'partner', einkommen: einkommenBen },
    { id: 'k1', geburtsdatum: '2018-09-15', rolle: 'kind', einkommen: [{ art: 'kindergeld', betrag: kindergeld(monat) }] },
    { id: 'k2', geburtsdatum: '2012-01-20', rolle: 'kind', einkommen: [{ art: 'kindergeld', betrag: kindergeld(monat) }] },
  ];
  return {
    version: 1,
    zeitraum: monat,
    leistungsbeginn: o.leistungsbeginn ?? '2024-06',
    bewilligungszeitraumBeginn: o.bwzBeginn ?? '2024-06',
    personen,
    unterkunft: { grundmiete: 650, nebenkosten: 150, heizkosten: 110, angemessen: { bruttokaltmiete: 850, heizkosten: 130 } },
  };
}

export function familienInputs(beginn: string, monate: number, o: FamilienOptionen = {}): BerechnungInput[] {
  const opts = { leistungsbeginn: beginn, bwzBeginn: beginn, ...o };
  return monateVonBis(beginn, monatPlus(beginn, monate - 1)).map((m) => familienInput(m, opts));
}

export const TRAEGER_KONTO = { name: 'Kreis Musterland Jobcenter', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
export const EMPFAENGER_KONTO = { name: 'Anna Beispiel', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' };
