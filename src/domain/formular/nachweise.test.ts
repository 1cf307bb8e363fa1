import { describe, expect, it } from 'vitest';
import { benoetigteNachweise, nachweisText } from './nachweise.ts';
import { geheVorwaerts } from '../../../tests/helpers/formular-durchlauf.ts';
import { alleinerziehendSelbststaendig, alleinstehend, familieMitZweiKindern, jungesPaar } from '../../../tests/helpers/formular-faelle.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

const daten = (f: typeof alleinstehend) => geheVorwaerts(f).daten as AntragDaten;

describe('benoetigteNachweise', () => {
  it('leitet die Unterlagen aus den Antworten ab', () => {
    const liste = benoetigteNachweise(daten(familieMitZweiKindern));
    expect(liste.map((n) => `${n.art}:${n.person ?? '-'}`)).toEqual([
      'identitaet:antragsteller',
      'identitaet:partner',
      'aufenthaltstitel:partner',
      'kontoauszuege:-',
      'mietvertrag:-',
      'nebenkostenabrechnung:-',
      'heizkosten:-',
      'kindergeld:k1',
      'schulbescheinigung:k1',
      'kindergeld:k2',
      'lohnabrechnungen:antragsteller',
      'arbeitsvertrag:antragsteller',
      'vermoegen:partner',
      'mutterpass:antragsteller',
    ]);
    const lohn = liste.find((n) => n.art === 'lohnabrechnungen')!;
    expect(nachweisText(lohn)).toBe('Lohnabrechnungen der letzten 3 Monate (für Anna Beispiel)');
    expect(nachweisText(lohn, 'en')).toBe('Payslips for the last 3 months (for Anna Beispiel)');
    expect(lohn.schluessel).toBe('nachweis.lohnabrechnungen');
  });

  it('unter 25: Bescheinigung für Schule, Ausbildung oder Studium; einmalige Zahlungen und Erbschaft; Unterhaltsvorschuss vom Kind', () => {
    const liste = benoetigteNachweise(daten(jungesPaar)).map((n) => `${n.art}:${n.person ?? '-'}`);
    expect(liste).toEqual(expect.arrayContaining(['schulbescheinigung:antragsteller', 'schulbescheinigung:partner', 'erbschaft:partner']));
    const allein = benoetigteNachweise(daten(alleinerziehendSelbststaendig)).map((n) => `${n.art}:${n.person ?? '-'}`);
    expect(allein).toEqual(expect.arrayContaining(['unterhaltsvorschuss:k1', 'einmalzahlung:antragsteller']));
    expect(nachweisText(benoetigteNachweise(daten(jungesPaar)).find((n) => n.art === 'erbschaft')!, 'tr')).toMatch(/Miras/);
  });

  it('alleinstehend ohne Einkommen: nur Ausweis, Kontoauszüge und Wohnkosten', () => {
    expect(benoetigteNachweise(daten(alleinstehend)).map((n) => n.art)).toEqual(['identitaet', 'kontoauszuege', 'mietvertrag', 'nebenkostenabrechnung', 'heizkosten']);
  });

  it('Selbstständigkeit, Unterhaltsvorschuss, Ernährung und Unterhaltstitel; keine Wohnkosten ohne Kosten', () => {
    const arten = benoetigteNachweise(daten(alleinerziehendSelbststaendig)).map((n) => n.art);
    expect(arten).toEqual(expect.arrayContaining(['selbststaendigkeit', 'unterhaltsvorschuss', 'aerztliche_bescheinigung', 'unterhaltstitel']));
    expect(arten).not.toContain('mietvertrag');
    expect(arten).not.toContain('kindergeld');
  });
});
