/**
 * Eingangsbestätigung (receipt) of an online application as PDF (pdfkit, A4, Helvetica, tagged, language de-DE),
 * in the style of the Bescheid PDF (src/server/bescheid/pdf.ts). German is the binding text.
 */
import Pdfkit from 'pdfkit';

export type Eingangsbestaetigung = {
  jobcenter: string;
  empfaenger: string;
  art: string;
  antragsdatum: string;
  eingegangenAm: Date;
  aktenzeichen: string;
  nachweise: string[];
};

const RAND = { top: 56, bottom: 64, left: 62, right: 56 };
const datum = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const pdfText = (t: string) => t.replace(/\u2212/g, '-').replace(/[\u2011\u2010]/g, '-').replace(/[\u00a0\u202f\u2009]/g, ' ');

export function eingangsbestaetigungPdf(e: Eingangsbestaetigung): Promise<Buffer> {
  const doc = new Pdfkit({
    size: 'A4',
    margins: RAND,
    lang: 'de-DE',
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `Eingangsbestätigung ${e.art}`, Author: e.jobcenter, CreationDate: e.eingegangenAm },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const fertig = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const wurzel = doc.struct('Document');
  doc.addStructure(wurzel);
  const breite = doc.page.width - RAND.left - RAND.right;
  const absatz = (text: string, o: { fett?: boolean; groesse?: number; typ?: string } = {}) => {
    doc
      .font(o.fett ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(o.groesse ?? 10)
      .fillColor('black')
      .text(pdfText(text), RAND.left, doc.y, { width: breite, structParent: wurzel, structType: o.typ ?? 'P' } as PDFKit.Mixins.TextOptions);
    doc.moveDown(0.6);
  };
  absatz(`Jobcenter ${e.jobcenter}`, { fett: true });
  absatz(e.empfaenger);
  doc.moveDown(1);
  absatz(`Eingangsbestätigung: ${e.art}`, { fett: true, groesse: 15, typ: 'H1' });
  absatz(`Ihr Antrag ist am ${datum(e.eingegangenAm.toISOString().slice(0, 10))} online bei uns eingegangen.`);
  absatz(`Antragsdatum: ${datum(e.antragsdatum)}`, { fett: true });
  absatz('Das Antragsdatum ist der Tag, an dem Sie erklärt haben, dass Sie Leistungen beantragen. Leistungen können ab dem Ersten dieses Monats erbracht werden (§ 37 Abs. 2 SGB II).');
  absatz(`Vorgangsnummer: ${e.aktenzeichen}`);
  if (e.nachweise.length) {
    absatz('Bitte reichen Sie noch diese Unterlagen ein (im Bürgerportal hochladen oder persönlich abgeben):', { fett: true });
    for (const n of e.nachweise) absatz(`• ${n}`);
  }
  absatz('Diese Bestätigung wurde maschinell erstellt und ist ohne Unterschrift gültig. Sie ist kein Bescheid über Ihren Antrag.', { groesse: 9 });
  wurzel.end();
  doc.end();
  return fertig;
}
