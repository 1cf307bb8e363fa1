/**
 * The Monatsbericht assembled from stored figures (src/domain/statistik/bericht.ts `monatsbericht`): deltas against
 * Vormonat and Vorjahresmonat, the Integrationen three months back, costs of the month before and the year to date,
 * quotes (null without or below the minimum Bezugsgröße), breakdowns and series. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { lzbBestimmbarAb, monatsbericht, type Datenstand, type MonatsberichtEingabe } from './bericht.ts';

type Werte = Record<string, Record<string, number>>;

function eingabe(werte: Werte, o: Partial<MonatsberichtEingabe> = {}, stand: Record<string, Datenstand> = {}): MonatsberichtEingabe {
  return {
    monat: '2026-11',
    stichtag: '2026-11-30',
    ebene: 'traeger',
    region: { id: null, name: 'Jobcenter Musterland' },
    werte: (m) => (werte[m] ? new Map(Object.entries(werte[m])) : undefined),
    datenstand: (m) => (werte[m] ? (stand[m] ?? 'vorlaeufig') : undefined),
    bezugsgroesse: () => null,
    ...o,
  };
}

describe('monatsbericht', () => {
  it('computes Δ Vormonat and Δ Vorjahresmonat like the seed (7.741 BG, 104 fewer, 120 fewer than a year ago)', () => {
    const b = monatsbericht(eingabe({ '2026-11': { bg: 7741, elb: 10312, nef: 3712, personen: 14024 }, '2026-10': { bg: 7845 }, '2025-11': { bg: 7861 } }));
    expect(b.bestand.bg).toEqual({
      kennung: 'bg',
      wert: 7741,
      vormonat: 7845,
      vorjahr: 7861,
      // 7741 / 7845 − 1 = −1.3257 % → −1.3; 7741 / 7861 − 1 = −1.5265 % → −1.5
      deltaVormonat: { absolut: -104, prozent: -1.3 },
      deltaVorjahr: { absolut: -120, prozent: -1.5 },
      datenstand: 'vorlaeufig',
    });
    expect(b.bestand.nef.wert).toBe(3712);
    // a month with a snapshot but no row of the figure counts 0; a month without a snapshot is null
    expect(b.bestand.elb.vormonat).toBe(0);
    expect(b.bestand.elb.deltaVormonat).toEqual({ absolut: 10312, prozent: null });
    const ohneVorjahr = monatsbericht(eingabe({ '2026-11': { personen: 5 }, '2026-10': { personen: 4 } }));
    expect(ohneVorjahr.bestand.personen.vorjahr).toBeNull();
    expect(ohneVorjahr.bestand.personen.deltaVorjahr).toEqual({ absolut: null, prozent: null });
    expect(ohneVorjahr.bestand.personen.deltaVormonat).toEqual({ absolut: 1, prozent: 25 });
  });

  it('early months: LZB not yet determinable, Integrationen month and year sums before the first data get a note', () => {
    // data from 11/2023: the 730-day window of 31.10.2025 starts on 2.11.2023, that of 30.9.2025 before the data
    expect(lzbBestimmbarAb('2023-11', null)).toBe('2025-10');
    const werte = { '2024-01': { bg: 3, lzb: 2 }, '2023-12': { bg: 3, lzb: 1 }, '2023-11': { bg: 2 } };
    const b = monatsbericht(eingabe(werte, { monat: '2024-01', stichtag: '2024-01-31', ersterDatenmonat: '2023-11', stichtagTag: null }));
    expect(b.bestand.lzb).toMatchObject({ wert: null, vormonat: null, vorjahr: null, deltaVormonat: { absolut: null, prozent: null } });
    expect(b.bestand.bg.wert).toBe(3);
    expect(b.hinweise).toEqual({
      lzb: 'Die Daten reichen noch keine 24 Monate zurück; Langzeitleistungsbezug ist erst ab 10/2025 bestimmbar.',
      // Integrationen month 10/2023, cost month 12/2023 with the year from 01/2023
      integrationen: 'Keine Statistik für 10/2023 (vor den ersten Daten).',
      jahr: 'Daten ab 11/2023.',
    });
    // 11/2025: LZB known, Integrationen month 08/2025 within the data; the year 2025 starts after 11/2023
    const spaeter = monatsbericht(eingabe({ '2025-11': { lzb: 4 } }, { monat: '2025-11', stichtag: '2025-11-30', ersterDatenmonat: '2023-11', stichtagTag: null }));
    expect(spaeter.bestand.lzb.wert).toBe(4);
    expect(spaeter.hinweise).toEqual({ lzb: null, integrationen: null, jahr: null });
    // year to date from January 2024 but data only from 03/2024; Integrationen month 03/2024 is the first data month
    const jahr = monatsbericht(eingabe({ '2024-06': { bg: 1 } }, { monat: '2024-06', stichtag: '2024-06-30', ersterDatenmonat: '2024-03', stichtagTag: null }));
    expect(jahr.hinweise).toMatchObject({ jahr: 'Daten ab 03/2024.', integrationen: null });
  });

  it('shows the Integrationen of the month three months back with shares of Integrationen + Minijobs (168 svB = 66.4 %)', () => {
    const b = monatsbericht(
      eingabe(
        {
          '2026-11': { bg: 1 },
          '2026-08': { 'integration.svb_vollzeit': 100, 'integration.svb_teilzeit': 60, 'integration.gefoerdert_16e': 8, 'integration.ausbildung': 0, 'integration.minijob': 85, integrationen: 168 },
          '2025-08': { integrationen: 166 },
        },
        {},
        { '2026-08': 'endgueltig' },
      ),
    );
    expect(b.integrationen.monat).toBe('2026-08');
    expect(b.integrationen.datenstand).toBe('endgueltig');
    expect(b.integrationen.gesamt).toBe(253);
    // 168 / 253 = 66.40 %
    expect(b.integrationen.svb).toEqual({ anzahl: 168, anteil: 66.4 });
    // 85 / 253 = 33.60 %
    expect(b.integrationen.minijob).toEqual({ art: 'minijob', kennung: 'integration.minijob', anzahl: 85, anteil: 33.6 });
    expect(b.integrationen.arten.map((a) => a.art)).toEqual(['svb_vollzeit', 'svb_teilzeit', 'ausbildung', 'selbststaendigkeit', 'gefoerdert_16e']);
    expect(b.integrationen.arten[0]).toEqual({ art: 'svb_vollzeit', kennung: 'integration.svb_vollzeit', anzahl: 100, anteil: 39.5 });
    expect(b.integrationen.integrationen.deltaVorjahr).toEqual({ absolut: 2, prozent: 1.2 });
    expect(b.reihen.integrationen).toHaveLength(13);
    expect(b.reihen.integrationen.at(-1)?.monat).toBe('2026-08');
    expect(b.reihen.integrationen[0]?.monat).toBe('2025-08');
  });

  it('takes the costs of the month before and sums January … that month; Standort has no costs', () => {
    const werte: Werte = {
      '2026-11': { bg: 1 },
      '2026-10': { 'kosten.gesamt_cent': 898_000_000, 'kosten.unterkunft_kommunal_cent': 140_000_000 },
      '2026-09': { 'kosten.gesamt_cent': 900_000_000 },
      '2026-01': { 'kosten.gesamt_cent': 100 },
      '2025-12': { 'kosten.gesamt_cent': 5 },
    };
    const b = monatsbericht(eingabe(werte));
    expect(b.kosten?.monat).toBe('2026-10');
    expect(b.kosten?.jahrVon).toBe('2026-01');
    expect(b.kosten?.gesamt).toEqual({ kennung: 'kosten.gesamt_cent', monatCent: 898_000_000, jahrCent: 1_798_000_100 });
    expect(b.kosten?.unterkunftKommunal.monatCent).toBe(140_000_000);
    // no Eingliederungsleistungen in the year → not shown
    expect(b.kosten?.eingliederung).toBeNull();
    expect(b.reihen.kosten).toHaveLength(13);
    expect(b.reihen.kosten[0]?.monat).toBe('2025-10');
    expect(monatsbericht(eingabe(werte, { ebene: 'standort', region: { id: 'x', name: 'S' } })).kosten).toBeNull();
  });

  it('Leistungen laut Bewilligungen of the same month and the year to date, also without any bookings and at Standort', () => {
    const werte: Werte = {
      '2026-11': { bg: 1 },
      '2026-10': { 'zahlung.llu_cent': 600_000_000, 'zahlung.luh_cent': 290_000_000, 'zahlung.luh_bund_cent': 150_000_000, 'zahlung.luh_kommunal_cent': 140_000_000, 'zahlung.sofortzuschlag_cent': 8_000_000 },
      '2026-09': { 'zahlung.llu_cent': 10, 'zahlung.luh_cent': 5 },
      '2025-12': { 'zahlung.llu_cent': 7 },
    };
    const b = monatsbericht(eingabe(werte));
    expect(b.leistungen).toMatchObject({ monat: '2026-10', jahrVon: '2026-01', datenstand: 'vorlaeufig' });
    expect(b.leistungen?.lebensunterhalt).toEqual({ kennung: 'zahlung.llu_cent', monatCent: 600_000_000, jahrCent: 600_000_010 });
    expect(b.leistungen?.unterkunftBund.monatCent).toBe(150_000_000);
    expect(b.leistungen?.unterkunftKommunal.monatCent).toBe(140_000_000);
    // Summe = LLU + KdU brutto + Kindersofortzuschlag (the Bund/kommunal split is part of KdU): 898 Mio. + 15 Cent in September
    expect(b.leistungen?.gesamt).toEqual({ kennung: 'zahlung.gesamt_cent', monatCent: 898_000_000, jahrCent: 898_000_015 });
    // no bookings at all: the Kosten block is all 0, the Leistungen are not
    expect(b.kosten?.gesamt.monatCent).toBe(0);
    expect(b.reihen.leistungen).toHaveLength(13);
    expect(b.reihen.leistungen.at(-1)).toEqual({ monat: '2026-10', datenstand: 'vorlaeufig', lebensunterhaltCent: 600_000_000, unterkunftCent: 290_000_000, sofortzuschlagCent: 8_000_000, gesamtCent: 898_000_000 });
    expect(b.reihen.leistungen[0]).toEqual({ monat: '2025-10', datenstand: null, lebensunterhaltCent: null, unterkunftCent: null, sofortzuschlagCent: null, gesamtCent: null });
    expect(monatsbericht(eingabe(werte, { ebene: 'standort', region: { id: 'x', name: 'S' } })).leistungen?.gesamt.monatCent).toBe(898_000_000);
    // the Leistungsmonat without a snapshot: no Leistungen
    expect(monatsbericht(eingabe({ '2026-11': { bg: 1 } })).leistungen).toBeNull();
  });

  it('January: cost month is December of the year before, the year to date that whole year', () => {
    const b = monatsbericht(eingabe({ '2027-01': { bg: 1 }, '2026-12': { 'kosten.gesamt_cent': 10 }, '2026-01': { 'kosten.gesamt_cent': 1 } }, { monat: '2027-01', stichtag: '2027-01-31' }));
    expect(b.kosten?.monat).toBe('2026-12');
    expect(b.kosten?.gesamt.jahrCent).toBe(11);
  });

  it('quotes: null with a reason without a Bezugsgröße or below 15,000; else Arbeitslose / Bezugsgröße', () => {
    const werte: Werte = { '2026-11': { alo: 2002, elb: 6008, nef: 3036 } };
    const ohne = monatsbericht(eingabe(werte));
    expect(ohne.arbeitslosenquote).toMatchObject({ kennung: 'quote.alo', wert: null, grund: 'keine_bezugsgroesse', bezugsgroesse: null });
    const klein = monatsbericht(eingabe(werte, { bezugsgroesse: () => ({ wert: 14_999, gueltigAb: '2026-05' }) }));
    expect(klein.arbeitslosenquote).toMatchObject({ wert: null, grund: 'bezugsgroesse_zu_klein' });
    const genau = monatsbericht(eingabe(werte, { bezugsgroesse: (art) => ({ wert: art === 'zivile_erwerbspersonen' ? 15_000 : 100_000, gueltigAb: '2026-05' }) }));
    // 2002 / 15000 = 13.347 % → 13.3; (6008 + 3036) / 100000 = 9.044 % → 9.0
    expect(genau.arbeitslosenquote).toMatchObject({ wert: 13.3, grund: null, bezugsgroesse: { art: 'zivile_erwerbspersonen', wert: 15_000, gueltigAb: '2026-05' } });
    expect(genau.sgb2Quote).toMatchObject({ kennung: 'quote.sgb2', wert: 9, grund: null });
  });

  it('breakdowns with shares, 25-month series with gaps, data stand per month', () => {
    const b = monatsbericht(
      eingabe(
        {
          '2026-11': { elb: 200, 'elb.alter.u25': 30, 'elb.alter.25_49': 120, 'elb.alter.ue50': 50, 'elb.geschlecht.w': 101, 'elb.alleinerziehend': 17, bg: 150 },
          '2024-11': { bg: 100, elb: 130 },
        },
        {},
        { '2024-11': 'endgueltig' },
      ),
    );
    expect(b.aufteilung.elb.alter).toEqual([
      { schluessel: 'u25', kennung: 'elb.alter.u25', wert: 30, anteil: 15 },
      { schluessel: '25_49', kennung: 'elb.alter.25_49', wert: 120, anteil: 60 },
      { schluessel: 'ue50', kennung: 'elb.alter.ue50', wert: 50, anteil: 25 },
    ]);
    expect(b.aufteilung.elb.geschlecht[0]).toEqual({ schluessel: 'w', kennung: 'elb.geschlecht.w', wert: 101, anteil: 50.5 });
    expect(b.aufteilung.elb.alleinerziehend.anteil).toBe(8.5);
    expect(b.aufteilung.alo.gesamt).toBe(0);
    expect(b.aufteilung.alo.alter[0]?.anteil).toBeNull();
    expect(b.reihen.bestand).toHaveLength(25);
    expect(b.reihen.bestand[0]).toEqual({ monat: '2024-11', datenstand: 'endgueltig', bg: 100, elb: 130 });
    expect(b.reihen.bestand[1]).toEqual({ monat: '2024-12', datenstand: null, bg: null, elb: null });
    expect(b.reihen.bestand[24]).toEqual({ monat: '2026-11', datenstand: 'vorlaeufig', bg: 150, elb: 200 });
  });
});
