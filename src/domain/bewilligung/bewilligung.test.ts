import { describe, expect, it } from 'vitest';
import { BerechnungsFehler } from '../berechnung/fehler.ts';
import {
  BewilligungsFehler,
  STANDARD_VIER_AUGEN_REGELN,
  abschliessendeFeststellung,
  ablehnungAus,
  berechneZeitraum,
  betraegeVon,
  bewilligungszeitraum,
  leistungsbeginnAusAntrag,
  mitDurchschnitt,
  monatsZeitraum,
  ueberschneiden,
  vergleiche,
  verrechneAbschluss,
  vierAugenErforderlich,
  vierAugenRegelnSchema,
  vorlaeufigeBewilligung,
} from './index.ts';
import { familienInput, familienInputs } from './testdaten.ts';

describe('Bewilligungszeitraum (§ 41 Abs. 3 SGB II)', () => {
  it('umfasst in der Regel 12 Monate, auch über den Jahreswechsel', () => {
    const z = bewilligungszeitraum({ beginn: '2024-06' });
    expect(z).toMatchObject({ beginn: '2024-06', ende: '2025-05', von: '2024-06-01', bis: '2025-05-31', dauer: 12, norm: '§ 41 Abs. 3 SGB II' });
    expect(z.monate).toHaveLength(12);
  });
  it('wird bei vorläufiger Entscheidung oder unangemessenen Unterkunftskosten auf 6 Monate verkürzt', () => {
    expect(bewilligungszeitraum({ beginn: '2024-11', vorlaeufig: true })).toMatchObject({ ende: '2025-04', dauer: 6 });
    expect(bewilligungszeitraum({ beginn: '2024-02', kduUnangemessen: true })).toMatchObject({ ende: '2024-07', bis: '2024-07-31' });
  });
  it('erlaubt eine kürzere Dauer im Einzelfall, aber nie mehr als 12 Monate', () => {
    expect(bewilligungszeitraum({ beginn: '2024-02', monate: 3 }).bis).toBe('2024-04-30');
    expect(() => bewilligungszeitraum({ beginn: '2024-02', monate: 13 })).toThrow(BewilligungsFehler);
    expect(() => bewilligungszeitraum({ beginn: '2024-02', monate: 0 })).toThrow(/1 bis 12/);
    expect(() => bewilligungszeitraum({ beginn: '2024-13' })).toThrow(RangeError);
  });
  it('erkennt überschneidende Zeiträume', () => {
    expect(ueberschneiden({ beginn: '2024-01', ende: '2024-12' }, { beginn: '2024-12', ende: '2025-11' })).toBe(true);
    expect(ueberschneiden({ beginn: '2024-01', ende: '2024-12' }, { beginn: '2025-01', ende: '2025-12' })).toBe(false);
  });
});

describe('Leistungsbeginn und Teilmonate', () => {
  it('wirkt auf den Ersten des Antragsmonats zurück (§ 37 Abs. 2 S. 2) – der Antragsmonat ist kein Teilmonat', () => {
    expect(leistungsbeginnAusAntrag('2024-06-17')).toEqual({ monat: '2024-06', tag: '2024-06-01', norm: '§ 37 Abs. 2 S. 2 SGB II' });
    expect(monatsZeitraum('2024-06')).toBe('2024-06');
  });
  it('bildet Teilmonate nur für Beginn oder Ende des Anspruchs innerhalb des Monats', () => {
    expect(monatsZeitraum('2024-06', { anspruchVon: '2024-06-10' })).toEqual({ von: '2024-06-10', bis: '2024-06-30' });
    expect(monatsZeitraum('2024-06', { anspruchBis: '2024-06-20' })).toEqual({ von: '2024-06-01', bis: '2024-06-20' });
    expect(monatsZeitraum('2024-06', { anspruchVon: '2024-05-10', anspruchBis: '2024-07-20' })).toBe('2024-06');
    expect(() => monatsZeitraum('2024-06', { anspruchVon: '2024-07-01' })).toThrow(BewilligungsFehler);
  });
});

describe('berechneZeitraum', () => {
  const z = berechneZeitraum(familienInputs('2024-06', 12));

  it('rechnet jeden Monat mit eigenem Input: Geburtstag und neues Kindergeld wirken ab ihrem Monat', () => {
    expect(z.monate).toHaveLength(12);
    const clara = (monat: string) => z.monate.find((m) => m.monat === monat)?.personen.find((p) => p.id === 'k1');
    expect(clara('2024-08')?.regelbedarfsstufe).toBe(6);
    expect(clara('2024-09')?.regelbedarfsstufe).toBe(5); // 6. Geburtstag am 15.09.2024 – ganzer Monat (Auslegung)
    const dez = z.monate.find((m) => m.monat === '2024-12');
    const jan = z.monate.find((m) => m.monat === '2025-01');
    expect(dez?.input.personen[2]?.einkommen).toEqual([{ art: 'kindergeld', betrag: 250 }]);
    expect(jan?.input.personen[2]?.einkommen).toEqual([{ art: 'kindergeld', betrag: 255 }]);
    expect(jan?.personen.find((p) => p.id === 'k1')?.anspruchCent).not.toBe(dez?.personen.find((p) => p.id === 'k1')?.anspruchCent);
    expect(z.rechtsstand).toBe('2025-01-01');
  });

  it('summiert auf den Cent: Monate = Personen = Gesamtsumme', () => {
    let monate = 0;
    for (const m of z.monate) {
      monate += m.auszahlungCent;
      expect(m.personen.reduce((s, p) => s + p.auszahlungCent, 0)).toBe(m.auszahlungCent);
      expect(m.auszahlungCent).toBe(Math.round(m.ergebnis.auszahlung * 100));
    }
    expect(monate).toBe(z.summeCent);
    expect(z.personen.reduce((s, p) => s + p.summeCent, 0)).toBe(z.summeCent);
    expect(z.monateOhneAnspruch).toEqual([]);
  });

  it('verlangt lückenlose Monate und meldet ungültige Eingaben mit dem Monat', () => {
    const inputs = familienInputs('2024-06', 3);
    expect(() => berechneZeitraum([inputs[0]!, inputs[2]!])).toThrow(BewilligungsFehler);
    expect(() => berechneZeitraum([])).toThrow(BewilligungsFehler);
    const kaputt = { ...familienInput('2024-07'), personen: [] };
    let fehler: unknown = null;
    try {
      berechneZeitraum([inputs[0]!, kaputt]);
    } catch (e) {
      fehler = e;
    }
    expect(fehler).toBeInstanceOf(BerechnungsFehler);
    expect((fehler as BerechnungsFehler).pfad).toMatch(/^2024-07: /);
  });

  it('liefert ohne Erklärung dieselben Beträge', () => {
    const schnell = berechneZeitraum(familienInputs('2024-06', 12), { erklaerung: false });
    expect(betraegeVon(schnell)).toEqual(betraegeVon(z));
    expect(schnell.monate[0]?.ergebnis.schritte).toEqual([]);
  });
});

describe('vergleiche (Änderung)', () => {
  const alt = berechneZeitraum(familienInputs('2024-06', 12), { erklaerung: false });
  it('neue Arbeit ab Oktober: bezahlte Monate werden Überzahlung je Person, spätere nur neuer Betrag', () => {
    const neu = berechneZeitraum(familienInputs('2024-06', 12, { erwerb: (m) => (m >= '2024-10' ? { brutto: 1800, netto: 1350 } : { brutto: 1200, netto: 950 }) }), {
      erklaerung: false,
    });
    const v = vergleiche(betraegeVon(alt), betraegeVon(neu), { gezahltBis: '2024-11', entscheidungsdatum: '2024-11-20' });
    expect(v.geaendert).toBe(true);
    expect(v.geaenderteMonate.map((m) => m.monat)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(v.geaenderteMonate.filter((m) => m.vergangen).map((m) => m.monat)).toEqual(['2024-10', '2024-11']);
    const okt = v.geaenderteMonate[0]!;
    expect(okt.differenzCent).toBeLessThan(0);
    expect(okt.personen.reduce((s, p) => s + p.differenzCent, 0)).toBe(okt.differenzCent);
    expect(v.nachzahlung.gesamtCent).toBe(0);
    expect(v.ueberzahlung.gesamtCent).toBe(-(okt.differenzCent + v.geaenderteMonate[1]!.differenzCent));
    expect(v.erstattungsforderung?.betragCent).toBe(v.ueberzahlung.gesamtCent);
    expect(v.erstattungsforderung?.personen.reduce((s, p) => s + p.betragCent, 0)).toBe(v.ueberzahlung.gesamtCent);
    expect(v.erstattungsforderung?.norm).toBe('§ 50 SGB X');
  });
  it('weniger Einkommen führt zur Nachzahlung; nichts bezahlt → nur neue laufende Beträge', () => {
    const neu = berechneZeitraum(familienInputs('2024-06', 12, { erwerb: () => ({ brutto: 600, netto: 500 }) }), { erklaerung: false });
    const v = vergleiche(betraegeVon(alt), betraegeVon(neu), { gezahltBis: '2024-07' });
    expect(v.nachzahlung.monate.map((m) => m.monat)).toEqual(['2024-06', '2024-07']);
    expect(v.nachzahlung.gesamtCent).toBeGreaterThan(0);
    expect(v.erstattungsforderung).toBeNull();
    const ohne = vergleiche(betraegeVon(alt), betraegeVon(neu), { gezahltBis: null });
    expect(ohne.nachzahlung.gesamtCent).toBe(0);
    expect(ohne.geaenderteMonate).toHaveLength(12);
  });
  it('Bagatellgrenze § 40 Abs. 1 S. 3: nur Erstattung unter 50 € → keine Aufhebung für die Vergangenheit (ab 2023)', () => {
    const a = [{ monat: '2024-06', auszahlungCent: 100000, personen: [{ id: 'p1', auszahlungCent: 100000 }] }];
    const n = [{ monat: '2024-06', auszahlungCent: 96000, personen: [{ id: 'p1', auszahlungCent: 96000 }] }];
    const klein = vergleiche(a, n, { gezahltBis: '2024-06' });
    expect(klein.erstattungsforderung).toBeNull();
    expect(klein.bagatelle).toEqual({ grenzeCent: 5000, norm: '§ 40 Abs. 1 S. 3 SGB II' });
    const n2 = [{ monat: '2024-06', auszahlungCent: 95000, personen: [{ id: 'p1', auszahlungCent: 95000 }] }];
    expect(vergleiche(a, n2, { gezahltBis: '2024-06' }).erstattungsforderung?.betragCent).toBe(5000);
    const alt2022 = [{ ...a[0]!, monat: '2022-06' }];
    const neu2022 = [{ ...n[0]!, monat: '2022-06' }];
    expect(vergleiche(alt2022, neu2022, { gezahltBis: '2022-06' }).erstattungsforderung?.betragCent).toBe(4000);
  });
  it('Aufhebung: fehlende neue Monate zählen als 0', () => {
    const v = vergleiche(betraegeVon(alt).slice(0, 3), [], { gezahltBis: '2024-07' });
    expect(v.ueberzahlung.monate.map((m) => m.monat)).toEqual(['2024-06', '2024-07']);
    expect(v.geaenderteMonate).toHaveLength(3);
  });
});

const schaetzung = (m: string) => familienInput(m, { leistungsbeginn: '2024-06', bwzBeginn: '2024-06', erwerb: () => ({ brutto: 1000, netto: 800 }) });

describe('vorläufige Bewilligung und abschließende Feststellung (§ 41a)', () => {
  const monate = ['2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11'];
  const ist: Record<string, [number, number]> = {
    '2024-06': [800, 650],
    '2024-07': [1300, 1020],
    '2024-08': [900, 730],
    '2024-09': [1400, 1090],
    '2024-10': [1000, 800],
    '2024-11': [600, 500],
  };
  const tatsaechlich = monate.map((m) =>
    familienInput(m, { leistungsbeginn: '2024-06', bwzBeginn: '2024-06', erwerb: (x) => ({ brutto: ist[x]![0], netto: ist[x]![1] }) }),
  );

  it('verlangt einen Grund und rechnet mit dem geschätzten Einkommen', () => {
    expect(() => vorlaeufigeBewilligung('  ', monate.map(schaetzung))).toThrow(/Grund der Vorläufigkeit/);
    const v = vorlaeufigeBewilligung('schwankendes Einkommen aus Schichtarbeit', monate.map(schaetzung));
    expect(v.norm).toBe('§ 41a Abs. 1 und 2 SGB II');
    expect(v.zeitraum.monate).toHaveLength(6);
  });

  it('ab 2023: tatsächliches Einkommen je Monat, Überzahlungen werden mit Nachzahlungen verrechnet (Abs. 6)', () => {
    const vorl = betraegeVon(vorlaeufigeBewilligung('schwankendes Einkommen', monate.map(schaetzung)).zeitraum);
    const a = abschliessendeFeststellung(vorl, tatsaechlich);
    expect(a.methode).toBe('monatlich');
    expect(a.zeitraum.monate[0]?.input.personen[1]?.einkommen).toEqual([{ art: 'erwerbstaetigkeit', brutto: 800, netto: 650 }]);
    const saldo = a.monate.reduce((s, m) => s + m.differenzCent, 0);
    expect(a.personen.reduce((s, p) => s + p.saldoCent, 0)).toBe(saldo);
    expect(a.monate.some((m) => m.differenzCent > 0)).toBe(true);
    expect(a.monate.some((m) => m.differenzCent < 0)).toBe(true);
    // after setting off per person, what remains is either paid or reclaimed
    const nachzahlung = a.personen.filter((p) => p.saldoCent > 0).reduce((s, p) => s + p.saldoCent, 0);
    const ueber = a.personen.filter((p) => p.saldoCent < 0).reduce((s, p) => s - p.saldoCent, 0);
    expect(a.nachzahlungCent).toBe(nachzahlung);
    expect((a.erstattung?.betragCent ?? 0) + a.erstattungUnterBagatellgrenzeCent).toBe(ueber);
  });

  it('Durchschnittseinkommen (§ 41a Abs. 4 a.F.): gewählt oder für Zeiträume vor 2023', () => {
    const vorl = betraegeVon(berechneZeitraum(monate.map(schaetzung), { erklaerung: false }));
    const a = abschliessendeFeststellung(vorl, tatsaechlich, { methode: 'durchschnitt' });
    expect(a.methode).toBe('durchschnitt');
    // (800+1300+900+1400+1000+600)/6 = 1000 brutto; (650+1020+730+1090+800+500)/6 = 798.33 netto
    for (const m of a.zeitraum.monate) expect(m.input.personen[1]?.einkommen).toEqual([{ art: 'erwerbstaetigkeit', brutto: 1000, netto: 798.33 }]);
    const alt = ['2022-01', '2022-02', '2022-03'].map((m) =>
      familienInput(m, { leistungsbeginn: '2022-01', bwzBeginn: '2022-01', erwerb: (x) => (x === '2022-02' ? { brutto: 1500, netto: 1150 } : { brutto: 600, netto: 500 }) }),
    );
    const b = abschliessendeFeststellung(betraegeVon(berechneZeitraum(alt, { erklaerung: false })), alt);
    expect(b.methode).toBe('durchschnitt');
    expect(b.norm).toBe('§ 41a Abs. 4 S. 1 SGB II a.F.');
    expect(b.zeitraum.monate[1]?.input.personen[1]?.einkommen).toEqual([{ art: 'erwerbstaetigkeit', brutto: 900, netto: 716.67 }]);
  });

  it('auf Antrag tatsächliches Monatseinkommen statt Durchschnitt (Abs. 4 S. 2 Nr. 3 a.F.)', () => {
    const alt = ['2022-01', '2022-02', '2022-03'].map((m) =>
      familienInput(m, { leistungsbeginn: '2022-01', bwzBeginn: '2022-01', erwerb: (x) => (x === '2022-02' ? { brutto: 1500, netto: 1150 } : { brutto: 600, netto: 500 }) }),
    );
    const b = abschliessendeFeststellung(betraegeVon(berechneZeitraum(alt, { erklaerung: false })), alt, { methode: 'monatlich' });
    expect(b.methode).toBe('monatlich');
    expect(b.norm).toBe('§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.');
    expect(b.zeitraum.monate[1]?.input.personen[1]?.einkommen).toEqual([{ art: 'erwerbstaetigkeit', brutto: 1500, netto: 1150 }]);
    // the actual months equal the provisional ones here: nothing to pay or reclaim
    expect(b.nachzahlungCent).toBe(0);
    expect(b.erstattung).toBeNull();
  });

  it('kein Durchschnitt, wenn das Einkommen in einem Monat den Anspruch ausschließt (Abs. 4 S. 2 Nr. 2 a.F.)', () => {
    const alt = ['2022-01', '2022-02'].map((m) =>
      familienInput(m, { leistungsbeginn: '2022-01', bwzBeginn: '2022-01', erwerb: (x) => (x === '2022-02' ? { brutto: 6000, netto: 4000 } : { brutto: 600, netto: 500 }) }),
    );
    const b = abschliessendeFeststellung(betraegeVon(berechneZeitraum(alt, { erklaerung: false })), alt);
    expect(b.norm).toBe('§ 41a Abs. 4 S. 2 Nr. 2 SGB II a.F.');
    expect(b.zeitraum.monate[0]?.input.personen[1]?.einkommen).toEqual([{ art: 'erwerbstaetigkeit', brutto: 600, netto: 500 }]);
  });

  it('Bagatellgrenze Abs. 6 S. 3: verbleibende Überzahlung unter 50 € wird nicht erstattet', () => {
    const vorl = betraegeVon(berechneZeitraum([tatsaechlich[0]!], { erklaerung: false }));
    const mehr = [{ ...vorl[0]!, auszahlungCent: vorl[0]!.auszahlungCent + 3000, personen: vorl[0]!.personen.map((p, i) => (i === 0 ? { ...p, auszahlungCent: p.auszahlungCent + 3000 } : p)) }];
    const a = abschliessendeFeststellung(mehr, [tatsaechlich[0]!]);
    expect(a.erstattung).toBeNull();
    expect(a.erstattungUnterBagatellgrenzeCent).toBe(3000);
    const vielMehr = [{ ...mehr[0]!, auszahlungCent: mehr[0]!.auszahlungCent + 3000, personen: mehr[0]!.personen.map((p, i) => (i === 0 ? { ...p, auszahlungCent: p.auszahlungCent + 3000 } : p)) }];
    expect(abschliessendeFeststellung(vielMehr, [tatsaechlich[0]!]).erstattung).toMatchObject({ betragCent: 6000, personen: [{ id: 'p1', betragCent: 6000 }] });
  });

  it('mitDurchschnitt lässt nicht ausgewählte Einkommen unverändert', () => {
    const r = mitDurchschnitt(tatsaechlich.slice(0, 2), (e) => e.art === 'selbststaendigkeit');
    expect(r[0]).toEqual(tatsaechlich[0]);
  });
});

const zweiPersonen = (m: string, a: number, b: number) => ({ monat: m, auszahlungCent: a + b, personen: [{ id: 'a', auszahlungCent: a }, { id: 'b', auszahlungCent: b }] });

describe('verrechneAbschluss (§ 41a Abs. 6 SGB II)', () => {
  const alt = [zweiPersonen('2024-06', 50_000, 30_000), zweiPersonen('2024-07', 50_000, 30_000), zweiPersonen('2024-08', 50_000, 30_000), zweiPersonen('2024-09', 50_000, 30_000)];

  it('sets off per person over the paid months; the remaining overpayment from 50 € is reclaimed under § 41a Abs. 6 S. 3', () => {
    // a: −60 € in June, +25 € in July → −35 €; b: −20 € in June, +5 € in August → −15 €; September is not paid yet
    const neu = [zweiPersonen('2024-06', 44_000, 28_000), zweiPersonen('2024-07', 52_500, 30_000), zweiPersonen('2024-08', 50_000, 30_500), zweiPersonen('2024-09', 10_000, 30_000)];
    const v = vergleiche(alt, neu, { gezahltBis: '2024-08', entscheidungsdatum: '2024-10-05' });
    // month by month: Nachzahlung 30 €, Erstattung 80 € under § 50 SGB X
    expect(v.nachzahlung.gesamtCent).toBe(3000);
    expect(v.erstattungsforderung?.betragCent).toBe(8000);
    const s = verrechneAbschluss(v, '2024-06-01');
    expect(s.nachzahlung).toEqual({ gesamtCent: 0, monate: [] });
    expect(s.erstattungsforderung).toEqual({
      betragCent: 5000,
      personen: [
        { id: 'a', betragCent: 3500 },
        { id: 'b', betragCent: 1500 },
      ],
      monate: [{ monat: '2024-06', betragCent: 5000 }],
      norm: '§ 41a Abs. 6 S. 3 SGB II',
    });
    expect(s.bagatelle).toBeNull();
    expect(s.geaenderteMonate).toEqual(v.geaenderteMonate);
  });

  it('below 50 € nothing is reclaimed; a positive balance of one person stays a Nachzahlung', () => {
    // a: −40 € + 30 € = −10 €; b: +12.34 € in August
    const neu = [zweiPersonen('2024-06', 46_000, 30_000), zweiPersonen('2024-07', 53_000, 30_000), zweiPersonen('2024-08', 50_000, 31_234), zweiPersonen('2024-09', 50_000, 30_000)];
    const s = verrechneAbschluss(vergleiche(alt, neu, { gezahltBis: '2024-08' }), '2024-06-01');
    expect(s.nachzahlung).toEqual({ gesamtCent: 1234, monate: [{ monat: '2024-08', betragCent: 1234 }] });
    expect(s.ueberzahlung.gesamtCent).toBe(1000);
    expect(s.erstattungsforderung).toBeNull();
    expect(s.bagatelle).toEqual({ grenzeCent: 5000, norm: '§ 41a Abs. 6 S. 3 SGB II' });
    // the Nachzahlung of a person with more paid later than set off: the months after the set-off remain
    const mehr = [zweiPersonen('2024-06', 46_000, 30_000), zweiPersonen('2024-07', 53_000, 30_000), zweiPersonen('2024-08', 52_000, 30_000), zweiPersonen('2024-09', 50_000, 30_000)];
    expect(verrechneAbschluss(vergleiche(alt, mehr, { gezahltBis: '2024-08' }), '2024-06-01').nachzahlung).toEqual({
      gesamtCent: 1000,
      monate: [{ monat: '2024-08', betragCent: 1000 }],
    });
  });

  it('before 2023 there is no Bagatellgrenze: every remaining overpayment is reclaimed', () => {
    const alt22 = alt.map((m) => ({ ...m, monat: m.monat.replace('2024', '2022') }));
    const neu = [zweiPersonen('2022-06', 49_000, 30_000), ...alt22.slice(1)];
    const s = verrechneAbschluss(vergleiche(alt22, neu, { gezahltBis: '2022-09' }), '2022-06-01');
    expect(s.erstattungsforderung).toMatchObject({ betragCent: 1000, norm: '§ 41a Abs. 6 S. 3 SGB II' });
  });
});

describe('Vier-Augen-Prinzip', () => {
  const regeln = { ...STANDARD_VIER_AUGEN_REGELN, nachzahlungAbCent: 50_000, monatsbetragAbCent: 250_000, ablehnung: true };
  it('verlangt die Freigabe nur ab den Schwellen des Trägers und nennt die Gründe', () => {
    expect(vierAugenErforderlich(regeln, { art: 'aenderung', nachzahlungCent: 49_999, hoechsterMonatsbetragCent: 164_000 })).toEqual({ erforderlich: false, gruende: [] });
    const p = vierAugenErforderlich(regeln, { art: 'aenderung', nachzahlungCent: 50_000, hoechsterMonatsbetragCent: 260_000 });
    expect(p.erforderlich).toBe(true);
    expect(p.gruende.map((g) => g.code)).toEqual(['nachzahlung', 'monatsbetrag']);
    expect(p.gruende[0]?.text).toContain('500,00 €');
    expect(vierAugenErforderlich(regeln, { art: 'ablehnung' }).gruende.map((g) => g.code)).toEqual(['ablehnung']);
    expect(vierAugenErforderlich(regeln, { art: 'aufhebung' }).erforderlich).toBe(true);
    expect(vierAugenErforderlich({ ...regeln, aufhebung: false, erstattungAbCent: null }, { art: 'aufhebung', erstattungCent: 9_999_999 }).erforderlich).toBe(false);
  });
  it('prüft gespeicherte Regeln mit zod', () => {
    expect(vierAugenRegelnSchema.safeParse(STANDARD_VIER_AUGEN_REGELN).success).toBe(true);
    expect(vierAugenRegelnSchema.safeParse({ ...STANDARD_VIER_AUGEN_REGELN, nachzahlungAbCent: -1 }).success).toBe(false);
  });
});

describe('Ablehnung mit Gründen', () => {
  it('Einkommen deckt den Bedarf: Gründe mit Zahlen, Monate zusammengefasst', () => {
    const z = berechneZeitraum(familienInputs('2024-06', 3, { erwerb: () => ({ brutto: 5000, netto: 3400 }) }));
    const a = ablehnungAus(z);
    expect(a?.vollstaendig).toBe(true);
    expect(a?.gruende).toHaveLength(1);
    expect(a?.gruende[0]).toMatchObject({ grund: 'einkommen', monate: ['2024-06', '2024-07', '2024-08'] });
    expect(a?.gruende[0]?.text).toMatch(/Einkommen von [\d.]+,\d\d € deckt den Gesamtbedarf der Bedarfsgemeinschaft von [\d.]+,\d\d €/);
    expect(a?.gruende[0]?.einkommenCent).toBeGreaterThanOrEqual(a?.gruende[0]?.bedarfCent ?? 0);
  });
  it('Vermögen über dem Freibetrag (nach der Karenzzeit) mit Vermögen und Freibetrag', () => {
    const z = berechneZeitraum([familienInput('2024-06', { leistungsbeginn: '2023-01', bwzBeginn: '2024-06', vermoegen: 100_000 })]);
    const a = ablehnungAus(z);
    expect(a?.gruende[0]).toMatchObject({ grund: 'vermoegen', vermoegenCent: 10_000_000, freibetragCent: 6_000_000 });
    expect(a?.gruende[0]?.text).toContain('100.000,00 €');
    expect(a?.gruende[0]?.text).toContain('60.000,00 €');
  });
  it('gibt null zurück, wenn jeder Monat einen Anspruch hat', () => {
    expect(ablehnungAus(berechneZeitraum(familienInputs('2024-06', 2)))).toBeNull();
  });
});
