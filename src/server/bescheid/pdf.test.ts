import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { euroText } from '../../domain/berechnung/geld.ts';
import { erstelleBescheid } from '../../domain/bescheid/index.ts';
import { aenderungsEingabe, bewilligungsEingabe } from '../../domain/bescheid/testbescheid.ts';
import { renderBescheidPdf } from './pdf.ts';

const verzeichnis = mkdtempSync(join(tmpdir(), 'vorort-bescheid-'));
afterAll(() => rmSync(verzeichnis, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const datei = join(verzeichnis, `${name}.pdf`);
  writeFileSync(datei, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', datei, '-'], { encoding: 'utf8' });
}

/** pdftotext keeps words but may break lines anywhere: compare with collapsed whitespace. */
const flach = (t: string): string => t.replace(/\s+/g, ' ');

describe('Bescheid als PDF', () => {
  it('Bewilligung für ein Paar mit zwei Kindern und Erwerbseinkommen, 12 Monate: Beträge, Namen, Leistung, Rechtsbehelfsbelehrung', async () => {
    const b = erstelleBescheid(bewilligungsEingabe('2024-06', 12));
    const pdf = await renderBescheidPdf(b);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const text = flach(pdfText(pdf, 'bewilligung'));
    expect(text).toContain('Bewilligungsbescheid');
    expect(text).toContain('Bürgergeld');
    for (const n of ['Anna Beispiel', 'Ben Beispiel', 'Clara Beispiel', 'David Beispiel']) expect(text).toContain(n);
    expect(text).toContain('Jobcenter Kreis Musterland');
    expect(text).toContain('F-2024-000123');
    // every monthly total and the period total appear
    for (const z of b.betraege?.zeilen ?? []) expect(text).toContain(euroText(z.summeCent));
    expect(text).toContain(euroText(b.betraege?.summeCent ?? 0));
    expect(text).toContain('1.640,00 €');
    // explanation with norms and names
    expect(text).toContain('Regelbedarf Stufe 2 für Anna Beispiel');
    expect(text).toContain('§ 20 Abs. 4 SGB II');
    expect(text).toContain('Regelbedarf Stufe 5 für Clara Beispiel');
    // Rechtsbehelfsbelehrung
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('Widerspruch');
    expect(text).toContain('einen Monat');
    expect(text).toContain(b.inhaltHash);
    // tagged and with language and title
    const roh = pdf.toString('latin1');
    expect(roh).toContain('/StructTreeRoot');
    expect(roh).toMatch(/\/Marked true/);
    expect(roh).toContain('/Lang (de-DE)');
    expect(roh).toContain('/DisplayDocTitle true');
  });

  it('die Berechnungsanlage nennt zu jedem Betrag Norm und Herkunft des Werts (Fundstelle der Verordnung)', async () => {
    const b = erstelleBescheid(bewilligungsEingabe('2024-06', 12));
    const zeilen = b.berechnung.flatMap((a) => a.zeilen);
    for (const z of zeilen.filter((x) => x.betragCent !== 0)) expect(z.quelle, z.text).toBeTruthy();
    const text = flach(pdfText(await renderBescheidPdf(b), 'herkunft'));
    expect(text).toContain('Herkunft des Werts');
    expect(text).toMatch(/§ 20 Abs. 4 SGB II; Wert: § 20 Abs. 1a SGB II i.V.m. RBSFV 2024/);
    expect(text).toContain('RBSFV 2025');
  });

  it('ist deterministisch: gleiches Modell → gleiche Bytes und gleicher Hash', async () => {
    const a = await renderBescheidPdf(erstelleBescheid(bewilligungsEingabe('2024-06', 12)));
    const b = await renderBescheidPdf(erstelleBescheid(bewilligungsEingabe('2024-06', 12)));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  });

  it('2022 heißt die Leistung Arbeitslosengeld II', async () => {
    const text = flach(pdfText(await renderBescheidPdf(erstelleBescheid(bewilligungsEingabe('2022-03', 6))), 'alg2'));
    expect(text).toContain('Arbeitslosengeld II');
    expect(text).not.toContain('Bürgergeld');
  });

  it('Änderungsbescheid zeigt Gründe und die Tabelle bisher/neu', async () => {
    const b = erstelleBescheid(aenderungsEingabe());
    const text = flach(pdfText(await renderBescheidPdf(b), 'aenderung'));
    expect(text).toContain('Änderungsbescheid');
    expect(text).toContain('Was sich geändert hat');
    expect(text).toContain('Ben Beispiel verdient seit Oktober 2024 mehr');
    const okt = b.aenderungen?.monate[0];
    expect(text).toContain(euroText(okt?.altCent ?? 0));
    expect(text).toContain(euroText(okt?.neuCent ?? 0));
  });
});
