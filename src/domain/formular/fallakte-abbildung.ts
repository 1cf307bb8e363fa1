/**
 * Maps a completed online application (portal shape `AntragDaten`, docs/antrag-datenformat.md) to the Fallakte's
 * Antragsdaten (`ErstantragDaten`, docs/fallakte.md), so the Antrag lands in the work queue with the data in place and
 * a caseworker takes it over without retyping.
 *
 * Decisions:
 *  - refs: 'antragsteller', 'partner', the child's / other person's entry id (k1, w2 …) — stable within the Antrag.
 *  - geschlecht 'keine_angabe' → null. Other household members are asked no nationality → 'XX' (ungeklärt).
 *  - Kindergeld stated per child becomes the child's income (art kindergeld), paid to the Antragsteller.
 *  - Work income → erwerbstaetigkeit (Arbeitgeber as bezeichnung); Selbstständigkeit → monthly profit as betrag.
 *  - Schwangerschaft → merkmal schwanger of the named person; Behinderung counts only with Teilhabeleistungen.
 *  - "Alleinerziehend: nein" overrides the derived value; "ja" leaves it derived (null).
 *  - Wohnform 'ohne_kosten' → no Unterkunft row.
 *  - The Kommune is not part of the form (PLZ do not identify it); the portal asks for it on submission.
 */
import type { EinkommenDaten, ErstantragDaten, PersonDaten } from '../fallakte/antragsdaten.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

export class AbbildungUnvollstaendig extends Error {
  constructor(public readonly feld: string) {
    super(`Für die Übernahme in die Fallakte fehlt: ${feld}`);
  }
}

function pflicht<T>(wert: T | undefined | null, feld: string): T {
  if (wert === undefined || wert === null || wert === '') throw new AbbildungUnvollstaendig(feld);
  return wert;
}

const geschlecht = (g: string | undefined): 'w' | 'm' | 'd' | null => (g === 'w' || g === 'm' || g === 'd' ? g : null);

export function antragZuErstantragDaten(d: AntragDaten, optionen: { kommuneId: string }): ErstantragDaten {
  const personen: PersonDaten[] = [];
  const a = d.antragsteller ?? {};
  personen.push({
    ref: 'antragsteller',
    vorname: pflicht(a.vorname, 'antragsteller.vorname'),
    nachname: pflicht(a.nachname, 'antragsteller.nachname'),
    geburtsdatum: pflicht(a.geburtsdatum, 'antragsteller.geburtsdatum'),
    geschlecht: geschlecht(a.geschlecht),
    staatsangehoerigkeit: pflicht(a.staatsangehoerigkeit, 'antragsteller.staatsangehoerigkeit'),
    rolle: 'antragsteller',
  });
  if (d.haushalt?.partner === true) {
    const p = d.partner ?? {};
    personen.push({
      ref: 'partner',
      vorname: pflicht(p.vorname, 'partner.vorname'),
      nachname: pflicht(p.nachname, 'partner.nachname'),
      geburtsdatum: pflicht(p.geburtsdatum, 'partner.geburtsdatum'),
      geschlecht: geschlecht(p.geschlecht),
      staatsangehoerigkeit: pflicht(p.staatsangehoerigkeit, 'partner.staatsangehoerigkeit'),
      rolle: 'partner',
      ...(p.erwerbsfaehig === false ? { erwerbsfaehig: false } : {}),
    });
  }
  for (const k of d.haushalt?.kinder === true ? (d.kinder ?? []) : []) {
    const einkommen: EinkommenDaten[] = k.kindergeld === true && typeof k.kindergeldCent === 'number' ? [{ art: 'kindergeld', betragCent: k.kindergeldCent }] : [];
    personen.push({
      ref: k.id,
      vorname: pflicht(k.vorname, `kinder.${k.id}.vorname`),
      nachname: pflicht(k.nachname, `kinder.${k.id}.nachname`),
      geburtsdatum: pflicht(k.geburtsdatum, `kinder.${k.id}.geburtsdatum`),
      geschlecht: geschlecht(k.geschlecht),
      staatsangehoerigkeit: pflicht(k.staatsangehoerigkeit, `kinder.${k.id}.staatsangehoerigkeit`),
      rolle: 'kind',
      ...(k.kindergeld === true ? { kindergeldberechtigter: 'antragsteller' } : {}),
      ...(einkommen.length ? { einkommen } : {}),
    });
  }
  for (const w of d.haushalt?.weiterePersonen === true ? (d.weiterePersonen ?? []) : []) {
    personen.push({
      ref: w.id,
      vorname: pflicht(w.vorname, `weiterePersonen.${w.id}.vorname`),
      nachname: pflicht(w.nachname, `weiterePersonen.${w.id}.nachname`),
      geburtsdatum: pflicht(w.geburtsdatum, `weiterePersonen.${w.id}.geburtsdatum`),
      geschlecht: null,
      staatsangehoerigkeit: 'XX',
      rolle: 'sonstige',
      inBedarfsgemeinschaft: false,
    });
  }
  const person = (ref: string | undefined) => personen.find((p) => p.ref === ref && p.rolle !== 'sonstige');

  for (const e of d.einkommenVorhanden === true ? (d.einkommen ?? []) : []) {
    const p = person(e.person);
    if (!p || !e.art) continue;
    let eintrag: EinkommenDaten | undefined;
    if (e.art === 'arbeit') {
      eintrag = {
        art: 'erwerbstaetigkeit',
        ...(e.arbeitgeber ? { bezeichnung: e.minijob ? `${e.arbeitgeber} (Minijob)` : e.arbeitgeber } : {}),
        bruttoCent: pflicht(e.bruttoCent, `einkommen.${e.id}.bruttoCent`),
        nettoCent: pflicht(e.nettoCent, `einkommen.${e.id}.nettoCent`),
      };
    } else if (e.art === 'selbststaendigkeit') {
      eintrag = { art: 'selbststaendigkeit', ...(e.taetigkeit ? { bezeichnung: e.taetigkeit } : {}), betragCent: pflicht(e.gewinnMonatlichCent, `einkommen.${e.id}.gewinnMonatlichCent`) };
    } else {
      eintrag = { art: e.art, ...(e.bezeichnung ? { bezeichnung: e.bezeichnung } : {}), betragCent: pflicht(e.betragCent, `einkommen.${e.id}.betragCent`) };
    }
    p.einkommen = [...(p.einkommen ?? []), eintrag];
  }
  for (const v of d.vermoegenVorhanden === true ? (d.vermoegen ?? []) : []) {
    const p = person(v.person);
    if (!p) continue;
    p.vermoegen = [...(p.vermoegen ?? []), { bezeichnung: pflicht(v.bezeichnung, `vermoegen.${v.id}.bezeichnung`), wertCent: pflicht(v.wertCent, `vermoegen.${v.id}.wertCent`) }];
  }
  const mb = d.mehrbedarf;
  const arten = mb?.arten ?? [];
  if (arten.includes('schwangerschaft')) {
    const p = person(mb?.schwangerePerson);
    if (p) p.schwanger = true;
  }
  if (arten.includes('behinderung') && mb?.teilhabeleistungen === true) {
    const p = person(mb.behindertePerson);
    if (p) p.mehrbedarf = { ...p.mehrbedarf, behinderung: true };
  }
  if (mb?.alleinerziehend === false) personen[0]!.alleinerziehend = false;

  const an = d.anschrift ?? {};
  const u = d.unterkunft;
  return {
    antragsdatum: pflicht(d.antragsdatum, 'antragsdatum'),
    eingangskanal: 'online',
    personen,
    adresse: {
      strasse: pflicht(an.strasse, 'anschrift.strasse'),
      hausnummer: pflicht(an.hausnummer, 'anschrift.hausnummer'),
      ...(an.zusatz ? { zusatz: an.zusatz } : {}),
      plz: pflicht(an.plz, 'anschrift.plz'),
      ort: pflicht(an.ort, 'anschrift.ort'),
      kommuneId: optionen.kommuneId,
    },
    bank: d.bank?.iban ? { iban: d.bank.iban, kontoinhaber: pflicht(d.bank.kontoinhaber, 'bank.kontoinhaber') } : null,
    unterkunft:
      u && (u.wohnform === 'miete' || u.wohnform === 'eigentum')
        ? {
            grundmieteCent: u.grundmieteCent ?? 0,
            nebenkostenCent: u.nebenkostenCent ?? 0,
            heizkostenCent: u.heizkostenCent ?? 0,
            ...(u.warmwasserDezentral === true ? { warmwasserDezentral: true } : {}),
          }
        : null,
  };
}
