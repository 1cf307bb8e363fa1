/**
 * The Anhörungsschreiben (§ 24 SGB X, § 31a Abs. 2 SGB II) in plain German: what happened (Tatbestand with norm and
 * date), the Aufforderung/Einladung and Rechtsfolgenbelehrung relied on, the Minderung that is considered
 * ("voraussichtlich"), the invitation to state a wichtigen Grund and circumstances of außergewöhnlicher Härte with
 * proof, the deadline and how to answer. Followed — when the citizen's portal language is not German — by a
 * translation of its explanations with "Die deutsche Fassung ist verbindlich" (the Kooperationsplan pattern).
 */
import { existsSync } from 'node:fs';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import type { MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import type { AnhoerungVerfahren } from '../../db/repositories/fordern-anhoerung.ts';
import { isLang, RTL_LANGUAGES, translate, type Lang, type MessageKey } from '../../i18n/index.ts';
import { deutscheAnzeige } from '../../domain/termine/zeit.ts';
import type { Briefkopf } from '../bescheid/eingabe.ts';
import type { Postanschrift } from '../integration/teilnahme-pdf.ts';
import { textPdf, type Absatz, type PdfSchrift } from '../pdf/dokument.ts';
import { datumDe, minderungText, monatDe } from './anhoerung-gemeinsam.ts';

export type AnhoerungDokument = {
  briefkopf: Briefkopf;
  name: string;
  /** the BG's postal address valid on the letter date (teilnahmenRepository.briefKontext); null: none on record */
  anschrift: Postanschrift | null;
  v: Pick<AnhoerungVerfahren, 'aktenzeichen' | 'tatbestand' | 'pflichtverletzungAm' | 'anlassText' | 'belehrungArt' | 'belehrungAm' | 'belehrungText' | 'belehrungZugangArt' | 'belehrungZugangAm'>;
  datum: string;
  frist: string;
  /** day of the personal Anhörung (with or without the written one) */
  persoenlichAm: string | null;
  /** the Termin of the personal Anhörung (time and place); without one the letter announces a separate invitation */
  termin?: AnhoerungTermin | null;
  vorschlag: MinderungsVorschlag | null;
  haertePruefungPflicht: boolean;
  sprache: string;
  erstelltVon: string;
  erzeugtAm: Date;
};

const UNICODE_SCHRIFT: PdfSchrift = { normal: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', fett: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' };

export type AnhoerungTermin = { beginn: Date; kanal: string; standortName: string; strasse: string; plz: string; ort: string; bei: string | null };

/** How the Aufforderung/Einladung reached the person, as a plain sentence ("Wir haben es Ihnen am … persönlich übergeben."). */
export function zugangSatz(art: string | null | undefined, am: string | null | undefined): string {
  if (!art) return '';
  const tag = am ? ` am ${datumDe(am)}` : '';
  switch (art) {
    case 'persoenlich':
      return `Wir haben es Ihnen${tag} persönlich übergeben.`;
    case 'postfach':
      return `Es wurde Ihnen${tag} in Ihr Postfach im Bürgerportal zugestellt.`;
    case 'post':
      return `Wir haben es${tag} mit der Post an Sie geschickt.`;
    case 'zustellungsurkunde':
      return `Es wurde Ihnen${tag} mit Postzustellungsurkunde zugestellt.`;
    default:
      return '';
  }
}

/** Sender line, recipient's name and postal address, date and Aktenzeichen – the head of a letter sent by post. */
export function briefkopfAbsaetze(absatz: Absatz, d: { briefkopf: Briefkopf; name: string; anschrift: Postanschrift | null; datum: string; aktenzeichen: string }) {
  const s = d.briefkopf.standort;
  const zeile = { abstand: 0 };
  absatz(d.briefkopf.traeger.jobcenter || d.briefkopf.traeger.name, { fett: true, abstand: 0 });
  absatz(`${s.name}, ${s.strasse}, ${s.plz} ${s.ort}${s.telefon ? `, Telefon ${s.telefon}` : ''}`, { abstand: 1 });
  absatz(d.name, zeile);
  if (d.anschrift) {
    absatz(`${d.anschrift.strasse} ${d.anschrift.hausnummer}`.trim(), zeile);
    if (d.anschrift.zusatz) absatz(d.anschrift.zusatz, zeile);
    absatz(`${d.anschrift.plz} ${d.anschrift.ort}`, { abstand: 1 });
  } else {
    absatz('(keine Anschrift in der Fallakte)', { abstand: 1 });
  }
  absatz(`Datum: ${datumDe(d.datum)}`, zeile);
  absatz(`Aktenzeichen: ${d.aktenzeichen}`, { abstand: 1 });
}

/** The personal Anhörung: with a Termin its time and place; without one a separate invitation is announced (no invented time). */
export function persoenlichSatz(persoenlichAm: string, termin: AnhoerungTermin | null | undefined): string {
  if (!termin) {
    return `Wir möchten mit Ihnen persönlich darüber sprechen (vorgesehen am ${datumDe(persoenlichAm)}). Uhrzeit und Ort teilen wir Ihnen mit einer gesonderten Einladung mit.`;
  }
  const zeit = deutscheAnzeige(termin.beginn);
  const standort = `${termin.standortName}, ${termin.strasse}, ${termin.plz} ${termin.ort}`;
  const bei = termin.bei ? ` bei ${termin.bei}` : '';
  if (termin.kanal === 'telefon') return `Wir möchten mit Ihnen persönlich darüber sprechen: am ${zeit} am Telefon. Wir rufen Sie${bei} an (${standort}). Wenn Sie zu dieser Zeit nicht können, melden Sie sich bitte vorher.`;
  if (termin.kanal === 'video') return `Wir möchten mit Ihnen persönlich darüber sprechen: am ${zeit} per Video-Beratung${bei}. Den Link finden Sie im Bürgerportal. Wenn Sie zu dieser Zeit nicht können, melden Sie sich bitte vorher.`;
  return `Wir möchten mit Ihnen persönlich darüber sprechen: am ${zeit} in Ihrem Jobcenter, ${standort}${bei}. Bitte kommen Sie zu diesem Termin. Wenn Sie zu dieser Zeit nicht können, melden Sie sich bitte vorher.`;
}

export function adresseVon(b: Briefkopf): string {
  const s = b.standort;
  return `${b.traeger.jobcenter || b.traeger.name}, ${s.name}, ${s.strasse}, ${s.plz} ${s.ort}`;
}

export function anhoerungPdf(d: AnhoerungDokument): Promise<Buffer> {
  const info = TATBESTAND_INFO[d.v.tatbestand];
  const fremd: Lang | null = isLang(d.sprache) && d.sprache !== 'de' ? d.sprache : null;
  const schrift = fremd && existsSync(UNICODE_SCHRIFT.normal) && existsSync(UNICODE_SCHRIFT.fett) ? UNICODE_SCHRIFT : undefined;
  const titel = 'Anhörung vor einer möglichen Minderung Ihrer Leistungen';
  const { doc, absatz: deutsch, abschliessen } = textPdf({ Title: `${titel} – ${d.name}`, Author: d.briefkopf.traeger.jobcenter || d.briefkopf.traeger.name, CreationDate: d.erzeugtAm }, 0.5, schrift);
  let absatz = deutsch;
  const s = d.briefkopf.standort;
  briefkopfAbsaetze(absatz, { briefkopf: d.briefkopf, name: d.name, anschrift: d.anschrift, datum: d.datum, aktenzeichen: d.v.aktenzeichen });
  absatz(titel, { fett: true, groesse: 15, typ: 'H1' });
  absatz(`Anhörung nach § 24 Zehntes Buch Sozialgesetzbuch (SGB X) und § 31a Abs. 2 SGB II. Wir haben noch nicht entschieden. Bevor wir entscheiden, möchten wir Ihre Sicht hören.`);

  absatz('Was ist passiert?', { fett: true, groesse: 12, typ: 'H2' });
  absatz(`Es geht um: ${info.titel} (${info.norm}) am ${datumDe(d.v.pflichtverletzungAm)}.`);
  if (d.v.anlassText.trim()) absatz(d.v.anlassText.trim());

  absatz('Worauf wir uns stützen', { fett: true, groesse: 12, typ: 'H2' });
  if (d.v.belehrungArt === 'schriftlich') {
    const satz = zugangSatz(d.v.belehrungZugangArt, d.v.belehrungZugangAm);
    const zugang = satz ? ` ${satz}` : '';
    absatz(`Mit unserem Schreiben vom ${datumDe(d.v.belehrungAm)} haben wir Sie aufgefordert und über die Folgen belehrt (Rechtsfolgenbelehrung).${zugang}`);
    if (d.v.belehrungText?.trim()) absatz(`Die Rechtsfolgenbelehrung lautete: „${d.v.belehrungText.trim()}“`, { groesse: 9 });
  } else if (d.v.belehrungArt === 'kenntnis') {
    absatz(`Wir gehen davon aus, dass Sie die Folgen kannten (Stand ${datumDe(d.v.belehrungAm)}).${d.v.belehrungText?.trim() ? ` ${d.v.belehrungText.trim()}` : ''}`);
  } else {
    absatz('In diesem Fall ist eine vorherige Rechtsfolgenbelehrung nicht nötig (§ 31 Abs. 2 SGB II).');
  }

  absatz('Was in Betracht kommt', { fett: true, groesse: 12, typ: 'H2' });
  absatz(minderungText(d.vorschlag));
  absatz('Eine Minderung beginnt mit dem Monat nach dem Monat, in dem Sie den Bescheid erhalten. Wenn Sie Ihre Pflicht nachträglich erfüllen oder ernsthaft und nachhaltig erklären, sie zu erfüllen, kann die Minderung nach mindestens einem Monat vorzeitig enden.');

  absatz('Ihre Möglichkeit, sich zu äußern', { fett: true, groesse: 12, typ: 'H2' });
  absatz('Bitte teilen Sie uns mit, ob Sie einen wichtigen Grund hatten (zum Beispiel Krankheit, Pflege eines Angehörigen, ein Vorstellungsgespräch zur gleichen Zeit). Bitte legen Sie Nachweise bei, zum Beispiel eine Bescheinigung vom Arzt.');
  absatz(
    `Bitte teilen Sie uns auch mit, wenn eine Minderung für Sie oder Ihre Familie eine außergewöhnliche Härte wäre (zum Beispiel wegen Krankheit, Schwangerschaft oder drohender Schulden für Miete oder Strom). Dann sehen wir von der Minderung ab (§ 31a Abs. 3 SGB II).${d.haertePruefungPflicht ? ' Wir prüfen das in Ihrem Fall in jedem Fall.' : ''}`,
  );
  absatz(`Bitte antworten Sie bis zum ${datumDe(d.frist)}.`, { fett: true });
  if (d.persoenlichAm) absatz(persoenlichSatz(d.persoenlichAm, d.termin));

  absatz('So können Sie antworten', { fett: true, groesse: 12, typ: 'H2' });
  absatz('• Im Bürgerportal unter „Anhörungen“, auch mit Dateien (PDF oder Foto).');
  absatz(`• Per Post an: ${adresseVon(d.briefkopf)}. Bitte geben Sie das Aktenzeichen ${d.v.aktenzeichen} an.`);
  absatz(`• Persönlich in Ihrem Jobcenter${s.oeffnungszeiten ? ` (${s.oeffnungszeiten})` : ''}.`);
  absatz('Wenn Sie nicht antworten, entscheiden wir nach den Unterlagen, die wir haben.');
  absatz(`Erstellt von ${d.erstelltVon}. Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.`, { groesse: 9 });

  if (fremd && schrift) {
    const t = (k: MessageKey, p: Record<string, string | number> = {}) => translate(fremd, k, p);
    doc.addPage();
    if (RTL_LANGUAGES.has(fremd)) absatz = (text, o = {}) => deutsch(text, { ...o, rechtsbuendig: true });
    absatz(t('koop.pdf.uebersetzung'), { fett: true, groesse: 15, typ: 'H1' });
    absatz(t('koop.verbindlich'), { fett: true });
    absatz(t('anh.titel'), { fett: true, groesse: 12, typ: 'H2' });
    absatz(t('anh.person', { name: d.name, aktenzeichen: d.v.aktenzeichen }));
    absatz(t('anh.noch_nicht'));
    absatz(t('anh.was'), { fett: true, typ: 'H2' });
    absatz(t('anh.tatbestand', { titel: info.titel, norm: info.norm, datum: datumDe(d.v.pflichtverletzungAm) }));
    absatz(t('anh.minderung'), { fett: true, typ: 'H2' });
    absatz(vorschlagUebersetzt(fremd, d.vorschlag));
    absatz(t('anh.grund'), { fett: true, typ: 'H2' });
    absatz(t('anh.grund.text'));
    absatz(t('anh.haerte.text'));
    absatz(t('anh.frist', { datum: datumDe(d.frist) }), { fett: true });
    if (d.persoenlichAm) absatz(t('anh.persoenlich', { datum: datumDe(d.persoenlichAm) }));
    absatz(t('anh.wie'), { fett: true, typ: 'H2' });
    absatz(`• ${t('anh.wie.portal')}`);
    absatz(`• ${t('anh.wie.post', { adresse: adresseVon(d.briefkopf) })}`);
    absatz(`• ${t('anh.wie.persoenlich')}`);
    absatz(t('anh.ohne_antwort'));
    absatz(t('koop.verbindlich'), { fett: true });
  }
  return abschliessen();
}

/** The expected Minderung in the portal language (dictionary keys `anh.minderung.*`). */
export function vorschlagUebersetzt(lang: Lang, v: MinderungsVorschlag | null): string {
  // German: the same sentence as the letter and the procedure page (no fixed month before the decision)
  if (lang === 'de') return minderungText(v);
  if (!v) return translate(lang, 'anh.minderung.offen');
  if (v.ergebnis === 'keine_minderung') return translate(lang, 'anh.minderung.keine');
  const p = { prozent: v.prozent, monate: v.monate };
  if (v.art === 'nichterreichbarkeit') return translate(lang, 'anh.minderung.nichterreichbar', p);
  if (v.art === 'wegfall_regelbedarf') return translate(lang, 'anh.minderung.wegfall', p);
  return translate(lang, 'anh.minderung.prozent', p);
}

export { monatDe };
