/**
 * Antragsdaten of an Erstantrag → the dated facts of a new Fallakte. Every fact starts at the Leistungsbeginn
 * (first of the month of the Antragsdatum) and runs open. Ids come from the caller (`neueId`), so this stays pure.
 */
import { leistungsbeginn, type EinkommenDaten, type ErstantragDaten } from './antragsdaten.ts';
import { einmaligGueltigBis } from './perioden.ts';
import type { EinkommenPeriode, FallakteDaten, MerkmalePeriode } from './typen.ts';

/**
 * One income of the Antragsdaten as a Fallakte period from `basis.gueltigVon`; a one-off income (art 'einmalig')
 * runs from its Zuflussdatum instead (docs/fallakte.md, "Einmalige Einnahmen").
 */
export function einkommenPeriode(e: EinkommenDaten, basis: { id: string; personId: string; gueltigVon: string; gueltigBis: string | null }): EinkommenPeriode {
  const leer = { ...basis, art: e.art, bezeichnung: e.bezeichnung || null, bruttoCent: null, nettoCent: null, absetzungenCent: null, betragCent: null, zuflussDatum: null, erbschaft: false, ferienjob: false };
  if (e.art === 'erwerbstaetigkeit') return { ...leer, bruttoCent: e.bruttoCent, nettoCent: e.nettoCent, absetzungenCent: e.absetzungenCent ?? null, ferienjob: e.ferienjob ?? false };
  if (e.art === 'selbststaendigkeit' && e.bruttoCent !== undefined && e.nettoCent !== undefined) {
    return { ...leer, bruttoCent: e.bruttoCent, nettoCent: e.nettoCent, absetzungenCent: e.absetzungenCent ?? null };
  }
  if (e.art === 'einmalig') {
    return { ...leer, gueltigVon: e.zuflussDatum, gueltigBis: einmaligGueltigBis(e.zuflussDatum), betragCent: e.betragCent, zuflussDatum: e.zuflussDatum, erbschaft: e.erbschaft ?? false };
  }
  return { ...leer, betragCent: e.betragCent ?? 0 };
}

export function faktenAusErstantrag(
  d: ErstantragDaten,
  opts: { bg: FallakteDaten['bg']; neueId: () => string; bank?: { iban: string } },
): { daten: FallakteDaten; personIds: Record<string, string> } {
  const von = leistungsbeginn(d.antragsdatum);
  const offen = { gueltigVon: von, gueltigBis: null };
  const personIds: Record<string, string> = {};
  for (const p of d.personen) personIds[p.ref] = opts.neueId();
  const bgId = opts.bg.id;
  const daten: FallakteDaten = {
    bg: opts.bg,
    mitgliedschaften: [],
    stammdaten: [],
    merkmale: [],
    einkommen: [],
    vermoegen: [],
    beziehungen: [],
    adressen: [],
    bankverbindungen: [],
    unterkunft: [],
    unterhaltspflichtige: [],
  };
  const antragsteller = d.personen.find((p) => p.rolle === 'antragsteller');
  const partner = d.personen.find((p) => p.rolle === 'partner');
  for (const p of d.personen) {
    const personId = personIds[p.ref]!;
    daten.stammdaten.push({
      id: opts.neueId(),
      personId,
      ...offen,
      vorname: p.vorname,
      nachname: p.nachname,
      geburtsdatum: p.geburtsdatum,
      geschlecht: p.geschlecht ?? null,
      staatsangehoerigkeit: p.staatsangehoerigkeit,
      familienstand: p.familienstand ?? null,
      telefon: p.telefon || null,
      email: p.email || null,
    });
    // A child born after the first of the month belongs to the BG from its birthday.
    const mitgliedVon = p.geburtsdatum > von ? p.geburtsdatum : von;
    daten.mitgliedschaften.push({
      id: opts.neueId(),
      bgId,
      personId,
      gueltigVon: mitgliedVon,
      gueltigBis: null,
      rolle: p.rolle,
      inBg: p.inBedarfsgemeinschaft ?? p.rolle !== 'sonstige',
    });
    const merkmale: MerkmalePeriode = {
      id: opts.neueId(),
      personId,
      ...offen,
      erwerbsfaehig: p.erwerbsfaehig ?? null,
      schwanger: p.schwanger ?? false,
      mehrbedarfBehinderung: p.mehrbedarf?.behinderung ?? false,
      mehrbedarfErnaehrungCent: p.mehrbedarf?.ernaehrungCent ?? null,
      mehrbedarfUnabweisbarCent: p.mehrbedarf?.unabweisbarCent ?? null,
      mehrbedarfSchulbuecherCent: p.mehrbedarf?.schulbuecherCent ?? null,
      alleinerziehend: p.alleinerziehend ?? null,
      kindergeldberechtigterPersonId: p.kindergeldberechtigter ? (personIds[p.kindergeldberechtigter] ?? null) : null,
      ausbildung: p.ausbildung ?? null,
      sgb12: p.sgb12 ?? false,
    };
    daten.merkmale.push(merkmale);
    for (const e of p.einkommen ?? []) {
      daten.einkommen.push(einkommenPeriode(e, { id: opts.neueId(), personId, ...offen }));
    }
    for (const v of p.vermoegen ?? []) {
      daten.vermoegen.push({ id: opts.neueId(), personId, ...offen, bezeichnung: v.bezeichnung, wertCent: v.wertCent });
    }
    if (p.rolle === 'kind') {
      const eltern = p.eltern ?? [antragsteller?.ref, partner?.ref].filter((x): x is string => !!x);
      for (const e of eltern) {
        const elternId = personIds[e];
        if (elternId) daten.beziehungen.push({ id: opts.neueId(), personId: elternId, zuPersonId: personId, art: 'elternteil', gueltigVon: mitgliedVon, gueltigBis: null });
      }
    }
  }
  if (antragsteller && partner) {
    daten.beziehungen.push({ id: opts.neueId(), personId: personIds[antragsteller.ref]!, zuPersonId: personIds[partner.ref]!, art: 'partner', ...offen });
  }
  daten.adressen.push({
    id: opts.neueId(),
    ...offen,
    strasse: d.adresse.strasse,
    hausnummer: d.adresse.hausnummer,
    zusatz: d.adresse.zusatz ?? null,
    plz: d.adresse.plz,
    ort: d.adresse.ort,
    kommuneId: d.adresse.kommuneId,
  });
  if (d.bank) {
    daten.bankverbindungen.push({
      id: opts.neueId(),
      ...offen,
      iban: opts.bank?.iban ?? d.bank.iban,
      bic: d.bank.bic || null,
      kontoinhaber: d.bank.kontoinhaber,
    });
  }
  if (d.unterkunft) {
    daten.unterkunft.push({
      id: opts.neueId(),
      ...offen,
      grundmieteCent: d.unterkunft.grundmieteCent,
      nebenkostenCent: d.unterkunft.nebenkostenCent,
      heizkostenCent: d.unterkunft.heizkostenCent,
      warmwasserDezentral: d.unterkunft.warmwasserDezentral ?? false,
      wohnflaecheQm: d.unterkunft.wohnflaecheQm ?? null,
      heizungsart: d.unterkunft.heizungsart ?? null,
    });
  }
  for (const u of d.unterhaltspflichtige ?? []) {
    daten.unterhaltspflichtige!.push({
      id: opts.neueId(),
      ...offen,
      name: u.name,
      verhaeltnis: u.verhaeltnis,
      fuerPersonId: u.fuer ? (personIds[u.fuer] ?? null) : null,
      zahlt: u.zahlt ?? null,
      betragCent: u.betragCent ?? null,
      titel: u.titel ?? null,
    });
  }
  return { daten, personIds };
}
