/**
 * Renders a Bescheid content model (src/domain/bescheid) to a PDF with pdfkit: A4, Helvetica (built-in, covers
 * German umlauts, ß, § and €), tagged (structure tree with headings, paragraphs and tables with header cells),
 * document language de-DE, title shown in the viewer's title bar. Deterministic: the creation date comes from the
 * model, so the same model always gives the same bytes.
 */
import Pdfkit from 'pdfkit';
import { euroText } from '../../domain/berechnung/geld.ts';
import type { Bescheid } from '../../domain/bescheid/index.ts';

type Doc = InstanceType<typeof Pdfkit>;
type Struct = ReturnType<Doc['struct']>;

const RAND = { top: 56, bottom: 64, left: 62, right: 56 };
const SCHRIFT = 'Helvetica';
const FETT = 'Helvetica-Bold';
const GRAU = '#444444';

/** Helvetica in pdfkit uses WinAnsi: map the few characters outside it. */
function pdfText(t: string): string {
  return t.replace(/\u2212/g, '-').replace(/[\u2011\u2010]/g, '-').replace(/\u00a0/g, ' ').replace(/[\u202f\u2009]/g, ' ');
}

function betrag(c: number): string {
  return pdfText(euroText(c));
}

type Zelle = { text: string; type?: 'TH' | 'TD'; scope?: 'column' | 'row'; align?: 'left' | 'right'; fett?: boolean };

/** pdfkit's table with accessibility options not yet in @types/pdfkit (structParent, scope). */
function tabelle(doc: Doc, parent: Struct, spalten: (number | string)[], zeilen: Zelle[][]): void {
  const data = zeilen.map((z) =>
    z.map((c) => ({
      text: pdfText(c.text),
      type: c.type ?? 'TD',
      ...(c.scope ? { scope: c.scope } : {}),
      align: { x: c.align ?? 'left', y: 'top' },
      font: { src: c.type === 'TH' || c.fett ? FETT : SCHRIFT },
    })),
  );
  const optionen = {
    structParent: parent,
    columnStyles: spalten,
    defaultStyle: { padding: [3, 4, 3, 4], border: 0.5, borderColor: '#999999', fontSize: 9 },
    data,
  };
  doc.font(SCHRIFT).fontSize(9).fillColor('black');
  (doc as unknown as { table(o: unknown): Doc }).table(optionen);
  doc.moveDown(0.6);
}

function absatz(doc: Doc, parent: Struct, text: string, optionen: { fett?: boolean; groesse?: number; farbe?: string; abstand?: number } = {}): void {
  doc
    .font(optionen.fett ? FETT : SCHRIFT)
    .fontSize(optionen.groesse ?? 10)
    .fillColor(optionen.farbe ?? 'black')
    .text(pdfText(text), RAND.left, doc.y, { width: doc.page.width - RAND.left - RAND.right, structParent: parent, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.moveDown(optionen.abstand ?? 0.5);
}

function ueberschrift(doc: Doc, parent: Struct, ebene: 'H1' | 'H2' | 'H3', text: string): void {
  const groesse = ebene === 'H1' ? 16 : ebene === 'H2' ? 12.5 : 10.5;
  // keep a heading together with at least a few lines of what follows
  if (doc.y > doc.page.height - RAND.bottom - 90) doc.addPage();
  doc.moveDown(ebene === 'H1' ? 0.2 : 0.5);
  doc
    .font(FETT)
    .fontSize(groesse)
    .fillColor('black')
    .text(pdfText(text), RAND.left, doc.y, { width: doc.page.width - RAND.left - RAND.right, structParent: parent, structType: ebene } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.35);
}

function briefkopf(doc: Doc, teil: Struct, b: Bescheid): void {
  const s = b.briefkopf.standort;
  const breite = doc.page.width - RAND.left - RAND.right;
  const rechtsX = doc.page.width - RAND.right - 200;
  const kopf = [b.briefkopf.jobcenter, s.name, s.strasse, `${s.plz} ${s.ort}`];
  if (s.telefon) kopf.push(`Telefon ${s.telefon}`);
  if (s.email) kopf.push(s.email);
  if (s.oeffnungszeiten) kopf.push(s.oeffnungszeiten);
  doc.font(FETT).fontSize(11).text(pdfText(b.briefkopf.traeger), RAND.left, RAND.top, { width: breite - 210, structParent: teil, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.font(SCHRIFT).fontSize(8.5).fillColor(GRAU);
  let y = RAND.top;
  for (const z of kopf) {
    doc.text(pdfText(z), rechtsX, y, { width: 200, align: 'right', structParent: teil, structType: 'P' } as PDFKit.Mixins.TextOptions);
    y = doc.y;
  }
  // return line and address window (DIN 5008 positions, approx.)
  const e = b.empfaenger;
  doc
    .fontSize(7)
    .text(pdfText(`${b.briefkopf.jobcenter} · ${s.strasse} · ${s.plz} ${s.ort}`), RAND.left, 128, { width: 240, structParent: teil, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.fillColor('black').fontSize(10.5);
  const adresse = [e.name, ...(e.zusatz ? [e.zusatz] : []), e.strasse, `${e.plz} ${e.ort}`];
  doc.text(pdfText(adresse.join('\n')), RAND.left, 142, { width: 240, structParent: teil, structType: 'P' } as PDFKit.Mixins.TextOptions);
  const angaben = [`Datum: ${b.datumText}`, `Fallnummer: ${b.fallnummer}`];
  if (b.sachbearbeitung) {
    angaben.push(`Ansprechperson: ${b.sachbearbeitung.name}`);
    if (b.sachbearbeitung.telefon) angaben.push(`Durchwahl: ${b.sachbearbeitung.telefon}`);
  }
  doc.fontSize(9).text(pdfText(angaben.join('\n')), rechtsX, 160, { width: 200, align: 'right', structParent: teil, structType: 'P' } as PDFKit.Mixins.TextOptions);
  doc.x = RAND.left;
  doc.y = 250;
}

/** Renders the Bescheid; resolves with the PDF bytes. */
export function renderBescheidPdf(b: Bescheid): Promise<Buffer> {
  const erstellt = new Date(`${b.datum}T00:00:00Z`);
  const doc = new Pdfkit({
    size: 'A4',
    margins: RAND,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: pdfText(`${b.titel} ${b.fallnummer} vom ${b.datumText}`),
      Author: pdfText(b.briefkopf.jobcenter),
      Subject: pdfText(b.betreff),
      Keywords: `${b.leistung}, SGB II, ${b.fallnummer}, ${b.inhaltHash}`,
      Creator: 'vorort',
      Producer: 'vorort (pdfkit)',
      CreationDate: erstellt,
      ModDate: erstellt,
    },
  } as PDFKit.PDFDocumentOptions);
  const teile: Buffer[] = [];
  const fertig = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (d: Buffer) => teile.push(d));
    doc.on('end', () => resolve(Buffer.concat(teile)));
    doc.on('error', reject);
  });

  const dokument = doc.struct('Document');
  doc.addStructure(dokument);

  const kopf = doc.struct('Sect');
  dokument.add(kopf);
  briefkopf(doc, kopf, b);
  kopf.end();

  const haupt = doc.struct('Sect');
  dokument.add(haupt);
  ueberschrift(doc, haupt, 'H1', b.titel);
  absatz(doc, haupt, b.betreff, { fett: true });
  if (b.bewilligungszeitraum) absatz(doc, haupt, `Bewilligungszeitraum: ${b.bewilligungszeitraum.text}`);
  absatz(doc, haupt, `Bedarfsgemeinschaft: ${b.bedarfsgemeinschaft.map((p) => p.name).join(', ')}`);
  ueberschrift(doc, haupt, 'H2', 'Entscheidung');
  for (const t of b.tenor) absatz(doc, haupt, t);

  if (b.betraege && b.betraege.zeilen.length > 0) {
    ueberschrift(doc, haupt, 'H2', 'Höhe der Leistungen je Monat und Person');
    const t = b.betraege;
    const kopfzeile: Zelle[] = [
      { text: 'Monat', type: 'TH', scope: 'column' },
      ...t.spalten.map((s): Zelle => ({ text: s.name, type: 'TH', scope: 'column', align: 'right' })),
      { text: 'Summe', type: 'TH', scope: 'column', align: 'right' },
    ];
    const zeilen: Zelle[][] = t.zeilen.map((z) => [
      { text: z.monatText, type: 'TH', scope: 'row' },
      ...z.personenCent.map((c): Zelle => ({ text: betrag(c), align: 'right' })),
      { text: betrag(z.summeCent), align: 'right' },
    ]);
    zeilen.push([
      { text: 'Gesamt', type: 'TH', scope: 'row' },
      ...t.spalten.map((): Zelle => ({ text: '' })),
      { text: betrag(t.summeCent), align: 'right', fett: true },
    ]);
    tabelle(doc, haupt, [108, ...t.spalten.map(() => '*'), 80], [kopfzeile, ...zeilen]);
    absatz(doc, haupt, 'Die Beträge enthalten Regelbedarf, Mehrbedarfe, Kosten der Unterkunft und Heizung sowie gegebenenfalls den Kindersofortzuschlag.', {
      groesse: 8.5,
      farbe: GRAU,
    });
  }

  if (b.aenderungen) {
    ueberschrift(doc, haupt, 'H2', 'Was sich geändert hat');
    for (const g of b.aenderungen.gruende) absatz(doc, haupt, `• ${g}`);
    if (b.aenderungen.monate.length > 0) {
      tabelle(
        doc,
        haupt,
        ['*', 90, 90, 90],
        [
          [
            { text: 'Monat', type: 'TH', scope: 'column' },
            { text: 'bisher', type: 'TH', scope: 'column', align: 'right' },
            { text: 'neu', type: 'TH', scope: 'column', align: 'right' },
            { text: 'Unterschied', type: 'TH', scope: 'column', align: 'right' },
          ],
          ...b.aenderungen.monate.map((m): Zelle[] => [
            { text: m.monatText, type: 'TH', scope: 'row' },
            { text: betrag(m.altCent), align: 'right' },
            { text: betrag(m.neuCent), align: 'right' },
            { text: `${m.differenzCent > 0 ? '+' : ''}${betrag(m.differenzCent)}`, align: 'right' },
          ]),
        ],
      );
    }
  }

  if (b.ablehnungsgruende.length > 0) {
    ueberschrift(doc, haupt, 'H2', 'Gründe');
    for (const g of b.ablehnungsgruende) absatz(doc, haupt, `${g.monate}: ${g.text} (${g.norm})`);
  }

  if (b.berechnung.length > 0) {
    ueberschrift(doc, haupt, 'H2', 'So wurde gerechnet');
    absatz(doc, haupt, 'Bedarfe sind positiv, angerechnetes Einkommen ist negativ aufgeführt; die Summe jeder Aufstellung ist der ausgezahlte Betrag.', {
      groesse: 8.5,
      farbe: GRAU,
    });
    for (const a of b.berechnung) {
      ueberschrift(doc, haupt, 'H3', a.ueberschrift);
      const zeilen: Zelle[][] = [
        [
          { text: 'Erläuterung', type: 'TH', scope: 'column' },
          { text: 'Rechtsgrundlage; Herkunft des Werts', type: 'TH', scope: 'column' },
          { text: 'Betrag', type: 'TH', scope: 'column', align: 'right' },
        ],
        ...a.zeilen.map((z): Zelle[] => [{ text: z.text }, { text: z.quelle ? `${z.norm}; Wert: ${z.quelle}` : z.norm }, { text: z.betragCent === 0 ? '' : betrag(z.betragCent), align: 'right' }]),
        [{ text: 'Auszahlung im Monat', type: 'TH', scope: 'row' }, { text: '' }, { text: betrag(a.summeCent), align: 'right', fett: true }],
      ];
      tabelle(doc, haupt, ['*', 150, 72], zeilen);
    }
  }

  if (b.hinweise.length > 0) {
    ueberschrift(doc, haupt, 'H2', 'Hinweise');
    for (const h of b.hinweise) absatz(doc, haupt, h);
  }
  ueberschrift(doc, haupt, 'H2', 'Rechtsgrundlagen');
  absatz(doc, haupt, b.rechtsgrundlagen.join('; '));
  haupt.end();

  const rbb = doc.struct('Sect');
  dokument.add(rbb);
  ueberschrift(doc, rbb, 'H2', b.rechtsbehelfsbelehrung.ueberschrift);
  for (const t of b.rechtsbehelfsbelehrung.absaetze) absatz(doc, rbb, t);
  absatz(doc, rbb, `Prüfsumme des Bescheids (SHA-256): ${b.inhaltHash}`, { groesse: 7, farbe: GRAU });
  rbb.end();
  dokument.end();

  // page numbers as artifacts (not part of the reading order)
  const seiten = doc.bufferedPageRange();
  for (let i = 0; i < seiten.count; i++) {
    doc.switchToPage(seiten.start + i);
    const unten = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the bottom margin must not start a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(SCHRIFT)
      .fontSize(8)
      .fillColor(GRAU)
      .text(`Seite ${i + 1} von ${seiten.count}`, RAND.left, doc.page.height - RAND.bottom + 24, {
        width: doc.page.width - RAND.left - RAND.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = unten;
  }
  doc.end();
  return fertig;
}
