/**
 * The letters of the Minderungsverfahren as a citizen reads them (pdftotext): postal address block and Briefkopf, the
 * Zugang of the Aufforderung in a plain sentence, the personal Anhörung with and without a Termin, and a § 7b Abs. 4
 * lapse in the Minderungsbescheid (no percentage, no Stufe; first month Regelbedarf, then the whole claim).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MinderungsVorschlag } from '../../domain/fordern/stufe.ts';
import type { Briefkopf } from '../bescheid/eingabe.ts';
import { anhoerungPdf, zugangSatz } from './anhoerung-dokument.ts';
import type { EntscheidungDaten } from './entscheidung-daten.ts';
import { minderungsbescheidPdf } from './minderungsbescheid-dokument.ts';

function text(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'vorort-brief-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const briefkopf: Briefkopf = { traeger: { name: 'Kreis Musterland', jobcenter: 'Jobcenter Kreis Musterland' }, standort: { name: 'Musterstadt-Mitte', strasse: 'Marktplatz 1', plz: '12345', ort: 'Musterstadt' } };
const anschrift = { strasse: 'Lindenweg', hausnummer: '4', zusatz: 'bei Weber', plz: '12345', ort: 'Musterstadt' };
const belehrung = {
  belehrungArt: 'schriftlich',
  belehrungAm: '2026-11-10',
  belehrungText: 'Wenn Sie ohne wichtigen Grund nicht erscheinen, wird Ihr Grundsicherungsgeld gemindert.',
  belehrungZugangArt: 'persoenlich',
  belehrungZugangAm: '2026-11-17',
} as const;

describe('Briefe im Minderungsverfahren', () => {
  it('Zugang in natürlichen Sätzen', () => {
    expect(zugangSatz('persoenlich', '2026-11-17')).toBe('Wir haben es Ihnen am 17.11.2026 persönlich übergeben.');
    expect(zugangSatz('postfach', '2026-11-17')).toBe('Es wurde Ihnen am 17.11.2026 in Ihr Postfach im Bürgerportal zugestellt.');
    expect(zugangSatz('post', '2026-11-17')).toBe('Wir haben es am 17.11.2026 mit der Post an Sie geschickt.');
    expect(zugangSatz(null, null)).toBe('');
  });

  it('Anhörung: Anschrift, Briefkopf, persönliche Anhörung mit Termin bzw. gesonderter Einladung', async () => {
    const basis = {
      briefkopf,
      name: 'Jonas Weber',
      anschrift,
      v: { aktenzeichen: 'M-2026-0001', tatbestand: '32', pflichtverletzungAm: '2026-11-24', anlassText: 'Termin am 24.11.2026 versäumt.', ...belehrung },
      datum: '2026-12-07',
      frist: '2026-12-21',
      vorschlag: null,
      haertePruefungPflicht: false,
      sprache: 'de',
      erstelltVon: 'Frau Test',
      erzeugtAm: new Date('2026-12-07T09:00:00Z'),
    } as const;
    const ohne = text(await anhoerungPdf({ ...basis, persoenlichAm: '2026-12-15', termin: null }));
    expect(ohne).toContain('Jobcenter Kreis Musterland Musterstadt-Mitte, Marktplatz 1, 12345 Musterstadt');
    expect(ohne).toContain('Jonas Weber Lindenweg 4 bei Weber 12345 Musterstadt');
    expect(ohne).toContain('Datum: 07.12.2026 Aktenzeichen: M-2026-0001');
    expect(ohne).toContain('Wir haben es Ihnen am 17.11.2026 persönlich übergeben.');
    expect(ohne).toContain('Uhrzeit und Ort teilen wir Ihnen mit einer gesonderten Einladung mit.');
    expect(ohne).not.toContain('Uhr.');
    const mit = text(
      await anhoerungPdf({
        ...basis,
        persoenlichAm: '2026-12-15',
        termin: { beginn: new Date('2026-12-15T09:30:00Z'), kanal: 'vor_ort', standortName: 'Musterstadt-Mitte', strasse: 'Marktplatz 1', plz: '12345', ort: 'Musterstadt', bei: 'Team Eingang' },
      }),
    );
    expect(mit).toContain('am Dienstag, 15. Dezember 2026, 10:30 Uhr in Ihrem Jobcenter, Musterstadt-Mitte, Marktplatz 1, 12345 Musterstadt bei Team Eingang');
    expect(mit).not.toContain('gesonderten Einladung');
  });

  it('Minderungsbescheid bei Nichterreichbarkeit (§ 7b Abs. 4): keine Prozente, keine Stufe, erster Monat / ab dem zweiten Monat', async () => {
    const vorschlag: MinderungsVorschlag = {
      ergebnis: 'minderung',
      art: 'nichterreichbarkeit',
      stufe: 3,
      prozent: 100,
      monate: 3,
      vonMonat: '2027-01',
      bisMonat: '2027-03',
      betragCent: 50600,
      schritte: [{ text: '3 Meldeversäumnisse in Folge ohne wichtigen Grund.', norm: '§ 7b Abs. 4 SGB II' }],
      rechtsstand: '2026-07-01',
    };
    const daten: EntscheidungDaten = {
      bescheidAm: '2026-12-07',
      bekanntgabeAm: '2026-12-11',
      vorschlag,
      regelbedarf: { stufe: 1, cent: 50600, monat: '2027-01', quelle: 'bewilligung', text: 'Ihr Regelbedarf beträgt 506,00 Euro im Monat.' },
      meldeversaeumnisseInFolge: 3,
      schutz: { persoenlicheAnhoerung: true, haertePruefungPflicht: true, gruende: [] },
      fruehere: [{ festgestelltAm: '2026-10-01', vonMonat: '2026-11', bisMonat: '2026-11', prozent: 10, tatbestand: '32' }],
      vierAugen: true,
    };
    const t = text(
      await minderungsbescheidPdf({
        briefkopf,
        name: 'Jonas Weber',
        anschrift,
        aktenzeichen: 'M-2026-0001',
        verfahren: {
          tatbestand: '32',
          pflichtverletzungAm: '2026-11-24',
          anlassText: 'Termin versäumt.',
          ...belehrung,
          anhoerungArt: 'persoenlich',
          anhoerungAm: '2026-11-30',
          anhoerungFrist: '2026-12-04',
          antwortAm: null,
          wichtigerGrundWuerdigung: null,
          haerte: null,
          haerteWuerdigung: null,
        } as never,
        daten,
        erstelltVon: 'Frau Test',
        freigegebenVon: 'Herr Vier',
        erzeugtAm: new Date('2026-12-07T09:00:00Z'),
      }),
    );
    expect(t).toContain('Jonas Weber Lindenweg 4 bei Weber 12345 Musterstadt');
    expect(t).toContain('Wir haben es Ihnen am 17.11.2026 persönlich übergeben.');
    expect(t).toContain('Im ersten Monat (Januar 2027) entfällt Ihr Regelbedarf (506,00 Euro)');
    expect(t).toContain('Ab dem zweiten Monat entfällt Ihr ganzer Anspruch, auch Ihr Anteil an den Kosten für Unterkunft und Heizung');
    expect(t).toContain('auf die anderen Personen über');
    expect(t).toContain('um mehr als Ihren Regelbedarf ändern');
    expect(t).toContain('mindestens 1,00 Euro');
    expect(t).toContain('höchstens 3 Monate');
    expect(t).not.toContain('100 Prozent');
    expect(t).not.toContain('Stufe');
    expect(t).not.toContain('Monat(e)');
  });
});
