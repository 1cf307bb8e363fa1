/**
 * Months after the last day of known law (RECHT_BIS) are computed with the values in force on that day and marked
 * "fortgeschrieben" — never refused (issue 10, item 1).
 */
import { describe, expect, it } from 'vitest';
import { RECHT_BIS, parameterAm } from '../recht/index.ts';
import { berechne } from './index.ts';
import { erwerb, fall, person, summeCent } from '../../../tests/helpers/berechnung-faelle.ts';
import type { BerechnungErgebnis, BerechnungInput } from './schema.ts';

/** The same facts in two months: everything but the month is equal. */
const familie = (monat: string): BerechnungInput =>
  fall(
    monat,
    [
      person('a', '1985-03-10', 'antragsteller', { einkommen: [erwerb(1200, 950)] }),
      person('b', '1987-07-01', 'partner'),
      person('k1', '2016-04-04', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 259 }] }),
      person('k2', '2021-09-09', 'kind', { einkommen: [{ art: 'kindergeld', betrag: 259 }] }),
    ],
    { unterkunft: { grundmiete: 620, nebenkosten: 140, heizkosten: 95 }, leistungsbeginn: '2026-06', bewilligungszeitraumBeginn: '2026-12' },
  );

const ohneErklaerung = (r: BerechnungErgebnis) => {
  const { schritte: _s, fortgeschrieben: _f, ...rest } = r;
  void _s;
  void _f;
  return rest;
};

describe('Recht nach dem letzten bekannten Tag (fortgeschrieben)', () => {
  it('the law is known up to 31 December 2026', () => {
    expect(RECHT_BIS).toBe('2026-12-31');
    expect(parameterAm('2026-12-31').fortgeschrieben).toBeNull();
    expect(parameterAm('2027-01-01').fortgeschrieben).toBe('2026-12-31');
  });

  it('every dated parameter of January 2027 is the entry in force on 31 December 2026 (one law stand, no mix)', () => {
    const bekannt = parameterAm('2026-12-31');
    const fort = parameterAm('2027-03-15');
    for (const k of ['regelbedarf', 'mehrbedarf', 'erwerbsfreibetrag', 'versicherungspauschale', 'sofortzuschlag', 'unterkunft', 'minderung', 'leistungsname', 'kindergeld'] as const) {
      expect(fort[k], k).toBe(bekannt[k]);
    }
  });

  it('a single person in January 2027: the amounts of December 2026 to the cent, flag set', () => {
    const dez = berechne(fall('2026-12', [person('a', '1985-03-10', 'antragsteller')], { unterkunft: { grundmiete: 450, nebenkosten: 90, heizkosten: 60 } }));
    const jan = berechne(fall('2027-01', [person('a', '1985-03-10', 'antragsteller')], { unterkunft: { grundmiete: 450, nebenkosten: 90, heizkosten: 60 } }));
    expect(dez.fortgeschrieben).toBeUndefined();
    expect(jan.fortgeschrieben).toEqual({ rechtBekanntBis: '2026-12-31' });
    // 563 € Regelbedarf Stufe 1 + 600 € Unterkunft und Heizung
    expect(jan.auszahlung).toBe(1163);
    expect(jan.personen[0]).toMatchObject({ regelbedarfsstufe: 1, regelbedarf: 563, unterkunft: 600 });
    expect(ohneErklaerung(jan)).toEqual(ohneErklaerung(dez));
  });

  it('a family with income, Kindergeld and Sofortzuschlag in June 2027 equals December 2026 to the cent', () => {
    const dez = berechne(familie('2026-12'));
    const jun = berechne({ ...familie('2027-06'), bewilligungszeitraumBeginn: '2026-12' });
    expect(jun.fortgeschrieben).toEqual({ rechtBekanntBis: '2026-12-31' });
    expect(jun.personen.map((p) => [p.id, p.regelbedarfsstufe, p.regelbedarf, p.anspruch, p.sofortzuschlag])).toEqual(
      dez.personen.map((p) => [p.id, p.regelbedarfsstufe, p.regelbedarf, p.anspruch, p.sofortzuschlag]),
    );
    expect(jun.sofortzuschlag).toBe(50);
    expect(jun.auszahlung).toBe(dez.auszahlung);
    expect(jun.leistung).toBe('Grundsicherungsgeld');
    expect(summeCent(jun.schritte.map((s) => s.betrag))).toBe(Math.round(jun.auszahlung * 100));
  });

  it('the explanation says so, with a German date and no ISO date', () => {
    const r = berechne(fall('2027-01', [person('a', '1985-03-10', 'antragsteller')]));
    expect(r.schritte[0]?.text).toBe('Berechnung Grundsicherungsgeld für Januar 2027 nach dem Recht ab 1. Juli 2026');
    expect(r.schritte[1]).toMatchObject({
      text: 'Fortgeschrieben: berechnet nach dem Recht, das am 31. Dezember 2026 bekannt war; ändern sich die Regelbedarfe, ergeht ein Änderungsbescheid',
      betrag: 0,
      person: null,
    });
    for (const s of r.schritte) expect(s.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const dez = berechne(fall('2026-12', [person('a', '1985-03-10', 'antragsteller')]));
    expect(dez.schritte.some((s) => s.text.startsWith('Fortgeschrieben'))).toBe(false);
  });

  it('before the first day of stored law the error remains', () => {
    expect(() => berechne(fall('2020-12', [person('a', '1985-03-10', 'antragsteller')]))).toThrow(/vor dem hinterlegten Recht/);
  });
});
