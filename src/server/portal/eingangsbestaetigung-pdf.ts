/**
 * Eingangsbestätigung (receipt) of an online application as PDF (pdfkit, A4, Helvetica, tagged, language de-DE),
 * in the style of the Bescheid PDF (src/server/bescheid/pdf.ts). German is the binding text.
 */
import { textPdf } from '../pdf/dokument.ts';

export type Eingangsbestaetigung = {
  jobcenter: string;
  empfaenger: string;
  art: string;
  antragsdatum: string;
  eingegangenAm: Date;
  aktenzeichen: string;
  nachweise: string[];
};

const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function eingangsbestaetigungPdf(e: Eingangsbestaetigung): Promise<Buffer> {
  const { doc, absatz, abschliessen } = textPdf({ Title: `Eingangsbestätigung ${e.art}`, Author: e.jobcenter, CreationDate: e.eingegangenAm }, 0.6);
  // the Träger's name already reads "Jobcenter …"
  absatz(e.jobcenter, { fett: true });
  absatz(e.empfaenger);
  doc.moveDown(1);
  absatz(`Eingangsbestätigung: ${e.art}`, { fett: true, groesse: 15, typ: 'H1' });
  absatz(`Ihr Antrag ist am ${datum(e.eingegangenAm.toISOString().slice(0, 10))} online bei uns eingegangen.`);
  absatz(`Antragsdatum: ${datum(e.antragsdatum)}`, { fett: true });
  absatz('Das Antragsdatum ist der Tag, an dem Sie erklärt haben, dass Sie Leistungen beantragen. Leistungen können ab dem Ersten dieses Monats erbracht werden (§ 37 Abs. 2 SGB II).');
  absatz(`Vorgangsnummer: ${e.aktenzeichen}`);
  if (e.nachweise.length) {
    absatz('Bitte reichen Sie noch diese Unterlagen ein (im Bürgerportal hochladen oder persönlich abgeben); Unterlagen, die noch geprüft werden, müssen Sie nicht erneut schicken:', { fett: true });
    for (const n of e.nachweise) absatz(`• ${n}`);
  }
  absatz('Diese Bestätigung wurde maschinell erstellt und ist ohne Unterschrift gültig. Sie ist kein Bescheid über Ihren Antrag.', { groesse: 9 });
  return abschliessen();
}
