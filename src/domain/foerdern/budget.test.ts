import { describe, expect, it } from 'vitest';
import {
  anteileJeMonat,
  faelligeMonate,
  foerderleistungMonate,
  freizugeben,
  kostenJeJahr,
  passtInsBudget,
  summe,
  uebersicht,
  type Bindung,
} from './budget.ts';

describe('kostenJeJahr', () => {
  it('splits 1.000,00 € monthly over 15.11.2026–14.02.2027 pro rata by days, cent-exact', () => {
    const monate = anteileJeMonat({ betragJeMonatCent: 100_000, von: '2026-11-15', bis: '2027-02-14' });
    // November: 16 of 30 days = 533,33…; December, January full; February 14 of 28 days = 500,00
    expect(monate).toEqual([
      { monat: '2026-11', betragCent: 53_333 },
      { monat: '2026-12', betragCent: 100_000 },
      { monat: '2027-01', betragCent: 100_000 },
      { monat: '2027-02', betragCent: 50_000 },
    ]);
    const jahre = kostenJeJahr({ kostenJePlatzCent: 100_000, kostenart: 'monatlich', von: '2026-11-15', bis: '2027-02-14' });
    expect(jahre).toEqual([
      { haushaltsjahr: 2026, betragCent: 153_333 },
      { haushaltsjahr: 2027, betragCent: 150_000 },
    ]);
    expect(summe(jahre)).toBe(summe(monate));
  });

  it('rounds on the running total so that thirds add up exactly', () => {
    // 10 days of a 30-day month three times over: 333,33… each; the parts add up to the rounded total 1.000,00
    const monate = anteileJeMonat({ betragJeMonatCent: 100_000, von: '2026-04-01', bis: '2026-06-30' });
    expect(summe(monate)).toBe(300_000);
    const drittel = anteileJeMonat({ betragJeMonatCent: 100, von: '2026-04-21', bis: '2026-04-30' });
    expect(drittel).toEqual([{ monat: '2026-04', betragCent: 33 }]);
    const odd = anteileJeMonat({ betragJeMonatCent: 99_999, von: '2026-01-17', bis: '2029-03-03' });
    const exakt = odd.reduce((s, m) => s + m.betragCent, 0);
    const jahre = kostenJeJahr({ kostenJePlatzCent: 99_999, kostenart: 'monatlich', von: '2026-01-17', bis: '2029-03-03' });
    expect(jahre.map((j) => j.haushaltsjahr)).toEqual([2026, 2027, 2028, 2029]);
    expect(summe(jahre)).toBe(exakt);
    // whole years of full months are exact
    expect(jahre[1]).toEqual({ haushaltsjahr: 2027, betragCent: 12 * 99_999 });
  });

  it('handles leap years by the days of February', () => {
    expect(anteileJeMonat({ betragJeMonatCent: 2_900, von: '2028-02-01', bis: '2028-02-01' })).toEqual([{ monat: '2028-02', betragCent: 100 }]);
  });

  it('puts a pauschal amount wholly into the year of the start', () => {
    expect(kostenJeJahr({ kostenJePlatzCent: 250_000, kostenart: 'pauschal', von: '2026-12-01', bis: '2027-05-31' })).toEqual([{ haushaltsjahr: 2026, betragCent: 250_000 }]);
    expect(kostenJeJahr({ kostenJePlatzCent: 0, kostenart: 'pauschal', von: '2026-12-01', bis: '2027-05-31' })).toEqual([]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => kostenJeJahr({ kostenJePlatzCent: 1, kostenart: 'monatlich', von: '2026-02-01', bis: '2026-01-31' })).toThrow(RangeError);
  });

  it('keeps earlier months unchanged when the period is shortened', () => {
    const lang = anteileJeMonat({ betragJeMonatCent: 77_777, von: '2026-03-11', bis: '2026-12-31' });
    const kurz = anteileJeMonat({ betragJeMonatCent: 77_777, von: '2026-03-11', bis: '2026-07-19' });
    expect(kurz.slice(0, -1)).toEqual(lang.slice(0, kurz.length - 1));
  });
});

describe('Förderleistungen', () => {
  it('pays a one-off amount in the month of its day and a monthly one pro rata, in advance', () => {
    expect(foerderleistungMonate({ betragCent: 30_000, einmalig: true, gueltigVon: '2026-12-10', gueltigBis: null })).toEqual([{ monat: '2026-12', betragCent: 30_000 }]);
    const monate = foerderleistungMonate({ betragCent: 28_000, einmalig: false, gueltigVon: '2026-11-16', gueltigBis: '2027-05-15' });
    expect(monate[0]).toEqual({ monat: '2026-11', betragCent: 14_000 });
    // the run of December pays November (not yet paid) and January in advance
    expect(faelligeMonate(monate, '2026-12', new Set()).map((m) => m.monat)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(faelligeMonate(monate, '2026-12', new Set(['2026-11', '2026-12'])).map((m) => m.monat)).toEqual(['2027-01']);
    // ended early: nothing after the end
    const beendet = foerderleistungMonate({ betragCent: 28_000, einmalig: false, gueltigVon: '2026-11-16', gueltigBis: '2027-05-15', beendetAm: '2027-01-31' });
    expect(beendet.map((m) => m.monat)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

const b = (x: Partial<Bindung>): Bindung => ({ haushaltsjahr: 2026, titel: 'egt_bund', instrument: 'sgb3_45_mat', standortId: 's1', betragCent: 0, aufgeloestCent: 0, ausgezahltCent: 0, ...x });

describe('overview', () => {
  it('computes gebunden = bound − released − paid and frei = Soll − gebunden − ausgezahlt, with Verpflichtungen', () => {
    const bindungen = [
      b({ betragCent: 100_000, ausgezahltCent: 30_000, aufgeloestCent: 10_000 }),
      b({ betragCent: 50_000, instrument: 'sgb2_16d_agh', standortId: 's2' }),
      b({ betragCent: 20_000, titel: 'kommunal_16a', instrument: 'sgb2_16a_schuldnerberatung' }),
      b({ haushaltsjahr: 2027, betragCent: 70_000 }),
      b({ haushaltsjahr: 2028, betragCent: 5_000, aufgeloestCent: 5_000 }),
    ];
    const u = uebersicht({ jahr: 2026, jahre: [2026], soll: [{ haushaltsjahr: 2026, titel: 'egt_bund', sollCent: 1_000_000 }], bindungen });
    expect(u.jeTitel).toEqual([
      { haushaltsjahr: 2026, titel: 'egt_bund', sollCent: 1_000_000, gebundenCent: 110_000, ausgezahltCent: 30_000, freiCent: 860_000 },
      { haushaltsjahr: 2026, titel: 'kommunal_16a', sollCent: null, gebundenCent: 20_000, ausgezahltCent: 0, freiCent: null },
    ]);
    expect(u.jeInstrument.map((z) => [z.instrument, z.gebundenCent])).toEqual([
      ['sgb2_16d_agh', 50_000],
      ['sgb3_45_mat', 60_000],
      ['sgb2_16a_schuldnerberatung', 20_000],
    ]);
    expect(u.jeStandort.find((z) => z.standortId === 's2' && z.titel === 'egt_bund')?.gebundenCent).toBe(50_000);
    expect(u.verpflichtungen).toEqual([{ haushaltsjahr: 2027, titel: 'egt_bund', gebundenCent: 70_000 }]);
  });

  it('checks the free budget per year', () => {
    const frei = new Map([
      [2026, 1_000],
      [2027, 50],
    ]);
    expect(passtInsBudget([{ haushaltsjahr: 2026, betragCent: 1_000 }], frei).passt).toBe(true);
    expect(passtInsBudget([{ haushaltsjahr: 2026, betragCent: 900 }, { haushaltsjahr: 2027, betragCent: 51 }, { haushaltsjahr: 2028, betragCent: 1 }], frei)).toEqual({
      passt: false,
      fehlend: [
        { haushaltsjahr: 2027, freiCent: 50, benoetigtCent: 51 },
        { haushaltsjahr: 2028, freiCent: 0, benoetigtCent: 1 },
      ],
    });
  });

  it('releases only what is neither needed nor paid', () => {
    expect(freizugeben({ betragCent: 1_000, aufgeloestCent: 0, ausgezahltCent: 200 }, 600)).toBe(400);
    expect(freizugeben({ betragCent: 1_000, aufgeloestCent: 100, ausgezahltCent: 800 }, 600)).toBe(100);
    expect(freizugeben({ betragCent: 1_000, aufgeloestCent: 0, ausgezahltCent: 0 }, 1_200)).toBe(0);
  });
});
