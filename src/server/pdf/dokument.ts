/**
 * A simple tagged A4 PDF (pdfkit, Helvetica, language de-DE) for receipts and application views: paragraphs in
 * reading order under one Document structure element. The Bescheid (src/server/bescheid/pdf.ts) has its own layout.
 */
import Pdfkit from 'pdfkit';

export const PDF_RAND = { top: 56, bottom: 64, left: 62, right: 56 };

/** Helvetica (WinAnsi) has no minus sign, non-breaking hyphens or narrow spaces: plain equivalents. */
export const pdfText = (t: string) => t.replace(/\u2212/g, '-').replace(/[\u2011\u2010]/g, '-').replace(/[\u00a0\u202f\u2009]/g, ' ');

export type Absatz = (text: string, o?: { fett?: boolean; groesse?: number; typ?: string; abstand?: number; rechtsbuendig?: boolean }) => void;

/** TrueType fonts for texts beyond WinAnsi (a translated copy: Turkish, Ukrainian, Arabic); default Helvetica. */
export type PdfSchrift = { normal: string; fett: string };

/** Starts a document; `absatz` writes one paragraph, `abschliessen` ends it and resolves to the PDF bytes. */
export function textPdf(info: { Title: string; Author: string; CreationDate: Date }, standardAbstand = 0.3, schrift?: PdfSchrift): { doc: PDFKit.PDFDocument; absatz: Absatz; abschliessen: () => Promise<Buffer> } {
  const doc = new Pdfkit({
    size: 'A4',
    margins: PDF_RAND,
    lang: 'de-DE',
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    info,
  } as PDFKit.PDFDocumentOptions);
  if (schrift) {
    doc.registerFont('vorort-normal', schrift.normal);
    doc.registerFont('vorort-fett', schrift.fett);
  }
  const [normal, fett] = schrift ? ['vorort-normal', 'vorort-fett'] : ['Helvetica', 'Helvetica-Bold'];
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const fertig = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const wurzel = doc.struct('Document');
  doc.addStructure(wurzel);
  const breite = doc.page.width - PDF_RAND.left - PDF_RAND.right;
  const absatz: Absatz = (text, o = {}) => {
    doc
      .font(o.fett ? fett : normal)
      .fontSize(o.groesse ?? 10)
      .fillColor('black')
      .text(pdfText(text), PDF_RAND.left, doc.y, { width: breite, structParent: wurzel, structType: o.typ ?? 'P', ...(o.rechtsbuendig ? { align: 'right' } : {}) } as PDFKit.Mixins.TextOptions);
    doc.moveDown(o.abstand ?? standardAbstand);
  };
  return {
    doc,
    absatz,
    abschliessen: () => {
      wurzel.end();
      doc.end();
      return fertig;
    },
  };
}
