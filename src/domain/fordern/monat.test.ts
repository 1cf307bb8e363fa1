import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berechne, type BerechnungInput, type EinkommenInput, type PersonInput } from '../berechnung/index.ts';
import { fallakteZuBerechnungInput, type FallZustand, type PersonZustand } from '../fallakte/index.ts';
import { parameterAm } from '../recht/index.ts';
import { inputMitMinderungen, minderungImMonat, minderungLaeuftIm, type MinderungFakt } from './monat.ts';

const plus = (m: string, n: number) => {
  const [j, mm] = m.split('-').map(Number) as [number, number];
  const i = j * 12 + mm - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const pad = (n: number) => String(n).padStart(2, '0');
const cent = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const cent100 = (e: number) => Math.round(e * 100);

const fakt = (o: Partial<MinderungFakt> = {}): MinderungFakt => ({
  personId: 'p',
  art: 'minderung',
  prozent: 10,
  vonMonat: '2024-07',
  bisMonat: '2024-09',
  beendetAbMonat: null,
  aufgehobenAm: null,
  ...o,
});

describe('minderungImMonat (Minderung → month of the Bewilligung)', () => {
  it('reduces the months from von to bis, not before or after, and only the person concerned', () => {
    const f = [fakt()];
    expect(minderungImMonat(f, 'p', '2024-06')).toEqual({ prozent: 0, nichtErreichbar: false });
    expect(minderungImMonat(f, 'p', '2024-07')).toEqual({ prozent: 10, nichtErreichbar: false });
    expect(minderungImMonat(f, 'p', '2024-09')).toEqual({ prozent: 10, nichtErreichbar: false });
    expect(minderungImMonat(f, 'p', '2024-10').prozent).toBe(0);
    expect(minderungImMonat(f, 'q', '2024-08').prozent).toBe(0);
  });
  it('an early end stops it from beendetAbMonat; an Aufhebung removes every month', () => {
    const frueh = fakt({ beendetAbMonat: '2024-08' });
    expect(minderungImMonat([frueh], 'p', '2024-07').prozent).toBe(10);
    expect(minderungImMonat([frueh], 'p', '2024-08').prozent).toBe(0);
    expect(minderungLaeuftIm(frueh, '2024-09')).toBe(false);
    const weg = fakt({ aufgehobenAm: '2024-08-15' });
    expect(['2024-07', '2024-08', '2024-09'].map((m) => minderungImMonat([weg], 'p', m).prozent)).toEqual([0, 0, 0]);
  });
  it('sums overlapping Minderungen and caps them by the law of the month (§ 31a Abs. 4: 30 %; Moratorium 2022: 10 %)', () => {
    const f = [fakt({ prozent: 20 }), fakt({ prozent: 20, vonMonat: '2024-08', bisMonat: '2024-10' })];
    expect(['2024-07', '2024-08', '2024-09', '2024-10'].map((m) => minderungImMonat(f, 'p', m).prozent)).toEqual([20, 30, 30, 20]);
    const moratorium = [fakt({ prozent: 30, vonMonat: '2022-06', bisMonat: '2022-08' })];
    expect(['2022-06', '2022-07', '2022-08'].map((m) => minderungImMonat(moratorium, 'p', m).prozent)).toEqual([30, 10, 10]);
  });
  it('a Wegfall des Regelbedarfs (§ 31a Abs. 7) is 100 % only where the law of the month allows it', () => {
    const f = [fakt({ art: 'wegfall_regelbedarf', prozent: 100, vonMonat: '2026-02', bisMonat: '2026-04' })];
    // § 31a Abs. 7 ran out with 27.3.2026: March is still under it (law of the 1st), April falls back to the cap
    expect(['2026-02', '2026-03', '2026-04'].map((m) => minderungImMonat(f, 'p', m).prozent)).toEqual([100, 100, 30]);
    expect(minderungImMonat([fakt({ art: 'wegfall_regelbedarf', prozent: 100, vonMonat: '2026-07', bisMonat: '2026-07' })], 'p', '2026-07').prozent).toBe(100);
  });
  it('a § 7b Abs. 4 Nichterreichbarkeit sets the flag, without a percentage of its own', () => {
    const f = [fakt({ art: 'nichterreichbarkeit', prozent: 100, vonMonat: '2026-08', bisMonat: '2026-08' }), fakt({ prozent: 30, vonMonat: '2026-07', bisMonat: '2026-09' })];
    expect(minderungImMonat(f, 'p', '2026-07')).toEqual({ prozent: 30, nichtErreichbar: false });
    // first month of the lapse: only the Regelbedarf goes (§ 7b Abs. 4 S. 4), from the second month the whole claim
    expect(minderungImMonat(f, 'p', '2026-08')).toEqual({ prozent: 100, nichtErreichbar: false });
    const lang = [fakt({ art: 'nichterreichbarkeit', prozent: 100, vonMonat: '2026-08', bisMonat: '2026-10' })];
    expect(minderungImMonat(lang, 'p', '2026-09')).toEqual({ prozent: 0, nichtErreichbar: true });
    expect(minderungImMonat(lang, 'p', '2026-10')).toEqual({ prozent: 0, nichtErreichbar: true });
  });

  it('property: never above the cap of the month except a Wegfall where the law allows it; nothing outside the facts', () => {
    const monatArb = fc.record({ j: fc.integer({ min: 2021, max: 2026 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ j, m }) => `${j}-${String(m).padStart(2, '0')}`);
    const faktArb = fc
      .record({
        person: fc.constantFrom('p', 'q'),
        art: fc.constantFrom('minderung', 'minderung', 'minderung', 'wegfall_regelbedarf', 'nichterreichbarkeit'),
        prozent: fc.integer({ min: 1, max: 100 }),
        von: monatArb,
        dauer: fc.integer({ min: 0, max: 5 }),
        beendet: fc.option(fc.integer({ min: 1, max: 5 })),
        aufgehoben: fc.boolean(),
      })
      .map((r): MinderungFakt => {
        return {
          personId: r.person,
          art: r.art as MinderungFakt['art'],
          prozent: r.prozent,
          vonMonat: r.von,
          bisMonat: plus(r.von, r.dauer),
          beendetAbMonat: r.beendet === null ? null : plus(r.von, r.beendet),
          aufgehobenAm: r.aufgehoben ? '2026-12-01' : null,
        };
      });
    fc.assert(
      fc.property(fc.array(faktArb, { maxLength: 6 }), monatArb, (fakten, monat) => {
        const r = minderungImMonat(fakten, 'p', monat);
        const regel = parameterAm(`${monat}-01`).minderung.wert;
        const laufend = fakten.filter((f) => f.personId === 'p' && minderungLaeuftIm(f, monat));
        // § 7b Abs. 4 S. 4 (from 7/2026): the first month of a lapse takes only the Regelbedarf
        const istErster = (f: MinderungFakt) => f.art === 'nichterreichbarkeit' && f.vonMonat === monat && monat >= '2026-07';
        const erster = laufend.some(istErster);
        const wegfall = (laufend.some((f) => f.art === 'wegfall_regelbedarf') || erster) && regel.vollerWegfall;
        expect(wegfall ? r.prozent === 100 : r.prozent <= regel.hoechstProzent).toBe(true);
        expect(r.prozent).toBeGreaterThanOrEqual(0);
        expect(laufend.every((f) => f.art === 'nichterreichbarkeit') && !erster ? r.prozent : 0).toBe(0);
        expect(r.nichtErreichbar).toBe(laufend.some((f) => f.art === 'nichterreichbarkeit' && !istErster(f)));
        // the engine accepts every result (pruefung.ts checks the same law)
        expect(r.prozent <= regel.hoechstProzent || (r.prozent === 100 && regel.vollerWegfall)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('engine: a Minderung never touches Unterkunft und Heizung (§ 31a Abs. 3 S. 3, § 19 Abs. 3 S. 2)', () => {
  const einkommenArb: fc.Arbitrary<EinkommenInput[]> = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 250_000 }).map((b): EinkommenInput => ({ art: 'erwerbstaetigkeit', brutto: b / 100, netto: Math.floor(b * 0.8) / 100 })),
      cent(1200).map((betrag): EinkommenInput => ({ art: 'rente', betrag })),
    ),
    { maxLength: 2 },
  );
  const fallArb = fc.record({
    jahr: fc.integer({ min: 2021, max: 2026 }),
    monat: fc.integer({ min: 1, max: 12 }),
    partner: fc.boolean(),
    kinder: fc.integer({ min: 0, max: 2 }),
    einkommenA: einkommenArb,
    einkommenB: einkommenArb,
    miete: cent(1200),
    heizung: cent(200),
    prozentRoh: fc.integer({ min: 1, max: 100 }),
  });

  it('property: with any permitted minderungProzent every person keeps the KdU share of the claim; only the person’s own Regelbedarf part goes', () => {
    fc.assert(
      fc.property(fallArb, (r) => {
        const monat = `${r.jahr}-${pad(r.monat)}`;
        const personen: PersonInput[] = [{ id: 'a', geburtsdatum: '1985-05-05', rolle: 'antragsteller', ...(r.einkommenA.length ? { einkommen: r.einkommenA } : {}) }];
        if (r.partner) personen.push({ id: 'b', geburtsdatum: '1987-03-03', rolle: 'partner', ...(r.einkommenB.length ? { einkommen: r.einkommenB } : {}) });
        for (let i = 0; i < r.kinder; i++) personen.push({ id: `k${i}`, geburtsdatum: `${r.jahr - 3 - i * 4}-01-15`, rolle: 'kind', einkommen: [{ art: 'kindergeld', betrag: 250 }] });
        const input: BerechnungInput = { version: 1, zeitraum: monat, personen, unterkunft: { grundmiete: r.miete, nebenkosten: 0, heizkosten: r.heizung } };
        const regel = parameterAm(`${monat}-01`).minderung.wert;
        const prozent = regel.vollerWegfall && r.prozentRoh > 60 ? 100 : Math.max(1, Math.round((r.prozentRoh * regel.hoechstProzent) / 100));
        const ohne = berechne(input);
        const mit = berechne({ ...input, personen: personen.map((p) => (p.id === 'a' ? { ...p, minderungProzent: prozent } : p)) });
        for (const p0 of ohne.personen) {
          const p1 = mit.personen.find((p) => p.id === p0.id)!;
          // the KdU Bedarf of every person is unchanged …
          expect(p1.unterkunft).toBe(p0.unterkunft);
          // … and so is the part of the claim that covers it
          expect(cent100(p1.anspruch)).toBeGreaterThanOrEqual(Math.min(cent100(p0.anspruch), cent100(p0.unterkunft)));
          expect(p0.id === 'a' ? p0 : p1).toEqual(p0);
        }
        const a0 = ohne.personen.find((p) => p.id === 'a')!;
        const a1 = mit.personen.find((p) => p.id === 'a')!;
        // never more than the percentage of the person's own Regelbedarf
        expect(cent100(a1.minderung)).toBeLessThanOrEqual(Math.round((cent100(a0.regelbedarf) * prozent) / 100));
        expect(cent100(a0.anspruch) - cent100(a1.anspruch)).toBe(cent100(a1.minderung));
      }),
      { numRuns: 400 },
    );
  });
});

const person = (id: string, erwerbsfaehig: boolean | null): PersonZustand => ({
  id,
  rolle: 'antragsteller',
  inBg: true,
  mitgliedSeit: '2024-01-01',
  vorname: 'A',
  nachname: 'B',
  geburtsdatum: '1980-01-01',
  geschlecht: null,
  staatsangehoerigkeit: 'DE',
  familienstand: null,
  telefon: null,
  email: null,
  merkmale: erwerbsfaehig === null ? null : ({ erwerbsfaehig } as PersonZustand['merkmale']),
  einkommen: [],
  vermoegen: [],
});
const zustand = (p: PersonZustand, minderungen?: MinderungFakt[]): FallZustand => ({
  stichtag: '2024-08-01',
  bg: { id: 'bg', fallnummer: 'F', standortId: 's', status: 'aktiv', version: 1 },
  personen: [p],
  beziehungen: [],
  adresse: null,
  bank: null,
  unterkunft: null,
  unterhaltspflichtige: [],
  ...(minderungen ? { minderungen } : {}),
});
describe('the engine input of a month gets the Minderung of that month', () => {
  it('fallakteZuBerechnungInput: from the facts, only in their months, not for a person recorded as not erwerbsfähig', () => {
    const f = [fakt()];
    expect(fallakteZuBerechnungInput(zustand(person('p', null), f), '2024-08').personen[0]!.minderungProzent).toBe(10);
    expect(fallakteZuBerechnungInput(zustand(person('p', null), f), '2024-10').personen[0]!.minderungProzent).toBeUndefined();
    expect(fallakteZuBerechnungInput(zustand(person('p', false), f), '2024-08').personen[0]!.minderungProzent).toBeUndefined();
    expect(fallakteZuBerechnungInput(zustand(person('p', null)), '2024-08').personen[0]!.minderungProzent).toBeUndefined();
  });
  it('inputMitMinderungen: sets, changes and removes only the Minderung of a stored input', () => {
    const gespeichert: BerechnungInput = { version: 1, zeitraum: '2024-08', personen: [{ id: 'p', geburtsdatum: '1980-01-01', rolle: 'antragsteller', minderungProzent: 20 }], unterkunft: { grundmiete: 400, nebenkosten: 0, heizkosten: 0 } };
    expect(inputMitMinderungen(gespeichert, [fakt()])).toEqual({ ...gespeichert, personen: [{ ...gespeichert.personen[0], minderungProzent: 10 }] });
    expect(inputMitMinderungen(gespeichert, [fakt({ aufgehobenAm: '2024-09-01' })]).personen[0]).toEqual({ id: 'p', geburtsdatum: '1980-01-01', rolle: 'antragsteller' });
    const teil: BerechnungInput = { ...gespeichert, zeitraum: { von: '2024-08-10', bis: '2024-08-31' } };
    expect(inputMitMinderungen(teil, [fakt({ prozent: 30 })]).personen[0]!.minderungProzent).toBe(30);
  });
});
