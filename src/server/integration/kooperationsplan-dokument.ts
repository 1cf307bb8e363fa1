/**
 * The documents of the Kooperationsplan (docs/foerdern.md): the plan in Textform (§ 15 Abs. 3 SGB II: no signature,
 * no Rechtsfolgenbelehrung) in plain German, followed — when the citizen's portal language is not German — by a
 * translation of its headings and explanations with "Die deutsche Fassung ist verbindlich"; and, from 1.7.2026, the
 * Verwaltungsakt that sets the obligations when no plan came about, with Rechtsfolgen- and Rechtsbehelfsbelehrung.
 * Layout: the tagged A4 text PDF of src/server/pdf/dokument.ts.
 */
import { existsSync } from 'node:fs';
import { rechtsbehelfsbelehrung } from '../../domain/bescheid/index.ts';
import type { PlanInhalt } from '../../domain/foerdern/kooperationsplan.ts';
import { KOOPERATIONSPLAN_AUSLEGUNG } from '../../domain/recht/foerdern-kooperationsplan.ts';
import { MINDERUNG } from '../../domain/recht/minderung.ts';
import { gueltigAm } from '../../domain/recht/typen.ts';
import { isLang, RTL_LANGUAGES, translate, type Lang } from '../../i18n/index.ts';
import type { Briefkopf } from '../bescheid/eingabe.ts';
import { textPdf, type PdfSchrift } from '../pdf/dokument.ts';

export type PlanDokument = {
  art: 'plan' | 'verwaltungsakt';
  briefkopf: Briefkopf;
  name: string;
  fassung: number;
  /** Day of the agreement (plan) or of the decision (Verwaltungsakt). */
  datum: string;
  eingliederungsziel: string;
  inhalt: PlanInhalt;
  naechsteUeberpruefung: string;
  /** Language of the citizen's copy; 'de' = German only. */
  sprache: string;
  /** Under § 15a a.F. the plan tells about the Schlichtung. */
  schlichtungMoeglich: boolean;
  erstelltVon: string;
  erzeugtAm: Date;
};

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A font with Latin Extended, Cyrillic and Arabic glyphs for a translated copy (Helvetica has only WinAnsi). */
const UNICODE_SCHRIFT: PdfSchrift = { normal: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', fett: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' };

const WER: Record<string, string> = { person: 'Sie', jobcenter: 'Jobcenter', dritte: 'Andere Stelle' };
const SPRACHE: Record<string, string> = {
  keine: 'Kein Sprachkurs hat Vorrang.',
  integrationskurs: 'Ein Integrationskurs (§ 43 Aufenthaltsgesetz) hat Vorrang.',
  berufssprachkurs: 'Ein Berufssprachkurs (§ 45a Aufenthaltsgesetz) hat Vorrang.',
};

export function kooperationsplanPdf(d: PlanDokument): Promise<Buffer> {
  const va = d.art === 'verwaltungsakt';
  const titel = va ? 'Verpflichtung zur Eingliederung in Arbeit (Verwaltungsakt)' : 'Kooperationsplan';
  const fremd: Lang | null = isLang(d.sprache) && d.sprache !== 'de' ? d.sprache : null;
  // a translated copy needs a font with its letters (Turkish, Ukrainian, Arabic); German alone stays in Helvetica
  const schrift = fremd && existsSync(UNICODE_SCHRIFT.normal) && existsSync(UNICODE_SCHRIFT.fett) ? UNICODE_SCHRIFT : undefined;
  const { doc, absatz: deutsch, abschliessen } = textPdf({ Title: `${titel} – ${d.name}`, Author: d.briefkopf.traeger.jobcenter || d.briefkopf.traeger.name, CreationDate: d.erzeugtAm }, 0.5, schrift);
  let absatz = deutsch;
  const s = d.briefkopf.standort;
  absatz(d.briefkopf.traeger.jobcenter || d.briefkopf.traeger.name, { fett: true });
  absatz(`${s.name}, ${s.strasse}, ${s.plz} ${s.ort}`);
  doc.moveDown(0.5);
  absatz(d.name);
  absatz(`Datum: ${datum(d.datum)}`);
  doc.moveDown(0.5);
  absatz(titel, { fett: true, groesse: 15, typ: 'H1' });
  absatz(va ? `für ${d.name}` : `Fassung ${d.fassung} für ${d.name}, vereinbart am ${datum(d.datum)}`);

  if (va) {
    absatz(
      `Ein Kooperationsplan ist mit Ihnen nicht zustande gekommen. Deshalb legen wir Ihre Pflichten mit diesem Bescheid fest (${KOOPERATIONSPLAN_AUSLEGUNG.verpflichtungNorm}). Die Pflichten gelten ab Bekanntgabe dieses Bescheids.`,
    );
  }
  absatz('Eingliederungsziel', { fett: true, groesse: 12, typ: 'H2' });
  absatz(d.eingliederungsziel);
  absatz(va ? 'Ihre Pflichten und unsere Leistungen' : 'Wesentliche Schritte', { fett: true, groesse: 12, typ: 'H2' });
  for (const [i, sch] of d.inhalt.schritte.entries()) absatz(`${i + 1}. ${sch.was} – wer: ${WER[sch.wer] ?? sch.wer} – bis ${datum(sch.bis)}`);
  absatz('Eigenbemühungen', { fett: true, groesse: 12, typ: 'H2' });
  absatz(`Sie bemühen sich jeden Monat mindestens ${d.inhalt.eigenbemuehungen.anzahlJeMonat}-mal um Arbeit (zum Beispiel mit Bewerbungen). So weisen Sie das nach: ${d.inhalt.eigenbemuehungen.nachweis}`);
  absatz('Sprachförderung', { fett: true, groesse: 12, typ: 'H2' });
  absatz(SPRACHE[d.inhalt.sprachfoerderung] ?? d.inhalt.sprachfoerderung);
  absatz('Rehabilitation', { fett: true, groesse: 12, typ: 'H2' });
  absatz(d.inhalt.rehaBedarf ? `Wir prüfen, ob Sie Leistungen zur beruflichen oder medizinischen Rehabilitation brauchen.${d.inhalt.rehaHinweis ? ` ${d.inhalt.rehaHinweis}` : ''}` : 'Ein Bedarf an Rehabilitation wurde nicht festgestellt.');
  if (d.inhalt.eingliederungsleistungen.length) {
    absatz('Leistungen, die in Frage kommen', { fett: true, groesse: 12, typ: 'H2' });
    for (const l of d.inhalt.eingliederungsleistungen) absatz(`• ${l}`);
  }
  if (d.inhalt.taetigkeitsbereiche.length) {
    absatz('Tätigkeiten, in die wir vermitteln wollen', { fett: true, groesse: 12, typ: 'H2' });
    for (const l of d.inhalt.taetigkeitsbereiche) absatz(`• ${l}`);
  }
  if (d.inhalt.leistungenAndererTraeger) {
    absatz('Leistungen anderer Stellen', { fett: true, groesse: 12, typ: 'H2' });
    absatz(d.inhalt.leistungenAndererTraeger);
  }
  absatz(`Wir besprechen ${va ? 'Ihre Situation' : 'den Plan'} spätestens am ${datum(d.naechsteUeberpruefung)} gemeinsam wieder.`);

  if (va) {
    const minderung = gueltigAm(MINDERUNG, d.datum, 'die Leistungsminderungen').wert;
    absatz('Rechtsfolgenbelehrung', { fett: true, groesse: 12, typ: 'H2' });
    absatz(
      `Wenn Sie eine der oben genannten Pflichten ohne wichtigen Grund nicht erfüllen, mindert sich Ihr Grundsicherungsgeld (§ 31 Abs. 1, §§ 31a, 31b SGB II), um bis zu ${minderung.hoechstProzent} Prozent des für Sie maßgebenden Regelbedarfs. Einen wichtigen Grund müssen Sie darlegen und nachweisen. Bitte sprechen Sie uns an, bevor Sie eine Pflicht nicht erfüllen können.`,
    );
    const rb = rechtsbehelfsbelehrung({ traeger: d.briefkopf.traeger, standort: d.briefkopf.standort });
    absatz(rb.ueberschrift, { fett: true, groesse: 12, typ: 'H2' });
    for (const a of rb.absaetze) absatz(a);
  } else {
    absatz('Hinweise', { fett: true, groesse: 12, typ: 'H2' });
    absatz('Dieser Kooperationsplan ist in Textform erstellt (§ 15 SGB II). Er braucht keine Unterschrift, ist kein Bescheid und enthält keine Rechtsfolgenbelehrung.');
    if (d.schlichtungMoeglich) {
      absatz('Wenn Sie mit dem Plan nicht einverstanden sind, können Sie ein Schlichtungsverfahren verlangen (§ 15a SGB II). Es ist freiwillig und kostenlos und dauert höchstens vier Wochen; solange es läuft, wird Ihre Leistung nicht wegen Pflichtverletzungen gemindert.');
    }
  }
  absatz(`Erstellt von ${d.erstelltVon}. Dieses Schreiben wurde maschinell erstellt.`, { groesse: 9 });

  if (fremd && schrift) {
    const t = (k: Parameters<typeof translate>[1], p: Record<string, string | number> = {}) => translate(fremd, k, p);
    doc.addPage();
    // Arabic is written right to left: its paragraphs are set flush right
    if (RTL_LANGUAGES.has(fremd)) absatz = (text, o = {}) => deutsch(text, { ...o, rechtsbuendig: true });
    absatz(t('koop.pdf.uebersetzung'), { fett: true, groesse: 15, typ: 'H1' });
    absatz(t('koop.verbindlich'), { fett: true });
    absatz(va ? t('koop.va.titel') : t('koop.person', { name: d.name }), { fett: true, groesse: 12, typ: 'H2' });
    absatz(t('koop.fassung', { fassung: d.fassung, datum: datum(d.datum) }));
    absatz(t('koop.ziel'), { fett: true, typ: 'H2' });
    absatz(d.eingliederungsziel);
    absatz(t('koop.schritte'), { fett: true, typ: 'H2' });
    for (const [i, sch] of d.inhalt.schritte.entries()) absatz(`${i + 1}. ${sch.was} – ${t('koop.schritt.wer')}: ${t(`koop.wer.${sch.wer}`)} – ${t('koop.schritt.bis')}: ${datum(sch.bis)}`);
    absatz(t('koop.eigenbemuehungen'), { fett: true, typ: 'H2' });
    absatz(t('koop.eigenbemuehungen.text', { anzahl: d.inhalt.eigenbemuehungen.anzahlJeMonat, nachweis: d.inhalt.eigenbemuehungen.nachweis }));
    absatz(t('koop.sprache'), { fett: true, typ: 'H2' });
    absatz(t(`koop.sprache.${d.inhalt.sprachfoerderung}`));
    absatz(t('koop.reha'), { fett: true, typ: 'H2' });
    absatz(t(d.inhalt.rehaBedarf ? 'koop.reha.ja' : 'koop.reha.nein'));
    absatz(t('koop.ueberpruefung', { datum: datum(d.naechsteUeberpruefung) }));
    if (!va) absatz(t('koop.textform'));
    absatz(t('koop.verbindlich'), { fett: true });
  }
  return abschliessen();
}
