/**
 * A citizen's Veränderungsmitteilung (answers of one of the seven short flows, `flows/veraenderung.ts`) turned into
 * prepared Fallakte changes: new address and housing costs, new/changed/ended income, new bank account, a person
 * joining (birth, new household member) or leaving. The caseworker sees every proposal as a pre-filled form, may
 * correct it and applies all of them with one confirmation – nothing is applied without that step.
 *
 * Pure: the caller passes the case's persons (with their running incomes) and the Träger's Kommunen. Where the
 * answers do not identify something (a person named in free text, the Kommune of a new address) the proposal leaves
 * it empty and says so in `hinweise`, so the caseworker chooses.
 */
import type { EinkommenArt, Rolle } from '../fallakte/typen.ts';
import type { Veraenderungsart } from './flows/veraenderung.ts';

export type FallPersonKurz = {
  id: string;
  vorname: string;
  nachname: string;
  rolle: Rolle | string;
  staatsangehoerigkeit: string;
  /** incomes running at the change's day */
  einkommen: { id: string; art: string; bezeichnung: string | null }[];
};
export type KommuneKurz = { id: string; name: string };

export type EinkommenVorschlag = {
  typ: 'einkommen';
  ab: string;
  personId: string | null;
  /** existing income to change or end; null: a new income */
  einkommenId: string | null;
  /** the income ends the day before `ab` */
  ende: boolean;
  art: EinkommenArt;
  bezeichnung: string;
  bruttoCent: number | null;
  nettoCent: number | null;
  betragCent: number | null;
};
export type AdresseVorschlag = { typ: 'adresse'; ab: string; strasse: string; hausnummer: string; zusatz: string; plz: string; ort: string; kommuneId: string | null };
export type UnterkunftVorschlag = {
  typ: 'unterkunft';
  ab: string;
  /** no housing costs any more (e.g. living with parents free of charge) */
  keine: boolean;
  grundmieteCent: number | null;
  nebenkostenCent: number | null;
  heizkostenCent: number | null;
  warmwasserDezentral: boolean;
};
export type BankVorschlag = { typ: 'bank'; ab: string; iban: string; kontoinhaber: string };
export type PersonAufnahmeVorschlag = {
  typ: 'person_aufnehmen';
  ab: string;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  geschlecht: 'w' | 'm' | 'd' | null;
  staatsangehoerigkeit: string;
  rolle: Rolle;
  /** one income the person brings (or null) */
  einkommenArt: EinkommenArt | null;
  bruttoCent: number | null;
  nettoCent: number | null;
  betragCent: number | null;
};
export type PersonAustrittVorschlag = { typ: 'person_austritt'; ab: string; personId: string | null; name: string };

export type Vorschlag = EinkommenVorschlag | AdresseVorschlag | UnterkunftVorschlag | BankVorschlag | PersonAufnahmeVorschlag | PersonAustrittVorschlag;
export type VorschlagTyp = Vorschlag['typ'];

export type MitteilungVorschlaege = { vorschlaege: Vorschlag[]; hinweise: string[] };

type Daten = { mitteilung?: Record<string, unknown>; anschrift?: Record<string, unknown>; unterkunft?: Record<string, unknown>; bank?: Record<string, unknown>; [k: string]: unknown };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The person a free-text name means: exact "Vorname Nachname" (either order), else a unique first name, else – in a
 * case of one person – that person. Otherwise null (the caseworker chooses).
 */
export function findePerson(name: string, personen: FallPersonKurz[]): FallPersonKurz | null {
  const n = norm(name);
  if (n) {
    const voll = personen.filter((p) => norm(`${p.vorname} ${p.nachname}`) === n || norm(`${p.nachname} ${p.vorname}`) === n);
    if (voll.length === 1) return voll[0]!;
    const vor = personen.filter((p) => norm(p.vorname) === n || n.split(' ').includes(norm(p.vorname)));
    if (vor.length === 1) return vor[0]!;
  }
  return personen.length === 1 ? personen[0]! : null;
}

/** The Kommune of a town name (the same rule as the portal's pre-selection); null when none or several match. */
export function findeKommune(ort: string, kommunen: KommuneKurz[]): KommuneKurz | null {
  const n = norm(ort);
  const treffer = kommunen.filter((k) => norm(k.name) === n);
  return treffer.length === 1 ? treffer[0]! : null;
}

const PORTAL_ZU_FALL_EINKOMMEN: Record<string, EinkommenArt> = {
  arbeit: 'erwerbstaetigkeit',
  selbststaendigkeit: 'selbststaendigkeit',
  kindergeld: 'kindergeld',
  unterhalt: 'unterhalt',
  unterhaltsvorschuss: 'unterhaltsvorschuss',
  rente: 'rente',
  arbeitslosengeld: 'arbeitslosengeld',
  krankengeld: 'krankengeld',
  elterngeld: 'elterngeld',
  sonstiges: 'sonstiges',
};

const ROLLE_AUS_VERHAELTNIS: Record<string, Rolle> = { partner: 'partner', kind: 'kind', elternteil: 'sonstige', sonstige: 'sonstige' };
const geschlechtAus = (v: unknown): 'w' | 'm' | 'd' | null => (v === 'w' || v === 'm' || v === 'd' ? v : null);

/** Proposals for one Veränderungsmitteilung. `antragsdatum` is the fallback day where the answers name none. */
export function vorschlaegeAusMitteilung(
  art: Veraenderungsart | string | null,
  daten: Daten,
  fall: { personen: FallPersonKurz[]; kommunen: KommuneKurz[]; antragsdatum: string },
): MitteilungVorschlaege {
  const m = daten.mitteilung ?? {};
  const hinweise: string[] = [];
  const vorschlaege: Vorschlag[] = [];
  const personGesucht = (name: string) => {
    const p = findePerson(name, fall.personen);
    if (!p) hinweise.push(`Die Person „${name}“ ist in der Fallakte nicht eindeutig zu finden. Bitte wählen Sie sie aus.`);
    return p;
  };

  switch (art) {
    case 'arbeit': {
      const ab = str(m.ab) || fall.antragsdatum;
      const person = personGesucht(str(m.person));
      const erwerb = person?.einkommen.filter((e) => e.art === 'erwerbstaetigkeit') ?? [];
      const arbeitgeber = norm(str(m.arbeitgeber));
      const bestehend = erwerb.find((e) => arbeitgeber && norm(e.bezeichnung ?? '') === arbeitgeber) ?? (erwerb.length === 1 ? erwerb[0]! : null);
      const basis = { typ: 'einkommen' as const, ab, personId: person?.id ?? null, art: 'erwerbstaetigkeit' as const, betragCent: null };
      if (m.aenderung === 'neue_arbeit') {
        vorschlaege.push({ ...basis, einkommenId: null, ende: false, bezeichnung: str(m.arbeitgeber), bruttoCent: num(m.bruttoCent), nettoCent: num(m.nettoCent) });
      } else if (m.aenderung === 'einkommen_geaendert') {
        if (!bestehend && person) hinweise.push('Das bisherige Erwerbseinkommen ist nicht eindeutig; ohne Auswahl wird ein neues Einkommen angelegt.');
        vorschlaege.push({ ...basis, einkommenId: bestehend?.id ?? null, ende: false, bezeichnung: str(m.arbeitgeber), bruttoCent: num(m.bruttoCent), nettoCent: num(m.nettoCent) });
      } else if (m.aenderung === 'arbeit_beendet') {
        if (!bestehend && person) hinweise.push('Das beendete Erwerbseinkommen ist nicht eindeutig. Bitte wählen Sie es aus.');
        vorschlaege.push({ ...basis, einkommenId: bestehend?.id ?? null, ende: true, bezeichnung: bestehend?.bezeichnung ?? '', bruttoCent: null, nettoCent: null });
      }
      break;
    }
    case 'umzug': {
      const ab = str(m.datum) || fall.antragsdatum;
      const a = daten.anschrift ?? {};
      const kommune = findeKommune(str(a.ort), fall.kommunen);
      if (!kommune) hinweise.push(`Zum Ort „${str(a.ort)}“ gehört keine Kommune des Trägers eindeutig. Bitte wählen Sie die Kommune aus.`);
      vorschlaege.push({ typ: 'adresse', ab, strasse: str(a.strasse), hausnummer: str(a.hausnummer), zusatz: str(a.zusatz), plz: str(a.plz), ort: str(a.ort), kommuneId: kommune?.id ?? null });
      const u = daten.unterkunft ?? {};
      const keine = u.wohnform === 'ohne_kosten';
      vorschlaege.push({
        typ: 'unterkunft',
        ab,
        keine,
        grundmieteCent: keine ? null : num(u.grundmieteCent),
        nebenkostenCent: keine ? null : num(u.nebenkostenCent),
        heizkostenCent: keine ? null : num(u.heizkostenCent),
        warmwasserDezentral: u.warmwasserDezentral === true,
      });
      if (m.zusicherungBeantragt === true) hinweise.push('Die Person gibt an, die Zusicherung zu den Aufwendungen der neuen Unterkunft beantragt zu haben (§ 22 Abs. 4 SGB II).');
      if (m.zusicherungBeantragt === false) hinweise.push('Eine Zusicherung zu den Aufwendungen der neuen Unterkunft wurde nicht beantragt (§ 22 Abs. 4 SGB II).');
      break;
    }
    case 'person_neu': {
      const ab = str(m.einzugAm) || fall.antragsdatum;
      const rolle = ROLLE_AUS_VERHAELTNIS[str(m.verhaeltnis)] ?? 'sonstige';
      const ek = m.hatEinkommen === true ? (PORTAL_ZU_FALL_EINKOMMEN[str(m.einkommensart)] ?? 'sonstiges') : null;
      const betrag = num(m.betragCent);
      if (ek === 'erwerbstaetigkeit') hinweise.push('Für das Erwerbseinkommen hat die Person nur einen Betrag genannt; er steht als Brutto und Netto im Vorschlag. Bitte prüfen Sie beide Werte.');
      if (m.verhaeltnis === 'elternteil') hinweise.push('Ein Elternteil gehört in der Regel nur zum Haushalt, nicht zur Bedarfsgemeinschaft.');
      vorschlaege.push({
        typ: 'person_aufnehmen',
        ab,
        vorname: str(m.vorname),
        nachname: str(m.nachname),
        geburtsdatum: str(m.geburtsdatum),
        geschlecht: geschlechtAus(m.geschlecht),
        staatsangehoerigkeit: str(m.staatsangehoerigkeit).toUpperCase(),
        rolle,
        einkommenArt: ek,
        bruttoCent: ek === 'erwerbstaetigkeit' ? betrag : null,
        nettoCent: ek === 'erwerbstaetigkeit' ? betrag : null,
        betragCent: ek && ek !== 'erwerbstaetigkeit' ? betrag : null,
      });
      break;
    }
    case 'person_weg': {
      const name = str(m.name);
      const person = personGesucht(name);
      vorschlaege.push({ typ: 'person_austritt', ab: str(m.auszugAm) || fall.antragsdatum, personId: person?.id ?? null, name });
      if (m.neueAnschriftBekannt === true) hinweise.push(`Neue Anschrift der ausgezogenen Person: ${str(m.neueAnschrift)}`);
      break;
    }
    case 'geburt': {
      const mutter = fall.personen.find((p) => p.rolle === 'antragsteller');
      vorschlaege.push({
        typ: 'person_aufnehmen',
        ab: str(m.geburtsdatum) || fall.antragsdatum,
        vorname: str(m.vorname),
        nachname: str(m.nachname),
        geburtsdatum: str(m.geburtsdatum),
        geschlecht: geschlechtAus(m.geschlecht),
        staatsangehoerigkeit: mutter?.staatsangehoerigkeit ?? '',
        rolle: 'kind',
        einkommenArt: null,
        bruttoCent: null,
        nettoCent: null,
        betragCent: null,
      });
      hinweise.push('Die Staatsangehörigkeit des Kindes wurde nicht erfragt; vorbelegt ist die der antragstellenden Person.');
      hinweise.push(m.kindergeldBeantragt === true ? 'Kindergeld ist nach Angabe beantragt; es wird angerechnet, sobald es bewilligt ist.' : 'Kindergeld ist nach Angabe noch nicht beantragt.');
      break;
    }
    case 'bank': {
      const b = daten.bank ?? {};
      vorschlaege.push({ typ: 'bank', ab: str(m.ab) || fall.antragsdatum, iban: str(b.iban), kontoinhaber: str(b.kontoinhaber) });
      break;
    }
    case 'abwesenheit': {
      const von = str(m.von);
      const bis = str(m.bis);
      hinweise.push(
        `Ortsabwesenheit vom ${datum(von)} bis ${datum(bis)} (Grund: ${str(m.grund)})${str(m.erreichbar) ? `, erreichbar: ${str(m.erreichbar)}` : ''}. Sie ändert die Fallakte nicht; bitte prüfen Sie die Zustimmung (§ 7b SGB II).`,
      );
      break;
    }
    default:
      hinweise.push('Zu dieser Mitteilung gibt es keine vorbereitete Änderung.');
  }
  return { vorschlaege, hinweise };
}

const datum = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);
