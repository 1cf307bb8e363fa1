/**
 * The Minderungsbescheid (Feststellungsbescheid, § 31b Abs. 1 SGB II) as a tagged A4 PDF in plain German (slice D,
 * docs/fordern.md "Entscheidung und Bescheid"): what the person did not do and when, the Aufforderung and
 * Rechtsfolgenbelehrung relied on, how the Anhörung was weighed (wichtiger Grund, außergewöhnliche Härte), the Stufe
 * and why, percentage and euros per month, the period, how it can end early, no ergänzende Sozialhilfe, and the
 * Rechtsbehelfsbelehrung with the missing aufschiebende Wirkung. Layout: src/server/pdf/dokument.ts.
 */
import { rechtsbehelfsbelehrung } from '../../domain/bescheid/index.ts';
import { datumText, monatText } from '../../domain/bewilligung/monat.ts';
import { TATBESTAND_INFO } from '../../domain/fordern/tatbestaende.ts';
import { AUSLEGUNG } from '../../domain/recht/auslegung.ts';
import { KEINE_HLU_NORM, SOFORT_VOLLZIEHBAR_NORM } from '../../domain/recht/fordern-bescheid.ts';
import { parameterAm } from '../../domain/recht/index.ts';
import { gueltigAm } from '../../domain/recht/typen.ts';
import type { MinderungsverfahrenRow } from '../../db/schema/index.ts';
import type { Briefkopf } from '../bescheid/eingabe.ts';
import type { Postanschrift } from '../integration/teilnahme-pdf.ts';
import { textPdf } from '../pdf/dokument.ts';
import { briefkopfAbsaetze, zugangSatz } from './anhoerung-dokument.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';

export type MinderungsbescheidDokument = {
  briefkopf: Briefkopf;
  name: string;
  /** the BG's postal address valid on the Bescheid date (teilnahmenRepository.briefKontext); null: none on record */
  anschrift: Postanschrift | null;
  aktenzeichen: string;
  verfahren: Pick<
    MinderungsverfahrenRow,
    | 'tatbestand'
    | 'pflichtverletzungAm'
    | 'anlassText'
    | 'belehrungArt'
    | 'belehrungAm'
    | 'belehrungText'
    | 'belehrungZugangArt'
    | 'belehrungZugangAm'
    | 'anhoerungArt'
    | 'anhoerungAm'
    | 'anhoerungFrist'
    | 'antwortAm'
    | 'wichtigerGrundWuerdigung'
    | 'haerte'
    | 'haerteWuerdigung'
  >;
  daten: EntscheidungDaten;
  erstelltVon: string;
  freigegebenVon: string | null;
  erzeugtAm: Date;
};

const datum = datumText;
const euro = (cent: number) => `${(cent / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')} Euro`;
const monat = monatText;

const monateText = (n: number) => (n === 1 ? 'einen Monat' : `${n} Monate`);

/** Renders the Bescheid; throws when the decision is no Minderung (there is no Bescheid then). */
export function minderungsbescheidPdf(d: MinderungsbescheidDokument): Promise<Buffer> {
  const v = d.verfahren;
  const m = d.daten.vorschlag;
  if (m.ergebnis !== 'minderung') throw new Error('minderungsbescheidPdf: keine Minderung');
  const leistung = parameterAm(d.daten.bescheidAm).leistungsname.wert.erwerbsfaehig;
  const info = TATBESTAND_INFO[v.tatbestand];
  const titel = 'Bescheid über die Minderung Ihrer Leistung (Feststellung einer Pflichtverletzung)';
  const { absatz, abschliessen } = textPdf({ Title: `${titel} – ${d.name}`, Author: d.briefkopf.traeger.jobcenter || d.briefkopf.traeger.name, CreationDate: d.erzeugtAm }, 0.5);
  const h2 = (t: string) => absatz(t, { fett: true, groesse: 12, typ: 'H2' });
  briefkopfAbsaetze(absatz, { briefkopf: d.briefkopf, name: d.name, anschrift: d.anschrift, datum: d.daten.bescheidAm, aktenzeichen: d.aktenzeichen });
  absatz(titel, { fett: true, groesse: 15, typ: 'H1' });

  h2('Unsere Entscheidung');
  const zeitraum = m.vonMonat === m.bisMonat ? `im ${monat(m.vonMonat)}` : `von ${monat(m.vonMonat)} bis ${monat(m.bisMonat)}`;
  const wegfall = m.art === 'nichterreichbarkeit';
  const mindest = parameterAm(`${m.vonMonat}-01`).minderung.wert.mindestanspruchCent;
  if (wegfall) {
    absatz(`Sie gelten als nicht erreichbar (§ 7b Abs. 4 SGB II). Deshalb entfällt Ihr Anspruch auf ${leistung} ${zeitraum}, bis Sie sich persönlich bei uns melden:`);
    absatz(
      `• Im ersten Monat (${monat(m.vonMonat)}) entfällt Ihr Regelbedarf (${euro(m.betragCent)}). Mehrbedarfe und Ihr Anteil an den Kosten für Unterkunft und Heizung bleiben${mindest > 0 ? `; Ihnen verbleiben mindestens ${euro(mindest)} im Monat` : ''}.`,
    );
    if (m.bisMonat > m.vonMonat) {
      absatz(
        '• Ab dem zweiten Monat entfällt Ihr ganzer Anspruch, auch Ihr Anteil an den Kosten für Unterkunft und Heizung. Leben Sie mit anderen Personen in einer Bedarfsgemeinschaft, geht Ihr Anteil an den Kosten für Unterkunft und Heizung auf die anderen Personen über: Die Kosten der Unterkunft werden weiter in voller Höhe anerkannt, und wir können die Miete direkt an die Vermieterin oder den Vermieter zahlen.',
      );
    }
    absatz(
      AUSLEGUNG.einkommenNichtErreichbar === 'nach_eigenem_bedarf'
        ? 'Bitte beachten Sie: Die Zahlung an Ihre Bedarfsgemeinschaft kann sich um mehr als Ihren Regelbedarf ändern. Haben Sie Einkommen, deckt es zuerst Ihren eigenen Bedarf, den wir nicht mehr zahlen; nur was darüber hinausgeht, wird bei den anderen Personen angerechnet. Ihr Einkommen wird also für die Bedarfsgemeinschaft anders berücksichtigt als bisher.'
        : 'Bitte beachten Sie: Die Zahlung an Ihre Bedarfsgemeinschaft kann sich um mehr als Ihren Regelbedarf ändern. Haben Sie Einkommen, wird es in voller Höhe bei den anderen Personen Ihrer Bedarfsgemeinschaft angerechnet, weil wir Ihren eigenen Bedarf nicht mehr zahlen.',
    );
  } else if (m.art === 'wegfall_regelbedarf') {
    absatz(`Ihr ${leistung} entfällt ${zeitraum} in Höhe Ihres Regelbedarfs (${m.prozent} Prozent), das sind ${euro(m.betragCent)} im Monat. Die Kosten für Unterkunft und Heizung zahlen wir weiter.`);
  } else {
    absatz(
      `Ihr ${leistung} wird ${zeitraum} um ${m.prozent} Prozent Ihres maßgebenden Regelbedarfs gemindert. Das sind ${euro(m.betragCent)} im Monat. Die Kosten für Unterkunft und Heizung sind von der Minderung nicht betroffen.`,
    );
  }
  absatz(`Wir stellen fest, dass Sie Ihre Pflichten verletzt haben (${info.norm}).`);

  h2('Was geschehen ist');
  absatz(`${info.titel} (${info.norm}).`);
  absatz(`Tag der Pflichtverletzung: ${datum(v.pflichtverletzungAm)}.`);
  absatz(v.anlassText);

  h2('Aufforderung und Rechtsfolgenbelehrung');
  if (v.belehrungArt === 'schriftlich' && v.belehrungAm) {
    const satz = zugangSatz(v.belehrungZugangArt, v.belehrungZugangAm);
    const zugang = satz ? ` ${satz}` : '';
    absatz(`Mit unserem Schreiben vom ${datum(v.belehrungAm)} haben wir Sie aufgefordert und Ihnen schriftlich erklärt, welche Folgen es hat, wenn Sie der Aufforderung ohne wichtigen Grund nicht nachkommen.${zugang}`);
    if (v.belehrungText) absatz(`Die Belehrung lautete: „${v.belehrungText.length > 1500 ? `${v.belehrungText.slice(0, 1500)} …` : v.belehrungText}“`);
  } else if (v.belehrungArt === 'kenntnis') {
    absatz(`Sie kannten die Rechtsfolgen einer Pflichtverletzung${v.belehrungAm ? ` (festgehalten am ${datum(v.belehrungAm)})` : ''}.${v.belehrungText ? ` ${v.belehrungText}` : ''}`);
  } else {
    absatz('Für diese Pflichtverletzung ist eine vorherige Belehrung über die Rechtsfolgen nicht erforderlich (§ 31 Abs. 2 SGB II).');
  }

  h2('Ihre Anhörung und unsere Abwägung');
  if (v.anhoerungAm) {
    const art = v.anhoerungArt === 'persoenlich' ? 'persönlich' : 'schriftlich';
    absatz(`Wir haben Sie am ${datum(v.anhoerungAm)} ${art} angehört (§ 24 SGB X).${v.antwortAm ? ' Ihre Äußerung haben wir berücksichtigt.' : v.anhoerungFrist ? ` Bis zum ${datum(v.anhoerungFrist)} haben Sie sich nicht geäußert.` : ''}`);
  }
  absatz(`Wichtiger Grund: Einen wichtigen Grund für Ihr Verhalten haben wir nicht festgestellt (${info.meldeversaeumnis ? '§ 32 Abs. 1 S. 2 SGB II' : '§ 31 Abs. 1 S. 2 SGB II'}).`);
  if (v.wichtigerGrundWuerdigung) absatz(v.wichtigerGrundWuerdigung);
  absatz('Außergewöhnliche Härte: Die Minderung bedeutet für Sie keine außergewöhnliche Härte (§ 31a Abs. 3 SGB II).');
  if (v.haerteWuerdigung) absatz(v.haerteWuerdigung);

  h2(wegfall ? 'Höhe und warum' : 'Höhe, Stufe und warum');
  for (const sch of m.schritte) absatz(`• ${sch.text} (${sch.norm})`);
  if (!wegfall && m.stufe > 1 && d.daten.fruehere.length) {
    const f = [...d.daten.fruehere].sort((a, b) => (a.vonMonat < b.vonMonat ? 1 : -1))[0]!;
    absatz(`Frühere Feststellung: Mit Bescheid vom ${datum(f.festgestelltAm)} wurde bereits eine Minderung festgestellt; sie begann im ${monat(f.vonMonat)}. Deshalb ist dies eine weitere Minderung (Stufe ${m.stufe}).`);
  }
  absatz(d.daten.regelbedarf.text);
  if (wegfall) {
    absatz(`Im ersten Monat entfällt Ihr Regelbedarf von ${euro(m.betragCent)}. Ab dem zweiten Monat entfällt Ihr ganzer Anspruch (§ 7b Abs. 4 SGB II).`);
  } else {
    absatz(`Die Minderung beträgt ${m.prozent} Prozent, also ${euro(m.betragCent)} im Monat.`);
  }

  h2('Zeitraum');
  absatz(
    `Die Minderung beginnt mit dem Kalendermonat, der auf die Bekanntgabe dieses Bescheids folgt (§ 31b Abs. 1 SGB II). Der Bescheid gilt am ${datum(d.daten.bekanntgabeAm)} als bekannt gegeben. ${wegfall ? `Der Wegfall gilt deshalb ${zeitraum} (höchstens ${monateText(m.monate)}), solange Sie sich nicht persönlich bei uns melden.` : `Die Minderung gilt deshalb ${zeitraum} (${monateText(m.monate)}).`}`,
  );

  h2('Wie die Minderung früher enden kann');
  if (m.art === 'nichterreichbarkeit') {
    absatz('Sobald Sie sich persönlich bei uns melden, gelten Sie wieder als erreichbar. Ihre Leistung wird dann ab diesem Monat wieder gezahlt. Bitte kommen Sie zu unseren Öffnungszeiten vorbei oder rufen Sie uns an.');
  } else {
    absatz(
      `Wenn Sie Ihre Pflicht nachträglich erfüllen oder uns ernsthaft und nachhaltig erklären, dass Sie dazu bereit sind, endet die Minderung ab diesem Zeitpunkt – frühestens aber nach einem Monat (§ 31a Abs. 1 S. 6, § 31b Abs. 2 SGB II).${info.meldeversaeumnis ? ' Bei einem versäumten Termin genügt es, dass Sie den Termin nachholen.' : ''} Bitte sprechen Sie uns an.`,
    );
  }

  h2('Keine ergänzende Sozialhilfe');
  absatz(`Während der Minderung haben Sie keinen Anspruch auf ergänzende Hilfe zum Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (${gueltigAm(KEINE_HLU_NORM, d.daten.bescheidAm, 'ergänzende Sozialhilfe').wert}).`);

  const rb = rechtsbehelfsbelehrung({ traeger: d.briefkopf.traeger, standort: d.briefkopf.standort });
  h2(rb.ueberschrift);
  for (const a of rb.absaetze) absatz(a);
  const sofort = gueltigAm(SOFORT_VOLLZIEHBAR_NORM, d.daten.bescheidAm, 'die aufschiebende Wirkung').wert;
  absatz(
    `Ein Widerspruch und eine Klage gegen diesen Bescheid haben keine aufschiebende Wirkung (${sofort}). Die Minderung gilt also zunächst auch dann, wenn Sie Widerspruch einlegen. Sie können beim Sozialgericht beantragen, die aufschiebende Wirkung anzuordnen (§ 86b Abs. 1 Nr. 2 SGG). Hat Ihr Widerspruch Erfolg, zahlen wir den einbehaltenen Betrag nach.`,
  );

  absatz(`Entschieden von ${d.erstelltVon}${d.freigegebenVon ? `, freigegeben von ${d.freigegebenVon}` : ''}. Dieses Schreiben wurde maschinell erstellt.`, { groesse: 9 });
  return abschliessen();
}
