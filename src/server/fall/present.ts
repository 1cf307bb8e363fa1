import { z } from 'zod';
import type { Antrag, FallEreignis, FallVermerk, Wiedervorlage } from '../../db/schema/index.ts';
import { leistungsbeginn } from '../../domain/fallakte/index.ts';
import type { FallakteAnsicht } from './oeffne-fallakte.ts';

/** Drops the tenant column and turns timestamps into ISO strings. */
function sauber<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'traegerId' || k === 'inhalt') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

const periode = z.looseObject({ id: z.string(), gueltigVon: z.string(), gueltigBis: z.string().nullable() });

export const antragSchema = z.object({
  id: z.string(),
  bgId: z.string().nullable(),
  art: z.string(),
  antragsdatum: z.string(),
  leistungsbeginn: z.string().nullable().describe('Erster des Antragsmonats (§ 37 Abs. 2 SGB II); bei Veränderungsmitteilungen null'),
  eingangskanal: z.string(),
  status: z.string(),
  standortId: z.string(),
  bearbeiterId: z.string().nullable(),
  bearbeiterName: z.string().nullable().optional(),
  faelligAm: z.string().nullable(),
  erledigtAm: z.string().nullable(),
  bewilligungId: z.string().nullable().optional().describe('die Bewilligung, deren Freigabe den Antrag entschieden hat'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export function presentAntrag(a: Antrag & { bearbeiterName?: string | null }): z.infer<typeof antragSchema> {
  return {
    id: a.id,
    bgId: a.bgId,
    art: a.art,
    antragsdatum: a.antragsdatum,
    leistungsbeginn: a.art === 'veraenderung' ? null : leistungsbeginn(a.antragsdatum),
    eingangskanal: a.eingangskanal,
    status: a.status,
    standortId: a.standortId,
    bearbeiterId: a.bearbeiterId,
    bearbeiterName: a.bearbeiterName ?? null,
    faelligAm: a.faelligAm,
    erledigtAm: a.erledigtAm ? a.erledigtAm.toISOString() : null,
    bewilligungId: a.bewilligungId ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

export const wiedervorlageSchema = z.object({
  id: z.string(),
  bgId: z.string(),
  antragId: z.string().nullable(),
  faelligAm: z.string(),
  grund: z.string(),
  zugewiesenAn: z.string().nullable(),
  zugewiesenName: z.string().nullable().optional(),
  erledigtAm: z.string().nullable(),
  fallnummer: z.string().optional(),
  antragsteller: z.string().nullable().optional(),
  art: z.string().describe('allgemein | kooperationsplan_ueberpruefung | integration_nachhaltigkeit | integration_kontakt | minderung_frist'),
  personId: z.string().nullable().describe('betroffene Person (Wiedervorlagen der Integration)'),
  bezugId: z.string().nullable().describe('Bezug, z. B. die Beschäftigungsaufnahme'),
  version: z.number(),
});

export function presentWiedervorlage(w: Wiedervorlage & { zugewiesenName?: string | null; fallnummer?: string; antragsteller?: string | null }) {
  return {
    id: w.id,
    bgId: w.bgId,
    antragId: w.antragId,
    faelligAm: w.faelligAm,
    grund: w.grund,
    zugewiesenAn: w.zugewiesenAn,
    zugewiesenName: w.zugewiesenName ?? null,
    erledigtAm: w.erledigtAm ? w.erledigtAm.toISOString() : null,
    ...(w.fallnummer !== undefined ? { fallnummer: w.fallnummer, antragsteller: w.antragsteller ?? null } : {}),
    art: w.art,
    personId: w.personId,
    bezugId: w.bezugId,
    version: w.version,
  };
}

export const vermerkSchema = z.object({ id: z.string(), text: z.string(), createdByName: z.string(), createdAt: z.string() });
export const presentVermerk = (v: FallVermerk) => ({ id: v.id, text: v.text, createdByName: v.createdByName, createdAt: v.createdAt.toISOString() });

export const ereignisSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  art: z.string(),
  beschreibung: z.string(),
  personId: z.string().nullable(),
});
export const presentEreignis = (e: FallEreignis) => ({ at: e.at.toISOString(), actorName: e.actorName, art: e.art, beschreibung: e.beschreibung, personId: e.personId });

const personZustandSchema = z.looseObject({
  id: z.string(),
  rolle: z.string(),
  inBg: z.boolean(),
  vorname: z.string(),
  nachname: z.string(),
  geburtsdatum: z.string(),
});

export const fallakteSchema = z.object({
  bg: z.object({ id: z.string(), fallnummer: z.string(), standortId: z.string(), standortName: z.string(), status: z.string(), version: z.number() }),
  stichtag: z.string(),
  bankSichtbar: z.boolean().describe('false: die Bankverbindung ist für diese Rolle nicht sichtbar und fehlt in der Antwort'),
  zustand: z.object({
    personen: z.array(personZustandSchema),
    beziehungen: z.array(periode),
    adresse: periode.nullable(),
    bank: periode.nullable().optional(),
    unterkunft: periode.nullable(),
    unterhaltspflichtige: z.array(periode).describe('Unterhaltspflichtige außerhalb des Haushalts (§ 33 SGB II)'),
  }),
  perioden: z.object({
    stammdaten: z.array(periode),
    mitgliedschaften: z.array(periode),
    merkmale: z.array(periode),
    einkommen: z.array(periode),
    vermoegen: z.array(periode),
    beziehungen: z.array(periode),
    adressen: z.array(periode),
    bankverbindungen: z.array(periode).optional(),
    unterkunft: z.array(periode),
    unterhaltspflichtige: z.array(periode),
  }),
  antraege: z.array(antragSchema),
  vermerke: z.array(vermerkSchema),
  wiedervorlagen: z.array(wiedervorlageSchema),
  dokumente: z.array(z.looseObject({ id: z.string(), titel: z.string(), mime: z.string(), groesse: z.number(), sha256: z.string() })),
  ereignisse: z.array(ereignisSchema),
});

const liste = <T extends Record<string, unknown>>(rows: T[]) => rows.map((r) => sauber(r) as z.infer<typeof periode>);

export function presentFallakte(a: FallakteAnsicht): z.infer<typeof fallakteSchema> {
  const z0 = a.zustand;
  return {
    bg: { id: a.bg.id, fallnummer: a.bg.fallnummer, standortId: a.bg.standortId, standortName: a.bg.standortName, status: a.bg.status, version: a.bg.version },
    stichtag: a.stichtag,
    bankSichtbar: a.bankSichtbar,
    zustand: {
      personen: z0.personen.map((p) => ({
        ...p,
        merkmale: p.merkmale ? sauber(p.merkmale) : null,
        einkommen: liste(p.einkommen),
        vermoegen: liste(p.vermoegen),
      })),
      beziehungen: liste(z0.beziehungen),
      adresse: z0.adresse ? (sauber(z0.adresse) as z.infer<typeof periode>) : null,
      ...(a.bankSichtbar ? { bank: z0.bank ? (sauber(z0.bank) as z.infer<typeof periode>) : null } : {}),
      unterkunft: z0.unterkunft ? (sauber(z0.unterkunft) as z.infer<typeof periode>) : null,
      unterhaltspflichtige: liste(z0.unterhaltspflichtige),
    },
    perioden: {
      stammdaten: liste(a.daten.stammdaten),
      mitgliedschaften: liste(a.daten.mitgliedschaften),
      merkmale: liste(a.daten.merkmale),
      einkommen: liste(a.daten.einkommen),
      vermoegen: liste(a.daten.vermoegen),
      beziehungen: liste(a.daten.beziehungen),
      adressen: liste(a.daten.adressen),
      ...(a.bankSichtbar ? { bankverbindungen: liste(a.daten.bankverbindungen) } : {}),
      unterkunft: liste(a.daten.unterkunft),
      unterhaltspflichtige: liste(a.daten.unterhaltspflichtige ?? []),
    },
    antraege: a.antraege.map(presentAntrag),
    vermerke: a.vermerke.map(presentVermerk),
    wiedervorlagen: a.wiedervorlagen.map(presentWiedervorlage),
    dokumente: a.dokumente.map((d) => sauber(d) as { id: string; titel: string; mime: string; groesse: number; sha256: string }),
    ereignisse: a.ereignisse.map(presentEreignis),
  };
}
