/**
 * The pre-check's explanation is read by citizens: no internal person id ("antragsteller", "partner", "k1"), no ISO
 * date, and one name of the benefit — the one in force in the computed month — in title and text (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { lesbarePersonen, leistungsnameVorpruefung, vorpruefungBerechnen, vorpruefungLesen } from './vorpruefung.ts';

const HAUSHALTE: { name: string; antworten: Record<string, string> }[] = [
  { name: 'allein, ohne Einkommen und ohne Miete', antworten: { geburtsdatum: '1990-05-05' } },
  { name: 'allein mit Miete', antworten: { geburtsdatum: '1990-05-05', grundmiete: '450', nebenkosten: '90', heizkosten: '60' } },
  { name: 'allein mit Lohn und Miete', antworten: { geburtsdatum: '1978-11-30', grundmiete: '480', nebenkosten: '95', heizkosten: '70', brutto: '900', netto: '720' } },
  { name: 'Paar mit Miete', antworten: { geburtsdatum: '1970-01-15', partner: 'ja', partnerGeburtsdatum: '1972-08-08', grundmiete: '600', nebenkosten: '120', heizkosten: '90' } },
  {
    name: 'Paar, beide mit Lohn, anderes Einkommen und Ersparnisse',
    antworten: { geburtsdatum: '1985-02-02', partner: 'ja', partnerGeburtsdatum: '1986-03-03', grundmiete: '650', nebenkosten: '130', heizkosten: '100', brutto: '1300', netto: '1000', partnerBrutto: '520', partnerNetto: '520', sonstiges: '80', vermoegen: '2500' },
  },
  { name: 'alleinerziehend mit 2 Kindern und Miete', antworten: { geburtsdatum: '1988-04-04', kind1: '2014-06-06', kind2: '2020-09-09', kindergeld: '259', grundmiete: '620', nebenkosten: '140', heizkosten: '95' } },
  { name: 'alleinerziehend mit 2 Kindern, Lohn und Miete', antworten: { geburtsdatum: '1988-04-04', kind1: '2014-06-06', kind2: '2020-09-09', kindergeld: '259', grundmiete: '620', nebenkosten: '140', heizkosten: '95', brutto: '1600', netto: '1220' } },
  { name: 'junge Mutter, Kind mit eigenem Überschuss', antworten: { geburtsdatum: '2004-05-05', kind1: '2008-03-03', kindergeld: '259', grundmiete: '400', nebenkosten: '100', heizkosten: '80', sonstiges: '900' } },
  { name: 'Familie mit Vermögen über dem Freibetrag', antworten: { geburtsdatum: '1980-01-01', partner: 'ja', partnerGeburtsdatum: '1981-01-01', kind1: '2012-01-01', kindergeld: '259', grundmiete: '700', nebenkosten: '150', heizkosten: '110', vermoegen: '95000' } },
];

/** Days in each law situation: Bürgergeld, Grundsicherungsgeld, a month after the last day of known law. */
const TAGE = ['2026-05-20', '2026-12-07', '2027-03-02'];

const INTERNE_ID = /(?<![\p{L}\d_-])(antragsteller|partner|k\d+)(?![\p{L}\d_-])/u;
const ISO_DATUM = /\d{4}-\d{2}-\d{2}/;

describe('Vorprüfung: lesbare Erklärung', () => {
  for (const heute of TAGE) {
    for (const h of HAUSHALTE) {
      it(`${h.name} (${heute})`, () => {
        const v = vorpruefungLesen((n) => h.antworten[n] ?? null, heute);
        expect(v.fehler).toEqual([]);
        const r = vorpruefungBerechnen(v.daten, heute);
        const texte = [...r.ergebnis.schritte.map((s) => s.text), ...r.hinweise];
        expect(texte.length).toBeGreaterThan(2);
        for (const t of texte) {
          expect(t, t).not.toMatch(INTERNE_ID);
          expect(t, t).not.toMatch(ISO_DATUM);
        }
        // one name of the benefit: the one in force in the computed month, in the title and in the text
        expect(r.leistung).toBe(leistungsnameVorpruefung(heute));
        expect(r.ergebnis.leistung).toBe(r.leistung);
        const andere = r.leistung === 'Bürgergeld' ? 'Grundsicherungsgeld' : 'Bürgergeld';
        for (const t of texte) expect(t).not.toContain(andere);
        expect(r.ergebnis.schritte[0]?.text.startsWith(`Berechnung ${r.leistung} für `)).toBe(true);
      });
    }
  }

  it('names the legal name by month: Bürgergeld until June 2026, Grundsicherungsgeld from July 2026', () => {
    expect(leistungsnameVorpruefung('2026-06-30')).toBe('Bürgergeld');
    expect(leistungsnameVorpruefung('2026-07-01')).toBe('Grundsicherungsgeld');
    expect(leistungsnameVorpruefung('2027-03-02')).toBe('Grundsicherungsgeld');
  });

  it('readable labels follow the preposition', () => {
    expect(lesbarePersonen('Regelbedarf Stufe 1 für antragsteller')).toBe('Regelbedarf Stufe 1 für Sie');
    expect(lesbarePersonen('Erwerbseinkommen von antragsteller (netto; brutto 900,00 €)')).toBe('Erwerbseinkommen von Ihnen (netto; brutto 900,00 €)');
    expect(lesbarePersonen('Grundabsetzbetrag für partner')).toBe('Grundabsetzbetrag für Ihre Partnerin oder Ihren Partner');
    expect(lesbarePersonen('Erwerbseinkommen von partner (netto; brutto 520,00 €)')).toBe('Erwerbseinkommen von Ihrer Partnerin oder Ihrem Partner (netto; brutto 520,00 €)');
    expect(lesbarePersonen('Nicht benötigtes Kindergeld von k1 wird Einkommen von antragsteller')).toBe('Nicht benötigtes Kindergeld von Kind 1 wird Einkommen von Ihnen');
    expect(lesbarePersonen('Aufteilung: antragsteller 219,43 €, partner 219,42 €, k2 5,00 €')).toBe('Aufteilung: Sie 219,43 €, Ihre Partnerin oder Ihr Partner 219,42 €, Kind 2 5,00 €');
    // words that merely contain an id stay untouched
    expect(lesbarePersonen('Partnerschaft, k1a, Antragstellerin')).toBe('Partnerschaft, k1a, Antragstellerin');
  });

  it('a month after the last day of known law is explained with its German date', () => {
    const v = vorpruefungLesen((n) => HAUSHALTE[1]!.antworten[n] ?? null, '2027-03-02');
    const r = vorpruefungBerechnen(v.daten, '2027-03-02');
    expect(r.ergebnis.fortgeschrieben).toEqual({ rechtBekanntBis: '2026-12-31' });
    expect(r.ergebnis.schritte[1]?.text).toContain('das am 31. Dezember 2026 bekannt war');
  });
});
