/**
 * Aufrechnungsbescheid: the written declaration of an Aufrechnung by Verwaltungsakt (§ 43 Abs. 4 S. 1 SGB II).
 * Same content model as the other Bescheide (index.ts), rendered by the same PDF pipeline.
 */
import { euroText } from '../berechnung/geld.ts';
import { datumText, ersterTag, monatText, pruefeTag } from '../bewilligung/monat.ts';
import { aufrechnungsregelAm } from '../recht/aufrechnung.ts';
import { leistungsnameIm } from '../zahlung/plan.ts';
import { bescheidHash, rechtsbehelfsbelehrung, TITEL, type Anschrift, type Bescheid, type BescheidEingabe } from './index.ts';

export type AufrechnungsbescheidEingabe = Pick<BescheidEingabe, 'datum' | 'fallnummer' | 'traeger' | 'standort' | 'empfaenger' | 'personen'> & {
  sachbearbeitung?: { name: string };
  /** the person whose benefit is reduced */
  person: { id: string; name: string };
  forderung: { betragCent: number; offenCent: number; norm: string; bescheidVom?: string | null };
  prozent: number;
  /** § 43 norm with the Tatbestand (aufrechnungsProzent) */
  norm: string;
  abMonat: string;
  bisMonat: string;
  /** the amount for the first month (prozent of the Regelbedarf then in force) */
  ersterBetragCent: number;
  regelbedarfCent: number;
  /** the caseworker's reasons (Ermessen: „können“, § 43 Abs. 1) */
  begruendung: string;
};

export function erstelleAufrechnungsbescheid(e: AufrechnungsbescheidEingabe): Bescheid {
  pruefeTag(e.datum, 'Bescheiddatum');
  const leistung = leistungsnameIm(e.abMonat);
  const ab = datumText(ersterTag(e.abMonat));
  const tenor = [
    `Gegen den Anspruch von ${e.person.name} auf ${leistung} wird ab ${ab} mit der Erstattungsforderung${e.forderung.bescheidVom ? ` aus dem Bescheid vom ${datumText(e.forderung.bescheidVom)}` : ''} über ${euroText(e.forderung.betragCent)} (${e.forderung.norm}) aufgerechnet.`,
    `Monatlich werden ${e.prozent} % des maßgebenden Regelbedarfs einbehalten, derzeit ${euroText(e.ersterBetragCent)} (${e.prozent} % von ${euroText(e.regelbedarfCent)}). Ändert sich der Regelbedarf, ändert sich der Betrag entsprechend.`,
    `Die Aufrechnung endet, sobald die Forderung (offen: ${euroText(e.forderung.offenCent)}) getilgt ist, spätestens mit Ablauf von ${monatText(e.bisMonat)}.`,
  ];
  const hinweise = [
    `Begründung: ${e.begruendung}`,
    'Der einbehaltene Betrag wird von der monatlichen Zahlung abgezogen und auf die Forderung angerechnet. Sie erhalten die übrigen Leistungen wie bewilligt.',
    `Alle Aufrechnungen zusammen betragen höchstens ${aufrechnungsregelAm(ersterTag(e.abMonat)).wert.hoechstProzent} % des maßgebenden Regelbedarfs (§ 43 Abs. 2 S. 2 SGB II).`,
    'Ein Widerspruch gegen die Aufrechnung hat aufschiebende Wirkung (§ 86a Abs. 1 SGG; § 39 SGB II nennt die Aufrechnung nicht). Legen Sie Widerspruch ein, wird bis zur Entscheidung darüber nicht aufgerechnet.',
  ];
  const ohneHash: Omit<Bescheid, 'inhaltHash'> = {
    version: 1,
    art: 'aufrechnung',
    titel: TITEL.aufrechnung,
    betreff: `${TITEL.aufrechnung}: Aufrechnung mit ${leistung} nach § 43 SGB II, Fallnummer ${e.fallnummer}`,
    leistung,
    datum: e.datum,
    datumText: datumText(e.datum),
    fallnummer: e.fallnummer,
    briefkopf: { traeger: e.traeger.name, jobcenter: e.traeger.jobcenter, standort: { ...e.standort } },
    empfaenger: { ...(e.empfaenger as Anschrift) },
    sachbearbeitung: e.sachbearbeitung ? { ...e.sachbearbeitung } : null,
    bedarfsgemeinschaft: e.personen.map((p) => ({ id: p.id, name: p.name })),
    bewilligungszeitraum: null,
    tenor,
    betraege: null,
    berechnung: [],
    aenderungen: null,
    ablehnungsgruende: [],
    hinweise,
    rechtsgrundlagen: [e.norm, '§ 43 Abs. 4 SGB II', '§ 50 SGB X'],
    rechtsbehelfsbelehrung: rechtsbehelfsbelehrung(e),
  };
  return { ...ohneHash, inhaltHash: bescheidHash(ohneHash) };
}
