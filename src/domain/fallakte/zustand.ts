/**
 * Reconstructs a Fallakte on a past (or future) day from its dated facts.
 */
import { ersterTag, letzterTag, monatVon, tagDanach } from './datum.ts';
import { alleGeltendenAm, geltendeAm, gilt } from './perioden.ts';
import { ROLLEN, type FallakteDaten, type FallZustand, type MitgliedschaftPeriode, type PersonZustand, type Rolle } from './typen.ts';

const ROLLEN_REIHENFOLGE: Record<string, number> = { antragsteller: 0, partner: 1, kind: 2, sonstige: 3 };

function personAm(daten: FallakteDaten, m: MitgliedschaftPeriode, tag: string): PersonZustand {
  const eigene = daten.stammdaten.filter((s) => s.personId === m.personId);
  // Before the first recorded Stammdaten the earliest ones name the person.
  const stamm = geltendeAm(eigene, tag) ?? [...eigene].sort((a, b) => (a.gueltigVon < b.gueltigVon ? -1 : 1))[0];
  const rolle = (ROLLEN as readonly string[]).includes(m.rolle) ? (m.rolle as Rolle) : 'sonstige';
  return {
    id: m.personId,
    rolle,
    inBg: m.inBg,
    mitgliedSeit: m.gueltigVon,
    vorname: stamm?.vorname ?? '',
    nachname: stamm?.nachname ?? '',
    geburtsdatum: stamm?.geburtsdatum ?? '',
    geschlecht: stamm?.geschlecht ?? null,
    staatsangehoerigkeit: stamm?.staatsangehoerigkeit ?? '',
    familienstand: stamm?.familienstand ?? null,
    telefon: stamm?.telefon ?? null,
    email: stamm?.email ?? null,
    merkmale: geltendeAm(
      daten.merkmale.filter((x) => x.personId === m.personId),
      tag,
    ) ?? null,
    einkommen: alleGeltendenAm(
      daten.einkommen.filter((x) => x.personId === m.personId),
      tag,
    ),
    vermoegen: alleGeltendenAm(
      daten.vermoegen.filter((x) => x.personId === m.personId),
      tag,
    ),
  };
}

function sortiere(personen: PersonZustand[]): PersonZustand[] {
  return personen.sort(
    (a, b) =>
      (ROLLEN_REIHENFOLGE[a.rolle] ?? 9) - (ROLLEN_REIHENFOLGE[b.rolle] ?? 9) ||
      (a.geburtsdatum < b.geburtsdatum ? -1 : a.geburtsdatum > b.geburtsdatum ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}

/** The state of the Fallakte on `tag` ('YYYY-MM-DD'): who belonged to it and which facts were in force. */
export function zustandAm(daten: FallakteDaten, tag: string): FallZustand {
  const mitglieder = daten.mitgliedschaften.filter((m) => gilt(m, tag));
  const ids = new Set(mitglieder.map((m) => m.personId));
  return {
    stichtag: tag,
    bg: daten.bg,
    personen: sortiere(mitglieder.map((m) => personAm(daten, m, tag))),
    beziehungen: daten.beziehungen.filter((b) => gilt(b, tag) && ids.has(b.personId) && ids.has(b.zuPersonId)),
    adresse: geltendeAm(daten.adressen, tag) ?? null,
    bank: geltendeAm(daten.bankverbindungen, tag) ?? null,
    unterkunft: geltendeAm(daten.unterkunft, tag) ?? null,
    unterhaltspflichtige: alleGeltendenAm(daten.unterhaltspflichtige ?? [], tag),
    ...(daten.minderungen ? { minderungen: daten.minderungen } : {}),
  };
}

/**
 * The state that counts for a calendar month ('YYYY-MM'): the state on the first day of the month, plus children
 * born during the month (the engine gives them a Bedarf from their birthday) and one-off incomes that flow in during
 * the month (art 'einmalig', § 11 Abs. 3 SGB II). Other changes during a month are
 * found with `aenderungstageImMonat`; a caller that must honour them splits the month (engine: `zeitraum` von/bis).
 */
export function zustandFuerMonat(daten: FallakteDaten, monat: string): FallZustand {
  const erster = ersterTag(monat);
  const letzter = letzterTag(monat);
  const zustand = zustandAm(daten, erster);
  const schonDa = new Set(zustand.personen.map((p) => p.id));
  for (const m of daten.mitgliedschaften) {
    if (schonDa.has(m.personId) || m.gueltigVon <= erster || m.gueltigVon > letzter) continue;
    const person = personAm(daten, m, m.gueltigVon);
    if (monatVon(person.geburtsdatum) === monat) {
      zustand.personen.push(person);
      schonDa.add(m.personId);
    }
  }
  // a one-off income that flows in during the month counts for that month (its period starts on the Zuflussdatum)
  for (const p of zustand.personen) {
    const neu = daten.einkommen.filter((e) => e.personId === p.id && e.art === 'einmalig' && e.gueltigVon > erster && e.gueltigVon <= letzter);
    if (neu.length) p.einkommen = [...p.einkommen, ...neu];
  }
  zustand.personen = sortiere(zustand.personen);
  return zustand;
}

/** Days within the month (after the 1st) on which some fact of the Fallakte changes. */
export function aenderungstageImMonat(daten: FallakteDaten, monat: string): string[] {
  const erster = ersterTag(monat);
  const letzter = letzterTag(monat);
  const tage = new Set<string>();
  const alle = [
    ...daten.mitgliedschaften,
    ...daten.merkmale,
    ...daten.einkommen,
    ...daten.vermoegen,
    ...daten.adressen,
    ...daten.bankverbindungen,
    ...daten.unterkunft,
    ...daten.beziehungen,
  ];
  for (const p of alle) {
    // a one-off income counts by months (zustandFuerMonat), its Zuflussdatum splits no month
    if ('art' in p && p.art === 'einmalig') continue;
    if (p.gueltigVon > erster && p.gueltigVon <= letzter) tage.add(p.gueltigVon);
    if (p.gueltigBis !== null && p.gueltigBis >= erster && p.gueltigBis < letzter) tage.add(tagDanach(p.gueltigBis));
  }
  return [...tage].sort();
}
