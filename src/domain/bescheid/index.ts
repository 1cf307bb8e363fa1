/**
 * Content model of a Bescheid (Bewilligungs-, Änderungs-, Ablehnungs-, Aufhebungsbescheid) – everything the letter
 * says, as plain JSON, independent of the PDF renderer (src/server/bescheid/pdf.ts). The content hash is the
 * SHA-256 of the canonical JSON of the model without the hash; store it with the Bescheid (immutable).
 */
import { datumLang } from '../berechnung/datum.ts';
import { euroText } from '../berechnung/geld.ts';
import type { Schritt } from '../berechnung/schema.ts';
import { ablehnungAus, monatsspanne } from '../bewilligung/ablehnung.ts';
import { anhoerungsHinweis } from '../bewilligung/aufhebung.ts';
import type { MonatsErgebnis, ZeitraumErgebnis } from '../bewilligung/berechnung.ts';
import { datumText, ersterTag, letzterTag, monatText, pruefeTag } from '../bewilligung/monat.ts';
import type { Vergleich } from '../bewilligung/vergleich.ts';
import { NORM_ABSCHLUSS_ERSTATTUNG } from '../bewilligung/vorlaeufig.ts';
import { leistungsnameIm } from '../zahlung/plan.ts';
import { kanonischesJson, sha256Hex } from './hash.ts';

export { kanonischesJson, sha256Hex } from './hash.ts';

export type BescheidArt = 'bewilligung' | 'aenderung' | 'ablehnung' | 'aufhebung' | 'aufrechnung';

export type Anschrift = { name: string; zusatz?: string; strasse: string; plz: string; ort: string };

export type BescheidEingabe = {
  art: BescheidArt;
  /** date of the Bescheid 'YYYY-MM-DD' (also the PDF's creation date) */
  datum: string;
  fallnummer: string;
  traeger: { name: string; jobcenter: string };
  standort: Anschrift & { telefon?: string; email?: string; oeffnungszeiten?: string };
  /** the Antragsteller, who receives the Bescheid for the BG (§ 38 SGB II) */
  empfaenger: Anschrift;
  /** names of the persons by the engine's person id */
  personen: readonly { id: string; name: string }[];
  bewilligungszeitraum: { beginn: string; ende: string };
  /** the computed months (with `schritte`); required except for an Aufhebung without new amounts */
  zeitraum?: ZeitraumErgebnis;
  antragsdatum?: string;
  vorlaeufig?: { grund: string } | null;
  /** Änderungsbescheid: what changed and why */
  aenderung?: {
    vergleich: Vergleich;
    gruende: readonly string[];
    bezugsbescheidVom?: string;
    /** abschließende Feststellung (§ 41a): the income rule applied and its norm */
    abschluss?: { norm: string; begruendung: string };
  };
  /** Aufhebungsbescheid */
  aufhebung?: {
    abMonat: string;
    grund: string;
    norm: string;
    vergleich?: Vergleich;
    bezugsbescheidVom?: string;
    /** date of the Anhörung (§ 24 Abs. 1 SGB X); null/undefined: none (then an exception or no note) */
    anhoerungAm?: string | null;
    /** documented exception of § 24 Abs. 2 SGB X */
    anhoerungAusnahme?: { text: string; norm: string; begruendung: string } | null;
    /** Aufhebung for the past: the Tatbestand of § 48 Abs. 1 S. 2 SGB X (sentence why, exact norm) */
    tatbestand?: { text: string; norm: string } | null;
    /** death of the only member: the Bescheid goes to the heirs */
    anErben?: boolean;
  };
  /** Ablehnung: the caseworker's own reasons (besides or instead of the engine's), each with its norm */
  eigeneAblehnungsgruende?: readonly { text: string; norm: string }[];
  /** masked account for the payment note */
  kontoMaskiert?: string;
  sachbearbeitung?: { name: string; telefon?: string };
};

export type BetragsTabelle = {
  spalten: { id: string; name: string }[];
  zeilen: { monat: string; monatText: string; personenCent: number[]; summeCent: number }[];
  summeCent: number;
};

export type Berechnungsabschnitt = {
  ueberschrift: string;
  monate: string[];
  /** `quelle`: where the amount's value comes from (the parameter's Fundstelle, or the case's data), when known */
  zeilen: { text: string; norm: string; betragCent: number; quelle?: string }[];
  summeCent: number;
};

export type Bescheid = {
  version: 1;
  art: BescheidArt;
  titel: string;
  betreff: string;
  leistung: string;
  datum: string;
  datumText: string;
  fallnummer: string;
  briefkopf: { traeger: string; jobcenter: string; standort: BescheidEingabe['standort'] };
  empfaenger: Anschrift;
  sachbearbeitung: { name: string; telefon?: string } | null;
  bedarfsgemeinschaft: { id: string; name: string }[];
  bewilligungszeitraum: { von: string; bis: string; text: string } | null;
  tenor: string[];
  betraege: BetragsTabelle | null;
  berechnung: Berechnungsabschnitt[];
  aenderungen: {
    gruende: string[];
    monate: { monat: string; monatText: string; altCent: number; neuCent: number; differenzCent: number }[];
    nachzahlungCent: number;
    erstattungCent: number;
  } | null;
  ablehnungsgruende: { text: string; norm: string; monate: string }[];
  hinweise: string[];
  rechtsgrundlagen: string[];
  rechtsbehelfsbelehrung: { ueberschrift: string; absaetze: string[] };
  /** sha256 of the canonical JSON of this object without `inhaltHash` */
  inhaltHash: string;
};

export const TITEL: Readonly<Record<BescheidArt, string>> = {
  bewilligung: 'Bewilligungsbescheid',
  aenderung: 'Änderungsbescheid',
  ablehnung: 'Ablehnungsbescheid',
  aufhebung: 'Aufhebungsbescheid',
  aufrechnung: 'Aufrechnungsbescheid',
};

/** Why a Bescheid cannot be built (stable codes; their general texts are in src/server/errors.ts). */
export type BescheidFehlerCode = 'aenderung_fehlt' | 'aufhebung_fehlt' | 'berechnung_fehlt' | 'erklaerung_fehlt' | 'kein_ablehnungsgrund';

export class BescheidFehler extends Error {
  readonly code: BescheidFehlerCode;
  constructor(code: BescheidFehlerCode, message: string) {
    super(message);
    this.name = 'BescheidFehler';
    this.code = code;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces the engine's person ids in a text by the persons' names (whole-word matches only). */
export function mitNamen(text: string, namen: ReadonlyMap<string, string>, muster: RegExp | null): string {
  if (!muster) return text;
  return text.replace(muster, (id) => namen.get(id) ?? id);
}

function namensMuster(namen: ReadonlyMap<string, string>): RegExp | null {
  const ids = [...namen.keys()].filter((id) => id.length > 0).sort((a, b) => b.length - a.length);
  if (ids.length === 0) return null;
  return new RegExp(`(?<![\\w-])(?:${ids.map(escapeRegex).join('|')})(?![\\w-])`, 'g');
}

/** Distinct benefit names in the order of the months ("Bürgergeld", "Arbeitslosengeld II und Sozialgeld", …). */
function leistungsnamen(z: ZeitraumErgebnis | undefined, beginn: string): string {
  const namen: string[] = [];
  for (const m of z?.monate ?? []) if (!namen.includes(m.ergebnis.leistung)) namen.push(m.ergebnis.leistung);
  if (namen.length === 0) namen.push(leistungsnameIm(beginn));
  return namen.join(' bzw. ');
}

/** Steps without the month-specific overview line; used to group months with the same calculation. */
function schrittSignatur(m: MonatsErgebnis): string {
  return JSON.stringify(m.ergebnis.schritte.slice(1).map((s) => [s.text, s.norm, s.betrag, s.person, s.quelle ?? null]));
}

/** "Rechtsstand 01.01.2026", for a carried-forward month with "fortgeschrieben, Recht bekannt am 31.12.2026". */
function standText(m: MonatsErgebnis): string {
  const f = m.ergebnis.fortgeschrieben;
  return `Rechtsstand ${datumText(m.ergebnis.rechtsstand)}${f ? `, fortgeschrieben: Recht bekannt am ${datumText(f.rechtBekanntBis)}` : ''}`;
}

/**
 * The sentence of a Bescheid whose months lie (partly) after the last day of known law: those months are computed
 * with the law known on that day, and a change of the Regelbedarfe brings an Änderungsbescheid (Massenänderung).
 */
export function fortschreibungsSatz(z: Pick<ZeitraumErgebnis, 'fortgeschriebeneMonate' | 'rechtBekanntBis'> | undefined): string | null {
  if (!z || z.fortgeschriebeneMonate.length === 0 || !z.rechtBekanntBis) return null;
  const monate = monatsspanne(z.fortgeschriebeneMonate);
  return `Die Leistungen für ${z.fortgeschriebeneMonate.length === 1 ? 'den Monat' : 'die Monate'} ${monate} sind berechnet nach dem Recht, das am ${datumLang(z.rechtBekanntBis)} bekannt war; ändern sich die Regelbedarfe, erhalten Sie einen Änderungsbescheid.`;
}

function abschnitte(z: ZeitraumErgebnis, namen: ReadonlyMap<string, string>, muster: RegExp | null): Berechnungsabschnitt[] {
  const out: Berechnungsabschnitt[] = [];
  let sig = '';
  for (const m of z.monate) {
    if (m.ergebnis.schritte.length === 0) {
      throw new BescheidFehler('erklaerung_fehlt', `Für ${monatText(m.monat)} fehlt die Erklärung der Berechnung (erklaerung: true).`);
    }
    const s = schrittSignatur(m);
    const letzter = out[out.length - 1];
    if (letzter && s === sig) {
      letzter.monate.push(m.monat);
      letzter.ueberschrift = `${monatsspanne(letzter.monate)} (monatlich, ${standText(m)})`;
      continue;
    }
    sig = s;
    const zeilen = m.ergebnis.schritte.slice(1).map((x: Schritt) => {
      const zeile = { text: mitNamen(x.text, namen, muster), norm: x.norm, betragCent: Math.round(x.betrag * 100) };
      return x.quelle === undefined ? zeile : { ...zeile, quelle: x.quelle };
    });
    out.push({
      ueberschrift: `${monatText(m.monat)} (${standText(m)})`,
      monate: [m.monat],
      zeilen,
      summeCent: m.auszahlungCent,
    });
  }
  return out;
}

function betragsTabelle(z: ZeitraumErgebnis, personen: readonly { id: string; name: string }[]): BetragsTabelle {
  const mitBetrag = new Set<string>();
  for (const m of z.monate) for (const p of m.personen) if (p.auszahlungCent !== 0) mitBetrag.add(p.id);
  const spalten = personen.filter((p) => mitBetrag.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
  const zeilen = z.monate.map((m) => {
    const je = new Map(m.personen.map((p) => [p.id, p.auszahlungCent]));
    return { monat: m.monat, monatText: monatText(m.monat), personenCent: spalten.map((s) => je.get(s.id) ?? 0), summeCent: m.auszahlungCent };
  });
  return { spalten, zeilen, summeCent: z.summeCent };
}

export function rechtsbehelfsbelehrung(e: Pick<BescheidEingabe, 'traeger' | 'standort'>): Bescheid['rechtsbehelfsbelehrung'] {
  const s = e.standort;
  const anschrift = `${e.traeger.jobcenter}, ${s.strasse}, ${s.plz} ${s.ort}`;
  return {
    ueberschrift: 'Rechtsbehelfsbelehrung',
    absaetze: [
      `Gegen diesen Bescheid können Sie Widerspruch einlegen. Die Frist dafür beträgt einen Monat; sie beginnt, wenn Ihnen der Bescheid bekannt gegeben worden ist.`,
      `Richten Sie den Widerspruch an das ${anschrift}. Sie können ihn schriftlich einreichen, dort mündlich zur Niederschrift erklären oder in elektronischer Form nach § 36a Absatz 2 des Ersten Buches Sozialgesetzbuch übermitteln.`,
    ],
  };
}

/** Builds the content model of a Bescheid and its content hash. Throws BescheidFehler for missing parts. */
export function erstelleBescheid(e: BescheidEingabe): Bescheid {
  pruefeTag(e.datum, 'Bescheiddatum');
  const z = e.zeitraum;
  if (e.art !== 'aufhebung' && !z) {
    throw new BescheidFehler('berechnung_fehlt', 'Für diesen Bescheid liegt keine berechnete Bewilligung vor.');
  }
  if (e.art === 'aenderung' && !e.aenderung) throw new BescheidFehler('aenderung_fehlt', 'Ein Änderungsbescheid braucht die Änderungen.');
  if (e.art === 'aufhebung' && !e.aufhebung) throw new BescheidFehler('aufhebung_fehlt', 'Ein Aufhebungsbescheid braucht Grund und Zeitpunkt.');
  const namen = new Map(e.personen.map((p) => [p.id, p.name]));
  const muster = namensMuster(namen);
  const leistung = leistungsnamen(z, e.bewilligungszeitraum.beginn);
  const von = ersterTag(e.bewilligungszeitraum.beginn);
  const bis = letzterTag(e.bewilligungszeitraum.ende);
  const zeitraumText = `${datumText(von)} bis ${datumText(bis)}`;
  const ablehnung = z ? ablehnungAus(z) : null;
  const eigene = e.art === 'ablehnung' ? (e.eigeneAblehnungsgruende ?? []) : [];
  const tenor: string[] = [];
  const hinweise: string[] = [];
  const rechtsgrundlagen = new Set<string>(['§§ 7, 9, 19 bis 22 SGB II', '§ 41 SGB II']);
  let aenderungen: Bescheid['aenderungen'] = null;

  const erstattungsSatz = (v: Vergleich | undefined): void => {
    if (!v) return;
    if (v.nachzahlung.gesamtCent > 0) {
      tenor.push(`Für bereits ausgezahlte Monate ergibt sich eine Nachzahlung von ${euroText(v.nachzahlung.gesamtCent)}. Sie wird auf Ihr Konto überwiesen.`);
    }
    if (v.erstattungsforderung?.norm === NORM_ABSCHLUSS_ERSTATTUNG) {
      // abschließende Feststellung: what remains overpaid after setting off the months of the period (§ 41a Abs. 6)
      const jePerson = v.erstattungsforderung.personen.map((p) => `${namen.get(p.id) ?? p.id} ${euroText(p.betragCent)}`).join(', ');
      tenor.push(
        `Die vorläufig gezahlten Leistungen werden angerechnet und Überzahlungen einzelner Monate mit Nachzahlungen anderer Monate dieses Bewilligungszeitraums verrechnet. Danach bleiben ${euroText(v.erstattungsforderung.betragCent)} überzahlt; der Betrag ist zu erstatten (${jePerson}; ${NORM_ABSCHLUSS_ERSTATTUNG}).`,
      );
      rechtsgrundlagen.add('§ 41a Abs. 6 SGB II');
    } else if (v.erstattungsforderung) {
      const jePerson = v.erstattungsforderung.personen.map((p) => `${namen.get(p.id) ?? p.id} ${euroText(p.betragCent)}`).join(', ');
      tenor.push(
        `Für bereits ausgezahlte Monate wurden ${euroText(v.erstattungsforderung.betragCent)} zu viel gezahlt. Die Bewilligung wird insoweit aufgehoben; der Betrag ist zu erstatten (${jePerson}).`,
      );
      // an Aufhebungsbescheid cites its own Tatbestand of § 48 Abs. 1 S. 2 SGB X instead
      if (e.art !== 'aufhebung') rechtsgrundlagen.add('§ 48 Abs. 1 SGB X, § 40 Abs. 2 Nr. 3 SGB II i.V.m. § 330 Abs. 3 SGB III');
      rechtsgrundlagen.add('§ 50 Abs. 1 SGB X');
    } else if (v.bagatelle) {
      hinweise.push(
        `Für bereits ausgezahlte Monate ergäbe sich nur eine Überzahlung von ${euroText(v.ueberzahlung.gesamtCent)}. Sie liegt unter ${euroText(v.bagatelle.grenzeCent)} und wird nicht zurückgefordert (${v.bagatelle.norm}).`,
      );
    }
  };

  switch (e.art) {
    case 'bewilligung': {
      tenor.push(
        `Ihnen und den mit Ihnen in der Bedarfsgemeinschaft lebenden Personen werden für die Zeit vom ${zeitraumText} Leistungen zur Sicherung des Lebensunterhalts (${leistung}) in der unten aufgeführten Höhe bewilligt.`,
      );
      if (ablehnung && !ablehnung.vollstaendig) {
        tenor.push(`Für ${ablehnung.monate.length === 1 ? 'den Monat' : 'die Monate'} ${ablehnung.monate.map(monatText).join(', ')} besteht kein Anspruch; insoweit wird der Antrag abgelehnt.`);
      }
      break;
    }
    case 'aenderung': {
      const a = e.aenderung as NonNullable<BescheidEingabe['aenderung']>;
      const erster = a.vergleich.geaenderteMonate[0];
      tenor.push(
        `${a.bezugsbescheidVom ? `Der Bescheid vom ${datumText(a.bezugsbescheidVom)}` : 'Die Bewilligung'} über ${leistung} für die Zeit vom ${zeitraumText} wird ${erster ? `ab ${monatText(erster.monat)} ` : ''}geändert. Die Leistungen werden wie unten aufgeführt neu festgesetzt.`,
      );
      if (a.abschluss) {
        tenor.push(`Über die vorläufig bewilligten Leistungen wird abschließend entschieden (§ 41a Abs. 3 SGB II). ${a.abschluss.begruendung} (${a.abschluss.norm})`);
        rechtsgrundlagen.add('§ 41a Abs. 3 SGB II');
        rechtsgrundlagen.add(a.abschluss.norm);
      }
      erstattungsSatz(a.vergleich);
      // the abschließende Feststellung replaces the vorläufige decision (§ 41a Abs. 3, 6 SGB II), no § 48 SGB X
      if (!a.abschluss) rechtsgrundlagen.add('§ 48 Abs. 1 SGB X, § 40 Abs. 2 Nr. 3 SGB II i.V.m. § 330 Abs. 3 SGB III');
      aenderungen = {
        gruende: a.gruende.map((g) => mitNamen(g, namen, muster)),
        monate: a.vergleich.geaenderteMonate.map((m) => ({ monat: m.monat, monatText: monatText(m.monat), altCent: m.altCent, neuCent: m.neuCent, differenzCent: m.differenzCent })),
        nachzahlungCent: a.vergleich.nachzahlung.gesamtCent,
        erstattungCent: a.vergleich.erstattungsforderung?.betragCent ?? 0,
      };
      break;
    }
    case 'ablehnung': {
      tenor.push(
        `Ihr Antrag${e.antragsdatum ? ` vom ${datumText(e.antragsdatum)}` : ''} auf Leistungen zur Sicherung des Lebensunterhalts (${leistung}) für die Zeit vom ${zeitraumText} wird abgelehnt.`,
      );
      if (!ablehnung && eigene.length === 0) {
        throw new BescheidFehler('kein_ablehnungsgrund', 'Die Berechnung ergibt in jedem Monat einen Anspruch; eine Ablehnung ist nicht begründet.');
      }
      for (const g of eigene) rechtsgrundlagen.add(g.norm);
      break;
    }
    case 'aufhebung': {
      const a = e.aufhebung as NonNullable<BescheidEingabe['aufhebung']>;
      tenor.push(
        `${a.bezugsbescheidVom ? `Die Entscheidung vom ${datumText(a.bezugsbescheidVom)}` : 'Die Bewilligung'} über ${leistung} wird ab ${datumText(ersterTag(a.abMonat))} ganz aufgehoben. Grund: ${mitNamen(a.grund, namen, muster)}`,
      );
      if (a.tatbestand) {
        tenor.push(`Die Aufhebung wirkt ab dem Zeitpunkt der Änderung, also auch für die Vergangenheit. ${a.tatbestand.text} (${a.tatbestand.norm})`);
      }
      rechtsgrundlagen.add(a.norm);
      if (a.tatbestand) rechtsgrundlagen.add(a.tatbestand.norm);
      erstattungsSatz(a.vergleich);
      if (a.vergleich) {
        const v = a.vergleich;
        aenderungen = {
          gruende: [mitNamen(a.grund, namen, muster)],
          monate: v.geaenderteMonate.map((m) => ({ monat: m.monat, monatText: monatText(m.monat), altCent: m.altCent, neuCent: m.neuCent, differenzCent: m.differenzCent })),
          nachzahlungCent: v.nachzahlung.gesamtCent,
          erstattungCent: v.erstattungsforderung?.betragCent ?? 0,
        };
      }
      const anhoerung = anhoerungsHinweis({ anhoerungAm: a.anhoerungAm ?? null, anhoerungAusnahme: a.anhoerungAusnahme }, datumText);
      if (anhoerung) hinweise.push(anhoerung);
      if (a.anhoerungAusnahme) rechtsgrundlagen.add(a.anhoerungAusnahme.norm);
      hinweise.push('Ein Widerspruch gegen die Aufhebung hat keine aufschiebende Wirkung (§ 39 Nr. 1 SGB II).');
      break;
    }
  }

  // months after the last day of known law (fortgeschrieben): say so wherever amounts are decided
  const fortschreibung = e.art === 'bewilligung' || e.art === 'aenderung' ? fortschreibungsSatz(z) : null;
  if (fortschreibung) tenor.push(fortschreibung);

  if (e.vorlaeufig) {
    tenor.push(`Die Entscheidung ergeht vorläufig (§ 41a Abs. 1 SGB II). Grund der Vorläufigkeit: ${e.vorlaeufig.grund}`);
    hinweise.push(
      'Nach Ablauf des Bewilligungszeitraums wird abschließend entschieden. Bitte legen Sie dann die angeforderten Nachweise, insbesondere über Ihr tatsächliches Einkommen, vor (§ 41a Abs. 3 SGB II).',
    );
    rechtsgrundlagen.add('§ 41a SGB II');
  }
  // reasons of the caseworker apply to the whole period; the engine's name their months
  const eigeneGruende = eigene.map((g) => ({ text: mitNamen(g.text, namen, muster), norm: g.norm, monate: zeitraumText }));
  const ablehnungsgruende = [...(ablehnung?.gruende ?? []).map((g) => ({ text: g.text, norm: g.norm, monate: monatsspanne(g.monate) })), ...eigeneGruende];
  if (ablehnung && ablehnung.gruende.length > 0) {
    if (ablehnung.gruende.some((g) => g.grund === 'nicht_erreichbar')) rechtsgrundlagen.add('§ 7b Abs. 4 SGB II');
    if (ablehnung.gruende.some((g) => g.grund !== 'nicht_erreichbar')) rechtsgrundlagen.add(ablehnung.gruende.some((g) => g.grund === 'vermoegen') ? '§ 12 SGB II' : '§§ 11–11b SGB II');
  }
  if (e.art !== 'ablehnung' && e.art !== 'aufhebung') {
    hinweise.push(
      `Die Leistungen werden monatlich im Voraus${e.kontoMaskiert ? ` auf das Konto ${e.kontoMaskiert}` : ''} überwiesen (§ 42 Abs. 1 SGB II).`,
      'Bitte teilen Sie uns jede Änderung Ihrer Verhältnisse unverzüglich mit, zum Beispiel die Aufnahme einer Arbeit, neues Einkommen, einen Umzug oder die Geburt eines Kindes (§ 60 Abs. 1 S. 1 Nr. 2 SGB I).',
      'Über Leistungen für Bildung und Teilhabe (§ 28 SGB II) wird gesondert entschieden (§ 41 Abs. 3 S. 4 SGB II).',
      `Für die Zeit nach dem ${datumText(bis)} ist ein Weiterbewilligungsantrag nötig.`,
    );
  }

  const zeigtBetraege = z !== undefined && e.art !== 'ablehnung';
  const ohneHash: Omit<Bescheid, 'inhaltHash'> = {
    version: 1,
    art: e.art,
    titel: TITEL[e.art],
    betreff: `${TITEL[e.art]} über ${leistung} nach dem Zweiten Buch Sozialgesetzbuch (SGB II), Fallnummer ${e.fallnummer}`,
    leistung,
    datum: e.datum,
    datumText: datumText(e.datum),
    fallnummer: e.fallnummer,
    briefkopf: { traeger: e.traeger.name, jobcenter: e.traeger.jobcenter, standort: { ...e.standort } },
    empfaenger: e.art === 'aufhebung' && e.aufhebung?.anErben ? { ...e.empfaenger, name: `An die Erben von ${e.empfaenger.name}` } : { ...e.empfaenger },
    sachbearbeitung: e.sachbearbeitung ? { ...e.sachbearbeitung } : null,
    bedarfsgemeinschaft: e.personen.map((p) => ({ id: p.id, name: p.name })),
    bewilligungszeitraum: { von, bis, text: zeitraumText },
    tenor,
    betraege: zeigtBetraege && z ? betragsTabelle(z, e.personen) : null,
    // an Ablehnung for the caseworker's reasons alone shows no calculation (the engine found an entitlement)
    berechnung: z && !(e.art === 'ablehnung' && !ablehnung?.vollstaendig && eigene.length > 0) ? abschnitte(z, namen, muster) : [],
    aenderungen,
    ablehnungsgruende,
    hinweise,
    rechtsgrundlagen: [...rechtsgrundlagen],
    rechtsbehelfsbelehrung: rechtsbehelfsbelehrung(e),
  };
  return { ...ohneHash, inhaltHash: bescheidHash(ohneHash) };
}

/** SHA-256 of the canonical JSON of the model without `inhaltHash`. */
export function bescheidHash(b: Omit<Bescheid, 'inhaltHash'> | Bescheid): string {
  const { inhaltHash: _ignoriert, ...rest } = b as Bescheid;
  return sha256Hex(kanonischesJson(rest));
}

/** True when the stored hash matches the content (detects changes of a stored Bescheid). */
export function bescheidUnveraendert(b: Bescheid): boolean {
  return bescheidHash(b) === b.inhaltHash;
}
