import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berechne, pruefe, type BerechnungInput, type EinkommenInput, type PersonInput } from './index.ts';
import { tageImMonat } from './datum.ts';
import { summeCent } from '../../../tests/helpers/berechnung-faelle.ts';

const cent = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const pad = (n: number) => String(n).padStart(2, '0');
const ARTEN = ['unterhalt', 'unterhaltsvorschuss', 'rente', 'arbeitslosengeld', 'krankengeld', 'elterngeld', 'selbststaendigkeit', 'sonstiges'] as const;

const einkommenArb: fc.Arbitrary<EinkommenInput> = fc.oneof(
  fc
    .record({ brutto: fc.integer({ min: 0, max: 320000 }), anteil: fc.integer({ min: 55, max: 100 }), abs: fc.option(fc.integer({ min: 0, max: 30000 })) })
    .map(({ brutto, anteil, abs }) => {
      const netto = Math.floor((brutto * anteil) / 100);
      const e: EinkommenInput = { art: 'erwerbstaetigkeit', brutto: brutto / 100, netto: netto / 100 };
      // proven deductions only above 400 € (the statutory cliff of § 11b Abs. 2 S. 2 is tested separately)
      if (abs !== null && brutto > 40000) e.absetzungen = abs / 100;
      return e;
    }),
  fc.record({ art: fc.constantFrom(...ARTEN), betrag: cent(1500) }),
  // Selbständigkeit with Gewinn and net (§ 3 Bürgergeld-V)
  fc
    .record({ gewinn: fc.integer({ min: 0, max: 300000 }), anteil: fc.integer({ min: 55, max: 100 }) })
    .map(({ gewinn, anteil }): EinkommenInput => ({ art: 'selbststaendigkeit', brutto: gewinn / 100, netto: Math.floor((gewinn * anteil) / 100) / 100 })),
);

/** One-off inflows with the spreading decided (an open decision may flip with other income — § 11 Abs. 3 S. 4 itself). */
const einmaligArb = (jahr: number, monat: number): fc.Arbitrary<EinkommenInput> =>
  fc
    .record({ betrag: cent(4000), zurueck: fc.integer({ min: 0, max: 7 }), tag: fc.integer({ min: 1, max: 28 }), aufteilen: fc.boolean(), erbracht: fc.boolean() })
    .map(({ betrag, zurueck, tag, aufteilen, erbracht }) => {
      const idx = jahr * 12 + monat - 1 - zurueck;
      const zufluss = `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}-${pad(zurueck === 0 ? 1 : tag)}`;
      return { art: 'einmalig', betrag, zufluss, aufteilen, ...(erbracht ? { leistungBereitsErbracht: true } : {}) };
    });

type Roh = { alter: number; gm: number; gt: number };
const rohPerson = (min: number, max: number) =>
  fc.record({ alter: fc.integer({ min, max }), gm: fc.integer({ min: 1, max: 12 }), gt: fc.integer({ min: 1, max: 28 }) });

/** Arbitrary valid cases (exchange format v1) across 2021–2026. */
export const fallArb: fc.Arbitrary<BerechnungInput> = fc
  .record({
    jahr: fc.integer({ min: 2021, max: 2026 }),
    monat: fc.integer({ min: 1, max: 12 }),
    teil: fc.option(fc.integer({ min: 2, max: 28 }), { freq: 2 }),
    a: rohPerson(25, 62),
    b: fc.option(rohPerson(25, 62)),
    kinder: fc.array(rohPerson(0, 24), { maxLength: 4 }),
    sonstige: fc.option(rohPerson(18, 80)),
    einkommen: fc.array(fc.array(einkommenArb, { maxLength: 2 }), { minLength: 7, maxLength: 7 }),
    kindergeld: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    vermoegen: fc.array(fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: cent(70000), weight: 1 }), { minLength: 2, maxLength: 2 }),
    mehr: fc.array(
      fc.record({
        schwanger: fc.boolean(),
        behinderung: fc.boolean(),
        ernaehrung: fc.option(cent(200), { freq: 4 }),
        unabweisbar: fc.option(cent(100), { freq: 4 }),
        minderung: fc.constantFrom(0, 0, 0, 10),
      }),
      { minLength: 7, maxLength: 7 },
    ),
    unterkunft: fc.option(
      fc.record({
        grundmiete: cent(1500),
        nebenkosten: cent(400),
        heizkosten: cent(300),
        warmwasserDezentral: fc.boolean(),
        angemessen: fc.option(fc.record({ bruttokaltmiete: cent(1200), heizkosten: cent(200) })),
      }),
      { freq: 5 },
    ),
    lbAbstand: fc.option(fc.integer({ min: 0, max: 48 })),
    frueher: fc.option(fc.record({ luecke: fc.integer({ min: 1, max: 48 }), dauer: fc.integer({ min: 1, max: 24 }) }), { freq: 3 }),
    ausbildung: fc.array(fc.constantFrom(undefined, undefined, 'schule', 'ausbildung', 'studium'), { minLength: 4, maxLength: 4 }),
    sgb12: fc.boolean(),
    einmalig: fc.option(fc.nat({ max: 1000 }), { freq: 4 }),
    bwzAbstand: fc.option(fc.integer({ min: 0, max: 11 })),
    kgAnB: fc.boolean(),
  })
  .map((r) => {
    const geburt = (p: Roh): string => {
      let j = r.jahr - p.alter;
      if (j === r.jahr && p.gm > r.monat) j -= 1;
      return `${j}-${pad(p.gm)}-${pad(p.gt)}`;
    };
    const personen: PersonInput[] = [];
    const push = (p: PersonInput, i: number, erwachsen: boolean) => {
      const m = r.mehr[i]!;
      const ek = [...(r.einkommen[i] ?? [])];
      if (ek.length) p.einkommen = [...(p.einkommen ?? []), ...ek];
      if (m.schwanger && (erwachsen || p.rolle === 'kind')) p.schwanger = true;
      const mehrbedarf: NonNullable<PersonInput['mehrbedarf']> = {};
      if (m.behinderung && erwachsen) mehrbedarf.behinderung = true;
      if (m.ernaehrung !== null) mehrbedarf.ernaehrung = m.ernaehrung;
      if (m.unabweisbar !== null) mehrbedarf.unabweisbar = m.unabweisbar;
      if (Object.keys(mehrbedarf).length) p.mehrbedarf = mehrbedarf;
      if (erwachsen && m.minderung && !p.sgb12) p.minderungProzent = m.minderung;
      personen.push(p);
    };
    push({ id: 'a', geburtsdatum: geburt(r.a), rolle: 'antragsteller', ...(r.vermoegen[0] !== null ? { vermoegen: r.vermoegen[0] } : {}) }, 0, true);
    if (r.b) push({ id: 'b', geburtsdatum: geburt(r.b), rolle: 'partner', ...(r.vermoegen[1] !== null ? { vermoegen: r.vermoegen[1] } : {}), ...(r.sgb12 ? { sgb12: true } : {}) }, 1, true);
    r.kinder.forEach((k, i) => {
      const ausbildung = r.ausbildung[i];
      const p: PersonInput = { id: `k${i}`, geburtsdatum: geburt(k), rolle: 'kind', ...(ausbildung ? { ausbildung } : {}) };
      if (r.kindergeld[i]) p.einkommen = [{ art: 'kindergeld', betrag: 250 }];
      if (r.kgAnB && r.b) p.kindergeldberechtigter = 'b';
      push(p, 2 + i, false);
    });
    if (r.sonstige) personen.push({ id: 's', geburtsdatum: geburt(r.sonstige), rolle: 'sonstige' });
    if (r.einmalig !== null) {
      const wer = personen[r.einmalig % personen.length]!;
      if (wer.rolle !== 'sonstige') {
        const [ek] = fc.sample(einmaligArb(r.jahr, r.monat), { numRuns: 1, seed: r.einmalig });
        wer.einkommen = [...(wer.einkommen ?? []), ek!];
      }
    }
    const monatsIndex = r.jahr * 12 + r.monat - 1;
    const monatText = (idx: number) => `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
    const input: BerechnungInput = {
      version: 1,
      zeitraum:
        r.teil === null
          ? `${r.jahr}-${pad(r.monat)}`
          : { von: `${r.jahr}-${pad(r.monat)}-${pad(r.teil)}`, bis: `${r.jahr}-${pad(r.monat)}-${pad(tageImMonat(r.jahr, r.monat))}` },
      personen,
    };
    if (r.unterkunft) {
      const { angemessen, ...u } = r.unterkunft;
      input.unterkunft = angemessen ? { ...u, angemessen } : u;
    }
    if (r.lbAbstand !== null) {
      const lb = monatsIndex - r.lbAbstand;
      input.leistungsbeginn = monatText(lb);
      if (r.frueher) input.fruehererBezug = [{ von: monatText(lb - r.frueher.luecke - r.frueher.dauer), bis: monatText(lb - r.frueher.luecke - 1 + 0) }];
      if (r.bwzAbstand !== null) input.bewilligungszeitraumBeginn = monatText(Math.max(lb, monatsIndex - r.bwzAbstand));
    }
    return input;
  });

const c = (x: number) => Math.round(x * 100);
const ohneAbsetzungen = (e: EinkommenInput): EinkommenInput => (e.art === 'erwerbstaetigkeit' ? { art: e.art, brutto: e.brutto, netto: e.netto } : e);

describe('Eigenschaften der Berechnung (fast-check)', () => {
  it('der Generator erzeugt nur gültige Fälle', () => {
    fc.assert(
      fc.property(fallArb, (f) => {
        expect(() => pruefe(f)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('Ansprüche sind nie negativ; Personen-Ansprüche ergeben die Summe; Schritte ergeben die Auszahlung', () => {
    fc.assert(
      fc.property(fallArb, (f) => {
        const r = berechne(f);
        for (const p of r.personen) {
          expect(p.anspruch).toBeGreaterThanOrEqual(0);
          expect(p.minderung).toBeGreaterThanOrEqual(0);
          expect(p.sofortzuschlag).toBeGreaterThanOrEqual(0);
          expect(p.bedarf).toBeGreaterThanOrEqual(0);
        }
        expect(r.anspruch).toBeGreaterThanOrEqual(0);
        expect(summeCent(r.personen.map((p) => p.anspruch))).toBe(c(r.anspruch));
        expect(summeCent(r.personen.map((p) => p.sofortzuschlag))).toBe(c(r.sofortzuschlag));
        expect(c(r.auszahlung)).toBe(c(r.anspruch) + c(r.sofortzuschlag));
        expect(summeCent(r.schritte.map((s) => s.betrag))).toBe(c(r.auszahlung));
        expect(r.hilfebeduerftig).toBe(r.anspruch > 0 || r.personen.some((p) => p.minderung > 0));
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('mehr Einkommen erhöht den Anspruch nie', () => {
    fc.assert(
      // the extra income carries no proven deductions: more deductions legitimately lower the income
      fc.property(fallArb, fc.nat({ max: 10 }), einkommenArb.map(ohneAbsetzungen), (f, wer, extra) => {
        // The Freibetrag grows with the gross (up to 30 % of it) and is deducted from the net: an extra job whose net is
        // below 30 % of its gross (only by rounding, e.g. 0,01 € gross and 0,00 € net) legitimately raises the claim.
        fc.pre(extra.art !== 'erwerbstaetigkeit' || c(extra.netto) * 10 >= c(extra.brutto) * 3);
        const vorher = berechne(f);
        const mehr = structuredClone(f);
        const p = mehr.personen[wer % mehr.personen.length]!;
        p.einkommen = [...(p.einkommen ?? []), extra];
        const nachher = berechne(mehr);
        expect(c(nachher.anspruch)).toBeLessThanOrEqual(c(vorher.anspruch));
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('steigt der Unterhalt eines Kindes, steigt der Anspruch der Bedarfsgemeinschaft nie', () => {
    fc.assert(
      fc.property(fallArb, fc.nat({ max: 10 }), cent(800).filter((x) => x > 0), (f, wer, mehrUnterhalt) => {
        const kinder = f.personen.filter((p) => p.rolle === 'kind');
        fc.pre(kinder.length > 0);
        const vorher = berechne(f);
        const mehr = structuredClone(f);
        const kind = mehr.personen.filter((p) => p.rolle === 'kind')[wer % kinder.length]!;
        kind.einkommen = [...(kind.einkommen ?? []), { art: 'unterhalt', betrag: mehrUnterhalt }];
        expect(c(berechne(mehr).anspruch)).toBeLessThanOrEqual(c(vorher.anspruch));
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('derselbe Euro als Betriebsausgabe statt Gewinn senkt den Anspruch nie', () => {
    fc.assert(
      fc.property(fallArb, fc.nat({ max: 10 }), fc.integer({ min: 1, max: 300000 }), fc.integer({ min: 55, max: 100 }), fc.integer({ min: 1, max: 100000 }), (f, wer, gewinn, anteil, ausgabe) => {
        const netto = Math.floor((gewinn * anteil) / 100);
        const verschoben = Math.min(ausgabe, netto);
        const mit = (g: number, n: number): BerechnungInput => {
          const x = structuredClone(f);
          const p = x.personen[wer % x.personen.length]!;
          p.einkommen = [...(p.einkommen ?? []), { art: 'selbststaendigkeit', brutto: g / 100, netto: n / 100 }];
          return x;
        };
        // Gewinn = Betriebseinnahmen − Betriebsausgaben: a euro more of Ausgaben lowers Gewinn and net alike (taxes unchanged)
        const vorher = berechne(mit(gewinn, netto));
        const nachher = berechne(mit(gewinn - verschoben, netto - verschoben));
        expect(c(nachher.anspruch)).toBeGreaterThanOrEqual(c(vorher.anspruch));
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('ein Teilmonat übersteigt nie den vollen Monat', () => {
    fc.assert(
      fc.property(fallArb, fc.integer({ min: 2, max: 28 }), (f, tag) => {
        const voll = structuredClone(f);
        const z = typeof f.zeitraum === 'string' ? f.zeitraum : f.zeitraum.von.slice(0, 7);
        voll.zeitraum = z;
        const [j, m] = z.split('-').map(Number) as [number, number];
        const teil = structuredClone(f);
        teil.zeitraum = { von: `${z}-${pad(tag)}`, bis: `${z}-${pad(tageImMonat(j, m))}` };
        const rv = berechne(voll);
        const rt = berechne(teil);
        expect(c(rt.anspruch)).toBeLessThanOrEqual(c(rv.anspruch));
        expect(c(rt.gesamtbedarf)).toBeLessThanOrEqual(c(rv.gesamtbedarf));
        // Not asserted for `auszahlung`: the Kindersofortzuschlag (§ 72) is no Bedarf and follows its own rule. A child
        // whose income covers its full-month need by a few cents stays in the BG (no Sofortzuschlag when the BG is not
        // hilfebedürftig); in a part month the need is prorated but income counts in full, the child leaves the BG
        // because of Kindergeld and gets the Sofortzuschlag (§ 72 Abs. 1 S. 2 Nr. 2 as implemented). Found by this
        // property (seed -1731161110); the legal reading of that boundary is an open point in docs/berechnung.md.
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('ohne Erklärungstexte dieselben Beträge (Massenberechnung)', () => {
    fc.assert(
      fc.property(fallArb, (f) => {
        const mit = berechne(f);
        const ohne = berechne(f, { erklaerung: false });
        expect({ ...ohne, schritte: [] }).toEqual({ ...mit, schritte: [] });
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
