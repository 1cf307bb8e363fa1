import { INSTRUMENT_TEXT, zuschussStufen } from '../../domain/foerdern/instrumente.ts';
import { AUSTRITTSGRUND_TEXT } from '../../domain/foerdern/teilnahme.ts';
import type { Austrittsgrund, Instrument } from '../../domain/foerdern/typen.ts';
import { MASSNAHME_BELEHRUNG } from '../../domain/recht/foerdern-instrumente.ts';
import { MINDERUNG } from '../../domain/recht/minderung.ts';
import { gueltigAm } from '../../domain/recht/typen.ts';
import { textPdf } from '../pdf/dokument.ts';

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const zeitpunkt = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * The Zuweisung letter (plain German, tagged A4 PDF): which Maßnahme, where, when, what it is for and — when the
 * Fachkraft chose it — the Rechtsfolgenbelehrung valid on the day (MASSNAHME_BELEHRUNG, with the highest Minderung
 * of that day from the Minderung table). A letter sent by post: the sender's Standort, the recipient's name and
 * postal address (the BG's address on the day), and whom to contact — the Maßnahme record only knows the provider's
 * name, so the Jobcenter Standort (address, phone, e-mail) is the contact for questions and for reaching the provider.
 */
export type Postanschrift = { strasse: string; hausnummer: string; zusatz: string | null; plz: string; ort: string };
export type StandortKontakt = { name: string; strasse: string; plz: string; ort: string; telefon: string | null; email: string | null; oeffnungszeiten?: string };

export async function zuweisungsschreibenPdf(d: {
  jobcenter: string;
  name: string;
  anschrift: Postanschrift | null;
  kontakt: StandortKontakt | null;
  datum: string;
  massnahme: string;
  anbieter: string;
  beschreibung: string | null;
  instrument: Instrument;
  standort: string;
  von: string;
  bis: string;
  mitRechtsfolgenbelehrung: boolean;
}): Promise<Buffer> {
  const { absatz, abschliessen } = textPdf({ Title: `Zuweisung in eine Maßnahme – ${d.massnahme}`, Author: d.jobcenter || 'Jobcenter', CreationDate: zeitpunkt(d.datum) });
  const k = d.kontakt;
  absatz(d.jobcenter || 'Jobcenter', { fett: true });
  if (k) absatz(`${k.name}, ${k.strasse}, ${k.plz} ${k.ort}`);
  absatz(`Datum: ${datum(d.datum)}`, { abstand: 0.6 });
  absatz(d.name);
  if (d.anschrift) {
    absatz(`${d.anschrift.strasse} ${d.anschrift.hausnummer}`);
    if (d.anschrift.zusatz) absatz(d.anschrift.zusatz);
    absatz(`${d.anschrift.plz} ${d.anschrift.ort}`, { abstand: 1 });
  } else {
    absatz('(keine Anschrift in der Fallakte)', { abstand: 1 });
  }
  absatz('Zuweisung in eine Maßnahme', { fett: true, groesse: 14, typ: 'H1', abstand: 0.6 });
  absatz(`Guten Tag ${d.name},`);
  absatz(`wir haben mit Ihnen besprochen, dass Ihnen die folgende Maßnahme auf dem Weg in Arbeit hilft. Wir weisen Ihnen deshalb einen Platz zu.`);
  absatz('Die Maßnahme', { fett: true, typ: 'H2' });
  absatz(`Name: ${d.massnahme}`);
  absatz(`Anbieter (Maßnahmeträger): ${d.anbieter}`);
  absatz(`Art der Förderung: ${INSTRUMENT_TEXT[d.instrument].bezeichnung} (${INSTRUMENT_TEXT[d.instrument].norm})`);
  absatz(`Für den Standort: ${d.standort}`);
  absatz(`Zeitraum: ${datum(d.von)} bis ${datum(d.bis)}`);
  if (d.beschreibung) absatz(`Worum es geht: ${d.beschreibung}`);
  const stufen = zuschussStufen(d.instrument, { von: d.von, bis: d.bis });
  if (stufen.length) absatz(`Zuschuss: ${stufen.map((s) => `${s.prozent} % vom ${datum(s.von)} bis ${datum(s.bis)}`).join('; ')}.`);
  absatz('Was Sie jetzt tun', { fett: true, typ: 'H2' });
  absatz(`Bitte melden Sie sich beim Anbieter ${d.anbieter} und beginnen Sie die Maßnahme zum genannten Termin. Wenn Sie die Kontaktdaten des Anbieters nicht haben, Fragen haben oder etwas nicht passt, rufen Sie uns bitte an oder schreiben Sie uns.`);
  absatz('So erreichen Sie uns', { fett: true, typ: 'H2' });
  if (k) {
    absatz(`${d.jobcenter ? `${d.jobcenter}, ` : ''}Standort ${k.name}`);
    absatz(`Anschrift: ${k.strasse}, ${k.plz} ${k.ort}`);
    if (k.telefon) absatz(`Telefon: ${k.telefon}`);
    if (k.email) absatz(`E-Mail: ${k.email}`);
    if (k.oeffnungszeiten) absatz(`Öffnungszeiten: ${k.oeffnungszeiten.split('\n').join('; ')}`);
  } else {
    absatz(`Ihr Jobcenter${d.jobcenter ? `: ${d.jobcenter}` : ''}, Standort ${d.standort}.`);
  }
  if (d.mitRechtsfolgenbelehrung) {
    const b = gueltigAm(MASSNAHME_BELEHRUNG, d.datum, 'die Rechtsfolgenbelehrung zur Maßnahme');
    const m = gueltigAm(MINDERUNG, d.datum, 'die Leistungsminderung');
    absatz('Rechtsfolgenbelehrung', { fett: true, typ: 'H2' });
    absatz(b.wert.pflicht);
    absatz(`Die Minderung beträgt insgesamt höchstens ${m.wert.hoechstProzent} % Ihres Regelbedarfs (${m.fundstelle ?? m.norm}).`);
    absatz(b.wert.wichtigerGrund);
    absatz(`Rechtsgrundlage: ${b.norm}.`);
  } else {
    absatz('Dieses Schreiben ist eine Einladung zur Teilnahme ohne Rechtsfolgenbelehrung. Wenn Sie nicht teilnehmen, wird Ihr Bürgergeld deshalb nicht gemindert.');
  }
  absatz('Mit freundlichen Grüßen', { abstand: 0.2 });
  absatz(d.jobcenter || 'Ihr Jobcenter');
  return abschliessen();
}

/** The Teilnahmebescheinigung: who took part in which Maßnahme from when to when, and how it ended. */
export async function teilnahmebescheinigungPdf(d: {
  jobcenter: string;
  name: string;
  geburtsdatum: string | null;
  am: string;
  massnahme: string;
  anbieter: string;
  instrument: Instrument;
  eintrittAm: string;
  austrittAm: string;
  grund: Austrittsgrund;
}): Promise<Buffer> {
  const { absatz, abschliessen } = textPdf({ Title: `Teilnahmebescheinigung – ${d.massnahme}`, Author: d.jobcenter || 'Jobcenter', CreationDate: zeitpunkt(d.am) });
  absatz(d.jobcenter || 'Jobcenter', { fett: true });
  absatz(`Datum: ${datum(d.am)}`, { abstand: 1 });
  absatz('Teilnahmebescheinigung', { fett: true, groesse: 14, typ: 'H1', abstand: 0.6 });
  absatz(`Hiermit bestätigen wir: ${d.name}${d.geburtsdatum ? `, geboren am ${datum(d.geburtsdatum)},` : ''} hat an der folgenden Maßnahme teilgenommen.`);
  absatz(`Maßnahme: ${d.massnahme}`);
  absatz(`Anbieter: ${d.anbieter}`);
  absatz(`Art der Förderung: ${INSTRUMENT_TEXT[d.instrument].bezeichnung} (${INSTRUMENT_TEXT[d.instrument].norm})`);
  absatz(`Teilnahme vom ${datum(d.eintrittAm)} bis ${datum(d.austrittAm)}`);
  absatz(`Beendet: ${AUSTRITTSGRUND_TEXT[d.grund]}`);
  absatz('Diese Bescheinigung wurde maschinell erstellt und ist ohne Unterschrift gültig.', { abstand: 1 });
  absatz(d.jobcenter || 'Ihr Jobcenter');
  return abschliessen();
}
