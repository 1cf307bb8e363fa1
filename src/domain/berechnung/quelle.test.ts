import { describe, expect, it } from 'vitest';
import { berechne } from './index.ts';
import { erwerb, fall, person } from '../../../tests/helpers/berechnung-faelle.ts';

const familie = (monat: string) =>
  berechne(
    fall(
      monat,
      [
        person('a', '1985-03-01', 'antragsteller', { einkommen: [erwerb(1500, 1150)] }),
        person('b', '1987-05-01', 'partner', { einkommen: [{ art: 'unterhalt', betrag: 100 }] }),
        person('k', '2016-02-01', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 250 }] }),
      ],
      { unterkunft: { grundmiete: 600, nebenkosten: 150, heizkosten: 90, warmwasserDezentral: true } },
    ),
  );

describe('Herkunft der Werte in der Erklärung (schritte[].quelle)', () => {
  it('jeder Betrag nennt Norm und Herkunft; der Regelbedarf die Verordnung des Jahres', () => {
    const r = familie('2024-06');
    for (const s of r.schritte.filter((x) => x.betrag !== 0)) {
      expect(s.norm, s.text).toMatch(/§/);
      expect(s.quelle?.length ?? 0, s.text).toBeGreaterThan(5);
    }
    const rb = r.schritte.find((s) => s.text.startsWith('Regelbedarf Stufe 2 für a'));
    expect(rb).toMatchObject({ betrag: 506, norm: '§ 20 Abs. 4 SGB II', quelle: '§ 20 Abs. 1a SGB II i.V.m. RBSFV 2024' });
    expect(familie('2025-06').schritte.find((s) => s.text.startsWith('Regelbedarf Stufe 2 für a'))?.quelle).toContain('RBSFV 2025');
    expect(r.schritte.find((s) => s.text.startsWith('Erwerbstätigenfreibetrag'))?.quelle).toContain('§ 11b');
    expect(r.schritte.find((s) => s.text.startsWith('Versicherungspauschale'))?.quelle).toBe('§ 6 Abs. 1 Nr. 1 Bürgergeld-V');
    expect(r.schritte.find((s) => s.text.startsWith('Anteil an Unterkunft'))?.quelle).toBe('Angaben im Fall');
    expect(r.schritte.find((s) => s.text.startsWith('Kindersofortzuschlag'))?.quelle).toContain('§ 72');
  });
});
