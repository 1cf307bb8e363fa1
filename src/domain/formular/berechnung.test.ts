import { describe, expect, it } from 'vitest';
import { berechne, type BerechnungInput } from '../berechnung/index.ts';
import { antragAbbilden, antragZuBerechnungInput, AntragUnvollstaendig } from './berechnung.ts';
import { geheVorwaerts } from '../../../tests/helpers/formular-durchlauf.ts';
import { alleinerziehendSelbststaendig, familieMitZweiKindern, jungesPaar } from '../../../tests/helpers/formular-faelle.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const familie = () => geheVorwaerts(familieMitZweiKindern).daten as AntragDaten;

/** The same facts typed by hand into the engine's exchange format. */
const vonHand: BerechnungInput = {
  version: 1,
  zeitraum: '2025-04',
  leistungsbeginn: '2025-03',
  bewilligungszeitraumBeginn: '2025-03',
  personen: [
    { id: 'antragsteller', rolle: 'antragsteller', geburtsdatum: '1988-05-12', schwanger: true, einkommen: [{ art: 'erwerbstaetigkeit', brutto: 1400, netto: 1100 }] },
    { id: 'partner', rolle: 'partner', geburtsdatum: '1986-02-01', vermoegen: 812.4 },
    { id: 'k1', rolle: 'kind', geburtsdatum: '2009-06-30', ausbildung: 'schule', einkommen: [{ art: 'kindergeld', betrag: 255 }] },
    { id: 'k2', rolle: 'kind', geburtsdatum: '2018-11-02', einkommen: [{ art: 'kindergeld', betrag: 255 }] },
  ],
  unterkunft: { grundmiete: 650, nebenkosten: 180.5, heizkosten: 95 },
};

describe('antragZuBerechnungInput', () => {
  it('Paar mit zwei Kindern und Erwerbseinkommen: dieselbe Eingabe und derselbe Betrag wie von Hand', () => {
    const input = antragZuBerechnungInput(familie(), '2025-04');
    expect(input).toEqual(vonHand);
    const ausAntrag = berechne(input);
    const handisch = berechne(vonHand);
    expect(ausAntrag.auszahlung).toBe(handisch.auszahlung);
    expect(ausAntrag.hilfebeduerftig).toBe(true);
    expect(ausAntrag.auszahlung).toBeGreaterThan(0);
    expect(ausAntrag.personen.find((p) => p.id === 'antragsteller')!.mehrbedarfe.map((m) => m.art)).toContain('schwangerschaft');
  });

  it('das Einkommen senkt den Anspruch gegenüber demselben Haushalt ohne Arbeit', () => {
    const mit = berechne(antragZuBerechnungInput(familie(), '2025-04'));
    const d = familie();
    const ohne = berechne(antragZuBerechnungInput({ ...d, einkommenVorhanden: false }, '2025-04'));
    expect(ohne.auszahlung).toBeGreaterThan(mit.auszahlung);
  });

  it('Schwangerschaft zählt ab der 13. Woche bis zum Monat der Entbindung', () => {
    const d = familie();
    expect(antragZuBerechnungInput({ ...d, antragsdatum: '2024-12-01' }, '2024-12').personen[0]!.schwanger).toBeUndefined();
    expect(antragZuBerechnungInput(d, '2025-07').personen[0]!.schwanger).toBe(true);
    expect(antragZuBerechnungInput(d, '2025-08').personen[0]!.schwanger).toBeUndefined();
  });

  it('Vorabcheck ohne Antragsdatum: keine Karenzzeit-Angaben; Alleinerziehend, Unterhaltsvorschuss, Selbstständigkeit, keine Wohnkosten', () => {
    const { daten } = geheVorwaerts(alleinerziehendSelbststaendig);
    const { antragsdatum: _, ...ohneDatum } = daten as AntragDaten;
    const { input, hinweise } = antragAbbilden(ohneDatum, '2025-04');
    expect(input.leistungsbeginn).toBeUndefined();
    expect(input.unterkunft).toBeUndefined();
    expect(input.personen.map((p) => [p.id, p.rolle, p.inBedarfsgemeinschaft])).toEqual([
      ['antragsteller', 'antragsteller', undefined],
      ['k1', 'kind', undefined],
      ['w1', 'sonstige', false],
    ]);
    // Einnahmen 1.200 − Ausgaben 850 = Gewinn 350; minus Steuern 50 = 300
    expect(input.personen[0]!.einkommen).toEqual([
      { art: 'selbststaendigkeit', brutto: 350, netto: 300 },
      { art: 'einmalig', betrag: 640, zufluss: '2025-02-15', bezeichnung: 'steuererstattung' },
    ]);
    expect(input.personen[1]!.einkommen).toEqual([{ art: 'unterhaltsvorschuss', betrag: 227 }]);
    expect(hinweise.join(' ')).toMatch(/Ernährung/);
    const ergebnis = berechne(input);
    expect(ergebnis.personen[0]!.mehrbedarfe.map((m) => m.art)).toContain('alleinerziehend');
  });

  it('Personen unter 25: Schule, Ausbildung, Studium; Erbschaft als einmalige Einnahme mit Kennzeichen', () => {
    const d = geheVorwaerts(jungesPaar).daten as AntragDaten;
    const input = antragZuBerechnungInput(d, '2025-03');
    expect(input.personen.map((p) => [p.id, p.ausbildung])).toEqual([
      ['antragsteller', 'studium'],
      ['partner', 'ausbildung'],
    ]);
    expect(input.personen[1]!.einkommen).toEqual([{ art: 'einmalig', betrag: 3000, zufluss: '2025-02-20', bezeichnung: 'erbschaft', erbschaft: true }]);
    expect(berechne(input).hilfebeduerftig).toBe(true);
  });

  it('Selbstständigkeit: Verlust zählt als Gewinn 0; der Gewinn kann auch direkt angegeben sein', () => {
    const basis = geheVorwaerts(alleinerziehendSelbststaendig).daten as AntragDaten;
    const mit = (e: Record<string, unknown>) =>
      antragZuBerechnungInput({ ...basis, einkommen: [{ id: 'e1', person: 'antragsteller', art: 'selbststaendigkeit', taetigkeit: 'Design', ...e }] }, '2025-04').personen[0]!.einkommen?.[0];
    expect(mit({ einnahmenCent: 50000, ausgabenCent: 80000 })).toEqual({ art: 'selbststaendigkeit', brutto: 0, netto: 0 });
    expect(mit({ gewinnMonatlichCent: 40000, steuernCent: 6000 })).toEqual({ art: 'selbststaendigkeit', brutto: 400, netto: 340 });
  });

  it('ohne Geburtsdatum keine Berechnung', () => {
    expect(() => antragZuBerechnungInput({}, '2025-04')).toThrow(AntragUnvollstaendig);
    expect(() => antragZuBerechnungInput(familie(), '2025-13')).toThrow(RangeError);
  });
});
